/**
 * The only place where SQLite and PostgreSQL differ: opening a connection, reading a value out
 * of a JSON text column, and naming the constraint a failed statement broke.
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type RawBuilder } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';
import { postgresSearch, sqliteSearch, type SearchIndex } from './search-index.js';

export type Scalar = string | number | boolean;

export interface DialectAdapter {
  readonly name: 'sqlite' | 'postgres';
  /** A JSON value at `path` inside a text column, comparable with `jsonValue` and orderable. */
  jsonAt(column: string, path: string[]): RawBuilder<unknown>;
  jsonValue(value: Scalar): RawBuilder<unknown>;
  /** A JSON number at `path` as an SQL number, for arithmetic. */
  jsonNumberAt(column: string, path: string[]): RawBuilder<unknown>;
  /** True when the JSON array at `path` contains `value`. */
  jsonArrayHas(column: string, path: string[], value: Scalar): RawBuilder<unknown>;
  /** Full-text search in this database's own engine. */
  readonly search: SearchIndex;
  /** Which constraint a failed statement broke, when callers should hear about it. */
  violation(err: unknown): Violation | undefined;
}

export type Violation = 'unique' | 'foreignKey';

const errorCode = (err: unknown) => String((err as { code?: unknown } | null)?.code ?? '');
const sqliteViolations: Record<string, Violation> = {
  SQLITE_CONSTRAINT_PRIMARYKEY: 'unique',
  SQLITE_CONSTRAINT_UNIQUE: 'unique',
  SQLITE_CONSTRAINT_FOREIGNKEY: 'foreignKey',
};
const postgresViolations: Record<string, Violation> = { '23505': 'unique', '23503': 'foreignKey' };

const sqlitePath = (p: string[]) => '$' + p.map((k) => `."${k.replace(/["\\]/g, '')}"`).join('');

const sqliteAdapter: DialectAdapter = {
  name: 'sqlite',
  search: sqliteSearch,
  jsonAt: (column, p) => sql`json_extract(${sql.ref(column)}, ${sqlitePath(p)})`,
  jsonNumberAt: (column, p) => sql`json_extract(${sql.ref(column)}, ${sqlitePath(p)})`,
  jsonArrayHas: (column, p, v) =>
    sql`EXISTS (SELECT 1 FROM json_each(${sql.ref(column)}, ${sqlitePath(p)}) WHERE json_each.value = ${typeof v === 'boolean' ? Number(v) : v})`,
  // json_extract yields SQL values: JSON true/false become 1/0.
  jsonValue: (v) => sql`${typeof v === 'boolean' ? Number(v) : v}`,
  violation: (err) => sqliteViolations[errorCode(err)],
};

const postgresAdapter: DialectAdapter = {
  name: 'postgres',
  search: postgresSearch,
  // jsonb compares numbers as numbers and strings as strings, as Contentful does. JSON null
  // becomes SQL NULL, as json_extract makes it, so `exists`, `ne` and order agree with SQLite.
  jsonAt: (column, p) => sql`nullif(${sql.ref(column)}::jsonb #> ${sql.val(p)}::text[], 'null'::jsonb)`,
  jsonValue: (v) => sql`${JSON.stringify(v)}::jsonb`,
  jsonNumberAt: (column, p) => sql`(${sql.ref(column)}::jsonb #>> ${sql.val(p)}::text[])::double precision`,
  jsonArrayHas: (column, p, v) => sql`COALESCE((${sql.ref(column)}::jsonb #> ${sql.val(p)}::text[]) @> ${JSON.stringify([v])}::jsonb, false)`,
  violation: (err) => postgresViolations[errorCode(err)],
};

export function openSqlite(file: string): { db: Kysely<Database>; adapter: DialectAdapter } {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const database = new SQLite(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database }) }), adapter: sqliteAdapter };
}

export function openPostgres(url: string): { db: Kysely<Database>; adapter: DialectAdapter; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), adapter: postgresAdapter, pool };
}
