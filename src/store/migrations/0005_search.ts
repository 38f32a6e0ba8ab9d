import type { Kysely } from 'kysely';
import type { DialectAdapter } from '../dialect.js';
import type { Database } from '../schema.js';
import type { LocalizedFields } from '../types.js';

/** The full-text index, filled from what is already stored. */
export function searchMigration(adapter: DialectAdapter) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await adapter.search.create(db);
      const typed = db as unknown as Kysely<Database>;
      for (const [table, side] of [['resources', 'draft'], ['published', 'published']] as const) {
        const rows = await typed.selectFrom(table).select(['space_id', 'environment_id', 'kind', 'id', 'data']).where('kind', '<>', 'ContentType').execute();
        for (const row of rows) await adapter.search.write(typed, row, side, JSON.parse(row.data) as LocalizedFields);
      }
    },
  };
}
