/**
 * Optional URL signing: with signing keys configured, a transform URL must carry
 * `s` = base64url HMAC-SHA256 of its path and normalised query (without `s`), under any of the
 * keys, so keys can be rotated by listing the new one first and the old one until URLs expire.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { normaliseParams, parseImageParams } from './params.js';

export const signatureParameter = 's';

/** What is signed: the path as sent, then the normalised query (order and spelling do not matter). */
function signedText(pathname: string, query: URLSearchParams): string {
  const rest = new URLSearchParams([...query].filter(([name]) => name !== signatureParameter));
  return `${pathname}?${normaliseParams(parseImageParams(rest))}`;
}

/** Folio's one URL signer, HMAC-SHA256 in base64url: image signatures and embargoed-asset keys (embargo.ts) both use it. */
export const hmac = (text: string, key: string) => createHmac('sha256', key).update(text).digest('base64url');

/** Compares two signatures without telling by timing how much of them matched. */
export function sameSignature(expected: string, received: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(received);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The URL (path and query, no origin) with its `s` added. Throws on invalid parameters. */
export function signImageUrl(pathAndQuery: string, key: string): string {
  const at = pathAndQuery.indexOf('?');
  const pathname = at === -1 ? pathAndQuery : pathAndQuery.slice(0, at);
  const query = at === -1 ? '' : pathAndQuery.slice(at + 1);
  const search = new URLSearchParams(query);
  search.delete(signatureParameter);
  const kept = search.toString();
  const signature = hmac(signedText(pathname, search), key);
  return `${pathname}?${kept ? `${kept}&` : ''}${signatureParameter}=${signature}`;
}

/** Whether `s` in the query is valid for the path and the rest of the query under any key. */
export function verifySignature(pathname: string, query: URLSearchParams, keys: readonly string[]): boolean {
  const given = query.getAll(signatureParameter);
  if (given.length !== 1) return false;
  const text = signedText(pathname, query);
  return keys.some((key) => sameSignature(hmac(text, key), given[0]!));
}

/** FOLIO_IMAGE_SIGNING_KEY's value: comma-separated keys, the first for new URLs; blanks dropped. */
export const parseSigningKeys = (value: string | undefined): string[] =>
  (value ?? '').split(',').map((key) => key.trim()).filter((key) => key.length > 0);
