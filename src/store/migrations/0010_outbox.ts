import { sql, type Kysely } from 'kysely';
import type { DialectAdapter } from '../dialect.js';

/**
 * The outbox of content events: one row per write of an entry, asset or content type, written in
 * the write's own transaction. `dispatched` turns 1 once webhook calls were made from it; the
 * partial index keeps looking for new events cheap however long the log grows.
 */
export function outboxMigration(adapter: DialectAdapter) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('content_events')
        .addColumn('seq', adapter.name === 'postgres' ? 'bigserial' : 'integer', (c) =>
          adapter.name === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn('space_id', 'varchar(64)', (c) => c.notNull())
        .addColumn('environment_id', 'varchar(64)', (c) => c.notNull())
        .addColumn('topic', 'varchar(128)', (c) => c.notNull())
        .addColumn('entity_type', 'varchar(32)', (c) => c.notNull())
        .addColumn('entity_id', 'varchar(64)', (c) => c.notNull())
        .addColumn('content_type_id', 'varchar(64)')
        .addColumn('entity', 'text', (c) => c.notNull())
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('dispatched', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex('content_events_pending_idx').on('content_events').column('seq').where(sql.ref('dispatched'), '=', 0).execute();
      await db.schema.createIndex('content_events_entity_idx').on('content_events').columns(['space_id', 'entity_type', 'entity_id']).execute();
    },
  };
}
