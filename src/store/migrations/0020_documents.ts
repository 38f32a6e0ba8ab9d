import type { Kysely } from 'kysely';

/**
 * Small JSON documents of the Management API that have neither fields nor publishing of their
 * own: editor interfaces, bulk actions, releases, comments, tasks. One table keyed by kind,
 * each row versioned; `parent_id` ties a document to what it belongs to (a content type, an entry).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('documents')
    .addColumn('space_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('environment_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('kind', 'varchar(32)', (c) => c.notNull())
    .addColumn('id', 'varchar(64)', (c) => c.notNull())
    .addColumn('parent_id', 'varchar(80)')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(64)')
    .addColumn('updated_by', 'varchar(64)')
    .addPrimaryKeyConstraint('documents_pk', ['space_id', 'environment_id', 'kind', 'id'] as never)
    .execute();
  await db.schema.createIndex('documents_parent_idx').on('documents').columns(['space_id', 'environment_id', 'kind', 'parent_id']).execute();
}
