/**
 * The Range header of a file request (RFC 9110 §14), for players that seek in audio and video.
 * One range is served; several, or a malformed header, are ignored and the whole file is sent,
 * as the RFC allows. A range that starts past the end cannot be served (416).
 */

export type RangeAnswer = { kind: 'whole' } | { kind: 'part'; start: number; end: number } | { kind: 'unsatisfiable' };

const whole: RangeAnswer = { kind: 'whole' };

export function rangeOf(header: string | undefined, size: number): RangeAnswer {
  if (header === undefined) return whole;
  // 15 digits: beyond any file Folio could store, still exact as a number.
  const m = /^bytes=(\d{0,15})-(\d{0,15})$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return whole;
  if (m[1] === '') {
    // The last n bytes.
    const suffix = Number(m[2]);
    if (suffix === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'part', start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const last = m[2] === '' ? undefined : Number(m[2]);
  if (last !== undefined && last < start) return whole;
  if (start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'part', start, end: Math.min(last ?? size - 1, size - 1) };
}

/** If-Range: the range applies only to the representation it names (here, by its strong ETag). */
export const rangeApplies = (ifRange: string | undefined, etag: string) => ifRange === undefined || ifRange.trim() === etag;
