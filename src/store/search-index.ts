/**
 * Full-text search over entry and asset text, in each database's own engine: SQLite FTS5 and
 * PostgreSQL tsvector with a GIN index. One row per item, side and field; rows are rewritten
 * with the item's links on every write (versioned-repository.ts).
 */
import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Json, LocalizedFields } from './types.js';

type Side = 'draft' | 'published';

export interface SearchKey {
  space_id: string;
  environment_id: string;
  kind: string;
  id: string;
}

/** The words of a field value: strings, arrays of strings, and rich text's text nodes. */
export function textOf(value: Json): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(textOf).filter(Boolean).join(' ');
  if (value && typeof value === 'object') {
    if (value.nodeType === 'text' && typeof value.value === 'string') return value.value;
    if (Array.isArray(value.content)) return value.content.map((c) => textOf(c as Json)).filter(Boolean).join(' ');
  }
  return '';
}

/** Searchable text per field (all locales together). */
export function searchDocuments(fields: LocalizedFields): Array<{ field: string; body: string }> {
  return Object.entries(fields)
    .map(([field, byLocale]) => ({ field, body: Object.values(byLocale ?? {}).map(textOf).filter(Boolean).join('\n') }))
    .filter((d) => d.body.length > 0);
}

/**
 * The most a full-text query may hold. Each distinct word is one more index probe joined into
 * the statement: without a cap, 3,000 copies of a word held the event loop for seconds. The
 * Delivery API refuses longer queries by name; the store never runs more than this.
 */
export const searchLimits = { maxLength: 1000, maxTerms: 16 } as const;

/** Words of a query, reduced to letters and digits so no operator syntax reaches the engine. */
export const queryTerms = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** The distinct words a search runs with, at most `searchLimits.maxTerms` of them. */
export const searchTermsOf = (text: string) => [...new Set(queryTerms(text.slice(0, searchLimits.maxLength)))].slice(0, searchLimits.maxTerms);

export interface SearchIndex {
  create(db: Kysely<unknown>): Promise<void>;
  write(db: Kysely<any>, key: SearchKey, side: Side, fields: LocalizedFields | undefined): Promise<void>;
  /** Rows of `table` whose text (in one field, or any) has every term as a word prefix. */
  matches(table: 'resources' | 'published', side: Side, terms: string[], field: string | undefined): Expression<SqlBool>;
  /** Copies one environment's rows to another (a clone): the text is already indexed, so no item is read. */
  copy(db: Kysely<any>, spaceId: string, from: string, to: string): Promise<void>;
  /** Removes an environment's rows. */
  drop(db: Kysely<any>, spaceId: string, environmentId: string): Promise<void>;
}

const sameItem = (table: string, d: string) =>
  sql`${sql.ref(`${d}.space_id`)} = ${sql.ref(`${table}.space_id`)} AND ${sql.ref(`${d}.environment_id`)} = ${sql.ref(`${table}.environment_id`)}
    AND ${sql.ref(`${d}.kind`)} = ${sql.ref(`${table}.kind`)} AND ${sql.ref(`${d}.id`)} = ${sql.ref(`${table}.id`)}`;

const fieldFilter = (field: string | undefined): RawBuilder<unknown> => (field === undefined ? sql`` : sql` AND d.field_id = ${field}`);

