/** A query string as every list endpoint reads it: bounded, one value per key, no prototype keys. */
import { invalidQuery } from '../errors/index.js';
import { isForbiddenKey } from '../validate/json-shape.js';

/**
 * Bounds on one query, so no request can hold the event loop: the whole query string (about
 * Contentful's own URL limit) and the values in one [in]/[nin]/[all] list.
 */
export const queryLimits = { maxQueryChars: 8000, maxListValues: 100 } as const;

const bad = (parameter: string, details: string): never => {
  throw invalidQuery([{ name: 'invalid', path: [parameter], details }]);
};

/** Keys come from the URL: a null-prototype record, and no key that names a prototype. */
export function queryParams(params: Record<string, unknown>): Record<string, string> {
  const text: Record<string, string> = Object.create(null) as Record<string, string>;
  let chars = 0;
  for (const [key, value] of Object.entries(params)) {
    if (Array.isArray(value)) bad(key, `The parameter ${key} was given more than once`);
    if (key.split(/[.[\]]/).some(isForbiddenKey)) bad(key, `"${key}" is not a query parameter`);
    text[key] = String(value);
    chars += key.length + text[key]!.length + 2;
  }
  if (chars > queryLimits.maxQueryChars) bad('query', `The query string is longer than ${queryLimits.maxQueryChars} characters`);
  return text;
}

/** A comma-separated list parameter, refused by name beyond `maxListValues` values. */
export function valueList(key: string, raw: string): string[] {
  const values = raw.split(',');
  if (values.length > queryLimits.maxListValues) bad(key, `${key} takes at most ${queryLimits.maxListValues} values, got ${values.length}`);
  return values;
}
