/**
 * The reads that must not grow with the number of articles, planned on both databases: the
 * hub's first page (newest first by the `publishDate` field), an article by its slug (also the
 * `unique` check of every publish), a Delivery page of 100, and a hub search for a rare word,
 * which on SQLite must start from the full-text matches rather than walk every article and test each.
 * PostgreSQL: scans and sorts are made a last resort, as on a small table the planner would
 * rightly prefer them; the question is whether an index path exists at all.
 */
import { sql, type CompiledQuery, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, openSqlite, type OpenDatabase } from '../../src/store/dialect.js';
import { publishedOf } from '../../src/store/fragments-repository.js';
import { openStore } from '../../src/store/index.js';
import { byIdList, orderExpressions, whereClause } from '../../src/store/query.js';
import type { Database } from '../../src/store/schema.js';
import type { ListQuery, Scope } from '../../src/store/types.js';
import { seedManyArticles } from '../support/many-articles.js';
import { createTestDatabase } from '../support/postgres.js';
import { useTempDir } from '../support/tmp.js';

const dir = useTempDir('folio-hub-plans-');

const hasSlug = { field: 'slug', locale: 'en-US', op: 'exists', value: true } as const;
const hubFirstPage: ListQuery = {
  contentTypeId: 'article',
  where: [hasSlug],
  order: [
    { field: 'publishDate', locale: 'en-US', direction: 'desc' },
    { sys: 'id', direction: 'asc' },
  ],
  limit: 6,
};
const bySlug: ListQuery = { contentTypeId: 'article', where: [{ field: 'slug', locale: 'en-US', op: 'eq', value: 'article-7' }], limit: 2 };
const deliveryPage: ListQuery = { contentTypeId: 'article', limit: 100 };
/** Delivery's own default: newest change first (src/contentful/query.ts), with and without a type. */
const newestFirst = [{ sys: 'updatedAt', direction: 'desc' }] as ListQuery['order'];
const deliveryDefault: ListQuery = { contentTypeId: 'article', order: newestFirst, limit: 100 };
const deliveryAnyType: ListQuery = { order: newestFirst, limit: 100 };
const search = (word: string): ListQuery => ({ ...hubFirstPage, where: [hasSlug, { op: 'match', text: word, field: 'title' }], limit: 50 });

/** A page and its total, built as the store's lists build them. */
/** `columns`: the page's; ids alone by default, which an index may cover. */
function published(db: Kysely<Database>, open: OpenDatabase, scope: Scope, query: ListQuery, columns: Array<'id' | 'data'> = ['id']) {
  const base = db
    .selectFrom('published')
    .where('space_id', '=', scope.spaceId)
    .where('environment_id', '=', scope.environmentId)
    .where('kind', '=', 'Entry')
    .where(whereClause(query, open.adapter, 'published'));
  const page = orderExpressions(query.order, open.adapter, 'published', byIdList(query)).reduce((q, o) => q.orderBy(o), base.select(columns)).limit(query.limit ?? 100).offset(query.skip ?? 0);
  return { page, count: base.select((eb) => eb.fn.countAll().as('total')) };
}

async function explain(db: Kysely<Database>, prefix: string, query: { compile(): CompiledQuery }, column: string): Promise<string> {
  const compiled = query.compile();
  const rows = await db.executeQuery<Record<string, string>>({ ...compiled, sql: `${prefix} ${compiled.sql}` });
  return rows.rows.map((r) => r[column]).join('\n');
}

