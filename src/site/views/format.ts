/** Dates as readers see them: "December 15, 2021", never shifted by the server's time zone. */

const months = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

export interface CalendarDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * The calendar date a value names, or undefined when it names none.
 *
 * A value that starts with `YYYY-MM-DD` (Contentful's Date field: `2021-12-15`,
 * `2021-12-15T10:00`, `2021-12-15T23:30:00-05:00`) names that date as the author wrote it;
 * any offset after it is ignored, so no time zone moves the day. Anything else that
 * `Date` can parse is read in UTC.
 */
export function parseCalendarDate(value: string): CalendarDate | undefined {
  const text = value.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(text);
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const check = new Date(Date.UTC(year, month - 1, day));
    // Rejects 2021-02-30 and the like instead of rolling over into March.
    if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
    return { year, month, day };
  }
  if (!text) return undefined;
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) return undefined;
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** `YYYY-MM-DD`, for `<time datetime>`; undefined when the value names no date. */
export function isoDate(value: string): string | undefined {
  const d = parseCalendarDate(value);
  return d && `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

/** "December 15, 2021". A value that names no date comes back as given (trimmed). */
export function formatDate(isoOrDate: string): string {
  const d = parseCalendarDate(isoOrDate);
  return d ? `${months[d.month - 1]} ${d.day}, ${d.year}` : isoOrDate.trim();
}
