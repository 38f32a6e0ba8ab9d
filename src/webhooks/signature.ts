/** X-Folio-Signature: `sha256=` and the hex HMAC-SHA256 of the raw request body under the webhook's secret. */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const signatureHeader = 'x-folio-signature';

export const sign = (secret: string, body: string | Buffer) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/** For receivers (and tests): constant-time check of a signature header against the raw body. */
export function verifySignature(secret: string, body: string | Buffer, header: string | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(sign(secret, body));
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