describe.each([
  {
    name: 'SQLite',
    open: async () => {
      const file = `${dir()}/plans.db`;
      return { store: await openStore({ sqlitePath: file }), raw: () => openSqlite(file) };
    },
    plan: (db: Kysely<Database>, q: Parameters<typeof explain>[2]) => explain(db, 'EXPLAIN QUERY PLAN', q, 'detail'),
    // SQLite names an ordered index walk SEARCH … USING INDEX, and a sort TEMP B-TREE.
    ordered: (plan: string, index: string) => {
      expect(plan).toMatch(new RegExp(`USING (COVERING )?INDEX ${index}`));
      expect(plan).not.toMatch(/TEMP B-TREE|SCAN published/);
    },
    fromMatches: (plan: string) => expect(plan).toMatch(/SEARCH published USING (INDEX sqlite_autoindex_published_1|PRIMARY KEY) \([^)]*id=\?\)/),
    byKey: (plan: string) => expect(plan).toMatch(/SEARCH published USING (COVERING )?INDEX sqlite_autoindex_published_1 \([^)]*id=\?\)/),
    // The page's ids off the index alone; the rows are read for the page's own ids only.
    covering: (plan: string, index = '') => expect(plan).toContain(`USING COVERING INDEX ${index}`),
    counting: (plan: string) => expect(plan).toContain('USING COVERING INDEX'),
  },
  {
    name: 'PostgreSQL',
    open: async () => {
      const url = await createTestDatabase();
      return { store: await openStore({ databaseUrl: url }), raw: () => openPostgres(url) };
    },
    plan: (db: Kysely<Database>, q: Parameters<typeof explain>[2]) =>
      db.connection().execute(async (c) => {
        await sql`ANALYZE published`.execute(c);
        await sql`ANALYZE search_docs`.execute(c);
        for (const setting of ['enable_seqscan', 'enable_sort']) await sql`SELECT set_config(${setting}, 'off', false)`.execute(c);
        return explain(c, 'EXPLAIN', q, 'QUERY PLAN');
      }),
    ordered: (plan: string, index: string) => {
      expect(plan).toMatch(new RegExp(`Index (Only )?Scan using ${index}`));
      expect(plan).not.toMatch(/\bSort\b|Seq Scan on published/);
    },
    // Cost-based on statistics: with 40 articles walking them is rightly cheapest, so only the
    // answer is checked here (SQLite's planner, without statistics, is the one that went wrong).
    fromMatches: undefined,
    // Likewise: a few ids are rightly read by key there; with sorts turned off it walks an order.
    byKey: undefined,
    // An index-only scan cannot serve an expression index here (PostgreSQL wants the `data`
    // column itself in the index): the slug is tested on the index entries, no row is read to
    // test it, though each skipped entry's row is still visited for its visibility.
    covering: (plan: string) => {
      expect(plan).toMatch(/Index Cond: .*slug,en-US.* IS NOT NULL/);
      expect(plan).not.toMatch(/Filter:/);
    },
    // The total off the partial index whose condition is the hub's (0029): the slug is not tested
    // on any row (index-only once vacuum has marked the pages all-visible, a bitmap before).
    counting: (plan: string) => expect(plan).toMatch(/(Index Only Scan using|Bitmap Index Scan on) published_hub_count_idx/),
  },
])('$name plans', ({ open, plan, ordered, fromMatches, covering, counting, byKey }) => {
  let close: () => Promise<void>;
  let raw: OpenDatabase;
  let scope: Scope;

  beforeAll(async () => {
    const opened = await open();
    scope = (await seedManyArticles(opened.store, 40)).scope;
    await opened.store.close();
    raw = await opened.raw();
    close = async () => {
      await raw.closeReaders();
      await raw.db.destroy();
    };
  }, 120_000);
  afterAll(() => close?.());

  it('reads the hub first page off the hub order index (publish date, then id) in order, without sorting the articles', async () => {
    ordered(await plan(raw.db, published(raw.db, raw, scope, hubFirstPage).page), 'published_hub_order_idx');
  });

  it('skips the articles before a deep hub page, and counts its total, off the hub index alone, not the articles’ rows', async () => {
    const { page, count } = published(raw.db, raw, scope, { ...hubFirstPage, skip: 30 });
    const pagePlan = await plan(raw.db, page);
    ordered(pagePlan, 'published_hub_order_idx');
    covering(pagePlan, 'published_hub_order_idx');
    counting(await plan(raw.db, count));
    // Page 6 of 6 per page: articles 30 to 35, newest first.
    expect((await page.execute()).map((r) => r.id)).toEqual([30, 31, 32, 33, 34, 35].map((i) => `article-${i}`));
  });

  it('finds an article by slug through the slug index (the page, and the unique check of a publish)', async () => {
    const plans = await plan(raw.db, published(raw.db, raw, scope, bySlug).page);
    expect(plans).toContain('published_slug_idx');
  });

  it('reads a Delivery page of 100 off the created-at index in order', async () => {
    ordered(await plan(raw.db, published(raw.db, raw, scope, deliveryPage).page), 'published_type_created_idx');
  });

  it('reads a page in Contentful’s default order, newest change first, off an index', async () => {
    ordered(await plan(raw.db, published(raw.db, raw, scope, deliveryDefault).page), 'published_type_updated_idx');
    ordered(await plan(raw.db, published(raw.db, raw, scope, deliveryAnyType).page), 'published_updated_idx');
  });

  it('reads items by an id list (sync, includes) off the primary key, sorting only them, not walking every article in order', async () => {
    const ids = ['article-7', 'article-30', 'article-2'];
    // Whole items, as listPublished reads them.
    const { page } = published(raw.db, raw, scope, { where: [{ sys: 'id', op: 'in', values: ids }], limit: 1000 }, ['id', 'data']);
    if (byKey) byKey(await plan(raw.db, page));
    // Delivery's default order, created first: seedManyArticles creates them in number order.
    expect((await page.execute()).map((r) => r.id)).toEqual(['article-2', 'article-7', 'article-30']);
  });

  it('finds which of a few linked ids are published (Delivery includes) by key, in creation order', async () => {
    const query = publishedOf(raw.db, raw.adapter, scope, 'Entry', ['article-7', 'article-30', 'article-2']);
    if (byKey) byKey(await plan(raw.db, query));
    expect((await query.execute()).map((r) => r.id)).toEqual(['article-2', 'article-7', 'article-30']);
  });

  it('starts a search, its page and its total, from the full-text matches', async () => {
    const { page, count } = published(raw.db, raw, scope, search('qaab'));
    if (fromMatches) {
      fromMatches(await plan(raw.db, page));
      fromMatches(await plan(raw.db, count));
    }
    const found = await page.execute();
    expect(found.map((r) => r.id)).toEqual(['article-1']);
  });
});
