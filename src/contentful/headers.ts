/** Request headers of Contentful's write APIs. */
import type { FastifyRequest } from 'fastify';
import * as is from '../validate/is.js';

/** X-Contentful-Version: absent is undefined; anything but a positive integer is a 400. */
export function versionHeader(request: FastifyRequest): number | undefined {
  const raw = request.headers['x-contentful-version'];
  if (raw === undefined) return undefined;
  const n = is.string(raw) ? is.parseStrictInt(raw) : undefined;
  if (n === undefined || n < 1) return is.invalid('X-Contentful-Version', 'a positive integer', raw, 'BAD_REQUEST');
  return n;
}
