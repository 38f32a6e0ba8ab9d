/**
 * Two versions of an article side by side, field by field, as the text a person reads (names
 * for links, the body's words): each field is unchanged or a word-level diff from jsdiff.
 */
import type { Document } from '@contentful/rich-text-types';
import { diffWords, diffWordsWithSpace } from 'diff';
import { plainText } from '../site/index.js';
import type { Json, LocalizedFields } from '../store/types.js';
import * as is from '../validate/is.js';
import type { AdminContext } from './context.js';
import { isRichTextDocument } from './rich-text/convert.js';

export const comparedFields = [
  ['title', 'Title'],
  ['slug', 'Slug'],
  ['description', 'Description'],
  ['publishDate', 'Publish date'],
  ['type', 'Type'],
  ['topics', 'Topics'],
  ['author', 'Author'],
  ['featuredImage', 'Featured image'],
  ['body', 'Body'],
] as const;
export type ComparedField = (typeof comparedFields)[number][0];

export interface DiffPart {
  text: string;
  kind: 'same' | 'added' | 'removed';
}

export interface FieldComparison {
  field: ComparedField;
  label: string;
  before: string;
  after: string;
  changed: boolean;
  /** The stored value differs but reads the same (marks, links, embedded images). */
  formattingOnly: boolean;
  parts: DiffPart[];
}

/** Past this many edits a diff is shown as the whole old text removed and the new one added. */
const maxEditLength = 4000;

export function wordDiff(before: string, after: string, keepLines = false): DiffPart[] {
  if (before === after) return before ? [{ text: before, kind: 'same' }] : [];
  const changes = keepLines ? diffWordsWithSpace(before, after, { maxEditLength }) : diffWords(before, after, { maxEditLength });
  if (!changes) return [...(before ? [{ text: before, kind: 'removed' as const }] : []), ...(after ? [{ text: after, kind: 'added' as const }] : [])];
  return changes.map((c) => ({ text: c.value, kind: c.added ? 'added' : c.removed ? 'removed' : 'same' }));
}

const linkId = (v: Json | undefined) => (is.plainObject(v) && is.plainObject(v.sys) && is.string(v.sys.id) ? v.sys.id : undefined);

/** Reads link targets' names once each. */
function namer(ctx: AdminContext) {
  const cache = new Map<string, Promise<string>>();
  const entryName = async (id: string, field: string) => {
    const e = await ctx.store.entries.get(ctx.scope, id);
    const name = e?.fields[field]?.[ctx.locale];
    return e ? (is.string(name) && name ? name : id) : `${id} (deleted)`;
  };
  const assetName = async (id: string) => {
    const a = await ctx.store.assets.get(ctx.scope, id);
    const title = a?.fields.title?.[ctx.locale];
    return a ? (is.string(title) && title ? title : id) : `${id} (deleted)`;
  };
  return (kind: 'entry' | 'asset', id: string, field = 'name') => {
    const key = `${kind}:${id}`;
    if (!cache.has(key)) cache.set(key, kind === 'entry' ? entryName(id, field) : assetName(id));
    return cache.get(key)!;
  };
}

/** Each compared field of an article as text. */
async function textsOf(fields: LocalizedFields, locale: string, nameOf: ReturnType<typeof namer>): Promise<Record<ComparedField, string>> {
  const v = (id: string) => fields[id]?.[locale];
  const str = (id: string) => (is.string(v(id)) ? (v(id) as string) : '');
  const topics = v('topics');
  const topicIds = Array.isArray(topics) ? topics.map(linkId).filter((id): id is string => !!id) : [];
  const author = linkId(v('author'));
  const image = linkId(v('featuredImage'));
  const body = v('body');
  return {
    title: str('title'),
    slug: str('slug'),
    description: str('description'),
    publishDate: str('publishDate').slice(0, 10),
    type: str('type'),
    topics: (await Promise.all(topicIds.map((id) => nameOf('entry', id)))).join(', '),
    author: author ? await nameOf('entry', author) : '',
    featuredImage: image ? await nameOf('asset', image) : '',
    body: isRichTextDocument(body) ? plainText(body as unknown as Document).trim() : '',
  };
}

export async function compareArticles(ctx: AdminContext, before: LocalizedFields, after: LocalizedFields): Promise<FieldComparison[]> {
  const nameOf = namer(ctx);
  const [a, b] = await Promise.all([textsOf(before, ctx.locale, nameOf), textsOf(after, ctx.locale, nameOf)]);
  const raw = (fields: LocalizedFields, id: string) => JSON.stringify(fields[id]?.[ctx.locale] ?? null);
  return comparedFields.map(([field, label]) => {
    const changed = raw(before, field) !== raw(after, field);
    return {
      field,
      label,
      before: a[field],
      after: b[field],
      changed,
      formattingOnly: changed && a[field] === b[field],
      parts: wordDiff(a[field], b[field], field === 'body'),
    };
  });
}
