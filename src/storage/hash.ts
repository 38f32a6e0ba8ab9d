import * as is from '../validate/is.js';

/** A sha256 digest as lowercase hex: the only names objects have, so no name can escape the store. */
const sha256Hex = /^[0-9a-f]{64}$/;

export const isObjectHash = (v: unknown): v is string => is.string(v) && sha256Hex.test(v);

/** Refuses anything but a sha256 hex name before it gets near a path or a key. */
export function assertObjectHash(hash: unknown): asserts hash is string {
  if (!isObjectHash(hash)) is.invalid('hash', 'a sha256 digest in lowercase hex (64 characters)', hash);
}
