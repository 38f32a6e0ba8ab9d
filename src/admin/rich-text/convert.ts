/**
 * Contentful RichText ⇄ ProseMirror JSON, both ways, in one place. Plain JSON on both sides:
 * the server and tests use it without ProseMirror; the editor bundle feeds the result to
 * `Node.fromJSON(editorSchema, …)`.
 *
 * Hyperlinks (Contentful inline nodes, to URLs, entries or assets) become `link` marks on their
 * text and come back as one node per run of equally linked text. Tables, embedded assets and
 * entries (block and inline) are editor nodes of their own. Anything else (resource links, data
 * the editor does not know) rides along untouched inside `preserved_block` / `preserved_inline`
 * atoms, so nothing is lost.
 */
import { link } from '../../contentful/links.js';
import { table } from '../../validate/json-shape.js';

export interface RtNode {
  nodeType: string;
  data: Record<string, unknown>;
  content?: RtNode[];
  value?: string;
  marks?: Array<{ type: string }>;
}

export interface PmMark {
  type: string;
  attrs?: Record<string, unknown>;
}

export interface PmNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: PmNode[];
  text?: string;
  marks?: PmMark[];
}

/** Contentful mark types the editor knows, in ProseMirror's mark order (the schema's order). */
export const textMarks = ['bold', 'italic', 'underline', 'code', 'superscript', 'subscript', 'strikethrough'] as const;

const blockPairs = table<string>({
  document: 'doc',
  paragraph: 'paragraph',
  'unordered-list': 'bullet_list',
  'ordered-list': 'ordered_list',
  'list-item': 'list_item',
  blockquote: 'blockquote',
  hr: 'horizontal_rule',
  table: 'table',
  'table-row': 'table_row',
  'table-cell': 'table_cell',
  'table-header-cell': 'table_header',
});
const cellTypes = new Set(['table-cell', 'table-header-cell']);

/** Contentful's cell data (`colspan`, `rowspan`) as prosemirror-tables' cell attributes, and back. */
function cellAttrs(data: Record<string, unknown>): Record<string, unknown> | undefined {
  const { colspan = 1, rowspan = 1, ...rest } = data;
  const span = (v: unknown) => Number.isInteger(v) && (v as number) >= 1;
  if (Object.keys(rest).length || !span(colspan) || !span(rowspan)) return undefined;
  return { colspan, rowspan, colwidth: null };
}
/** A table is edited as one: if any row or cell holds what the editor cannot keep, the whole table rides along as it is. */
const tableEditable = (table: RtNode) =>
  (table.content ?? []).every(
    (row) => row.nodeType === 'table-row' && !Object.keys(row.data).length && (row.content ?? []).every((cell) => cellTypes.has(cell.nodeType) && cellAttrs(cell.data) !== undefined),
  );

function cellData(attrs: Record<string, unknown> | undefined): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  if (Number(attrs?.colspan ?? 1) > 1) data.colspan = Number(attrs!.colspan);
  if (Number(attrs?.rowspan ?? 1) > 1) data.rowspan = Number(attrs!.rowspan);
  return data;
}
const pmToRt = table<string>(Object.fromEntries(Object.entries(blockPairs).map(([rt, pm]) => [pm, rt])));
const hyperlinkTypes = new Set(['hyperlink', 'entry-hyperlink', 'asset-hyperlink', 'resource-hyperlink']);
const inlineTypes = new Set(['text', 'embedded-entry-inline', 'embedded-resource-inline', ...hyperlinkTypes]);

/** The id a node's `data.target` links to, when the data is exactly one link of that type. */
const linkTarget = (data: Record<string, unknown>, linkType: 'Asset' | 'Entry') => {
  const target = data.target as { sys?: { id?: unknown; type?: unknown; linkType?: unknown } } | undefined;
  const sys = target?.sys;
  const plain = Object.keys(data).length === 1 && sys?.type === 'Link' && sys.linkType === linkType;
  return plain && typeof sys.id === 'string' && sys.id ? sys.id : undefined;
};
const assetLink = (data: Record<string, unknown>) => linkTarget(data, 'Asset');
const targetOf = (id: string, linkType: 'Asset' | 'Entry') => ({ target: link(linkType, id) });

function textToPm(node: RtNode, extra: PmMark[]): PmNode[] {
  if (!node.value) return [];
  const marks: PmMark[] = [...(node.marks ?? []).map((m) => ({ type: m.type })), ...extra];
  return [{ type: 'text', text: node.value, ...(marks.length ? { marks } : {}) }];
}

function inlineToPm(node: RtNode): PmNode[] {
  if (node.nodeType === 'text') return textToPm(node, []);
  if (hyperlinkTypes.has(node.nodeType)) {
    const { uri, ...rest } = node.data as { uri?: unknown };
    const link: PmMark = {
      type: 'link',
      attrs: { href: typeof uri === 'string' ? uri : null, nodeType: node.nodeType, data: Object.keys(rest).length ? JSON.stringify(rest) : null },
    };
    return (node.content ?? []).flatMap((child) => textToPm(child, [link]));
  }
  if (node.nodeType === 'embedded-entry-inline') {
    const id = linkTarget(node.data, 'Entry');
    if (id) return [{ type: 'embedded_entry_inline', attrs: { id } }];
  }
  return [{ type: 'preserved_inline', attrs: { json: JSON.stringify(node) } }];
}

