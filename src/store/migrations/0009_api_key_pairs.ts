import type { Kysely } from 'kysely';

/** Contentful's API key shape: a description, a version, and the preview key paired with a delivery key. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('api_keys').addColumn('description', 'text').execute();
  await db.schema.alterTable('api_keys').addColumn('paired_id', 'varchar(64)').execute();
  await db.schema.alterTable('api_keys').addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await db.schema.alterTable('api_keys').addColumn('updated_at', 'varchar(32)').execute();
}
