/** Shared by the views' tests: an HTML validator and sample view models. */
import { BLOCKS, INLINES, MARKS, type Block, type Document, type Inline, type Text } from '@contentful/rich-text-types';
import { HtmlValidate } from 'html-validate';
import type { ArticleModel } from '../article.js';
import type { CardModel, HomeModel } from '../home.js';

/**
 * html-validate's recommended preset, less two rules:
 * - `long-title` (titles over 70 characters): article titles are authored content and the
 *   <title> carries them whole; we already drop the " – Folio" suffix when it would overflow.
 * - `no-inline-style`: each image's placeholder (its stored colour and ThumbHash) is data, not
 *   design, so it travels with the <img> as a style attribute rather than one CSS rule per image.
 */
const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: { 'long-title': 'off', 'no-inline-style': 'off' },
});

export async function validationErrors(markup: string): Promise<string[]> {
  const report = await validator.validateString(markup);
  return report.results.flatMap((r) =>
    r.messages.map((m) => `${m.ruleId} (${m.line}:${m.column}): ${m.message}`),
  );
}

export const countMatches = (markup: string, re: RegExp) => [...markup.matchAll(re)].length;

export function sampleCard(i: number, overrides: Partial<CardModel> = {}): CardModel {
  return {
    title: `Article number ${i}`,
    href: `/articles/article-${i}`,
    description: `Summary of article ${i}.`,
    publishDate: `2021-12-${String(20 - i).padStart(2, '0')}`,
    type: 'Article',
    image: { src: `//localhost:3000/images/folio/a${i}/tok/pic-${i}.jpg?w=330&h=216`, width: 330, height: 216, alt: `[Featured image] Picture ${i}` },
    ...overrides,
  };
}

export function sampleHome(n: number): HomeModel {
  return { siteName: 'Folio', publicUrl: 'http://localhost:3000', cards: Array.from({ length: n }, (_, i) => sampleCard(i)) };
}

// Rich Text builders.
export const text = (value: string, ...marks: MARKS[]): Text => ({ nodeType: 'text', value, marks: marks.map((type) => ({ type })), data: {} });
export const block = (nodeType: BLOCKS, content: Array<Block | Inline | Text> = [], data: Record<string, unknown> = {}): Block => ({ nodeType, content, data }) as Block;
export const inline = (nodeType: INLINES, content: Array<Inline | Text>, data: Record<string, unknown> = {}): Inline => ({ nodeType, content, data }) as Inline;
export const p = (...content: Array<Inline | Text>) => block(BLOCKS.PARAGRAPH, content);
export const link = (type: 'Entry' | 'Asset', id: string) => ({ target: { sys: { type: 'Link', linkType: type, id } } });
export const doc = (...content: Block[]): Document => ({ nodeType: BLOCKS.DOCUMENT, data: {}, content }) as Document;

export const sampleBody = doc(
  p(text('DevOps joins '), text('development', MARKS.BOLD), text(' and '), text('operations', MARKS.ITALIC), text('.')),
  block(BLOCKS.HEADING_2, [text('What does a DevOps engineer do?')]),
  block(BLOCKS.UL_LIST, [
    block(BLOCKS.LIST_ITEM, [p(text('Automate builds'))]),
    block(BLOCKS.LIST_ITEM, [p(text('Watch production'))]),
  ]),
  p(
    text('Read the '),
    inline(INLINES.HYPERLINK, [text('State of DevOps report')], { uri: 'https://example.org/report' }),
    text(', or our '),
    inline(INLINES.ENTRY_HYPERLINK, [text('guide to Python')], link('Entry', 'python')),
    text(', or a '),
    inline(INLINES.ENTRY_HYPERLINK, [text('missing guide')], link('Entry', 'gone')),
    text('.'),
  ),
  block(BLOCKS.EMBEDDED_ASSET, [], link('Asset', 'diagram')),
  block(BLOCKS.EMBEDDED_ASSET, [], link('Asset', 'missing-asset')),
  block(BLOCKS.EMBEDDED_ENTRY, [], link('Entry', 'some-entry')),
  block(BLOCKS.HEADING_2, [text('Skills')]),
  block(BLOCKS.OL_LIST, [block(BLOCKS.LIST_ITEM, [p(text('Linux'))]), block(BLOCKS.LIST_ITEM, [p(text('Scripting'))])]),
  block(BLOCKS.QUOTE, [p(text('Automate everything you do twice.'))]),
  block(BLOCKS.HR),
  block(BLOCKS.HEADING_2, [text('Salary')]),
  block(BLOCKS.TABLE, [
    block(BLOCKS.TABLE_ROW, [block(BLOCKS.TABLE_HEADER_CELL, [p(text('Role'))]), block(BLOCKS.TABLE_HEADER_CELL, [p(text('Median pay'))])]),
    block(BLOCKS.TABLE_ROW, [block(BLOCKS.TABLE_CELL, [p(text('DevOps engineer'))]), block(BLOCKS.TABLE_CELL, [p(text('$120,000'))])]),
  ]),
  p(text('')),
);

export function sampleArticle(overrides: Partial<ArticleModel> = {}): ArticleModel {
  return {
    siteName: 'Folio',
    title: 'What Does a DevOps Engineer Do? And How to Become One',
    description: 'A DevOps engineer is responsible for optimizing an organization’s software.',
    publishDate: '2021-12-15',
    type: 'Article',
    authorName: 'Ada Lovelace',
    topics: [
      { name: 'DevOps', slug: 'devops' },
      { name: 'Careers', slug: 'careers' },
    ],
    hero: {
      src: '//localhost:3000/images/folio/hero/tok/devops.jpg?w=1280&h=720',
      srcset: '//localhost:3000/images/folio/hero/tok/devops.jpg?w=640&h=360 640w, //localhost:3000/images/folio/hero/tok/devops.jpg?w=1280&h=720 1280w',
      sizes: '(min-width: 960px) 880px, 100vw',
      width: 1280,
      height: 720,
      alt: '[Featured Image] A DevOps engineer at dual monitors.',
    },
    body: sampleBody,
    resolveAsset: (id) => (id === 'diagram' ? { src: '//localhost:3000/images/folio/diagram/tok/d.png', width: 880, height: 495, alt: 'A pipeline diagram', caption: 'The delivery pipeline' } : undefined),
    resolveEntryHref: (id) => (id === 'python' ? '/articles/python-guide' : undefined),
    canonicalUrl: 'http://localhost:3000/articles/devops-engineer',
    ...overrides,
  };
}
