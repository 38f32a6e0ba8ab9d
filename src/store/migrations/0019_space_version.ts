import type { Kysely } from 'kysely';

/** Spaces can be renamed, with Contentful's version check: they count their versions. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('spaces').addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
}
