import { sql, type Kysely } from 'kysely';
import type { DialectAdapter } from '../dialect.js';

/**
 * Indexes on two published values the hub reads by, in the default locale `en-US` (the one the
 * demo and setup create): an article's `slug` (its page, and the `unique` check every publish
 * runs) and `publishDate` in the hub's order (newest first, missing last, then id). Without them
 * each of those reads every published entry of the type: a publish and a cold first hub page
 * cost time in proportion to the number of articles. The expressions are built by the adapter
 * that builds the queries, so the planner sees the same expression in both.
 */
export const hubIndexLocale = 'en-US';

export function hubFieldIndexesMigration(adapter: DialectAdapter) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const slug = adapter.jsonAt('data', ['slug', hubIndexLocale]);
      const date = adapter.jsonAt('data', ['publishDate', hubIndexLocale]);
      const scope = sql`space_id, environment_id, kind, content_type_id`;
      // Then Delivery's default order, so an equality on the slug in that order (the `unique` check)
      // is read off this index rather than by walking the type's whole created-at index.
      await sql`CREATE INDEX published_slug_idx ON published (${scope}, (${slug}), created_at, id)`.execute(db);
      await sql`CREATE INDEX published_publish_date_idx ON published (${scope}, (${date} IS NULL), (${date}) DESC, id)`.execute(db);
    },
  };
}
