/**
 * Checks one field value against its definition (Contentful's field types and the validations
 * that need no database). Returns Contentful-style validation errors; never throws.
 */
import { validateRichTextDocument, type Document } from '@contentful/rich-text-types';
import type { FieldDefinition, FieldItems, Json } from '../store/types.js';
import * as is from '../validate/is.js';
import { describeJsonProblem, inspectJson, type JsonLimits } from '../validate/json-shape.js';

export interface FieldError {
  name: string;
  path: Array<string>;
  details: string;
  value?: Json;
  /** For `notResolvable`: the link that points at nothing, as Contentful reports it. */
  link?: { type: 'Link'; linkType: 'Entry' | 'Asset'; id: string };
}

const isLink = (v: Json, linkType: string | undefined): boolean =>
  is.plainObject(v) &&
  is.plainObject(v.sys) &&
  v.sys.type === 'Link' &&
  is.nonEmptyString(v.sys.id) &&
  (linkType === undefined || v.sys.linkType === linkType);

/** A cross-space reference, kept unresolved as its URN, as Contentful delivers it. */
const isResourceLink = (v: Json): boolean =>
  is.plainObject(v) && is.plainObject(v.sys) && v.sys.type === 'ResourceLink' && v.sys.linkType === 'Contentful:Entry' && is.nonEmptyString(v.sys.urn) && v.sys.urn.length <= 512;

const isoDate = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

function typeProblem(type: FieldDefinition['type'] | FieldItems['type'], v: Json, def: { linkType?: string; items?: FieldItems }): string | undefined {
  switch (type) {
    case 'Symbol':
      return is.string(v) && v.length <= 256 ? undefined : 'a string of at most 256 characters';
    case 'Text':
      return is.string(v) && v.length <= 50_000 ? undefined : 'a string of at most 50000 characters';
    case 'RichText':
      return is.plainObject(v) && v.nodeType === 'document' && Array.isArray(v.content) ? undefined : 'a rich text document';
    case 'Integer':
      return is.integer(v) ? undefined : 'an integer';
    case 'Number':
      return is.number(v) ? undefined : 'a number';
    case 'Date':
      return is.string(v) && isoDate.test(v) && !Number.isNaN(Date.parse(v)) ? undefined : 'an ISO-8601 date';
    case 'Boolean':
      return typeof v === 'boolean' ? undefined : 'a boolean';
    case 'Object':
      return is.plainObject(v) ? undefined : 'an object';
    case 'Location':
      return is.plainObject(v) && is.number(v.lat) && is.number(v.lon) && Math.abs(v.lat) <= 90 && Math.abs(v.lon) <= 180
        ? undefined
        : 'a location {lat, lon}';
    case 'Link':
      return isLink(v, def.linkType) ? undefined : `a link to an ${def.linkType ?? 'Entry or Asset'}`;
    case 'ResourceLink':
      return isResourceLink(v) ? undefined : 'a ResourceLink {sys: {type: "ResourceLink", linkType: "Contentful:Entry", urn}}';
    case 'Array': {
      if (!Array.isArray(v)) return 'an array';
      const items = def.items;
      if (!items) return undefined;
      const bad = v.find((item) => typeProblem(items.type, item, { linkType: items.linkType }) !== undefined);
      return bad === undefined ? undefined : `an array of ${items.type === 'Link' ? `links to ${items.linkType}` : items.type === 'ResourceLink' ? 'ResourceLinks' : 'strings'}`;
    }
  }
}

/**
 * A pattern that does not compile (saved before definitions were checked) fails its rule rather
 * than the request: `failing` is what the rule should see then.
 */
function patternTest(pattern: string, flags: string, v: string, failing: boolean): boolean {
  try {
    return new RegExp(pattern, flags).test(v);
  } catch {
    return failing;
  }
}

/** Always allowed in rich text: the containers the enabled node types live in. */
const implicitNodeTypes = ['document', 'paragraph', 'text', 'list-item', 'table-row', 'table-cell', 'table-header-cell'];

/** Every node of a rich text document, depth first. */
function* richTextNodes(node: Record<string, unknown>): Generator<Record<string, unknown> & { nodeType: string }> {
  if (is.string(node.nodeType)) yield node as Record<string, unknown> & { nodeType: string };
  if (Array.isArray(node.content)) for (const child of node.content) if (is.plainObject(child)) yield* richTextNodes(child);
}

