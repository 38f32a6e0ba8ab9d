/**
 * Contentful's query string → a store ListQuery plus what the response needs (include, select).
 * Anything Contentful would refuse is InvalidQuery naming the parameter.
 */
import { mimetypeGroups } from '../assets/index.js';
import { FolioError } from '../errors/index.js';
import type { Condition, ContentTypeRecord, FieldDefinition, GeoArea, ListQuery, OrderBy, Scalar, SysKey } from '../store/types.js';
import { queryTerms, searchLimits } from '../store/index.js';
import * as is from '../validate/is.js';
import { isForbiddenKey, table } from '../validate/json-shape.js';
import type { LocaleChoice } from './locales.js';

export interface DeliveryQuery {
  list: ListQuery;
  include: number;
  /** Top-level paths to keep, e.g. ['sys', 'fields.title']; undefined keeps everything. */
  select: string[] | undefined;
}

const bad = (parameter: string, message: string): never => {
  throw new FolioError('INVALID_QUERY', message, { details: { errors: [{ name: 'invalid', parameter, details: message }] } });
};

const sysKeys: Readonly<Record<string, SysKey>> = table({ 'sys.id': 'id', 'sys.createdAt': 'createdAt', 'sys.updatedAt': 'updatedAt', 'sys.publishedAt': 'publishedAt' });
const operators = new Set(['ne', 'in', 'nin', 'exists', 'lt', 'lte', 'gt', 'gte']);
/** Understood by Contentful, not by Folio yet: refused plainly rather than ignored. */
const notYet = new Set(['all']);
const passThrough = new Set(['access_token', 'locale', 'content_type', 'order', 'limit', 'skip', 'include', 'select']);
/** Equality and ranges on these need reference, array or geo queries, which come later. */
const unfilterable = new Set(['Link', 'Location', 'Object', 'RichText', 'Array']);
export const unorderable = new Set(['Text', 'RichText', 'Object', 'Location', 'Array', 'Link']);

/**
 * Bounds on one query, so no request can hold the event loop: the whole query string (about
 * Contentful's own URL limit), values in one [in]/[nin]/[all] list, and full-text words.
 */
export const queryLimits = { maxQueryChars: 8000, maxListValues: 100 } as const;

/** A comma-separated list parameter, refused by name beyond `maxListValues` values. */
function list(key: string, raw: string): string[] {
  const values = raw.split(',');
  if (values.length > queryLimits.maxListValues) bad(key, `${key} takes at most ${queryLimits.maxListValues} values, got ${values.length}`);
  return values;
}

function fullText(key: string, raw: string): string {
  if (raw.length > searchLimits.maxLength) bad(key, `${key} takes at most ${searchLimits.maxLength} characters`);
  const words = new Set(queryTerms(raw)).size;
  if (words > searchLimits.maxTerms) bad(key, `${key} takes at most ${searchLimits.maxTerms} different words, got ${words}`);
  return raw;
}

/** A bounded integer query parameter; anything else is InvalidQuery naming it. */
export function integerParam(name: string, raw: unknown, min: number, max: number, fallback: number): number {
  if (raw === undefined) return fallback;
  if (typeof raw !== 'string') return bad(name, `The parameter ${name} was given more than once`);
  return integer(name, raw, min, max, fallback);
}

