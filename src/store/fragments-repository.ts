/**
 * Published items' Delivery JSON, stored per locale (see migration 0024): read back only when
 * it was shaped from the same publish and the same stamp, written back by whoever shaped it.
 */
import { sql, type Kysely } from 'kysely';
import type { DialectAdapter } from './dialect.js';
import type { Database } from './schema.js';
import type { Store, StoredFragment } from './store.js';
import type { Scope } from './types.js';

/** Ids per statement: a page of 1000 with its includes is read a slice at a time, the loop free between. */
const idsPerRead = 200;
/** As content/links.ts byIds reads linked items: a thousand a statement, each in Delivery's default order. */
const idsPerOrderedRead = 1000;
/** Rows per INSERT: nine values each, well under either engine's bound on parameters. */
const rowsPerWrite = 100;
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Which of `ids` are published, in Delivery's default order. Sorted here: ordered by an index,
 * SQLite walked every published item to find a few (query.ts byIdList).
 */
export const publishedOf = (db: Kysely<Database>, adapter: DialectAdapter, scope: Scope, kind: 'Entry' | 'Asset', ids: readonly string[]) =>
  db
    .selectFrom('published')
    .select(['id', 'published_at'])
    .where('space_id', '=', scope.spaceId)
    .where('environment_id', '=', scope.environmentId)
    .where('kind', '=', kind)
    .where('id', 'in', ids)
    .orderBy(adapter.sortedHere(sql.ref('created_at')))
    .orderBy(adapter.sortedHere(sql.ref('id')));

export function fragmentsRepository(db: Kysely<Database>, adapter: DialectAdapter): Store['fragments'] {
  return {
    async read(scope, kind, wanted, locale, stamp) {
      const found = new Map<string, StoredFragment>();
      const publishedAt = new Map(wanted.map((w) => [w.id, w.publishedAt]));
      const ids = [...publishedAt.keys()];
      for (let i = 0; i < ids.length; i += idsPerRead) {
        if (i > 0) await yieldToLoop();
        const rows = await db
          .selectFrom('delivery_fragments')
          .select(['id', 'published_at', 'body', 'links'])
          .where('space_id', '=', scope.spaceId)
          .where('environment_id', '=', scope.environmentId)
          .where('kind', '=', kind)
          .where('locale', '=', locale)
          .where('id', 'in', ids.slice(i, i + idsPerRead))
          .where('stamp', '=', stamp)
          .execute();
        for (const row of rows) if (publishedAt.get(row.id) === row.published_at) found.set(row.id, { body: row.body, links: row.links });
      }
      return found;
    },

    async published(scope, kind, ids) {
      const out: Array<{ id: string; publishedAt: string }> = [];
      for (let i = 0; i < ids.length; i += idsPerOrderedRead) {
        if (i > 0) await yieldToLoop();
        const rows = await publishedOf(db, adapter, scope, kind, ids.slice(i, i + idsPerOrderedRead)).execute();
        for (const row of rows) out.push({ id: row.id, publishedAt: row.published_at });
      }
      return out;
    },

    async write(scope, fragments) {
      for (let i = 0; i < fragments.length; i += rowsPerWrite) {
        const values = fragments.slice(i, i + rowsPerWrite).map((f) => ({
          space_id: scope.spaceId,
          environment_id: scope.environmentId,
          kind: f.kind,
          id: f.id,
          locale: f.locale,
          published_at: f.publishedAt,
          stamp: f.stamp,
          body: f.body,
          links: f.links,
        }));
        await db
          .insertInto('delivery_fragments')
          .values(values)
          .onConflict((oc) =>
            oc.columns(['space_id', 'environment_id', 'kind', 'id', 'locale']).doUpdateSet((eb) => ({
              published_at: eb.ref('excluded.published_at'),
              stamp: eb.ref('excluded.stamp'),
              body: eb.ref('excluded.body'),
              links: eb.ref('excluded.links'),
            })),
          )
          .execute();
      }
    },
  };
}
