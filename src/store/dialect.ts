/**
 * The only place where SQLite and PostgreSQL differ: opening a connection, reading a value out
 * of a JSON text column, and naming the constraint a failed statement broke.
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type RawBuilder } from 'kysely';
import type pg from 'pg';
import { fieldsJsonbColumn, type Database } from './schema.js';
import { postgresSearch, sqliteSearch, type SearchIndex } from './search-index.js';

export type Scalar = string | number | boolean;

export interface DialectAdapter {
  readonly name: 'sqlite' | 'postgres';
  /**
   * The column queries read an item's fields from: the `data` text on SQLite, its jsonb twin on
   * PostgreSQL (migration 0029), which spares a JSON parse of every row a query looks at.
   */
  readonly fieldsColumn: 'data' | typeof fieldsJsonbColumn;
  /** A JSON value at `path` inside a JSON column (text, or jsonb on PostgreSQL), comparable with `jsonValue` and orderable. */
  jsonAt(column: string, path: string[]): RawBuilder<unknown>;
  jsonValue(value: Scalar): RawBuilder<unknown>;
  /** A JSON string at `path` as SQL text (NULL when absent), for text operators such as LIKE. */
  jsonTextAt(column: string, path: string[]): RawBuilder<unknown>;
  /** A JSON number at `path` as an SQL number, for arithmetic. */
  jsonNumberAt(column: string, path: string[]): RawBuilder<unknown>;
  /** True when the JSON array at `path` contains `value`. */
  jsonArrayHas(column: string, path: string[], value: Scalar): RawBuilder<unknown>;
  /**
   * The same value for ORDER BY, written so no index serves the order: for a page already bounded
   * to a few rows (an id list), sorting them beats walking a whole ordered index to avoid the sort,
   * which is what SQLite's planner, without statistics, chose. PostgreSQL plans by cost: as it is.
   */
  sortedHere(expr: RawBuilder<unknown>): RawBuilder<unknown>;
  /** Full-text search in this database's own engine. */
  readonly search: SearchIndex;
  /** Which constraint a failed statement broke, when callers should hear about it. */
  violation(err: unknown): Violation | undefined;
  /**
   * Inside a transaction: waits until no other connection, in any process, holds the lock
   * `name`, then holds it until the transaction ends.
   */
  lock(trx: Kysely<Database>, name: string): Promise<void>;
}

export type Violation = 'unique' | 'foreignKey';

const errorCode = (err: unknown) => String((err as { code?: unknown } | null)?.code ?? '');
const sqliteViolations: Record<string, Violation> = {
  SQLITE_CONSTRAINT_PRIMARYKEY: 'unique',
  SQLITE_CONSTRAINT_UNIQUE: 'unique',
  SQLITE_CONSTRAINT_FOREIGNKEY: 'foreignKey',
};
const postgresViolations: Record<string, Violation> = { '23505': 'unique', '23503': 'foreignKey' };

/**
 * JSON paths are written into the SQL as literals, not bound: an expression index (migration
 * 0026) serves only a query whose expression is the same text, and a bound path never is.
 * `sql.lit` doubles quotes; the path's own quoting is done here.
 */
const sqlitePath = (p: string[]) => sql.lit('$' + p.map((k) => `."${k.replace(/["\\]/g, '')}"`).join(''));
const postgresPath = (p: string[]) => sql`${sql.lit(`{${p.map((k) => `"${k.replace(/["\\]/g, (ch) => `\\${ch}`)}"`).join(',')}}`)}::text[]`;

const sqliteAdapter: DialectAdapter = {
  name: 'sqlite',
  fieldsColumn: 'data',
  search: sqliteSearch,
  jsonAt: (column, p) => sql`json_extract(${sql.ref(column)}, ${sqlitePath(p)})`,
  jsonNumberAt: (column, p) => sql`json_extract(${sql.ref(column)}, ${sqlitePath(p)})`,
  jsonTextAt: (column, p) => sql`json_extract(${sql.ref(column)}, ${sqlitePath(p)})`,
  // Unary + leaves any value as it is and stops an index from matching the term.
  sortedHere: (expr) => sql`+${expr}`,
  jsonArrayHas: (column, p, v) =>
    sql`EXISTS (SELECT 1 FROM json_each(${sql.ref(column)}, ${sqlitePath(p)}) WHERE json_each.value = ${typeof v === 'boolean' ? Number(v) : v})`,
  // json_extract yields SQL values: JSON true/false become 1/0.
  jsonValue: (v) => sql`${typeof v === 'boolean' ? Number(v) : v}`,
  violation: (err) => sqliteViolations[errorCode(err)],
  // SQLite has one lock, the file's write lock: a write statement takes it (waiting out
  // busy_timeout for another process's), even one that matches no row, so every name shares it.
  lock: async (trx) => {
    await sql`UPDATE settings SET key = key WHERE key = ''`.execute(trx);
  },
};

