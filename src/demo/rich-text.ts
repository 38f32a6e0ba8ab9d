/**
 * Small builders for Contentful rich text documents, so article bodies read like outlines:
 * `doc(h2('…'), p('plain ', bold('strong'), ' and ', link(url, 'a link')), ul('one', 'two'))`.
 * Every node gets the `data: {}` and text nodes the `marks: []` that Contentful's format requires.
 */
import {
  BLOCKS,
  INLINES,
  MARKS,
  type Document,
  type Heading2,
  type Heading3,
  type Hr,
  type Hyperlink,
  type ListItem,
  type OrderedList,
  type Paragraph,
  type Quote,
  type Text,
  type TopLevelBlock,
  type UnorderedList,
} from '@contentful/rich-text-types';

/** What a paragraph, heading or list item may hold: plain strings, marked text and links. */
export type Child = string | Text | Hyperlink;

const text = (value: string, marks: MARKS[] = []): Text => ({
  nodeType: 'text',
  value,
  marks: marks.map((type) => ({ type })),
  data: {},
});

export const bold = (value: string): Text => text(value, [MARKS.BOLD]);
export const italic = (value: string): Text => text(value, [MARKS.ITALIC]);
export const code = (value: string): Text => text(value, [MARKS.CODE]);

export const link = (uri: string, value: string): Hyperlink => ({
  nodeType: INLINES.HYPERLINK,
  data: { uri },
  content: [text(value)],
});

const inline = (c: Child): Text | Hyperlink => (typeof c === 'string' ? text(c) : c);

export const p = (...content: Child[]): Paragraph => ({ nodeType: BLOCKS.PARAGRAPH, data: {}, content: content.map(inline) });
export const h2 = (value: string): Heading2 => ({ nodeType: BLOCKS.HEADING_2, data: {}, content: [text(value)] });
export const h3 = (value: string): Heading3 => ({ nodeType: BLOCKS.HEADING_3, data: {}, content: [text(value)] });
export const hr = (): Hr => ({ nodeType: BLOCKS.HR, data: {}, content: [] });
export const quote = (value: string): Quote => ({ nodeType: BLOCKS.QUOTE, data: {}, content: [p(value)] });

/** A list item is one paragraph: a string, or an array of pieces for mixed marks and links. */
type Item = Child | Child[];
const item = (i: Item): ListItem => ({ nodeType: BLOCKS.LIST_ITEM, data: {}, content: [p(...(Array.isArray(i) ? i : [i]))] });

export const ul = (...items: Item[]): UnorderedList => ({ nodeType: BLOCKS.UL_LIST, data: {}, content: items.map(item) });
export const ol = (...items: Item[]): OrderedList => ({ nodeType: BLOCKS.OL_LIST, data: {}, content: items.map(item) });

export const doc = (...content: TopLevelBlock[]): Document => ({ nodeType: BLOCKS.DOCUMENT, data: {}, content });
