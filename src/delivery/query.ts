/**
 * Contentful's query string → a store ListQuery plus what the response needs (include, select).
 * Anything Contentful would refuse is InvalidQuery naming the parameter.
 */
import { FolioError } from '../errors/index.js';
import type { Condition, ContentTypeRecord, FieldDefinition, ListQuery, OrderBy, Scalar, SysKey } from '../store/types.js';
import * as is from '../validate/is.js';
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

const sysKeys: Record<string, SysKey> = { 'sys.id': 'id', 'sys.createdAt': 'createdAt', 'sys.updatedAt': 'updatedAt', 'sys.publishedAt': 'publishedAt' };
const operators = new Set(['ne', 'in', 'nin', 'exists', 'lt', 'lte', 'gt', 'gte']);
/** Understood by Contentful, not by Folio yet: refused plainly rather than ignored. */
const notYet = new Set(['match', 'all', 'near', 'within']);
const passThrough = new Set(['access_token', 'locale', 'content_type', 'order', 'limit', 'skip', 'include', 'select']);
/** Equality and ranges on these need reference, array or geo queries, which come later. */
const unfilterable = new Set(['Link', 'Location', 'Object', 'RichText', 'Array']);
const unorderable = new Set(['Text', 'RichText', 'Object', 'Location', 'Array', 'Link']);

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

const fieldLocale = (def: FieldDefinition, choice: LocaleChoice) => (!choice.all && def.localized ? choice.code : choice.all ? defaultOf(choice) : choice.defaultCode);
const defaultOf = (choice: LocaleChoice & { all: true }) => choice.codes[0] ?? 'en-US';

function condition(key: string, raw: string, type: ContentTypeRecord | undefined, choice: LocaleChoice): Condition {
  const m = /^(sys\.[A-Za-z]+|fields\.[A-Za-z0-9_]+)(?:\[([a-z]+)\])?$/.exec(key);
  if (!m) return bad(key, `Unknown or unsupported query parameter "${key}"`);
  const [, path, op = 'eq'] = m as unknown as [string, string, string | undefined];
  if (notYet.has(op)) return bad(key, `The [${op}] operator is not supported by Folio yet`);
  if (op !== 'eq' && !operators.has(op)) return bad(key, `Unknown operator [${op}]`);

  let target: { sys: SysKey } | { field: string; locale: string };
  let def: FieldDefinition | undefined;
  if (path.startsWith('sys.')) {
    const sys = sysKeys[path];
    if (!sys) return bad(key, `Filtering on ${path} is not supported`);
    target = { sys };
  } else {
    def = fieldDef(key, path.slice('fields.'.length), type);
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
      return { ...target, op, values: raw.split(',').map(value) };
    default:
      return { ...target, op: op as 'eq', value: value(raw) };
  }
}

function order(raw: string | undefined, type: ContentTypeRecord | undefined, choice: LocaleChoice): OrderBy[] | undefined {
  if (raw === undefined) return undefined;
  return raw.split(',').map((part) => {
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

export function parseDeliveryQuery(
  params: Record<string, unknown>,
  types: Map<string, ContentTypeRecord>,
  choice: LocaleChoice,
): DeliveryQuery {
  const text: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    if (Array.isArray(value)) bad(key, `The parameter ${key} was given more than once`);
    text[key] = String(value);
  }
  const contentTypeId = text.content_type;
  const type = contentTypeId === undefined ? undefined : types.get(contentTypeId);
  if (contentTypeId !== undefined && !type) bad('content_type', `Unknown content type "${contentTypeId}"`);

  const where: Condition[] = [];
  for (const [key, raw] of Object.entries(text)) {
    if (passThrough.has(key)) continue;
    where.push(condition(key, raw, type, choice));
  }
  const select = text.select?.split(',').map((s) => s.trim());
  if (select?.some((s) => !/^(sys|fields|metadata)(\.[A-Za-z0-9_]+)?$/.test(s))) bad('select', 'select takes up to two levels, e.g. fields.title,sys.id');

  return {
    list: {
      ...(contentTypeId !== undefined ? { contentTypeId } : {}),
      where,
      ...(text.order !== undefined ? { order: order(text.order, type, choice)! } : { order: [{ sys: 'updatedAt', direction: 'desc' }] }),
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
