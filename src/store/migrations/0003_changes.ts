import { sql, type Kysely } from 'kysely';

/**
 * The sync log: one row per entry or asset with the sequence number of its latest publish,
 * unpublish or delete. Rows for what is already published are backfilled in publish order.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('changes')
    .addColumn('space_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('environment_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('id', 'varchar(64)', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('deleted', 'integer', (c) => c.notNull())
    .addColumn('content_type_id', 'varchar(64)')
    .addColumn('changed_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('sys', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('changes_pk', ['space_id', 'environment_id', 'kind', 'id'] as never)
    .execute();
  await db.schema.createIndex('changes_seq_idx').on('changes').columns(['space_id', 'environment_id', 'seq']).execute();
  await db.schema
    .createTable('counters')
    .addColumn('name', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('value', 'bigint', (c) => c.notNull())
    .execute();

  await sql`INSERT INTO changes (space_id, environment_id, kind, id, seq, deleted, content_type_id, changed_at, sys)
    SELECT space_id, environment_id, kind, id, ROW_NUMBER() OVER (ORDER BY published_at, kind, id), 0, content_type_id, published_at, sys
    FROM published WHERE kind <> 'ContentType'`.execute(db);
  await sql`INSERT INTO counters (name, value) SELECT 'changes', COUNT(*) FROM changes`.execute(db);
}
