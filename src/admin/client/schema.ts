/**
 * The editor's ProseMirror schema: exactly what Contentful RichText can hold (see
 * rich-text/convert.ts). Mark order matters: it is the order marks come back in.
 */
import { Schema, type DOMOutputSpec, type MarkSpec, type NodeSpec } from 'prosemirror-model';
import { tableNodes } from 'prosemirror-tables';

/** A mark and the other tags that mean it. Pasted inline styles become tags before parsing (editor-paste.ts). */
const simpleMark = (tag: string, ...others: string[]): MarkSpec => ({
  parseDOM: [tag, ...others].map((t) => ({ tag: t })),
  toDOM: () => [tag, 0],
});
const linkTarget = (linkType: string) => (node: { attrs: Record<string, unknown> }) => `${linkType} ${String(node.attrs.id)}`;

const nodes: Record<string, NodeSpec> = {
  doc: { content: 'block+' },
  paragraph: { content: 'inline*', group: 'block', parseDOM: [{ tag: 'p' }], toDOM: () => ['p', 0] },
  heading: {
    attrs: { level: { default: 2 } },
    content: 'inline*',
    group: 'block',
    defining: true,
    parseDOM: [1, 2, 3, 4, 5, 6].map((level) => ({ tag: `h${level}`, attrs: { level: Math.min(Math.max(level, 2), 4) } })),
    toDOM: (node) => [`h${node.attrs.level}`, 0],
  },
  blockquote: { content: 'block+', group: 'block', defining: true, parseDOM: [{ tag: 'blockquote' }], toDOM: () => ['blockquote', 0] },
  horizontal_rule: { group: 'block', parseDOM: [{ tag: 'hr' }], toDOM: () => ['hr'] },
  bullet_list: { content: 'list_item+', group: 'block', parseDOM: [{ tag: 'ul' }], toDOM: () => ['ul', 0] },
  ordered_list: {
    attrs: { order: { default: 1 } },
    content: 'list_item+',
    group: 'block',
    parseDOM: [{ tag: 'ol' }],
    toDOM: () => ['ol', 0],
  },
  list_item: { content: 'paragraph block*', defining: true, parseDOM: [{ tag: 'li' }], toDOM: () => ['li', 0] },
  embedded_asset: {
    attrs: { id: {} },
    group: 'block',
    atom: true,
    draggable: true,
    parseDOM: [{ tag: 'figure[data-asset-id]', getAttrs: (dom) => ({ id: (dom as HTMLElement).dataset.assetId }) }],
    toDOM: (node): DOMOutputSpec => ['figure', { 'data-asset-id': node.attrs.id, class: 'pm-asset' }, `Image ${node.attrs.id}`],
  },
  embedded_entry: {
    attrs: { id: {} },
    group: 'block',
    atom: true,
    draggable: true,
    parseDOM: [{ tag: 'div[data-entry-id]', getAttrs: (dom) => ({ id: (dom as HTMLElement).dataset.entryId }) }],
    toDOM: (node): DOMOutputSpec => ['div', { 'data-entry-id': node.attrs.id, class: 'pm-entry' }, linkTarget('Entry')(node)],
  },
  ...tableNodes({ tableGroup: 'block', cellContent: 'paragraph+', cellAttributes: {} }),
  preserved_block: {
    attrs: { json: {} },
    group: 'block',
    atom: true,
    toDOM: (node): DOMOutputSpec => ['div', { class: 'pm-preserved', 'data-json': node.attrs.json }, 'Content the editor keeps as it is'],
  },
  text: { group: 'inline' },
  embedded_entry_inline: {
    attrs: { id: {} },
    group: 'inline',
    inline: true,
    atom: true,
    parseDOM: [{ tag: 'span[data-entry-id]', getAttrs: (dom) => ({ id: (dom as HTMLElement).dataset.entryId }) }],
    toDOM: (node): DOMOutputSpec => ['span', { 'data-entry-id': node.attrs.id, class: 'pm-entry-inline' }, linkTarget('Entry')(node)],
  },
  preserved_inline: {
    attrs: { json: {} },
    group: 'inline',
    inline: true,
    atom: true,
    toDOM: (node): DOMOutputSpec => ['span', { class: 'pm-preserved', 'data-json': node.attrs.json }, '◆'],
  },
};

const marks: Record<string, MarkSpec> = {
  bold: simpleMark('strong', 'b'),
  italic: simpleMark('em', 'i'),
  underline: simpleMark('u'),
  code: simpleMark('code', 'kbd', 'samp'),
  superscript: { ...simpleMark('sup'), excludes: 'subscript' },
  subscript: { ...simpleMark('sub'), excludes: 'superscript' },
  strikethrough: simpleMark('s', 'del', 'strike'),
  link: {
    attrs: { href: { default: null }, nodeType: { default: 'hyperlink' }, data: { default: null } },
    inclusive: false,
    parseDOM: [{ tag: 'a[href]', getAttrs: (dom) => ({ href: (dom as HTMLElement).getAttribute('href') }) }],
    toDOM: (mark) => ['a', { href: mark.attrs.href ?? '#', rel: 'noopener noreferrer' }, 0],
  },
};

export const editorSchema = new Schema({ nodes, marks });
