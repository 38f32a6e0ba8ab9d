import type { Kysely } from 'kysely';

/** Contentful's tags: a table per environment's tags, and every entry's and asset's metadata. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('tags')
    .addColumn('space_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('environment_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('id', 'varchar(64)', (c) => c.notNull())
    .addColumn('name', 'varchar(255)', (c) => c.notNull())
    .addColumn('visibility', 'varchar(16)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('tags_pk', ['space_id', 'environment_id', 'id'] as never)
    .addUniqueConstraint('tags_name_unique', ['space_id', 'environment_id', 'name'] as never)
    .execute();
  for (const table of ['resources', 'published']) {
    await db.schema.alterTable(table).addColumn('metadata', 'text', (c) => c.notNull().defaultTo('{"tags":[]}')).execute();
  }
}
