import type { Kysely } from 'kysely';

/**
 * Each published entry's and asset's Delivery JSON, ready to send, per locale: a page of 100
 * with its includes is then joined from stored text instead of parsed, resolved and stringified
 * per request. A fragment is good only for the publish it was made from (`published_at`) and
 * the model, locales, public tags and address it was shaped by (`stamp`); anything else is
 * re-shaped from the published row and stored again. `body` is UTF-8 bytes (bytea in PostgreSQL;
 * in SQLite the type name gives no conversion, so a blob stays one): a page is bytes put end to
 * end, never a string encoded per request. `links`: the item's links in field order.
 * Existing published content is not copied here: a fragment depends on the server's public
 * address (asset URLs), which a migration does not know, so the first page that shows an item
 * shapes and stores its fragment (delivery/fragments.ts); until then that page costs what it
 * cost before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('delivery_fragments')
    .addColumn('space_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('environment_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('id', 'varchar(64)', (c) => c.notNull())
    .addColumn('locale', 'varchar(64)', (c) => c.notNull())
    .addColumn('published_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('stamp', 'varchar(64)', (c) => c.notNull())
    .addColumn('body', 'bytea', (c) => c.notNull())
    .addColumn('links', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('delivery_fragments_pk', ['space_id', 'environment_id', 'kind', 'id', 'locale'] as never)
    .execute();
  // Delivery's default order (sys.createdAt, then id), with and without a content type: a page
  // of 100 is read off the index in order instead of sorting every published item first.
  await db.schema.createIndex('published_type_created_idx').on('published').columns(['space_id', 'environment_id', 'kind', 'content_type_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('published_created_idx').on('published').columns(['space_id', 'environment_id', 'kind', 'created_at', 'id']).execute();
}
