/**
 * The query language on small collections read whole (content types, tags, locales): the same
 * operators, order and paging as on entries, evaluated on the answer's own JSON. Each endpoint
 * says which paths it knows; any other parameter is Contentful's `unknown` error.
 */
import { unknownParameter } from '../errors/index.js';
import { searchTermsOf } from '../store/index.js';
import { pageParameters, pageQuery, type PageRequest } from './collection.js';
import { bad } from './query.js';
import { queryParams, valueList } from './params.js';

export type PathKind = 'text' | 'date' | 'number';

export interface MemoryModel {
  /** Filterable and orderable paths, e.g. `sys.id`, `name`, and what their values are. */
  paths: Record<string, PathKind>;
  /** Paths `query=` searches in; without it the endpoint has no full-text search. */
  fullText?: string[];
  /** Parameters read elsewhere (locale, access_token). */
  ignore?: string[];
}

type Item = Record<string, unknown>;
type Test = (item: Item) => boolean;

const valueAt = (item: Item, path: string): unknown =>
  path.split('.').reduce<unknown>((v, k) => (v !== null && typeof v === 'object' && Object.hasOwn(v, k) ? (v as Item)[k] : undefined), item);

const scalar = (kind: PathKind, key: string, raw: string): string | number => {
  if (kind !== 'number') return raw;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n)) return bad(key, `${key} expects a number, got "${raw}"`);
  return n;
};

const words = (v: unknown) => (typeof v === 'string' ? searchTermsOf(v) : []);
const matches = (texts: unknown[], raw: string) => {
  const have = texts.flatMap(words);
  return searchTermsOf(raw).every((w) => have.some((h) => h.startsWith(w)));
};

function test(key: string, raw: string, model: MemoryModel): Test {
  if (key === 'query' && model.fullText) return (item) => matches(model.fullText!.map((p) => valueAt(item, p)), raw);
  const m = /^([A-Za-z.]+?)(?:\[([a-z]+)\])?$/.exec(key);
  const path = m?.[1];
  const kind = path !== undefined && Object.hasOwn(model.paths, path) ? model.paths[path]! : undefined;
  if (!kind) throw unknownParameter(key);
  const op = m![2] ?? 'eq';
  const at = (item: Item) => valueAt(item, path!);
  const value = (v: string) => scalar(kind, key, v);
  switch (op) {
    case 'eq':
      return (item) => at(item) === value(raw);
    case 'ne':
      return (item) => at(item) !== value(raw);
    case 'in':
    case 'nin': {
      const values = new Set(valueList(key, raw).map(value));
      return op === 'in' ? (item) => values.has(at(item) as string) : (item) => !values.has(at(item) as string);
    }
    case 'exists':
      if (raw !== 'true' && raw !== 'false') return bad(key, `${key} expects true or false`);
      return (item) => (at(item) !== undefined && at(item) !== null) === (raw === 'true');
    case 'match':
      if (kind !== 'text') return bad(key, `[match] needs a text property, not ${path}`);
      return (item) => matches([at(item)], raw);
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte': {
      const bound = value(raw);
      const compare = (v: unknown) => (v === undefined || v === null ? NaN : v < bound ? -1 : v > bound ? 1 : 0);
      const ok = { lt: (c: number) => c < 0, lte: (c: number) => c <= 0, gt: (c: number) => c > 0, gte: (c: number) => c >= 0 }[op];
      return (item) => ok(compare(at(item)));
    }
    default:
      return bad(key, `Unknown operator [${op}]`);
  }
}

/** Missing values last in both directions; then sys.id, Contentful's tie-break. */
function comparator(raw: string | undefined, model: MemoryModel) {
  const keys = (raw === undefined ? [] : valueList('order', raw)).map((part) => {
    const trimmed = part.trim();
    const desc = trimmed.startsWith('-');
    const path = desc ? trimmed.slice(1) : trimmed;
    if (!Object.hasOwn(model.paths, path)) return bad('order', `Cannot order by "${path}"`);
    return { path, sign: desc ? -1 : 1 };
  });
  keys.push({ path: 'sys.id', sign: 1 });
  return (a: Item, b: Item) => {
    for (const { path, sign } of keys) {
      const x = valueAt(a, path);
      const y = valueAt(b, path);
      if (x === y) continue;
      if (x === undefined || x === null) return 1;
      if (y === undefined || y === null) return -1;
      return (x < y ? -1 : 1) * sign;
    }
    return 0;
  };
}

/** Filters, orders and pages `items` as the query string asks. */
export function queryInMemory<T extends Item>(params: Record<string, unknown>, model: MemoryModel, items: T[]) {
  const text = queryParams(params);
  const known = new Set<string>([...pageParameters, 'order', 'access_token', ...(model.ignore ?? [])]);
  const tests = Object.entries(text)
    .filter(([key]) => !known.has(key))
    .map(([key, raw]) => test(key, raw, model));
  const page: PageRequest = pageQuery(text);
  const kept = items.filter((item) => tests.every((t) => t(item)));
  if (text.order !== undefined) kept.sort(comparator(text.order, model));
  return { items: kept.slice(page.skip, page.skip + page.limit), total: kept.length, skip: page.skip, limit: page.limit, request: page };
}
