import * as is from '../validate/is.js';

/** A stream chunk as a Buffer, without copying; anything but bytes or text is refused. */
export function toBytes(chunk: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  if (is.string(chunk)) return Buffer.from(chunk);
  return is.invalid('data', 'a Buffer or a stream of bytes', typeof chunk);
}
