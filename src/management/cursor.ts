/**
 * Cursor paging, as the client's `…WithCursor` methods ask for it: `cursor=true`, then the
 * opaque `pageNext`/`pagePrev` token of the previous answer instead of `skip`. Folio's tokens
 * name an offset into the same order; they are checked strictly, never trusted.
 */
import { FolioError } from '../errors/index.js';
import * as is from '../validate/is.js';

export interface Cursor {
  /** The query with the cursor parameters replaced by the offset they stand for. */
  query: Record<string, unknown>;
  cursor: boolean;
}

const encode = (skip: number) => Buffer.from(`skip:${skip}`).toString('base64url');

function decode(name: string, token: unknown): number {
  const text = is.string(token) && token.length <= 64 ? Buffer.from(token, 'base64url').toString() : '';
  const m = /^skip:(\d{1,10})$/.exec(text);
  if (!m) throw new FolioError('INVALID_QUERY', `${name} must be a token from a previous page's "pages"`, { details: { errors: [{ name: 'invalid', path: [name] }] } });
  return Number(m[1]);
}

export function cursorPaging(raw: Record<string, unknown>): Cursor {
  const { cursor, pageNext, pagePrev, ...query } = raw;
  if (cursor === undefined) {
    if (pageNext !== undefined || pagePrev !== undefined) throw new FolioError('INVALID_QUERY', 'pageNext and pagePrev need cursor=true');
    return { query, cursor: false };
  }
  if (cursor !== 'true') throw new FolioError('INVALID_QUERY', 'cursor must be true');
  if (query.skip !== undefined) throw new FolioError('INVALID_QUERY', 'skip cannot be combined with cursor paging: use pageNext or pagePrev');
  if (pageNext !== undefined && pagePrev !== undefined) throw new FolioError('INVALID_QUERY', 'Send either pageNext or pagePrev, not both');
  const skip = pageNext !== undefined ? decode('pageNext', pageNext) : pagePrev !== undefined ? decode('pagePrev', pagePrev) : 0;
  return { query: { ...query, skip: String(skip) }, cursor: true };
}

/** Contentful's cursor envelope: no total or skip, and links to the pages either side. */
export function cursorCollection<T>(page: { items: T[]; total: number; skip: number; limit: number }, path: string) {
  const link = (key: 'pageNext' | 'pagePrev', skip: number) => `${path}?cursor=true&limit=${page.limit}&${key}=${encode(skip)}`;
  const pages: { next?: string; prev?: string } = {};
  if (page.limit > 0 && page.skip + page.items.length < page.total) pages.next = link('pageNext', page.skip + page.limit);
  if (page.skip > 0) pages.prev = link('pagePrev', Math.max(0, page.skip - page.limit));
  return { sys: { type: 'Array' }, limit: page.limit, items: page.items, pages };
}
