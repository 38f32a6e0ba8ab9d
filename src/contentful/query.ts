/**
 * Contentful's query language for entries and assets: a query string → a store ListQuery plus
 * what the answer needs (include, select, paging). Anything Contentful would refuse is
 * InvalidQuery naming the parameter; a parameter it does not know is its `unknown` error.
 * Small collections (content types, tags, locales) use the same words in ./memory-query.ts.
 */
import { mimetypeGroups } from '../assets/index.js';
import { invalidQuery, unknownParameter } from '../errors/index.js';
import type { Condition, ContentTypeRecord, FieldDefinition, GeoArea, ListQuery, OrderBy, Scalar, SysKey } from '../store/types.js';
import { queryTerms, searchLimits } from '../store/index.js';
import { isForbiddenKey, table } from '../validate/json-shape.js';
import { integerParam, pageParameters, pageQuery, type PageRequest } from './collection.js';
import type { LocaleChoice } from './locales.js';
import { queryParams, valueList } from './params.js';


export interface ContentQuery {
  list: ListQuery;
  page: PageRequest;
  include: number;
  /** Top-level paths to keep, e.g. ['sys', 'fields.title']; undefined keeps everything. */
  select: string[] | undefined;
}

export const bad = (parameter: string, details: string): never => {
  throw invalidQuery([{ name: 'invalid', path: [parameter], details }]);
};

const sysKeys: Readonly<Record<string, SysKey>> = table({
  'sys.id': 'id',
  'sys.createdAt': 'createdAt',
  'sys.updatedAt': 'updatedAt',
  'sys.publishedAt': 'publishedAt',
  'sys.revision': 'revision',
  'sys.firstPublishedAt': 'firstPublishedAt',
  'sys.publishedVersion': 'publishedVersion',
  // The Management API's (migration tools list live entries with sys.archivedAt[exists]=false).
  'sys.archivedAt': 'archivedAt',
  'sys.contentType.sys.id': 'contentType',
});
const numericSys = new Set<SysKey>(['revision', 'publishedVersion']);
const operators = new Set(['ne', 'in', 'nin', 'exists', 'lt', 'lte', 'gt', 'gte']);
const passThrough = new Set(['access_token', 'locale', 'content_type', 'order', 'include', 'select', ...pageParameters]);
/** Equality and ranges on these need reference, array or geo queries instead. */
const unfilterable = new Set(['Link', 'ResourceLink', 'Location', 'RichText', 'Array']);
export const unorderable = new Set(['Text', 'RichText', 'Object', 'Location', 'Array', 'Link', 'ResourceLink']);

/** Assets have a fixed model: title, description and file, all localized, as in Contentful. */
export const assetModel: ContentTypeRecord = {
  sys: { id: 'Asset', version: 1, publishedVersion: 1, publishedCounter: 1, createdAt: '', updatedAt: '', publishedAt: null, firstPublishedAt: null, archivedAt: null },
  name: 'Asset',
  description: null,
  displayField: 'title',
  fields: [
    { id: 'title', name: 'Title', type: 'Symbol', localized: true, required: false, validations: [], disabled: false, omitted: false },
    { id: 'description', name: 'Description', type: 'Text', localized: true, required: false, validations: [], disabled: false, omitted: false },
    { id: 'file', name: 'File', type: 'Object', localized: true, required: false, validations: [], disabled: false, omitted: false },
  ],
};

/**
 * Bounds on one query, so no request can hold the event loop: the whole query string (about
 * Contentful's own URL limit), values in one [in]/[nin]/[all] list, and full-text words.
 */
export { queryLimits } from './params.js';

function fullText(key: string, raw: string): string {
  if (raw.length > searchLimits.maxLength) bad(key, `${key} takes at most ${searchLimits.maxLength} characters`);
  const words = new Set(queryTerms(raw)).size;
  if (words > searchLimits.maxTerms) bad(key, `${key} takes at most ${searchLimits.maxTerms} different words, got ${words}`);
  return raw;
}