function blockToPm(node: RtNode): PmNode {
  const heading = /^heading-([1-6])$/.exec(node.nodeType);
  if (heading) return { type: 'heading', attrs: { level: Number(heading[1]) }, content: (node.content ?? []).flatMap(inlineToPm) };
  if (node.nodeType === 'embedded-asset-block') {
    const id = assetLink(node.data);
    if (id) return { type: 'embedded_asset', attrs: { id } };
  }
  if (node.nodeType === 'embedded-entry-block') {
    const id = linkTarget(node.data, 'Entry');
    if (id) return { type: 'embedded_entry', attrs: { id } };
  }
  const type = blockPairs[node.nodeType];
  const attrs = cellTypes.has(node.nodeType) ? cellAttrs(node.data) : Object.keys(node.data).length ? undefined : {};
  if (!type || !attrs || (node.nodeType === 'table' && !tableEditable(node))) return { type: 'preserved_block', attrs: { json: JSON.stringify(node) } };
  if (type === 'horizontal_rule') return { type };
  const children = node.content ?? [];
  const textblock = type === 'paragraph';
  const content = textblock ? children.flatMap(inlineToPm) : children.map(blockToPm);
  return { type, ...(Object.keys(attrs).length ? { attrs } : {}), ...(content.length ? { content } : {}) };
}

/** A Contentful RichText document as ProseMirror JSON. */
export function richTextToProseMirror(document: RtNode): PmNode {
  return blockToPm(document);
}

// ---- ProseMirror → RichText

const text = (value: string, marks: PmMark[] | undefined): RtNode => ({
  nodeType: 'text',
  value,
  marks: (marks ?? []).filter((m) => m.type !== 'link').map((m) => ({ type: m.type })),
  data: {},
});

const linkKey = (m: PmMark | undefined) => (m ? JSON.stringify([m.attrs?.nodeType, m.attrs?.href, m.attrs?.data]) : '');

function hyperlink(mark: PmMark, content: RtNode[]): RtNode {
  const attrs = mark.attrs ?? {};
  const data: Record<string, unknown> = typeof attrs.data === 'string' ? (JSON.parse(attrs.data) as Record<string, unknown>) : {};
  if (typeof attrs.href === 'string') data.uri = attrs.href;
  return { nodeType: typeof attrs.nodeType === 'string' ? attrs.nodeType : 'hyperlink', data, content };
}

function inlinesToRt(nodes: PmNode[] | undefined): RtNode[] {
  const out: RtNode[] = [];
  let run: { mark: PmMark; content: RtNode[] } | undefined;
  const flush = () => {
    if (run) out.push(hyperlink(run.mark, run.content));
    run = undefined;
  };
  for (const node of nodes ?? []) {
    if (node.type === 'preserved_inline') {
      flush();
      out.push(JSON.parse(String(node.attrs?.json)) as RtNode);
      continue;
    }
    if (node.type === 'embedded_entry_inline') {
      flush();
      out.push({ nodeType: 'embedded-entry-inline', data: targetOf(String(node.attrs?.id), 'Entry'), content: [] });
      continue;
    }
    if (node.type !== 'text') continue;
    const link = node.marks?.find((m) => m.type === 'link');
    if (!link) {
      flush();
      out.push(text(node.text ?? '', node.marks));
      continue;
    }
    if (run && linkKey(run.mark) !== linkKey(link)) flush();
    run ??= { mark: link, content: [] };
    run.content.push(text(node.text ?? '', node.marks));
  }
  flush();
  // Contentful's own editor never leaves a text block empty.
  return out.length ? out : [text('', [])];
}

function blockToRt(node: PmNode): RtNode {
  switch (node.type) {
    case 'heading':
      return { nodeType: `heading-${Number(node.attrs?.level ?? 2)}`, data: {}, content: inlinesToRt(node.content) };
    case 'paragraph':
      return { nodeType: 'paragraph', data: {}, content: inlinesToRt(node.content) };
    case 'horizontal_rule':
      return { nodeType: 'hr', data: {}, content: [] };
    case 'embedded_asset':
      return { nodeType: 'embedded-asset-block', data: targetOf(String(node.attrs?.id), 'Asset'), content: [] };
    case 'embedded_entry':
      return { nodeType: 'embedded-entry-block', data: targetOf(String(node.attrs?.id), 'Entry'), content: [] };
    case 'preserved_block':
      return JSON.parse(String(node.attrs?.json)) as RtNode;
  }
  const nodeType = pmToRt[node.type];
  if (!nodeType) throw new Error(`Unknown editor node "${node.type}"`);
  const data = cellTypes.has(nodeType) ? cellData(node.attrs) : {};
  return { nodeType, data, content: (node.content ?? []).map(blockToRt) };
}

/** ProseMirror JSON (a `doc`) as a Contentful RichText document. */
export function proseMirrorToRichText(doc: PmNode): RtNode {
  return blockToRt(doc);
}

/** True for values shaped like a RichText document (what the body field may hold). */
export function isRichTextDocument(v: unknown): v is RtNode {
  if (typeof v !== 'object' || v === null) return false;
  const d = v as Partial<RtNode>;
  return d.nodeType === 'document' && Array.isArray(d.content);
}

export const emptyDocument = (): RtNode => ({ nodeType: 'document', data: {}, content: [{ nodeType: 'paragraph', data: {}, content: [text('', [])] }] });

/** Inline node types Contentful allows inside text blocks, exported for tests. */
export const inlineNodeTypes = inlineTypes;

/** The asset ids a body embeds, in order (for alt-text checks before publishing). */
export function embeddedAssetIds(doc: RtNode): string[] {
  const ids: string[] = [];
  const walk = (n: RtNode) => {
    if (n.nodeType === 'embedded-asset-block') {
      const id = assetLink(n.data);
      if (id) ids.push(id);
    }
    n.content?.forEach(walk);
  };
  walk(doc);
  return ids;
}
