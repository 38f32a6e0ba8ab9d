import { describe, expect, it } from 'vitest';
import { rangeApplies, rangeOf } from './byte-range.js';

describe('rangeOf', () => {
  it.each([
    ['bytes=0-9', { kind: 'part', start: 0, end: 9 }],
    ['bytes=90-', { kind: 'part', start: 90, end: 99 }],
    ['bytes=95-1000', { kind: 'part', start: 95, end: 99 }],
    ['bytes=-10', { kind: 'part', start: 90, end: 99 }],
    ['bytes=-500', { kind: 'part', start: 0, end: 99 }],
    ['bytes=100-', { kind: 'unsatisfiable' }],
    ['bytes=-0', { kind: 'unsatisfiable' }],
  ])('%s of 100 bytes → %j', (header, answer) => {
    expect(rangeOf(header, 100)).toEqual(answer);
  });

  it.each(['bytes=0-1,5-6', 'bytes=-', 'bytes=9-3', 'items=0-9', 'bytes=1e3-', 'bytes=0x10-', `bytes=${'9'.repeat(16)}-`, 'bytes= 0-9'])(
    'ignores %s: the whole file is sent',
    (header) => {
      expect(rangeOf(header, 100)).toEqual({ kind: 'whole' });
    },
  );

  it('sends the whole file without a Range header, and nothing of an empty one', () => {
    expect(rangeOf(undefined, 100)).toEqual({ kind: 'whole' });
    expect(rangeOf('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
  });

  it('applies a range only to the ETag If-Range names', () => {
    expect(rangeApplies(undefined, '"a"')).toBe(true);
    expect(rangeApplies('"a"', '"a"')).toBe(true);
    expect(rangeApplies('"b"', '"a"')).toBe(false);
    expect(rangeApplies('Wed, 21 Oct 2015 07:28:00 GMT', '"a"')).toBe(false);
  });
});