function coerce(parameter: string, raw: string, type: string | undefined): Scalar {
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

const defaultOf = (choice: LocaleChoice & { all: true }) => choice.codes[0] ?? 'en-US';
export const fieldLocale = (def: FieldDefinition, choice: LocaleChoice) => (!choice.all && def.localized ? choice.code : choice.all ? defaultOf(choice) : choice.defaultCode);

/** Contentful's operators on an Array of Symbols: equality means "contains". */
function arrayCondition(key: string, op: string, raw: string, target: { field: string; locale: string }): Condition {
  const values = valueList(key, raw);
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

/** `fields.file.contentType`, `fields.file.details.size`: inside an asset's file object. */
const objectPath = /^fields\.([A-Za-z0-9_]+)((?:\.[A-Za-z0-9_]+)+)?(?:\[([a-z]+)\])?$/;

function condition(key: string, raw: string, type: ContentTypeRecord | undefined, choice: LocaleChoice): Condition {
  const sysMatch = /^(sys\.[A-Za-z.]+)(?:\[([a-z]+)\])?$/.exec(key);
  const fieldMatch = sysMatch ? undefined : objectPath.exec(key);
  if (!sysMatch && !fieldMatch) throw unknownParameter(key);
  const op = (sysMatch ? sysMatch[2] : fieldMatch![3]) ?? 'eq';
  if (op !== 'eq' && op !== 'all' && op !== 'match' && !operators.has(op)) return bad(key, `Unknown operator [${op}]`);

  let target: { sys: SysKey } | { field: string; locale: string; path?: string[] };
  let valueType: string | undefined;
  if (sysMatch) {
    const sys = sysKeys[sysMatch[1]!];
    if (!sys) throw unknownParameter(key);
    if (op === 'all' || op === 'match') return bad(key, `The [${op}] operator does not apply to ${sysMatch[1]}`);
    target = { sys };
    valueType = numericSys.has(sys) ? 'Integer' : undefined;
  } else {
    const def = fieldDef(key, fieldMatch![1]!, type);
    const inner = fieldMatch![2]?.slice(1).split('.');
    if (inner) {
      if (def.type !== 'Object') return bad(key, `${def.id} is a ${def.type} field: it has no ${inner.join('.')}`);
      if (op === 'match' || op === 'all') return bad(key, `The [${op}] operator does not apply to ${key.replace(/\[.*$/, '')}`);
      target = { field: def.id, locale: fieldLocale(def, choice), path: inner };
      valueType = inner.at(-1) === 'size' || inner.at(-1) === 'width' || inner.at(-1) === 'height' ? 'Number' : undefined;
    } else {
      if (op === 'match') {
        if (!['Symbol', 'Text', 'RichText', 'Array'].includes(def.type)) return bad(key, `[match] needs a text field, not ${def.type}`);
        return { op: 'match', text: fullText(key, raw), field: def.id };
      }
      if (def.type === 'Array' && def.items?.type === 'Symbol' && op !== 'exists') {
        return arrayCondition(key, op, raw, { field: def.id, locale: fieldLocale(def, choice) });
      }
      if (op === 'all') return bad(key, 'The [all] operator applies to array fields only');
      if (op !== 'exists' && (unfilterable.has(def.type) || def.type === 'Object')) return bad(key, `Filtering on ${def.type} fields is not supported`);
      target = { field: def.id, locale: fieldLocale(def, choice) };
      valueType = def.type;
    }
  }
  const value = (v: string) => coerce(key, v, valueType);
  switch (op) {
    case 'exists':
      if (raw !== 'true' && raw !== 'false') return bad(key, `${key} expects true or false`);
      return { ...target, op: 'exists', value: raw === 'true' };
    case 'in':
    case 'nin':
      return { ...target, op, values: valueList(key, raw).map(value) };
    default:
      return { ...target, op: op as 'eq', value: value(raw) };
  }
}

function order(raw: string | undefined, type: ContentTypeRecord | undefined, choice: LocaleChoice): OrderBy[] | undefined {
  if (raw === undefined) return undefined;
  return valueList('order', raw).map((part) => {
    const trimmed = part.trim();
    const desc = trimmed.startsWith('-');
    const path = desc ? trimmed.slice(1) : trimmed;
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
    const def = fieldDef(key, fieldId, type);
    const linkType = def.type === 'Array' ? def.items?.linkType : def.linkType;
    // fields.file.contentType on an asset is a path inside an object, not a reference.
    if (!linkType && def.type === 'Object') continue;
    consumed.add(key);
    if (!linkType) bad(key, `"${fieldId}" is not a reference field`);
    if (rest === 'sys.id') {
      where.push({ op: 'linksTo', linkType: linkType!, ids: inOp ? valueList(key, raw) : [raw], field: fieldId });
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

/** lat,lon,radiusKm is a circle; lat1,lon1,lat2,lon2 a box between two opposite corners, in either order. */
function area(key: string, raw: string): GeoArea {
  const n = numbers(key, raw, [3, 4]);
  if (n.length === 3) {
    if (n[2]! < 0) bad(key, `${key} needs a non-negative radius`);
    return { circle: { lat: n[0]!, lon: n[1]!, radiusKm: n[2]! } };
  }
  const [lat1, lon1, lat2, lon2] = n as [number, number, number, number];
  return { box: { bottomLeft: { lat: Math.min(lat1, lat2), lon: Math.min(lon1, lon2) }, topRight: { lat: Math.max(lat1, lat2), lon: Math.max(lon1, lon2) } } };
}

/** `metadata.tags.sys.id[in|all|nin]=a,b` and `metadata.tags[exists]=true|false`. */
function tagCondition(key: string, raw: string, byId: boolean, op: string | undefined): Condition {
  if (op === 'exists') {
    if (byId) bad(key, 'Use metadata.tags[exists]');
    if (raw !== 'true' && raw !== 'false') bad(key, `${key} expects true or false, got "${raw}"`);
    return { op: 'tagged', mode: raw === 'true' ? 'any' : 'none' };
  }
  if (!byId) bad(key, 'Tags are queried by id: metadata.tags.sys.id[in], [all] or [nin]');
  const ids = valueList(key, raw).map((s) => s.trim()).filter(Boolean);
  if (ids.length === 0) bad(key, `${key} needs at least one tag id`);
  return { op: 'tagged', mode: op === 'all' ? 'all' : op === 'nin' ? 'none' : 'any', ids };
}

/** Link-valued fields of a model: a `select` without any of them needs no includes. */
export function selectsLinks(select: string[] | undefined, type: ContentTypeRecord | undefined): boolean {
  if (!select) return true;
  return select.some((path) => {
    if (path === 'fields') return true;
    if (!path.startsWith('fields.')) return false;
    const def = type?.fields.find((f) => f.id === path.slice('fields.'.length));
    return !def || def.type === 'Link' || def.type === 'RichText' || (def.type === 'Array' && def.items?.type === 'Link');
  });
}

/**
 * Entries (`types` are the environment's content types) or assets (`kind: 'Asset'`, their
 * fixed model). The default order is Contentful's: newest update first, then by id.
 */
export async function parseContentQuery(
  params: Record<string, unknown>,
  types: Map<string, ContentTypeRecord>,
  choice: LocaleChoice,
  findIds: FindIds,
  kind: 'Entry' | 'Asset' = 'Entry',
): Promise<ContentQuery> {
  const text = queryParams(params);
  const contentTypeId = text.content_type;
  if (kind === 'Asset' && contentTypeId !== undefined) throw unknownParameter('content_type');
  const type = kind === 'Asset' ? assetModel : contentTypeId === undefined ? undefined : types.get(contentTypeId);
  if (contentTypeId !== undefined && !type) bad('content_type', `Unknown content type "${contentTypeId}"`);

  const references = kind === 'Entry' ? await referenceConditions(text, type, types, choice, findIds) : { consumed: new Set<string>(), where: [] };
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
    if (key === 'mimetype_group' && kind === 'Asset') {
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
    if ((key === 'links_to_entry' || key === 'links_to_asset') && kind === 'Entry') {
      where.push({ op: 'linksTo', linkType: key === 'links_to_entry' ? 'Entry' : 'Asset', ids: valueList(key, raw) });
      continue;
    }
    where.push(condition(key, raw, type, choice));
  }
  const select = text.select === undefined ? undefined : valueList('select', text.select).map((s) => s.trim());
  if (select?.some((s) => !/^(sys|fields|metadata)(\.[A-Za-z0-9_]+)?$/.test(s) || s.split('.').some(isForbiddenKey))) bad('select', 'select takes up to two levels, e.g. fields.title,sys.id');
  const page = pageQuery(text);
  const explicit = text.order !== undefined ? order(text.order, type, choice)! : undefined;
  return {
    list: {
      ...(contentTypeId !== undefined ? { contentTypeId } : {}),
      where,
      // [near] sorts by distance, as in Contentful; an explicit order breaks ties.
      order: [...(near ? [near] : []), ...(explicit ?? (near ? [] : [{ sys: 'updatedAt' as const, direction: 'desc' as const }]))],
      limit: page.limit,
      skip: page.skip,
    },
    page,
    include: integerParam('include', text.include, 0, 10, 1),
    select,
  };
}

/**
 * Keeps the selected paths of one serialized item and nothing else, `sys` included: Contentful
 * answers only what was selected (its SDK adds `sys.id` and `sys.type` to every select for that).
 */
export function applySelect<T extends Record<string, unknown>>(item: T, select: string[] | undefined): T {
  if (!select) return item;
  const out: Record<string, unknown> = {};
  for (const path of select) {
    const [top, sub] = path.split('.') as [string, string | undefined];
    if (!Object.hasOwn(item, top)) continue;
    if (sub === undefined) out[top] = item[top];
    else {
      const from = item[top] as Record<string, unknown> | undefined;
      if (from && Object.hasOwn(from, sub) && out[top] !== from) out[top] = { ...(out[top] as object), [sub]: from[sub] };
    }
  }
  return out as T;
}
