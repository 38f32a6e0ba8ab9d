/** Validators and caching headers for file responses, whose URLs change with their content. */
import { createHash } from 'node:crypto';

/** Version of what the pipeline writes (ETags, disk cache keys); bump it when the same request would give other bytes. */
export const pipelineVersion = 1;

/**
 * A strong ETag from the file token (which changes with the content) and the normalised
 * request, so it is known before, and without, decoding anything.
 */
export function fileEtag(token: string, variant: string): string {
  const digest = createHash('sha256').update(`${pipelineVersion}\n${token}\n${variant}`).digest('base64url');
  return `"${digest.slice(0, 32)}"`;
}

/** If-None-Match matches with the weak comparison RFC 9110 prescribes for it. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => opaque(tag) === etag);
}

export const immutableHeaders = (etag: string) => ({
  'cache-control': 'public, max-age=31536000, immutable',
  etag,
});
