import { describe, expect, it } from 'vitest';
import { demoArticles } from '../../demo/index.js';
import { editorSchema } from '../client/schema.js';
import { embeddedAssetIds, proseMirrorToRichText, richTextToProseMirror, type RtNode } from './convert.js';

/** Through ProseMirror for real: JSON → a checked Node → JSON → RichText. */
const roundTrip = (doc: RtNode) => {
  const node = editorSchema.nodeFromJSON(richTextToProseMirror(doc));
  node.check();
  return proseMirrorToRichText(node.toJSON());
};

const t = (value: string, ...marks: string[]): RtNode => ({ nodeType: 'text', value, marks: marks.map((type) => ({ type })), data: {} });
const p = (...content: RtNode[]): RtNode => ({ nodeType: 'paragraph', data: {}, content });
const doc = (...content: RtNode[]): RtNode => ({ nodeType: 'document', data: {}, content });

describe('RichText ⇄ ProseMirror', () => {
  it.each(demoArticles.map((a) => [a.slug, a.body] as const))('round-trips the demo body of %s exactly', (_slug, body) => {
    expect(roundTrip(body as unknown as RtNode)).toEqual(body);
  });

  it('round-trips every block and mark the editor offers', () => {
    const asset = { nodeType: 'embedded-asset-block', data: { target: { sys: { id: 'img1', type: 'Link', linkType: 'Asset' } } }, content: [] };
    const body = doc(
      { nodeType: 'heading-2', data: {}, content: [t('Two')] },
      { nodeType: 'heading-3', data: {}, content: [t('Three')] },
      { nodeType: 'heading-4', data: {}, content: [t('Four')] },
      p(t('b', 'bold'), t('i', 'italic'), t('u', 'underline'), t('c', 'code'), t('bi', 'bold', 'italic')),
      p(t('see '), { nodeType: 'hyperlink', data: { uri: 'https://example.com' }, content: [t('this '), t('link', 'bold')] }, t(' now')),
      { nodeType: 'unordered-list', data: {}, content: [{ nodeType: 'list-item', data: {}, content: [p(t('one')), { nodeType: 'ordered-list', data: {}, content: [{ nodeType: 'list-item', data: {}, content: [p(t('nested'))] }] }] }] },
      { nodeType: 'blockquote', data: {}, content: [p(t('quoted'))] },
      { nodeType: 'hr', data: {}, content: [] },
      asset,
      p(t('')),
    );
    expect(roundTrip(body)).toEqual(body);
    expect(embeddedAssetIds(body)).toEqual(['img1']);
  });

  it('edits tables (header cells, spans), entry links and embedded entries as nodes of their own', () => {
    const cell = (nodeType: string, data: Record<string, unknown>, text: string) => ({ nodeType, data, content: [p(t(text))] });
    const row = (...content: RtNode[]): RtNode => ({ nodeType: 'table-row', data: {}, content });
    const table = {
      nodeType: 'table',
      data: {},
      content: [row(cell('table-header-cell', {}, 'Role'), cell('table-header-cell', {}, 'Pay')), row(cell('table-cell', { colspan: 2 }, 'both'))],
    };
    const entryLink = { nodeType: 'entry-hyperlink', data: { target: { sys: { id: 'e1', type: 'Link', linkType: 'Entry' } } }, content: [t('an entry')] };
    const inlineEntry = { nodeType: 'embedded-entry-inline', data: { target: { sys: { id: 'e2', type: 'Link', linkType: 'Entry' } } }, content: [] };
    const blockEntry = { nodeType: 'embedded-entry-block', data: { target: { sys: { id: 'e3', type: 'Link', linkType: 'Entry' } } }, content: [] };
    const body = doc(table, p(t('go to '), entryLink, t(' or '), inlineEntry), blockEntry);
    const pm = richTextToProseMirror(body);
    expect(pm.content?.map((n) => n.type)).toEqual(['table', 'paragraph', 'embedded_entry']);
    expect(pm.content?.[1]?.content?.map((n) => n.type)).toEqual(['text', 'text', 'text', 'embedded_entry_inline']);
    expect(roundTrip(body)).toEqual(body);
  });

  it('keeps what the editor cannot edit (resource links, unknown data) untouched', () => {
    const resource = { nodeType: 'embedded-resource-block', data: { target: { sys: { urn: 'crn:contentful:::content:spaces/x/entries/y', type: 'ResourceLink', linkType: 'Contentful:Entry' } } }, content: [] };
    const oddEntry = { nodeType: 'embedded-entry-block', data: { target: { sys: { id: 'e4', type: 'Link', linkType: 'Entry' } }, note: 'kept' }, content: [] };
    const oddCell = { nodeType: 'table', data: {}, content: [{ nodeType: 'table-row', data: {}, content: [{ nodeType: 'table-cell', data: { align: 'left' }, content: [p(t('x'))] }] }] };
    const body = doc(resource, oddEntry, oddCell);
    expect(richTextToProseMirror(body).content?.map((n) => n.type)).toEqual(['preserved_block', 'preserved_block', 'preserved_block']);
    expect(roundTrip(body)).toEqual(body);
  });

  it('splits differently linked neighbours into separate hyperlinks', () => {
    const a = { nodeType: 'hyperlink', data: { uri: 'https://a.example' }, content: [t('A')] };
    const b = { nodeType: 'hyperlink', data: { uri: 'https://b.example' }, content: [t('B')] };
    const body = doc(p(a, b));
    expect(roundTrip(body)).toEqual(body);
  });
});
