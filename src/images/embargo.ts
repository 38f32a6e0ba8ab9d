/**
 * Embargoed assets, as Contentful documents them. An asset key is a `policy` (a JWT Folio signs
 * with its image signing key, naming the space and when the key expires) and a `secret` derived
 * from the policy under the same key, so keys need no storage and rotate with the signing keys.
 * A client signs a file's URL with a JWT (HS256, keyed with the secret) whose `sub` is that URL,
 * and adds `?policy=…&token=…`. With embargo on, files only drafts hold are served to such URLs
 * alone (Contentful's "unpublished assets protected" mode); published files stay public.
 */
import { randomUUID } from 'node:crypto';
import { FolioError, refused } from '../errors/index.js';
import * as is from '../validate/is.js';
import { hmac, sameSignature } from './signing.js';

export const embargoParameters: readonly string[] = ['policy', 'token'];
/** Contentful's limit: an asset key lives at most 48 hours. */
export const maxAssetKeySeconds = 48 * 3600;

const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwtHeader = encode({ alg: 'HS256', typ: 'JWT' });

function signJwt(claims: object, key: string): string {
  const unsigned = `${jwtHeader}.${encode(claims)}`;
  return `${unsigned}.${hmac(unsigned, key)}`;
}

const secretOf = (policy: string, key: string) => hmac(`asset-key\n${policy}`, key);

/** The `expiresAt` of a request for a key, as Contentful checks it: whole seconds, not past, at most 48 hours ahead. */
export function assetKeyExpiry(body: unknown, now = Date.now()): number {
  const expiresAt = is.plainObject(body) ? body.expiresAt : undefined;
  const seconds = Math.floor(now / 1000);
  if (!is.integer(expiresAt)) throw refused('type', ['expiresAt'], 'expiresAt must be a Unix timestamp in whole seconds', expiresAt);
  if (expiresAt < seconds) throw refused('range', ['expiresAt'], `expiresAt (${expiresAt}) cannot be in the past, current time was ${seconds}`, expiresAt);
  if (expiresAt > seconds + maxAssetKeySeconds) throw refused('range', ['expiresAt'], `expiresAt (${expiresAt}) cannot be more than 48 hours in the future`, expiresAt);
  return expiresAt;
}

/** What a Folio without embargoed assets answers: Contentful's answer for a space without the feature. */
export const embargoOff = () => new FolioError('FEATURE_NOT_AVAILABLE', undefined, { details: { reasons: 'Embargoed assets are off: set FOLIO_EMBARGOED_ASSETS=1' } });

/** A key for the space until `expiresAt` (Unix seconds, checked by assetKeyExpiry). */
export function createAssetKey(spaceId: string, expiresAt: number, key: string): { policy: string; secret: string } {
  const policy = signJwt({ exp: expiresAt, sub: spaceId, aud: 'adn', jti: randomUUID(), 'ctf:unpub': true }, key);
  return { policy, secret: secretOf(policy, key) };
}

/** How long the URLs Folio signs for its own pages (the editor showing drafts) work. */
const ownUrlSeconds = 3600;

/** A file's path and query, signed as a client signs it, for Folio's own pages. */
export function signEmbargoedUrl(pathAndQuery: string, spaceId: string, key: string, now = Date.now()): string {
  const { policy, secret } = createAssetKey(spaceId, Math.floor(now / 1000) + ownUrlSeconds, key);
  const token = signJwt({ sub: pathAndQuery.split('?', 1)[0] }, secret);
  return `${pathAndQuery}${pathAndQuery.includes('?') ? '&' : '?'}policy=${policy}&token=${token}`;
}

/** The claims of an HS256 JWT whose signature holds under `key`; undefined for anything else. */
function verifiedClaims(jwt: string, key: string): Record<string, unknown> | undefined {
  const parts = jwt.split('.');
  if (parts.length !== 3) return undefined;
  const [header, payload, signature] = parts as [string, string, string];
  if (!sameSignature(hmac(`${header}.${payload}`, key), signature)) return undefined;
  try {
    if ((JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { alg?: unknown } | null)?.alg !== 'HS256') return undefined;
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return is.plainObject(claims) ? claims : undefined;
  } catch {
    return undefined;
  }
}

/** A URL's path, however the client wrote the URL (absolute, protocol-relative or a path). */
function pathOf(url: unknown): string | undefined {
  if (!is.string(url)) return undefined;
  try {
    return new URL(url, 'http://folio.invalid').pathname;
  } catch {
    return undefined;
  }
}

/** Whether the query's `policy` and `token` sign this path of this space now, under one of the keys. */
export function verifyEmbargoedUrl(spaceId: string, pathname: string, query: URLSearchParams, keys: readonly string[], now = Date.now()): boolean {
  const [policies, tokens] = [query.getAll('policy'), query.getAll('token')];
  if (policies.length !== 1 || tokens.length !== 1) return false;
  const [policy, token] = [policies[0]!, tokens[0]!];
  const seconds = now / 1000;
  const path = pathOf(pathname);
  return keys.some((key) => {
    const granted = verifiedClaims(policy, key);
    if (!granted || granted.sub !== spaceId || granted.aud !== 'adn' || !is.number(granted.exp) || granted.exp <= seconds) return false;
    const signed = verifiedClaims(token, secretOf(policy, key));
    if (!signed || (signed.exp !== undefined && !(is.number(signed.exp) && signed.exp > seconds))) return false;
    return path !== undefined && pathOf(signed.sub) === path;
  });
}