export const sqliteSearch: SearchIndex = {
  async create(db) {
    await db.schema
      .createTable('search_docs')
      .addColumn('doc_id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('space_id', 'varchar(64)', (c) => c.notNull())
      .addColumn('environment_id', 'varchar(64)', (c) => c.notNull())
      .addColumn('side', 'varchar(16)', (c) => c.notNull())
      .addColumn('kind', 'varchar(16)', (c) => c.notNull())
      .addColumn('id', 'varchar(64)', (c) => c.notNull())
      .addColumn('field_id', 'varchar(64)', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('search_docs_item_idx').on('search_docs').columns(['space_id', 'environment_id', 'side', 'kind', 'id']).execute();
    await sql`CREATE VIRTUAL TABLE search_fts USING fts5(body, tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
  },
  async write(db, key, side, fields) {
    const where = sql`space_id = ${key.space_id} AND environment_id = ${key.environment_id} AND side = ${side} AND kind = ${key.kind} AND id = ${key.id}`;
    await sql`DELETE FROM search_fts WHERE rowid IN (SELECT doc_id FROM search_docs WHERE ${where})`.execute(db);
    await sql`DELETE FROM search_docs WHERE ${where}`.execute(db);
    const docs = fields ? searchDocuments(fields) : [];
    if (docs.length === 0) return;
    // One statement per table for all of an item's fields, not two per field: a publish writes
    // both sides, and bulk publishing (imports) spent most of its statements here.
    const rows = await sql<{ doc_id: number; field_id: string }>`INSERT INTO search_docs (space_id, environment_id, side, kind, id, field_id)
      VALUES ${sql.join(docs.map((doc) => sql`(${key.space_id}, ${key.environment_id}, ${side}, ${key.kind}, ${key.id}, ${doc.field})`))}
      RETURNING doc_id, field_id`.execute(db);
    const docId = new Map(rows.rows.map((r) => [r.field_id, r.doc_id]));
    await sql`INSERT INTO search_fts (rowid, body) VALUES ${sql.join(docs.map((doc) => sql`(${docId.get(doc.field)!}, ${doc.body})`))}`.execute(db);
  },
  matches(table, side, terms, field) {
    const match = terms.map((t) => `"${t}"*`).join(' AND ');
    // Not correlated: SQLite runs the full-text query once, not once per row of the outer table
    // (which made a common word cost seconds on a thousand articles).
    return sql<SqlBool>`(${sql.ref(`${table}.space_id`)}, ${sql.ref(`${table}.environment_id`)}, ${sql.ref(`${table}.kind`)}, ${sql.ref(`${table}.id`)}) IN
      (SELECT d.space_id, d.environment_id, d.kind, d.id FROM search_fts f JOIN search_docs d ON d.doc_id = f.rowid
      WHERE search_fts MATCH ${match} AND d.side = ${side}${fieldFilter(field)})`;
  },
  async copy(db, spaceId, from, to) {
    await sql`INSERT INTO search_docs (space_id, environment_id, side, kind, id, field_id)
      SELECT space_id, ${to}, side, kind, id, field_id FROM search_docs WHERE space_id = ${spaceId} AND environment_id = ${from} ORDER BY doc_id`.execute(db);
    // Each copied row finds its text through the source row of the same item, side and field.
    await sql`INSERT INTO search_fts (rowid, body)
      SELECT n.doc_id, f.body FROM search_docs o JOIN search_fts f ON f.rowid = o.doc_id
      JOIN search_docs n ON n.space_id = o.space_id AND n.environment_id = ${to} AND n.side = o.side AND n.kind = o.kind AND n.id = o.id AND n.field_id = o.field_id
      WHERE o.space_id = ${spaceId} AND o.environment_id = ${from}`.execute(db);
  },
  async drop(db, spaceId, environmentId) {
    const where = sql`space_id = ${spaceId} AND environment_id = ${environmentId}`;
    await sql`DELETE FROM search_fts WHERE rowid IN (SELECT doc_id FROM search_docs WHERE ${where})`.execute(db);
    await sql`DELETE FROM search_docs WHERE ${where}`.execute(db);
  },
};

export const postgresSearch: SearchIndex = {
  async create(db) {
    await sql`CREATE TABLE search_docs (
      space_id varchar(64) NOT NULL, environment_id varchar(64) NOT NULL, side varchar(16) NOT NULL,
      kind varchar(16) NOT NULL, id varchar(64) NOT NULL, field_id varchar(64) NOT NULL, body text NOT NULL,
      tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED)`.execute(db);
    await sql`CREATE INDEX search_docs_tsv_idx ON search_docs USING GIN (tsv)`.execute(db);
    await sql`CREATE INDEX search_docs_item_idx ON search_docs (space_id, environment_id, side, kind, id)`.execute(db);
  },
  async write(db, key, side, fields) {
    await sql`DELETE FROM search_docs WHERE space_id = ${key.space_id} AND environment_id = ${key.environment_id}
      AND side = ${side} AND kind = ${key.kind} AND id = ${key.id}`.execute(db);
    const docs = fields ? searchDocuments(fields) : [];
    if (docs.length === 0) return;
    await sql`INSERT INTO search_docs (space_id, environment_id, side, kind, id, field_id, body)
      VALUES ${sql.join(docs.map((doc) => sql`(${key.space_id}, ${key.environment_id}, ${side}, ${key.kind}, ${key.id}, ${doc.field}, ${doc.body})`))}`.execute(db);
  },
  matches(table, side, terms, field) {
    const query = terms.map((t) => `${t}:*`).join(' & ');
    return sql<SqlBool>`EXISTS (SELECT 1 FROM search_docs d WHERE d.tsv @@ to_tsquery('simple', ${query})
      AND d.side = ${side} AND ${sameItem(table, 'd')}${fieldFilter(field)})`;
  },
  async copy(db, spaceId, from, to) {
    await sql`INSERT INTO search_docs (space_id, environment_id, side, kind, id, field_id, body)
      SELECT space_id, ${to}, side, kind, id, field_id, body FROM search_docs WHERE space_id = ${spaceId} AND environment_id = ${from}`.execute(db);
  },
  async drop(db, spaceId, environmentId) {
    await sql`DELETE FROM search_docs WHERE space_id = ${spaceId} AND environment_id = ${environmentId}`.execute(db);
  },
};
