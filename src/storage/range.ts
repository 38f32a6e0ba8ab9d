import * as is from '../validate/is.js';
import type { ByteRange } from './types.js';

const offset = (v: unknown): v is number => is.integer(v) && v >= 0 && v <= Number.MAX_SAFE_INTEGER;

/** Refuses a range no implementation could read the same way (negative, fractional, end before start). */
export function assertByteRange(range: ByteRange | undefined): void {
  if (range === undefined) return;
  if (!offset(range.start)) is.invalid('range.start', 'a whole number of bytes, 0 or more', range.start);
  if (range.end !== undefined && !(offset(range.end) && range.end >= range.start)) {
    is.invalid('range.end', `a whole number of bytes, ${range.start} or more`, range.end);
  }
}
