/**
 * Contentful's webhook filters: a list of constraints that must all hold for the payload.
 * `{ equals: [{ doc }, value] }`, `{ in: [{ doc }, [values]] }`, `{ regexp: [{ doc }, { pattern }] }`,
 * and `{ not: constraint }`, where `doc` names a sys property of the payload.
 */
import type { Json } from '../store/types.js';
import * as is from '../validate/is.js';

export const filterDocs = ['sys.id', 'sys.environment.sys.id', 'sys.contentType.sys.id'] as const;

/** What is wrong with one filter, or undefined when it is valid. */
export function filterProblem(filter: unknown): string | undefined {
  if (!is.plainObject(filter)) return 'must be an object';
  const keys = Object.keys(filter);
  if (keys.length !== 1) return 'must have exactly one of equals, in, regexp, not';
  const op = keys[0]!;
  const args = filter[op];
  if (op === 'not') {
    if (is.plainObject(args) && 'not' in args) return 'not cannot be nested';
    const inner = filterProblem(args);
    return inner && `not: ${inner}`;
  }
  if (!['equals', 'in', 'regexp'].includes(op)) return `unknown operator "${op}"`;
  if (!Array.isArray(args) || args.length !== 2) return `${op} needs [{ "doc": … }, value]`;
  const [doc, value] = args as [unknown, unknown];
  if (!is.plainObject(doc) || !(filterDocs as readonly string[]).includes(doc.doc as string)) {
    return `doc must be one of ${filterDocs.join(', ')}`;
  }
  if (op === 'equals' && !is.string(value)) return 'equals needs a string value';
  if (op === 'in' && !(Array.isArray(value) && value.length > 0 && value.every(is.string))) return 'in needs a non-empty list of strings';
  if (op === 'regexp') {
    if (!is.plainObject(value) || !is.nonEmptyString(value.pattern) || value.pattern.length > 256) return 'regexp needs { "pattern": "…" } of up to 256 characters';
    try {
      new RegExp(value.pattern);
    } catch {
      return `regexp pattern "${value.pattern}" is not a valid regular expression`;
    }
  }
  return undefined;
}

function at(payload: Json, doc: string): string | undefined {
  let v: Json | undefined = payload;
  for (const key of doc.split('.')) v = is.plainObject(v) ? (v as Record<string, Json>)[key] : undefined;
  return typeof v === 'string' ? v : undefined;
}

function holds(filter: Json, payload: Json): boolean {
  const f = filter as Record<string, Json>;
  if ('not' in f) return !holds(f.not!, payload);
  const [op, args] = Object.entries(f)[0] as [string, [{ doc: string }, Json]];
  const value = at(payload, args[0].doc);
  if (value === undefined) return false;
  if (op === 'equals') return value === args[1];
  if (op === 'in') return (args[1] as string[]).includes(value);
  return new RegExp((args[1] as { pattern: string }).pattern).test(value);
}

/** Whether the payload passes every (validated) filter; no filters pass everything. */
export const filtersMatch = (filters: readonly Json[], payload: Json) => filters.every((f) => holds(f, payload));
