/**
 * Migration 0029 on a PostgreSQL database that already holds content: the fields' jsonb twin is
 * made for every existing row and kept on every write, queries read it, and nothing a client is
 * served or a backup holds comes from it (jsonb reorders keys; `data` is served byte for byte).
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedManyArticles } from '../../test/support/many-articles.js';
import { createTestDatabase } from '../../test/support/postgres.js';
import { openStore, type Store } from './index.js';
import type { ListQuery, Scope } from './types.js';

/** The schema as 0028 left it: no jsonb columns, the hub's two indexes on the text cast. */
async function undo0029(url: string) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const date = `nullif(data::jsonb #> '{publishDate,en-US}'::text[], 'null'::jsonb)`;
    const slug = `nullif(data::jsonb #> '{slug,en-US}'::text[], 'null'::jsonb)`;
    await db.query('DROP INDEX published_slug_idx');
    await db.query('DROP INDEX published_hub_order_idx');
    await db.query('ALTER TABLE published DROP COLUMN data_jsonb');
    await db.query('ALTER TABLE resources DROP COLUMN data_jsonb');
    await db.query(`CREATE INDEX published_slug_idx ON published (space_id, environment_id, kind, content_type_id, (${slug}), created_at, id)`);
    await db.query(`CREATE INDEX published_hub_order_idx ON published (space_id, environment_id, kind, content_type_id, (${date} IS NULL), (${date}) DESC, id, (${slug}))`);
    await db.query(`DELETE FROM kysely_migration WHERE name = '0029_fields_jsonb'`);
  } finally {
    await db.end();
  }
}

const hubPage: ListQuery = {
  contentTypeId: 'article',
  where: [{ field: 'slug', locale: 'en-US', op: 'exists', value: true }],
  order: [
    { field: 'publishDate', locale: 'en-US', direction: 'desc' },
    { sys: 'id', direction: 'asc' },
  ],
  limit: 6,
  skip: 6,
};

describe('PostgreSQL: the fields as jsonb for queries (migration 0029)', () => {
  let url: string;
  let store: Store;
  let scope: Scope;
  let before: string[];

  beforeAll(async () => {
    url = await createTestDatabase();
    const first = await openStore({ databaseUrl: url });
    scope = (await seedManyArticles(first, 20)).scope;
    before = (await first.entries.listPublished(scope, hubPage)).items.map((e) => e.sys.id);
    await first.close();
    await undo0029(url);
    store = await openStore({ databaseUrl: url });
  }, 120_000);
  afterAll(() => store?.close());

  it('makes the twin for every row already there, and keeps it on every write', async () => {
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    try {
      await store.entries.create(scope, { id: 'late', contentTypeId: 'topic', fields: { name: { 'en-US': 'Late' }, slug: { 'en-US': 'late' } } });
      await store.entries.publish(scope, 'late');
      await store.entries.update(scope, 'late', { contentTypeId: 'topic', fields: { name: { 'en-US': 'Later' }, slug: { 'en-US': 'late' } } }, 2);
      for (const table of ['resources', 'published']) {
        const { rows } = await db.query(`SELECT count(*)::int AS n, count(*) FILTER (WHERE data_jsonb IS DISTINCT FROM data::jsonb)::int AS off FROM ${table}`);
        expect(rows[0]).toEqual({ n: expect.any(Number), off: 0 });
        expect(rows[0].n).toBeGreaterThan(20);
      }
      const { rows } = await db.query(`SELECT data_jsonb #>> '{name,en-US}' AS name FROM resources WHERE id = 'late'`);
      expect(rows[0].name).toBe('Later');
    } finally {
      await db.end();
    }
  });

  it('answers field queries as before, off the rebuilt indexes', async () => {
    expect((await store.entries.listPublished(scope, hubPage)).items.map((e) => e.sys.id)).toEqual(before);
    const bySlug = await store.entries.listPublished(scope, { contentTypeId: 'article', where: [{ field: 'slug', locale: 'en-US', op: 'eq', value: 'article-7' }] });
    expect(bySlug.items.map((e) => e.sys.id)).toEqual(['article-7']);
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    try {
      const { rows } = await db.query(`SELECT indexdef FROM pg_indexes WHERE indexname IN ('published_slug_idx', 'published_hub_order_idx', 'published_hub_count_idx')`);
      expect(rows).toHaveLength(3);
      for (const r of rows) expect(r.indexdef).toContain('data_jsonb #>');
    } finally {
      await db.end();
    }
  });

  it('serves the fields in the order they were written, not in jsonb’s, and backs up no twin', async () => {
    // jsonb orders keys by length: slug, title, publishDate.
    const fields = { title: { 'en-US': 'Order' }, publishDate: { 'en-US': '2020-01-01' }, slug: { 'en-US': 'order' } };
    await store.entries.create(scope, { id: 'ordered', contentTypeId: 'article', fields });
    await store.entries.publish(scope, 'ordered');
    expect(Object.keys((await store.entries.get(scope, 'ordered'))!.fields)).toEqual(['title', 'publishDate', 'slug']);
    expect(Object.keys((await store.entries.getPublished(scope, 'ordered'))!.fields)).toEqual(['title', 'publishDate', 'slug']);
    const listed = (await store.entries.listPublished(scope, { contentTypeId: 'article', where: [{ field: 'slug', locale: 'en-US', op: 'eq', value: 'order' }] })).items[0]!;
    expect(Object.keys(listed.fields)).toEqual(['title', 'publishDate', 'slug']);
    for (const table of ['resources', 'published'] as const) {
      const rows = await store.portable.rows(table, 0, 5);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(Object.keys(row)).not.toContain('data_jsonb');
    }
  });
});
