/**
 * Contentful's collection envelopes and how a list is paged: skip/limit (with `total`) or, with
 * `cursor=true`, opaque pageNext/pagePrev tokens (with `pages`, no `total`).
 */
import { invalidQuery } from '../errors/index.js';
import * as is from '../validate/is.js';

export interface PageRequest {
  skip: number;
  limit: number;
  /** Set for cursor pagination: `skip` then comes from the token, never from the query. */
  cursor?: boolean;
}

export const collection = <T>(items: T[], page: { total: number; skip: number; limit: number }) => ({
  sys: { type: 'Array' as const },
  total: page.total,
  skip: page.skip,
  limit: page.limit,
  items,
});

/** One page of a list that was read whole (a few hundred items at most): sliced here, counted whole. */
export const pageOfAll = <T, J>(all: T[], page: { skip: number; limit: number }, toJson: (item: T) => J) =>
  collection(all.slice(page.skip, page.skip + page.limit).map(toJson), { total: all.length, skip: page.skip, limit: page.limit });

export const maxSkip = 1_000_000_000;
const bad = (name: string, details: string, value: unknown) => {
  throw invalidQuery([{ name: 'invalid', path: [name], details, value }]);
};

/** A bounded integer query parameter, refused by name otherwise. */
export function integerParam(name: string, raw: unknown, min: number, max: number, fallback: number): number {
  if (raw === undefined) return fallback;
  if (!is.string(raw)) return bad(name, `The parameter ${name} was given more than once`, raw);
  const n = is.parseStrictInt(raw);
  if (n === undefined || n < min || n > max) return bad(name, `${name} must be an integer from ${min} to ${max}, got "${raw}"`, raw);
  return n;
}

/** A cursor token: the position after the previous page. Opaque to clients, as Contentful's. */
const encodeCursor = (skip: number) => Buffer.from(JSON.stringify({ s: skip })).toString('base64url');
function decodeCursor(name: string, raw: unknown): number {
  try {
    const s = (JSON.parse(Buffer.from(String(raw), 'base64url').toString('utf8')) as { s?: unknown }).s;
    if (is.integer(s) && s >= 0 && s <= maxSkip) return s;
  } catch {
    // refused below
  }
  return bad(name, `${name} is not a cursor this API gave out`, raw);
}

/** skip and limit (Contentful's defaults 0 and 100, limit capped at `maxLimit`), or a cursor. */
export function pageQuery(query: Record<string, unknown>, maxLimit = 1000): PageRequest {
  const limit = integerParam('limit', query.limit, 0, maxLimit, 100);
  if (query.cursor === undefined) {
    for (const name of ['pageNext', 'pagePrev']) if (query[name] !== undefined) bad(name, `${name} needs cursor=true`, query[name]);
    return { skip: integerParam('skip', query.skip, 0, maxSkip, 0), limit };
  }
  if (query.cursor !== 'true') bad('cursor', 'cursor takes only the value true', query.cursor);
  if (query.skip !== undefined) bad('skip', 'skip cannot be combined with cursor pagination', query.skip);
  // A page of nothing would name itself as the next page: a cursor walk must move.
  if (limit === 0) bad('limit', 'Cursor pagination needs a limit of at least 1', query.limit);
  if (query.pageNext !== undefined && query.pagePrev !== undefined) bad('pagePrev', 'Give pageNext or pagePrev, not both', query.pagePrev);
  const token = query.pageNext ?? query.pagePrev;
  const at = token === undefined ? 0 : decodeCursor(query.pageNext !== undefined ? 'pageNext' : 'pagePrev', token);
  return { skip: at, limit, cursor: true };
}

/** The parameters pageQuery reads: list endpoints know them without further checks. */
export const pageParameters = ['limit', 'skip', 'cursor', 'pageNext', 'pagePrev'] as const;

/**
 * The answer for a page: the offset envelope, or the cursor envelope whose `pages` link to the
 * neighbouring pages (the request's own path and query, with the token swapped).
 */
export function pagedCollection<T>(items: T[], page: { total: number; skip: number; limit: number }, request: PageRequest, url: string) {
  if (!request.cursor) return collection(items, page);
  const link = (skip: number, name: 'pageNext' | 'pagePrev') => {
    const u = new URL(url, 'http://folio');
    for (const p of ['pageNext', 'pagePrev', 'access_token']) u.searchParams.delete(p);
    u.searchParams.set(name, encodeCursor(skip));
    return `${u.pathname}?${u.searchParams}`;
  };
  const limit = Math.max(page.limit, 1);
  const pages = {
    ...(page.skip > 0 ? { prev: link(Math.max(0, page.skip - limit), 'pagePrev') } : {}),
    ...(page.skip + items.length < page.total ? { next: link(page.skip + items.length, 'pageNext') } : {}),
  };
  return { sys: { type: 'Array' as const }, limit: page.limit, items, pages };
}
