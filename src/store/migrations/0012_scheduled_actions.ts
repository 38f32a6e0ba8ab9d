import type { Kysely } from 'kysely';

/** Contentful's Scheduled Actions: publish or unpublish an entry or asset at a given time. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('scheduled_actions')
    .addColumn('space_id', 'varchar(64)', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('id', 'varchar(64)', (c) => c.notNull())
    .addColumn('environment_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('entity_type', 'varchar(16)', (c) => c.notNull())
    .addColumn('entity_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('action', 'varchar(16)', (c) => c.notNull())
    .addColumn('scheduled_for', 'varchar(32)', (c) => c.notNull())
    .addColumn('timezone', 'varchar(64)')
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(64)', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(64)', (c) => c.notNull())
    .addColumn('canceled_at', 'varchar(32)')
    .addColumn('canceled_by', 'varchar(64)')
    .addPrimaryKeyConstraint('scheduled_actions_pk', ['space_id', 'id'])
    .execute();
  await db.schema.createIndex('scheduled_actions_due_idx').on('scheduled_actions').columns(['status', 'scheduled_for']).execute();
  await db.schema.createIndex('scheduled_actions_env_idx').on('scheduled_actions').columns(['space_id', 'environment_id', 'scheduled_for']).execute();
}
