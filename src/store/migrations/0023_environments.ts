import type { Kysely } from 'kysely';

/**
 * Environments as Contentful has them: each has a status (a clone is `queued` until its rows
 * are in) and a version; aliases name an environment by another id (`master` among them). A
 * space without an alias row keeps its real `master` environment, as before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('environments').addColumn('status', 'varchar(16)', (c) => c.notNull().defaultTo('ready')).execute();
  await db.schema.alterTable('environments').addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await db.schema
    .createTable('environment_aliases')
    .addColumn('space_id', 'varchar(64)', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('id', 'varchar(64)', (c) => c.notNull())
    .addColumn('environment_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('environment_aliases_pk', ['space_id', 'id'] as never)
    .execute();
}
