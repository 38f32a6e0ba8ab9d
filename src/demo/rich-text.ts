/** Small builders for Contentful rich text documents, so article bodies read like outlines. */
import { BLOCKS, INLINES, type Block, type Document, type Inline, type Text } from '@contentful/rich-text-types';

type Child = string | Text | Inline;

export const bold = (value: string): Text => ({ nodeType: 'text', value, marks: [{ type: 'bold' }], data: {} });

export const link = (uri: string, value: string): Inline => ({
  nodeType: INLINES.HYPERLINK,
  data: { uri },
  content: [{ nodeType: 'text', value, marks: [], data: {} }],
});

const inline = (c: Child): Text | Inline => (typeof c === 'string' ? { nodeType: 'text', value: c, marks: [], data: {} } : c);

export const p = (...content: Child[]): Block => ({ nodeType: BLOCKS.PARAGRAPH, data: {}, content: content.map(inline) });
export const h2 = (value: string): Block => ({ nodeType: BLOCKS.HEADING_2, data: {}, content: [inline(value)] });
export const h3 = (value: string): Block => ({ nodeType: BLOCKS.HEADING_3, data: {}, content: [inline(value)] });

const listOf = (nodeType: BLOCKS.UL_LIST | BLOCKS.OL_LIST, items: Child[][]): Block => ({
  nodeType,
  data: {},
  content: items.map((item) => ({ nodeType: BLOCKS.LIST_ITEM, data: {}, content: [p(...item)] })),
});
export const ul = (...items: Array<Child | Child[]>) => listOf(BLOCKS.UL_LIST, items.map((i) => (Array.isArray(i) ? i : [i])));
export const ol = (...items: Array<Child | Child[]>) => listOf(BLOCKS.OL_LIST, items.map((i) => (Array.isArray(i) ? i : [i])));
export const quote = (value: string): Block => ({ nodeType: BLOCKS.QUOTE, data: {}, content: [p(value)] });

export const doc = (...content: Block[]): Document => ({ nodeType: BLOCKS.DOCUMENT, data: {}, content: content as Document['content'] });
