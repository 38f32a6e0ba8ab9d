import type { Kysely } from 'kysely';

/**
 * Who created, last changed and last published each draft (Contentful's createdBy, updatedBy,
 * publishedBy), and the archive stamp beside archived_at. Existing rows keep null: unknown.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of ['created_by', 'updated_by', 'published_by', 'archived_by']) {
    await db.schema.alterTable('resources').addColumn(column, 'varchar(64)').execute();
  }
  await db.schema.alterTable('resources').addColumn('archived_version', 'integer').execute();
}
