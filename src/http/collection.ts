/** Contentful's collection envelope and its skip/limit, shared by every JSON API Folio speaks. */
import * as is from '../validate/is.js';

export const collection = <T>(items: T[], page: { total: number; skip: number; limit: number }) => ({
  sys: { type: 'Array' },
  total: page.total,
  skip: page.skip,
  limit: page.limit,
  items,
});

/** skip and limit from the query string: Contentful's defaults (0, 100) and a cap (1000 unless said). */
export function pageQuery(query: Record<string, unknown>, maxLimit = 1000): { skip: number; limit: number } {
  const read = (name: 'skip' | 'limit', fallback: number, max: number) => {
    const raw = query[name];
    if (raw === undefined) return fallback;
    const n = is.string(raw) ? is.parseStrictInt(raw) : undefined;
    if (n === undefined || n > max) is.invalid(name, `an integer from 0 to ${max}`, raw, 'INVALID_QUERY');
    return n;
  };
  return { skip: read('skip', 0, 1_000_000_000), limit: read('limit', 100, maxLimit) };
}