/** Validations Folio checks locally; link and uniqueness rules need the store (publish-rules.ts). */
function validationProblems(validations: Json[], v: Json): Array<{ name: string; details: string }> {
  const out: Array<{ name: string; details: string }> = [];
  for (const rule of validations) {
    if (!is.plainObject(rule)) continue;
    const message = is.string(rule.message) ? rule.message : undefined;
    if (Array.isArray(rule.in) && !rule.in.includes(v as never)) {
      out.push({ name: 'in', details: message ?? `Value must be one of ${JSON.stringify(rule.in)}` });
    }
    if (is.plainObject(rule.regexp) && is.string(rule.regexp.pattern) && is.string(v)) {
      const flags = is.string(rule.regexp.flags) ? rule.regexp.flags : '';
      if (!patternTest(rule.regexp.pattern, flags, v, false)) {
        out.push({ name: 'regexp', details: message ?? `Value does not match the expected pattern` });
      }
    }
    if (is.plainObject(rule.size)) {
      const len = is.string(v) || Array.isArray(v) ? v.length : undefined;
      const { min, max } = rule.size;
      if (len !== undefined && ((is.number(min) && len < min) || (is.number(max) && len > max))) {
        out.push({ name: 'size', details: message ?? `Size must be between ${min ?? 0} and ${max ?? '∞'}` });
      }
    }
    if (is.plainObject(rule.prohibitRegexp) && is.string(rule.prohibitRegexp.pattern) && is.string(v)) {
      const flags = is.string(rule.prohibitRegexp.flags) ? rule.prohibitRegexp.flags : '';
      if (patternTest(rule.prohibitRegexp.pattern, flags, v, true)) {
        out.push({ name: 'prohibitRegexp', details: message ?? `Value must not match the pattern ${rule.prohibitRegexp.pattern}` });
      }
    }
    if (is.plainObject(rule.dateRange) && is.string(v)) {
      const { min, max } = rule.dateRange;
      const at = Date.parse(v);
      if ((is.string(min) && at < Date.parse(min)) || (is.string(max) && at > Date.parse(max))) {
        out.push({ name: 'dateRange', details: message ?? `Date must be between ${min ?? 'any time'} and ${max ?? 'any time'}` });
      }
    }
    if (Array.isArray(rule.enabledNodeTypes) && is.plainObject(v)) {
      const allowed = new Set([...implicitNodeTypes, ...rule.enabledNodeTypes.filter(is.string)]);
      const bad = [...richTextNodes(v)].filter((n) => !allowed.has(n.nodeType)).map((n) => n.nodeType);
      if (bad.length) out.push({ name: 'enabledNodeTypes', details: message ?? `Node type${bad.length > 1 ? 's' : ''} ${[...new Set(bad)].join(', ')} not allowed here` });
    }
    if (Array.isArray(rule.enabledMarks) && is.plainObject(v)) {
      const allowed = new Set(rule.enabledMarks.filter(is.string));
      const marks = [...richTextNodes(v)].flatMap((n) => (Array.isArray(n.marks) ? n.marks : []));
      const bad = marks.flatMap((m) => (is.plainObject(m) && is.string(m.type) && !allowed.has(m.type) ? [m.type] : []));
      if (bad.length) out.push({ name: 'enabledMarks', details: message ?? `Mark${bad.length > 1 ? 's' : ''} ${[...new Set(bad)].join(', ')} not allowed here` });
    }
    if (is.plainObject(rule.range) && is.number(v)) {
      const { min, max } = rule.range;
      if ((is.number(min) && v < min) || (is.number(max) && v > max)) {
        out.push({ name: 'range', details: message ?? `Value must be between ${min ?? '-∞'} and ${max ?? '∞'}` });
      }
    }
  }
  return out;
}

/**
 * The most any one stored value may hold. Deep enough for any real document (a rich text list
 * nested ten levels is about 45 deep), far from what recursive readers, JSON.stringify and
 * SQLite's JSON functions (depth 1000) can take, and cheap to walk.
 */
export const fieldValueLimits: JsonLimits = { maxDepth: 64, maxNodes: 50_000 };

/** Shape limits first: nothing below may walk a value that breaks them (also for stored model JSON). */
export function shapeErrors(v: Json, path: string[]): FieldError[] {
  if (typeof v !== 'object' || v === null) return [];
  const problem = inspectJson(v, fieldValueLimits);
  if (!problem) return [];
  const name = problem.kind === 'forbiddenKey' ? 'prohibitedKey' : 'size';
  return [{ name, path: [...path, ...problem.path.slice(0, 16).map(String)], details: `The value of ${path.join('.')} is ${describeJsonProblem(problem, fieldValueLimits)}` }];
}

/** Contentful's own rich text schema (which nodes may hold which), with its error shapes. */
function richTextErrors(v: Json, path: string[]): FieldError[] {
  return validateRichTextDocument(v as unknown as Document).map((e) => ({
    ...(e as unknown as FieldError),
    name: e.name,
    details: e.details ?? 'Invalid rich text',
    path: [...path, ...(e.path ?? []).map(String)],
  }));
}

/** Types are always checked; validations only when `withValidations` (Contentful checks them at publish). */
export function checkFieldValue(def: FieldDefinition, locale: string, v: Json, withValidations: boolean): FieldError[] {
  const path = ['fields', def.id, locale];
  const shape = shapeErrors(v, path);
  if (shape.length) return shape;
  const problem = typeProblem(def.type, v, def);
  if (problem) return [{ name: 'type', path, details: `Expected ${problem} for fields.${def.id}.${locale}`, value: v }];
  if (def.type === 'RichText') {
    const invalid = richTextErrors(v, path);
    if (invalid.length) return invalid;
  }
  if (!withValidations) return [];
  const values = def.type === 'Array' && Array.isArray(v) ? v : [v];
  const own = validationProblems(def.validations, v);
  const perItem = def.type === 'Array' ? values.flatMap((item) => validationProblems(def.items?.validations ?? [], item)) : [];
  return [...own, ...perItem].map((p) => ({ ...p, path, value: v }));
}
