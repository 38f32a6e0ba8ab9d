/**
 * Predicates and one message shape for every input check at Folio's edges
 * ("Expected integer between 1 and 4000 for w but received 0"), as sharp's lib/is does.
 */
import { FolioError, type ErrorCode } from '../errors/index.js';

export const defined = <T>(v: T | undefined | null): v is T => v !== undefined && v !== null;
export const string = (v: unknown): v is string => typeof v === 'string';
export const nonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
export const integer = (v: unknown): v is number => Number.isInteger(v);
export const number = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
export const inRange = (v: number, min: number, max: number) => v >= min && v <= max;
export const oneOf = <T extends string>(v: unknown, values: readonly T[]): v is T =>
  typeof v === 'string' && (values as readonly string[]).includes(v);
/** A JSON object: made by JSON.parse or a literal, not a stream, Buffer, Date or other class instance. */
/** Contentful's rule for the id of an entry, asset, content type, webhook …: 1 to 64 letters, digits, '.', '_' or '-'. */
export const resourceId = (v: unknown): v is string => typeof v === 'string' && /^[a-zA-Z0-9._-]{1,64}$/.test(v);
export const plainObject = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/** Parses a base-10 integer written without sign, spaces, decimals or exponent. */
export function parseStrictInt(v: string): number | undefined {
  return /^\d{1,9}$/.test(v) ? Number(v) : undefined;
}

function show(received: unknown): string {
  if (received === undefined) return 'nothing';
  const text = typeof received === 'string' ? JSON.stringify(received) : String(received);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

export function invalidMessage(name: string, expected: string, received: unknown): string {
  return `Expected ${expected} for ${name} but received ${show(received)}`;
}

/** Throws the uniform error for a bad value; `code` picks the Contentful id. */
export function invalid(
  name: string,
  expected: string,
  received: unknown,
  code: ErrorCode = 'INVALID_PARAMETER',
): never {
  throw new FolioError(code, invalidMessage(name, expected, received), {
    details: { parameter: name, expected, received: show(received) },
  });
}