function integer(name: string, raw: string | undefined, min: number, max: number, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = is.parseStrictInt(raw);
  if (n === undefined || n < min || n > max) return bad(name, `${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  return n;
}

function coerce(parameter: string, raw: string, def: FieldDefinition | undefined): Scalar {
  const type = def?.type === 'Array' ? def.items?.type : def?.type;
  if (type === 'Integer' || type === 'Number') {
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(n) || (type === 'Integer' && !Number.isInteger(n))) return bad(parameter, `${parameter} expects a number, got "${raw}"`);
    return n;
  }
  if (type === 'Boolean') {
    if (raw !== 'true' && raw !== 'false') return bad(parameter, `${parameter} expects true or false, got "${raw}"`);
    return raw === 'true';
  }
  return raw;
}

function fieldDef(parameter: string, fieldId: string, type: ContentTypeRecord | undefined): FieldDefinition {
  if (!type) return bad(parameter, `Querying or ordering by ${parameter} needs a content_type`);
  const def = type.fields.find((f) => f.id === fieldId);
  if (!def) return bad(parameter, `No field with id "${fieldId}" found in content type "${type.sys.id}"`);
  return def;
}

export const fieldLocale = (def: FieldDefinition, choice: LocaleChoice) => (!choice.all && def.localized ? choice.code : choice.all ? defaultOf(choice) : choice.defaultCode);
const defaultOf = (choice: LocaleChoice & { all: true }) => choice.codes[0] ?? 'en-US';

/** Contentful's operators on an Array of Symbols: equality means "contains". */
function arrayCondition(key: string, op: string, raw: string, target: { field: string; locale: string }): Condition {
  const values = list(key, raw);
  switch (op) {
    case 'eq':
    case 'in':
      return { ...target, op: 'has', mode: 'any', values };
    case 'all':
      return { ...target, op: 'has', mode: 'all', values };
    case 'ne':
    case 'nin':
      return { ...target, op: 'has', mode: 'none', values };
    default:
      return bad(key, `The [${op}] operator does not apply to array fields`);
  }
}

function condition(key: string, raw: string, type: ContentTypeRecord | undefined, choice: LocaleChoice): Condition {
  const m = /^(sys\.[A-Za-z]+|fields\.[A-Za-z0-9_]+)(?:\[([a-z]+)\])?$/.exec(key);
  if (!m) return bad(key, `Unknown or unsupported query parameter "${key}"`);
  const [, path, op = 'eq'] = m as unknown as [string, string, string | undefined];
  if (notYet.has(op) && !(op === 'all' && path.startsWith('fields.'))) return bad(key, `The [${op}] operator is not supported by Folio yet`);
  if (op !== 'eq' && op !== 'all' && op !== 'match' && !operators.has(op)) return bad(key, `Unknown operator [${op}]`);

  let target: { sys: SysKey } | { field: string; locale: string };
  let def: FieldDefinition | undefined;
  if (path.startsWith('sys.')) {
    const sys = sysKeys[path];
    if (!sys) return bad(key, `Filtering on ${path} is not supported`);
    target = { sys };
  } else {
    def = fieldDef(key, path.slice('fields.'.length), type);
    if (op === 'match') {
      if (!['Symbol', 'Text', 'RichText', 'Array'].includes(def.type)) return bad(key, `[match] needs a text field, not ${def.type}`);
      return { op: 'match', text: fullText(key, raw), field: def.id };
    }
    if (def.type === 'Array' && def.items?.type === 'Symbol' && op !== 'exists') {
      return arrayCondition(key, op, raw, { field: def.id, locale: fieldLocale(def, choice) });
    }
    if (op === 'all') return bad(key, 'The [all] operator applies to array fields only');
    if (op !== 'exists' && unfilterable.has(def.type)) {
      return bad(key, `Filtering on ${def.type} fields is not supported by Folio yet`);
    }
    target = { field: def.id, locale: fieldLocale(def, choice) };
  }
  const value = (v: string) => (def ? coerce(key, v, def) : v);
  switch (op) {
    case 'exists':
      if (raw !== 'true' && raw !== 'false') return bad(key, `${key} expects true or false`);
      return { ...target, op: 'exists', value: raw === 'true' };
    case 'in':
    case 'nin':
      return { ...target, op, values: list(key, raw).map(value) };
    default:
      return { ...target, op: op as 'eq', value: value(raw) };
  }
}

function order(raw: string | undefined, type: ContentTypeRecord | undefined, choice: LocaleChoice): OrderBy[] | undefined {
  if (raw === undefined) return undefined;
  return list('order', raw).map((part) => {
    const desc = part.startsWith('-');
    const path = desc ? part.slice(1) : part;
    const direction = desc ? 'desc' : 'asc';
    if (path.startsWith('sys.')) {
      const sys = sysKeys[path];
      if (!sys) return bad('order', `Ordering by ${path} is not supported`);
      return { sys, direction };
    }
    if (!path.startsWith('fields.')) return bad('order', `Cannot order by "${path}"`);
    const def = fieldDef('order', path.slice('fields.'.length), type);
    if (unorderable.has(def.type)) return bad('order', `Cannot order by ${def.type} field "${def.id}"`);
    return { field: def.id, locale: fieldLocale(def, choice), direction };
  });
}

/** Ids of items of one content type matching conditions: the inner side of a reference query. */
export type FindIds = (contentTypeId: string, where: Condition[]) => Promise<string[]>;

/**
 * Reference parameters: `fields.author.sys.id[=|[in]]` and, with
 * `fields.author.sys.contentType.sys.id`, `fields.author.fields.name[op]`.
 */
async function referenceConditions(
  text: Record<string, string>,
  type: ContentTypeRecord | undefined,
  types: Map<string, ContentTypeRecord>,
  choice: LocaleChoice,
  findIds: FindIds,
): Promise<{ consumed: Set<string>; where: Condition[] }> {
  const consumed = new Set<string>();
  const where: Condition[] = [];
  const inner = new Map<string, Array<[string, string]>>();
  for (const [key, raw] of Object.entries(text)) {
    const m = /^fields\.([A-Za-z0-9_]+)\.(sys\.id|sys\.contentType\.sys\.id|fields\.[A-Za-z0-9_]+(?:\[[a-z]+\])?)(\[in\])?$/.exec(key);
    if (!m) continue;
    const [, fieldId, rest, inOp] = m as unknown as [string, string, string, string | undefined];
    consumed.add(key);
    const def = fieldDef(key, fieldId, type);
    const linkType = def.type === 'Array' ? def.items?.linkType : def.linkType;
    if (!linkType) bad(key, `"${fieldId}" is not a reference field`);
    if (rest === 'sys.id') {
      where.push({ op: 'linksTo', linkType: linkType!, ids: inOp ? list(key, raw) : [raw], field: fieldId });
    } else if (rest === 'sys.contentType.sys.id') {
      if (inOp) bad(key, 'Give exactly one content type for a reference query');
    } else {
      inner.set(fieldId, [...(inner.get(fieldId) ?? []), [rest, raw]]);
    }
  }
  for (const [fieldId, params] of inner) {
    const targetId = text[`fields.${fieldId}.sys.contentType.sys.id`];
    if (targetId === undefined) bad(`fields.${fieldId}`, `Querying fields of a reference needs fields.${fieldId}.sys.contentType.sys.id`);
    const target = types.get(targetId!);
    if (!target) return bad(`fields.${fieldId}.sys.contentType.sys.id`, `Unknown content type "${targetId}"`);
    const conditions = params.map(([k, v]) => condition(k, v, target, choice));
    where.push({ op: 'linksTo', linkType: 'Entry', ids: await findIds(target.sys.id, conditions), field: fieldId });
  }
  return { consumed, where };
}

function numbers(key: string, raw: string, count: number[]): number[] {
  const parts = raw.split(',').map((p) => Number(p.trim()));
  if (!count.includes(parts.length) || parts.some((n) => !Number.isFinite(n))) {
    return bad(key, `${key} expects ${count.join(' or ')} comma-separated numbers, got "${raw}"`);
  }
  return parts;
}

function point(key: string, raw: string) {
  const [lat, lon] = numbers(key, raw, [2]) as [number, number];
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) bad(key, `${key} is not a valid latitude,longitude`);
  return { lat, lon };
}

/** lat,lon,radiusKm is a circle; lat1,lon1,lat2,lon2 a box from its bottom-left to top-right corner. */
function area(key: string, raw: string): GeoArea {
  const n = numbers(key, raw, [3, 4]);
  if (n.length === 3) {
    if (n[2]! < 0) bad(key, `${key} needs a non-negative radius`);
    return { circle: { lat: n[0]!, lon: n[1]!, radiusKm: n[2]! } };
  }
  return { box: { bottomLeft: { lat: n[0]!, lon: n[1]! }, topRight: { lat: n[2]!, lon: n[3]! } } };
}

/** `metadata.tags.sys.id[in|all|nin]=a,b` and `metadata.tags[exists]=true|false`. */
function tagCondition(key: string, raw: string, byId: boolean, op: string | undefined): Condition {
  if (op === 'exists') {
    if (byId) bad(key, 'Use metadata.tags[exists]');
    if (raw !== 'true' && raw !== 'false') bad(key, `${key} expects true or false, got "${raw}"`);
    return { op: 'tagged', mode: raw === 'true' ? 'any' : 'none' };
  }
  if (!byId) bad(key, 'Tags are queried by id: metadata.tags.sys.id[in], [all] or [nin]');
  const ids = list(key, raw).map((s) => s.trim()).filter(Boolean);
  if (ids.length === 0) bad(key, `${key} needs at least one tag id`);
  return { op: 'tagged', mode: op === 'all' ? 'all' : op === 'nin' ? 'none' : 'any', ids };
}


export async function parseDeliveryQuery(
  params: Record<string, unknown>,
  types: Map<string, ContentTypeRecord>,
  choice: LocaleChoice,
  findIds: FindIds,
): Promise<DeliveryQuery> {
  // Keys come from the URL: a null-prototype record, and no key that names a prototype.
  const text: Record<string, string> = Object.create(null) as Record<string, string>;
  let chars = 0;
  for (const [key, value] of Object.entries(params)) {
    if (Array.isArray(value)) bad(key, `The parameter ${key} was given more than once`);
    if (key.split(/[.[\]]/).some(isForbiddenKey)) bad(key, `"${key}" is not a query parameter`);
    text[key] = String(value);
    chars += key.length + text[key]!.length + 2;
  }
  if (chars > queryLimits.maxQueryChars) bad('query', `The query string is longer than ${queryLimits.maxQueryChars} characters`);
  const contentTypeId = text.content_type;
  const type = contentTypeId === undefined ? undefined : types.get(contentTypeId);
  if (contentTypeId !== undefined && !type) bad('content_type', `Unknown content type "${contentTypeId}"`);

  const references = await referenceConditions(text, type, types, choice, findIds);
  const where: Condition[] = [...references.where];
  let near: OrderBy | undefined;
  for (const [key, raw] of Object.entries(text)) {
    if (passThrough.has(key) || references.consumed.has(key)) continue;
    const geo = /^fields\.([A-Za-z0-9_]+)\[(near|within)\]$/.exec(key);
    if (geo) {
      const def = fieldDef(key, geo[1]!, type);
      if (def.type !== 'Location') bad(key, `[${geo[2]}] needs a Location field, not ${def.type}`);
      const target = { field: def.id, locale: fieldLocale(def, choice) };
      if (geo[2] === 'near') near = { ...target, near: point(key, raw), direction: 'asc' };
      else where.push({ ...target, op: 'within', area: area(key, raw) });
      continue;
    }
    if (key === 'mimetype_group') {
      const types = Object.hasOwn(mimetypeGroups, raw) ? mimetypeGroups[raw] : undefined;
      if (!types) bad(key, `Unknown mimetype_group "${raw}"; use one of ${Object.keys(mimetypeGroups).join(', ')}`);
      where.push({ field: 'file', locale: choice.all ? defaultOf(choice) : choice.defaultCode, path: ['contentType'], op: 'in', values: types! });
      continue;
    }
    if (key === 'query') {
      where.push({ op: 'match', text: fullText(key, raw) });
      continue;
    }
    const tags = /^metadata\.tags(\.sys\.id)?(?:\[(in|all|nin|exists)\])?$/.exec(key);
    if (tags) {
      where.push(tagCondition(key, raw, !!tags[1], tags[2]));
      continue;
    }
    if (key === 'links_to_entry' || key === 'links_to_asset') {
      where.push({ op: 'linksTo', linkType: key === 'links_to_entry' ? 'Entry' : 'Asset', ids: list(key, raw) });
      continue;
    }
    where.push(condition(key, raw, type, choice));
  }
  const select = text.select === undefined ? undefined : list('select', text.select).map((s) => s.trim());
  if (select?.some((s) => !/^(sys|fields|metadata)(\.[A-Za-z0-9_]+)?$/.test(s) || s.split('.').some(isForbiddenKey))) bad('select', 'select takes up to two levels, e.g. fields.title,sys.id');

  return {
    list: {
      ...(contentTypeId !== undefined ? { contentTypeId } : {}),
      where,
      // [near] sorts by distance, as in Contentful; an explicit order breaks ties.
      order: [...(near ? [near] : []), ...(text.order !== undefined ? order(text.order, type, choice)! : near ? [] : [{ sys: 'updatedAt' as const, direction: 'desc' as const }])],
      limit: integer('limit', text.limit, 0, 1000, 100),
      skip: integer('skip', text.skip, 0, 1_000_000_000, 0),
    },
    include: integer('include', text.include, 0, 10, 1),
    select,
  };
}

/** Keeps the selected paths of one serialized item (sys is always kept, as Contentful does). */
export function applySelect<T extends Record<string, unknown>>(item: T, select: string[] | undefined): T {
  if (!select) return item;
  const out: Record<string, unknown> = { sys: item.sys };
  for (const path of select) {
    const [top, sub] = path.split('.') as [string, string | undefined];
    if (sub === undefined) out[top] = item[top];
    else {
      const from = item[top] as Record<string, unknown> | undefined;
      if (from && sub in from) out[top] = { ...(out[top] as object), [sub]: from[sub] };
    }
  }
  return out as T;
}
