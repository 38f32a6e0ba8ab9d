import type { Kysely } from 'kysely';
import type { DialectAdapter } from '../dialect.js';
import { reindexSearch } from '../portable.js';
import type { Database } from '../schema.js';

/** The full-text index, filled from what is already stored. */
export function searchMigration(adapter: DialectAdapter) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await adapter.search.create(db);
      await reindexSearch(db as unknown as Kysely<Database>, adapter);
    },
  };
}
