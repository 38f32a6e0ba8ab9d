import { sql, type Kysely } from 'kysely';
import type { DialectAdapter } from '../dialect.js';

/** The PostgreSQL channel on which every commit that moved the change counter is announced. */
export const changeChannel = 'folio_changes';

/**
 * On PostgreSQL, every update of the change counter sends a NOTIFY with the new value. A trigger,
 * not the code that bumps the counter, so no write path can forget it; PostgreSQL delivers it
 * only when (and if) that transaction commits, so listeners never hear of a rolled-back write.
 * SQLite has one process per file: nothing to announce.
 */
export function changeNoticesMigration(adapter: DialectAdapter) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (adapter.name !== 'postgres') return;
      await sql`
        CREATE FUNCTION folio_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          PERFORM pg_notify(${sql.lit(changeChannel)}, NEW.value::text);
          RETURN NEW;
        END $$`.execute(db);
      await sql`
        CREATE TRIGGER folio_counters_notify AFTER UPDATE ON counters
        FOR EACH ROW WHEN (NEW.name = 'changes') EXECUTE FUNCTION folio_notify_change()`.execute(db);
    },
  };
}
