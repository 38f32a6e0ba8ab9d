/** Request headers of Contentful's write APIs. */
import type { FastifyRequest } from 'fastify';
import * as is from '../validate/is.js';

/** X-Contentful-Version: absent is undefined; anything but a positive integer is a 400. */
/**
 * X-Contentful-Version: absent is undefined; anything but a non-negative integer is a 400.
 * 0 is what tools send to create with a chosen id (contentful-migration's content types): no
 * stored record has version 0, so on an existing one it is a 409, as on Contentful.
 */
export function versionHeader(request: FastifyRequest): number | undefined {
  const raw = request.headers['x-contentful-version'];
  if (raw === undefined) return undefined;
  const n = is.string(raw) ? is.parseStrictInt(raw) : undefined;
  if (n === undefined || n < 0) return is.invalid('X-Contentful-Version', 'a non-negative integer', raw, 'BAD_REQUEST');
  return n;
}
