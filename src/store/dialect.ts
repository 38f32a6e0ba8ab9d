/**
 * The only place where SQLite and PostgreSQL differ: opening a connection and reading a value
 * out of a JSON text column.
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type RawBuilder } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

export type Scalar = string | number | boolean;

export interface DialectAdapter {
  readonly name: 'sqlite' | 'postgres';
  /** A JSON value at `path` inside a text column, comparable with `jsonValue` and orderable. */
  jsonAt(column: string, path: string[]): RawBuilder<unknown>;
  jsonValue(value: Scalar): RawBuilder<unknown>;
  /** True when the JSON array at `path` contains `value`. */
  jsonArrayHas(column: string, path: string[], value: Scalar): RawBuilder<unknown>;
  isUniqueViolation(err: unknown): boolean;
}

const sqlitePath = (p: string[]) => '$' + p.map((k) => `."${k.replace(/["\\]/g, '')}"`).join('');

const sqliteAdapter: DialectAdapter = {
  name: 'sqlite',
  jsonAt: (column, p) => sql`json_extract(${sql.ref(column)}, ${sqlitePath(p)})`,
  jsonArrayHas: (column, p, v) =>
    sql`EXISTS (SELECT 1 FROM json_each(${sql.ref(column)}, ${sqlitePath(p)}) WHERE json_each.value = ${typeof v === 'boolean' ? Number(v) : v})`,
  // json_extract yields SQL values: JSON true/false become 1/0.
  jsonValue: (v) => sql`${typeof v === 'boolean' ? Number(v) : v}`,
  isUniqueViolation: (err) => /^SQLITE_CONSTRAINT_(PRIMARYKEY|UNIQUE)$/.test((err as { code?: string }).code ?? ''),
};

const postgresAdapter: DialectAdapter = {
  name: 'postgres',
  // jsonb compares numbers as numbers and strings as strings, as Contentful does.
  jsonAt: (column, p) => sql`(${sql.ref(column)}::jsonb #> ${sql.val(p)}::text[])`,
  jsonValue: (v) => sql`${JSON.stringify(v)}::jsonb`,
  jsonArrayHas: (column, p, v) => sql`COALESCE((${sql.ref(column)}::jsonb #> ${sql.val(p)}::text[]) @> ${JSON.stringify([v])}::jsonb, false)`,
  isUniqueViolation: (err) => (err as { code?: string }).code === '23505',
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

export function openPostgres(url: string): { db: Kysely<Database>; adapter: DialectAdapter } {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), adapter: postgresAdapter };
}
