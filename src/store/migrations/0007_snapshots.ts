import type { Kysely } from 'kysely';

/** Version history: the whole record (sys and body) as it was at each publish. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('snapshots')
    .addColumn('space_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('environment_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('entity_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('id', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(64)')
    .addColumn('sys', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('snapshots_pk', ['space_id', 'environment_id', 'id'] as never)
    .addForeignKeyConstraint('snapshots_environment_fk', ['space_id', 'environment_id'] as never, 'environments', ['space_id', 'id'], (c) =>
      c.onDelete('cascade'),
    )
    .execute();
  await db.schema.createIndex('snapshots_entity_idx').on('snapshots').columns(['space_id', 'environment_id', 'kind', 'entity_id', 'created_at']).execute();
}
