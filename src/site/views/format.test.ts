import { afterEach, describe, expect, it } from 'vitest';
import { formatDate, isoDate } from './format.js';

describe('formatDate', () => {
  const tz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = tz;
  });

  it.each([
    ['2021-12-15', 'December 15, 2021'],
    ['2021-01-01', 'January 1, 2021'],
    ['2020-02-29', 'February 29, 2020'],
    ['1999-07-04', 'July 4, 1999'],
    ['2021-12-31T23:59:59.999Z', 'December 31, 2021'],
    ['2022-01-01T00:00:00Z', 'January 1, 2022'],
    ['2021-12-15T00:00', 'December 15, 2021'],
  ])('%s → %s', (input, expected) => {
    expect(formatDate(input)).toBe(expected);
  });

  it('never shifts a day, whatever the server time zone', () => {
    for (const zone of ['America/Los_Angeles', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC']) {
      process.env.TZ = zone;
      expect(formatDate('2021-12-15'), zone).toBe('December 15, 2021');
      expect(formatDate('2021-12-15T00:00:00.000Z'), zone).toBe('December 15, 2021');
      expect(formatDate('2021-12-15T23:30:00.000Z'), zone).toBe('December 15, 2021');
    }
  });

  it('keeps the calendar date an author wrote, even with an offset', () => {
    expect(formatDate('2021-12-15T23:30:00-05:00')).toBe('December 15, 2021');
    expect(formatDate('2021-12-15T00:30:00+09:00')).toBe('December 15, 2021');
    expect(isoDate('2021-12-15T00:30:00+09:00')).toBe('2021-12-15');
  });

  it('reads other parseable dates in UTC', () => {
    expect(formatDate('Wed, 15 Dec 2021 23:00:00 GMT')).toBe('December 15, 2021');
  });

  it('gives back values that name no date rather than inventing one', () => {
    expect(formatDate('2021-02-30')).toBe('2021-02-30');
    expect(formatDate('soon')).toBe('soon');
    expect(formatDate('')).toBe('');
    expect(isoDate('2021-13-01')).toBeUndefined();
    expect(isoDate('not a date')).toBeUndefined();
  });
});
