/**
 * What an entries list shows, as its address says it: search, filters, sort and page, read from
 * the query string (anything unknown or malformed is dropped, never an error) and written back
 * into links, so every view of a list can be bookmarked, shared and saved. The articles list and
 * the entries list both use it; the store does the filtering, sorting and paging in SQL.
 */
import type { Condition, OrderBy } from '../store/types.js';
import * as is from '../validate/is.js';
import { isForbiddenKey } from '../validate/json-shape.js';
import { filterStatuses, type Status } from './status.js';

export const sorts = ['updated', 'created', 'title', 'status'] as const;
export type Sort = (typeof sorts)[number];
export const sortLabels: Record<Sort, string> = { updated: 'Last updated', created: 'Created', title: 'Title', status: 'Status' };
export type Direction = 'asc' | 'desc';

export interface ListState {
  q: string;
  /** A content type id; '' for every type. */
  type: string;
  status: Status | '';
  /** A user id (sys.createdBy). */
  author: string;
  /** A user id (sys.updatedBy). */
  updatedBy: string;
  tag: string;
  /** YYYY-MM-DD: updated on or after that day (UTC). */
  since: string;
  sort: Sort;
  dir: Direction;
  page: number;
}

/** The keys a list's address may hold, in the order links write them. */
export const stateKeys = ['q', 'type', 'status', 'author', 'updatedBy', 'tag', 'since', 'sort', 'dir', 'page'] as const;

export const defaultState: ListState = { q: '', type: '', status: '', author: '', updatedBy: '', tag: '', since: '', sort: 'updated', dir: 'desc', page: 1 };

const maxQuery = 200;
const idOf = (v: unknown) => (is.resourceId(v) && !isForbiddenKey(v) ? v : '');
const dayOf = (v: unknown) => (is.string(v) && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) ? v : '');
const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/** The natural direction of each sort when none is given: newest first, A to Z. */
const defaultDir = (sort: Sort): Direction => (sort === 'title' || sort === 'status' ? 'asc' : 'desc');

/** Reads a list's state from a query string object (repeated keys: the first counts). */
export function parseListState(query: Record<string, unknown> | undefined): ListState {
  const get = (k: string) => first(query?.[k]);
  const q = get('q');
  const status = get('status');
  const sort: Sort = is.oneOf(get('sort'), sorts) ? (get('sort') as Sort) : 'updated';
  const dir = get('dir');
  const page = get('page');
  return {
    q: is.string(q) ? q.trim().slice(0, maxQuery) : '',
    type: idOf(get('type')),
    status: is.oneOf(status, filterStatuses) ? status : '',
    author: idOf(get('author')),
    updatedBy: idOf(get('updatedBy')),
    tag: idOf(get('tag')),
    since: dayOf(get('since')),
    sort,
    dir: dir === 'asc' || dir === 'desc' ? dir : defaultDir(sort),
    page: is.string(page) && /^\d{1,6}$/.test(page) ? Math.max(1, Number(page)) : 1,
  };
}

/** The state as a query string: defaults left out, so the plainest list has the plainest address. */
export function queryOf(state: ListState, changes: Partial<ListState> = {}): string {
  const s = { ...state, ...changes };
  const out = new URLSearchParams();
  for (const key of stateKeys) {
    const v = s[key];
    if (key === 'dir' ? v === defaultDir(s.sort) : v === defaultState[key] || v === '') continue;
    out.set(key, String(v));
  }
  return out.toString();
}

export const listHrefOf = (path: string, state: ListState, changes: Partial<ListState> = {}) => {
  const query = queryOf(state, changes);
  return query ? `${path}?${query}` : path;
};

/** The sort and direction as the address writes them: empty when they are the defaults. */
export const sortParams = (s: ListState) => ({ sort: s.sort === 'updated' ? '' : s.sort, dir: s.dir === defaultDir(s.sort) ? '' : s.dir });

/** Whether anything narrows the list (the sort and page do not). */
export const isFiltered = (s: ListState) => !!(s.q || s.status || s.author || s.updatedBy || s.tag || s.since);

export interface StoreListQuery {
  contentTypeId?: string;
  where: Condition[];
  order: OrderBy[];
}

/**
 * The store query for a state. `displayField` is the selected type's (title sort needs one type);
 * `scheduled` are the entries with a pending scheduled publish, which list as 'scheduled' and so
 * belong to that filter and no other (archived aside).
 */
export function storeQueryOf(state: ListState, opts: { locale: string; displayField?: string | null | undefined; scheduled: ReadonlySet<string> }): StoreListQuery {
  const where: Condition[] = [];
  if (state.q) where.push({ op: 'match', text: state.q });
  if (state.status === 'scheduled') {
    where.push({ sys: 'id', op: 'in', values: [...opts.scheduled] }, { sys: 'status', op: 'ne', value: 'archived' });
  } else if (state.status) {
    where.push({ sys: 'status', op: 'eq', value: state.status });
    if (state.status !== 'archived' && opts.scheduled.size > 0) where.push({ sys: 'id', op: 'nin', values: [...opts.scheduled] });
  }
  if (state.author) where.push({ sys: 'createdBy', op: 'eq', value: state.author });
  if (state.updatedBy) where.push({ sys: 'updatedBy', op: 'eq', value: state.updatedBy });
  if (state.tag) where.push({ op: 'tagged', mode: 'any', ids: [state.tag] });
  if (state.since) where.push({ sys: 'updatedAt', op: 'gte', value: `${state.since}T00:00:00.000Z` });
  const order: OrderBy[] = [];
  const dir = state.dir;
  if (state.sort === 'title' && opts.displayField) order.push({ field: opts.displayField, locale: opts.locale, direction: dir });
  else if (state.sort === 'created') order.push({ sys: 'createdAt', direction: dir });
  else if (state.sort === 'status') order.push({ sys: 'status', direction: dir }, { sys: 'updatedAt', direction: 'desc' });
  else order.push({ sys: 'updatedAt', direction: state.sort === 'updated' ? dir : 'desc' });
  order.push({ sys: 'id', direction: 'asc' });
  return { ...(state.type ? { contentTypeId: state.type } : {}), where, order };
}
