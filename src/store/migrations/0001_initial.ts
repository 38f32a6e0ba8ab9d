import type { Kysely } from 'kysely';

const scopedKey = ['space_id', 'environment_id'];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('spaces')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('default_locale', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('environments')
    .addColumn('space_id', 'varchar(64)', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('id', 'varchar(64)', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('environments_pk', ['space_id', 'id'])
    .execute();

  await db.schema
    .createTable('locales')
    .addColumn('space_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('environment_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('id', 'varchar(64)', (c) => c.notNull())
    .addColumn('code', 'varchar(64)', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('is_default', 'integer', (c) => c.notNull())
    .addColumn('fallback_code', 'varchar(64)')
    .addColumn('optional', 'integer', (c) => c.notNull())
    .addColumn('content_delivery_api', 'integer', (c) => c.notNull())
    .addColumn('content_management_api', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('locales_pk', [...scopedKey, 'id'] as never)
    .addUniqueConstraint('locales_code_unique', [...scopedKey, 'code'] as never)
    .addForeignKeyConstraint('locales_environment_fk', scopedKey as never, 'environments', ['space_id', 'id'], (c) => c.onDelete('cascade'))
    .execute();

  for (const table of ['resources', 'published'] as const) {
    let t = db.schema
      .createTable(table)
      .addColumn('space_id', 'varchar(64)', (c) => c.notNull())
      .addColumn('environment_id', 'varchar(64)', (c) => c.notNull())
      .addColumn('kind', 'varchar(16)', (c) => c.notNull())
      .addColumn('id', 'varchar(64)', (c) => c.notNull())
      .addColumn('content_type_id', 'varchar(64)')
      .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
      .addColumn('updated_at', 'varchar(32)', (c) => c.notNull());
    t =
      table === 'resources'
        ? t
            .addColumn('version', 'integer', (c) => c.notNull())
            .addColumn('published_version', 'integer')
            .addColumn('published_counter', 'integer', (c) => c.notNull())
            .addColumn('published_at', 'varchar(32)')
            .addColumn('first_published_at', 'varchar(32)')
            .addColumn('archived_at', 'varchar(32)')
        : t.addColumn('published_at', 'varchar(32)', (c) => c.notNull()).addColumn('sys', 'text', (c) => c.notNull());
    await t
      .addColumn('data', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, [...scopedKey, 'kind', 'id'] as never)
      .addForeignKeyConstraint(`${table}_environment_fk`, scopedKey as never, 'environments', ['space_id', 'id'], (c) => c.onDelete('cascade'))
      .execute();
    await db.schema
      .createIndex(`${table}_content_type_idx`)
      .on(table)
      .columns([...scopedKey, 'kind', 'content_type_id'])
      .execute();
  }

  await db.schema
    .createTable('api_keys')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('space_id', 'varchar(64)', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('environments', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'varchar(255)', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}
