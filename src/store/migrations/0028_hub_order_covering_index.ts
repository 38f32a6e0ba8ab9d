import { sql, type Kysely } from 'kysely';
import type { DialectAdapter } from '../dialect.js';
import { hubIndexLocale } from './0026_hub_field_indexes.js';

/**
 * The hub's order index (0026's publish-date index) with the `slug` the hub filters on at its
 * end, in its place. A deep page `/?page=N` skips (N − 1) × 6 articles: with the slug in the
 * index SQLite tests and skips each of them off the index alone (and reads the table only for
 * the page's own rows, its deferred seek), where it read and parsed every skipped article's
 * whole row: 2.4 s for page 13,000 at 86,010 articles, 40 to 70 ms with it. The count of a
 * page's total is read off it too.
 */
export function hubOrderCoveringIndexMigration(adapter: DialectAdapter) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const slug = adapter.jsonAt('data', ['slug', hubIndexLocale]);
      const date = adapter.jsonAt('data', ['publishDate', hubIndexLocale]);
      await sql`CREATE INDEX published_hub_order_idx ON published (space_id, environment_id, kind, content_type_id, (${date} IS NULL), (${date}) DESC, id, (${slug}))`.execute(db);
      // The same order without the slug: this one serves every read that served.
      await sql`DROP INDEX published_publish_date_idx`.execute(db);
    },
  };
}
