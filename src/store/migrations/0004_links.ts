import type { Kysely } from 'kysely';
import { fieldLinks } from '../links.js';
import type { Database } from '../schema.js';
import type { LocalizedFields } from '../types.js';

/** Which items link where, for links_to_entry, links_to_asset and reference queries. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('links')
    .addColumn('space_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('environment_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('side', 'varchar(16)', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('id', 'varchar(64)', (c) => c.notNull())
    .addColumn('field_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('to_kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('to_id', 'varchar(64)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('links_to_idx').on('links').columns(['space_id', 'environment_id', 'side', 'to_kind', 'to_id']).execute();
  await db.schema.createIndex('links_from_idx').on('links').columns(['space_id', 'environment_id', 'side', 'kind', 'id']).execute();

  const typed = db as unknown as Kysely<Database>;
  for (const [table, side] of [['resources', 'draft'], ['published', 'published']] as const) {
    const rows = await typed.selectFrom(table).select(['space_id', 'environment_id', 'kind', 'id', 'data']).where('kind', '<>', 'ContentType').execute();
    for (const row of rows) {
      const links = fieldLinks(JSON.parse(row.data) as LocalizedFields);
      if (links.length === 0) continue;
      await typed
        .insertInto('links')
        .values(links.map((l) => ({ space_id: row.space_id, environment_id: row.environment_id, side, kind: row.kind, id: row.id, field_id: l.field, to_kind: l.linkType, to_id: l.id })))
        .execute();
    }
  }
}
