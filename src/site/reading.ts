/** What readers get from a body's text: its plain words, reading time, heading anchors. */
import type { Block, Document, Inline, Text } from '@contentful/rich-text-types';

type Node = Block | Inline | Text;

const inlineTypes = new Set(['text', 'hyperlink', 'entry-hyperlink', 'asset-hyperlink', 'resource-hyperlink', 'embedded-entry-inline', 'embedded-resource-inline']);

/** Text of a Rich Text tree, blocks separated by newlines. */
export function plainText(node: Document | Node): string {
  if (node.nodeType === 'text') return typeof (node as Text).value === 'string' ? (node as Text).value : '';
  const content = (node as Block).content;
  if (!Array.isArray(content)) return '';
  const inline = content.every((c) => inlineTypes.has(c.nodeType));
  return content.map((c) => plainText(c as Node)).join(inline ? '' : '\n');
}

/** Words per minute of an adult reading on screen. */
const wordsPerMinute = 230;

export const wordCount = (text: string): number => text.match(/[\p{L}\p{N}’'-]+/gu)?.length ?? 0;

/** Whole minutes, at least one. */
export const readingMinutes = (text: string): number => Math.max(1, Math.round(wordCount(text) / wordsPerMinute));

/** A URL fragment from heading text: "Skills you’ll need" → "skills-youll-need". */
export function slugify(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/['’]/g, '')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'section'
  );
}

/** Gives each heading a unique id, in document order: a repeat gets "-2", "-3" … */
export function uniqueIds(): (text: string) => string {
  const used = new Map<string, number>();
  return (text) => {
    const base = slugify(text);
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  };
}
