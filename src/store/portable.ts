/**
 * The database as portable rows, for backups that move between machines and between SQLite and
 * PostgreSQL. Every column is a string or a number in both dialects (JSON sits in text columns,
 * booleans in integers, times in ISO strings), so a row read from one inserts into the other.
 *
 * Each table is named here once, as portable (copied) or derived (rebuilt or dropped), and a
 * table the store has that is in neither list makes a backup fail: a new migration cannot add a
 * table that backups silently leave behind (the contract test checks it on both dialects).
 */
import { sql, type Kysely } from 'kysely';
import type { DialectAdapter } from './dialect.js';
import { generatedColumns, type Database } from './schema.js';
import type { LocalizedFields } from './types.js';

/** In foreign-key order (the order the migrations created them), so inserts never dangle. */
export const portableTables = [
  'spaces',
  'environments',
  'locales',
  'resources',
  'published',
  'api_keys',
  'settings',
  'users',
  'changes',
  'counters',
  'links',
  'snapshots',
  'uploads',
  'content_events',
  'webhook_definitions',
  'webhook_calls',
  'webhook_call_log',
  'scheduled_actions',
  'access_tokens',
  'tags',
  'documents',
  'environment_aliases',
] as const;

export type PortableTable = (typeof portableTables)[number];
export type PortableRow = Record<string, string | number | null>;

/**
 * Not copied: the full-text index is rebuilt from the content (its form differs by engine),
 * Delivery fragments are shaped again from the published rows on first read, sign-in sessions
 * and counts of failed sign-ins end with the move (people sign in again), and Kysely's own
 * bookkeeping is the target's.
 */
const derivedTables = new Set(['search_docs', 'delivery_fragments', 'sessions', 'login_failures', 'kysely_migration', 'kysely_migration_lock']);
const isDerived = (name: string) => derivedTables.has(name) || name.startsWith('search_fts');

/** Tables whose migrations seed rows into an empty database; a restore replaces those rows. */
const seededTables: PortableTable[] = ['counters'];

/** Serial columns whose PostgreSQL sequence must move past restored rows. */
const serialColumns: Partial<Record<PortableTable, string>> = { content_events: 'seq' };

export interface PortableStore {
  /** The newest migration applied: a backup restores only into the same schema. */
  schemaVersion(): Promise<string>;
  /** Tables present that are neither portable nor derived (a backup must refuse to run). */
  unaccountedTables(): Promise<string[]>;
  /** A page of a table's rows in a stable order (call inside Store.snapshot for one moment). */
  rows(table: PortableTable, offset: number, limit: number): Promise<PortableRow[]>;
  /** True when no space exists yet: restores go only into an empty database. */
  isEmpty(): Promise<boolean>;
  /** Before the first insert: clear the rows migrations seed (the backup has its own). */
  prepareRestore(): Promise<void>;
  insert(table: PortableTable, rows: PortableRow[]): Promise<void>;
  /** After the last insert: rebuild the derived tables and move sequences past restored rows. */
  rebuildDerived(): Promise<void>;
}

/** Rewrites the full-text index of every stored draft and published item (migration 0005 and restores). */
export async function reindexSearch(db: Kysely<Database>, adapter: DialectAdapter): Promise<void> {
  for (const [table, side] of [['resources', 'draft'], ['published', 'published']] as const) {
    const rows = await db.selectFrom(table).select(['space_id', 'environment_id', 'kind', 'id', 'data']).where('kind', '<>', 'ContentType').execute();
    for (const row of rows) await adapter.search.write(db, row, side, JSON.parse(row.data) as LocalizedFields);
  }
}

async function primaryKey(db: Kysely<Database>, adapter: DialectAdapter, table: string): Promise<string[]> {
  const result =
    adapter.name === 'sqlite'
      ? await sql<{ name: string }>`SELECT name FROM pragma_table_info(${table}) WHERE pk > 0 ORDER BY pk`.execute(db)
      : await sql<{ name: string }>`SELECT a.attname AS name FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
          WHERE i.indrelid = ${table}::regclass AND i.indisprimary ORDER BY array_position(i.indkey, a.attnum)`.execute(db);
  return result.rows.map((r) => r.name);
}

export function portableStore(db: Kysely<Database>, adapter: DialectAdapter): PortableStore {
  const any = db as unknown as Kysely<Record<string, PortableRow>>;
  /**
   * A table's stored columns and its row order, looked up once: a backup reads each table a page
   * at a time. What the database computes (PostgreSQL's jsonb twins) is made again on insert, on
   * either engine, so it is left out. Pages in primary-key order (every column where a table has
   * no key) are stable within a snapshot.
   */
  const layouts = new Map<string, Promise<{ stored: string[]; order: string[] }>>();
  const layout = (table: string) => {
    let found = layouts.get(table);
    if (!found) {
      found = (async () => {
        const key = await primaryKey(db, adapter, table);
        const stored = ((await db.introspection.getTables()).find((t) => t.name === table)?.columns.map((c) => c.name) ?? []).filter((c) => !generatedColumns.has(c));
        return { stored, order: key.length > 0 ? key : stored };
      })();
      layouts.set(table, found);
    }
    return found;
  };
  return {
    async schemaVersion() {
      const row = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name DESC LIMIT 1`.execute(db);
      return row.rows[0]?.name ?? '';
    },
    async unaccountedTables() {
      const tables = await db.introspection.getTables();
      const portable = new Set<string>(portableTables);
      return tables.map((t) => t.name).filter((name) => !portable.has(name) && !isDerived(name));
    },
    async rows(table, offset, limit) {
      const { stored, order } = await layout(table);
      let query = any.selectFrom(table).select(stored);
      for (const column of order) query = query.orderBy(column);
      return query.offset(offset).limit(limit).execute();
    },
    async isEmpty() {
      return (await db.selectFrom('spaces').select('id').limit(1).execute()).length === 0;
    },
    async prepareRestore() {
      for (const table of seededTables) await any.deleteFrom(table).execute();
    },
    async insert(table, rows) {
      if (rows.length > 0) await any.insertInto(table).values(rows).execute();
    },
    async rebuildDerived() {
      await reindexSearch(db, adapter);
      if (adapter.name !== 'postgres') return;
      for (const [table, column] of Object.entries(serialColumns)) {
        await sql`SELECT setval(pg_get_serial_sequence(${table}, ${column}), COALESCE((SELECT MAX(${sql.ref(column)}) FROM ${sql.table(table)}), 0) + 1, false)`.execute(db);
      }
    },
  };
}