const postgresAdapter: DialectAdapter = {
  name: 'postgres',
  fieldsColumn: fieldsJsonbColumn,
  search: postgresSearch,
  // jsonb compares numbers as numbers and strings as strings, as Contentful does. JSON null
  // becomes SQL NULL, as json_extract makes it, so `exists`, `ne` and order agree with SQLite.
  jsonAt: (column, p) => sql`nullif(${sql.ref(column)}::jsonb #> ${postgresPath(p)}, 'null'::jsonb)`,
  jsonValue: (v) => sql`${JSON.stringify(v)}::jsonb`,
  jsonNumberAt: (column, p) => sql`(${sql.ref(column)}::jsonb #>> ${postgresPath(p)})::double precision`,
  jsonTextAt: (column, p) => sql`(${sql.ref(column)}::jsonb #>> ${postgresPath(p)})`,
  sortedHere: (expr) => expr,
  jsonArrayHas: (column, p, v) => sql`COALESCE((${sql.ref(column)}::jsonb #> ${postgresPath(p)}) @> ${JSON.stringify([v])}::jsonb, false)`,
  violation: (err) => postgresViolations[errorCode(err)],
  lock: async (trx, name) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`folio:${name}`}))`.execute(trx);
  },
};

/**
 * Runs reads against one moment of the data, in a read-only transaction that may span awaits:
 * big lists are read in several statements with the event loop free in between.
 */
export type Snapshot = <T>(fn: (db: Kysely<Database>) => Promise<T>) => Promise<T>;

/** Snapshot connections one SQLite file keeps open at most; more readers wait their turn. */
const sqliteReaders = 4;

export interface OpenDatabase {
  db: Kysely<Database>;
  adapter: DialectAdapter;
  snapshot: Snapshot;
  /** Closes the snapshot connections (the main one closes with db.destroy()). */
  closeReaders(): Promise<void>;
}

/** Statements one SQLite connection keeps compiled, the least recently used dropped first. */
const keptStatements = 500;

/**
 * Kysely prepares every query anew, and better-sqlite3 compiles SQL on each prepare: about a
 * tenth of an uncached Delivery page's time went there. The same SQL text gets the same compiled
 * statement (SQLite recompiles one itself when the schema changed under it). Safe because Kysely
 * runs a statement to completion (`all`/`run`) before the next; nothing here streams rows.
 */
function keepingStatements(database: SQLite.Database) {
  const kept = new Map<string, SQLite.Statement>();
  return {
    close: () => database.close(),
    prepare(text: string) {
      const known = kept.get(text);
      if (known) {
        kept.delete(text);
        kept.set(text, known);
        return known;
      }
      const statement = database.prepare(text);
      if (kept.size >= keptStatements) kept.delete(kept.keys().next().value!);
      kept.set(text, statement);
      return statement;
    },
  };
}

export function openSqlite(file: string): OpenDatabase {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const database = new SQLite(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  // better-sqlite3 is synchronous and Kysely holds its one connection for a whole transaction:
  // a snapshot that awaits between statements would stall every other query. Snapshots get
  // connections of their own; in WAL mode each reads one moment while writers go on.
  const idle: Array<Kysely<Database>> = [];
  const all: Array<Kysely<Database>> = [];
  const waiting: Array<(reader: Kysely<Database>) => void> = [];
  const borrow = async (): Promise<Kysely<Database>> => {
    const reader = idle.pop();
    if (reader) return reader;
    if (all.length >= sqliteReaders) return new Promise((resolve) => waiting.push(resolve));
    const connection = new SQLite(file, { readonly: true, fileMustExist: true });
    connection.pragma('busy_timeout = 5000');
    const opened = new Kysely<Database>({ dialect: new SqliteDialect({ database: keepingStatements(connection) }) });
    all.push(opened);
    return opened;
  };
  const giveBack = (reader: Kysely<Database>) => {
    const next = waiting.shift();
    if (next) next(reader);
    else idle.push(reader);
  };
  return {
    db: new Kysely<Database>({ dialect: new SqliteDialect({ database: keepingStatements(database) }) }),
    adapter: sqliteAdapter,
    snapshot: async (fn) => {
      const reader = await borrow();
      try {
        return await reader.transaction().execute(fn);
      } finally {
        giveBack(reader);
      }
    },
    closeReaders: async () => {
      await Promise.all(all.splice(0).map((reader) => reader.destroy()));
      idle.length = 0;
    },
  };
}

/** pg, loaded only for PostgreSQL: a server on SQLite never pays for loading it. */
export const loadPg = async (): Promise<typeof pg> => (await import('pg')).default;

/** `applicationName` names the connections in pg_stat_activity (a replica's readers, say). */
export async function openPostgres(url: string, applicationName?: string): Promise<OpenDatabase & { pool: pg.Pool }> {
  const pg = await loadPg();
  const pool = new pg.Pool({ connectionString: url, max: 10, ...(applicationName ? { application_name: applicationName } : {}) });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    adapter: postgresAdapter,
    pool,
    snapshot: (fn) => db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(fn),
    closeReaders: async () => {},
  };
}
