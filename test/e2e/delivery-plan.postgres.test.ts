/**
 * A Delivery page of 100 in its default order (sys.createdAt, id) is read off an index in that
 * order on PostgreSQL, not by sorting every published article (migration 0024's index, and
 * never-null columns ordered plainly). Scans and sorts are made a last resort for the EXPLAIN:
 * on a small table the planner would rightly prefer them, and the question is whether an
 * ordered index path exists at all.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openPostgres } from '../../src/store/dialect.js';
import { openStore, type Store } from '../../src/store/index.js';
import { orderExpressions, whereClause } from '../../src/store/query.js';
import { seedManyArticles, type SeededHub } from '../support/many-articles.js';
import { createTestDatabase } from '../support/postgres.js';

let url: string;
let store: Store;
let seeded: SeededHub;

beforeAll(async () => {
  url = await createTestDatabase();
  store = await openStore({ databaseUrl: url });
  seeded = await seedManyArticles(store, 50);
}, 120_000);
afterAll(() => store?.close());

it('plans a Delivery page of 100 as an ordered index scan, with no sort', async () => {
  const { db, adapter, closeReaders } = await openPostgres(url);
  try {
    const query = { contentTypeId: 'article', limit: 100 };
    const base = db
      .selectFrom('published')
      .where('space_id', '=', seeded.scope.spaceId)
      .where('environment_id', '=', seeded.scope.environmentId)
      .where('kind', '=', 'Entry')
      .where(whereClause(query, adapter, 'published'));
    const page = orderExpressions(undefined, adapter, 'published').reduce((q, o) => q.orderBy(o), base.select(['id', 'published_at'])).limit(100);
    const { sql: text, parameters } = page.compile();
    const plan = await db.connection().execute(async (c) => {
      await sql`ANALYZE published`.execute(c);
      // Sorting is made a last resort: a Sort node then means no index gives this order.
      for (const setting of ['enable_seqscan', 'enable_bitmapscan', 'enable_sort']) await sql`SELECT set_config(${setting}, 'off', false)`.execute(c);
      const rows = await c.executeQuery<{ 'QUERY PLAN': string }>({ ...page.compile(), sql: `EXPLAIN ${text}`, parameters });
      return rows.rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    // Either of 0024's indexes gives the order (with or without the content type in its key).
    expect(plan).toMatch(/Index Scan using published_(type_)?created_idx/);
    expect(plan).not.toMatch(/\bSort\b/);
  } finally {
    await closeReaders();
    await db.destroy();
  }
});
