import type { Kysely } from 'kysely';

/** Failed sign-ins per (address, e-mail), counted in the database so every server shares one limit. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('login_failures')
    .addColumn('key_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    // Milliseconds since the epoch: compared with the clock in one statement, on both engines.
    .addColumn('window_ends', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_failures_window_idx').on('login_failures').column('window_ends').execute();
}
