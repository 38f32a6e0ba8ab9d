/**
 * npm run bench:scale — how reads behave as published articles grow: at each size (default
 * 100 and 10,000 published articles, the demo's counted; BENCH_SCALE_SIZES=100,10000,100000)
 * the same requests are timed with wrk (see wrk.ts) against Folio in its own process on SQLite:
 *   - the hub's first page `/` (warm: the page cache), a search for a number only a few titles
 *     hold (a new query each request, so never a cached answer), an article page (500 articles
 *     in turn) and `/?page=N` (a different page each request, run last: a deep page costs its
 *     offset);
 *   - a Delivery page of 100 (`entries?content_type=article&limit=100&include=1`), cache on and
 *     FOLIO_DELIVERY_CACHE=0 (after one warm-up request, so its fragments are stored);
 *   - the first page of an initial sync (`sync?initial=true`, 100 items) and a delta sync of the
 *     last 10 changes.
 * Then the query plans (EXPLAIN QUERY PLAN) of the first hub page and the Delivery page, built
 * by the store's own query builders, so a plan that reads the whole table shows as a SCAN.
 *
 * Articles come from gen-content.ts (its fast path: a seed article made by the content operations,
 * its rows copied for the rest of each batch): BENCH_SCALE_DIR keeps the data dir between runs (it
 * is created when missing and topped up to each size, never shrunk). BENCH_SECONDS (default 5) per run, 4 connections (the time of one operation, not the most the server can do).
 * Not a test: nothing here fails on speed. Numbers on a shared machine vary from run to run;
 * compare the rows of one run with each other.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { loadConfig } from '../src/config/index.js';
import { startFolio } from '../src/server/start.js';
import { openStore } from '../src/store/index.js';
import { orderExpressions, whereClause } from '../src/store/query.js';
import { openSqlite } from '../src/store/dialect.js';
import type { Database } from '../src/store/schema.js';
import type { ListQuery } from '../src/store/types.js';
import { generateArticles } from './gen-content.js';
import { freePort, startFolioProcess, stop } from './support.js';
import { wrk, type WrkResult } from './wrk.js';

const sizes = (process.env.BENCH_SCALE_SIZES ?? '100,10000').split(',').map(Number);
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = 4;
const token = 'bench-scale-delivery-token';
const scope = { spaceId: 'folio', environmentId: 'master' };
const auth = { authorization: `Bearer ${token}` };
const deliveryPath = '/delivery/spaces/folio/environments/master';
const pageQuery = 'content_type=article&limit=100&include=1';
/** Articles per page of the hub's home page. */
const hubPageSize = 6;

interface Row {
  size: number;
  generated: { articles: number; seconds: number };
  results: Record<string, WrkResult>;
  plans: Record<string, string[]>;
}

async function main() {
  const dataDir = process.env.BENCH_SCALE_DIR ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'folio-bench-scale-')));
  const keep = process.env.BENCH_SCALE_DIR !== undefined;
  const env = { FOLIO_DATA_DIR: dataDir, FOLIO_DELIVERY_TOKEN: token };
  const rows: Row[] = [];
  const children: ChildProcess[] = [];
  try {
    // First start loads the demo (and migrates a kept data dir).
    await (await startFolio(loadConfig({ PORT: '0', LOG_LEVEL: 'silent', ...env }))).close();
    for (const size of sizes) {
      const generated = await topUp(dataDir, size);
      const results: Record<string, WrkResult> = {};
      const run = async (name: string, url: string, opts: { headers?: Record<string, string>; pathOf?: string } = {}) => {
        await wrk(url, { seconds: 1, connections, ...opts });
        results[name] = await wrk(url, { seconds, connections, ...opts });
        console.error(`${size}: ${name} ${results[name]!.rps.toFixed(0)} req/s, p50 ${results[name]!.p50.toFixed(1)} ms`);
      };

      const cached = await startFolioProcess(env, await freePort());
      children.push(cached.process);
      await run('hub', `${cached.origin}/`);
      // A different page each request, spread over all of them (a page cache holds few of them).
      const pages = Math.ceil(size / hubPageSize);
      // Titles end in the article's number: a new number each request, with as many digits as
      // the largest, so it and at most ten longer ones start with it (a search for a rare word).
      const low = Math.max(1, Math.floor(size / 10));
      await run('search', cached.origin, { pathOf: `return wrk.format("GET", "/search?q=" .. (${low} + (n * 7919) % ${size - low}) .. "&fragment=1")` });
      const slugs = await spreadSlugs(path.join(dataDir, 'folio.db'), 500);
      await run('article', cached.origin, { pathOf: `local s = {${slugs.map((x) => JSON.stringify(x)).join(',')}}\nreturn wrk.format("GET", "/articles/" .. s[(n % #s) + 1])` });
      await run('delivery cached', `${cached.origin}${deliveryPath}/entries?${pageQuery}`, { headers: auth });
      await run('sync', `${cached.origin}${deliveryPath}/sync?initial=true`, { headers: auth });
      await run('sync delta', `${cached.origin}${deliveryPath}/sync?sync_token=${await deltaToken(path.join(dataDir, 'folio.db'), 10)}`, { headers: auth });
      // Last: a deep page costs its offset, and its backlog must not slow the runs after it.
      await run('hub page N', cached.origin, { pathOf: `return wrk.format("GET", "/?page=" .. ((n * 7919) % ${pages} + 1))` });
      await stop(cached.process);

      const uncached = await startFolioProcess({ ...env, FOLIO_DELIVERY_CACHE: '0' }, await freePort());
      children.push(uncached.process);
      await fetch(`${uncached.origin}${deliveryPath}/entries?${pageQuery}`, { headers: auth }).then((r) => r.arrayBuffer());
      await run('delivery uncached', `${uncached.origin}${deliveryPath}/entries?${pageQuery}`, { headers: auth });
      await stop(uncached.process);

      rows.push({ size, generated, results, plans: await plans(path.join(dataDir, 'folio.db')) });
    }
  } finally {
    for (const child of children) await stop(child);
    if (!keep) await fs.rm(dataDir, { recursive: true, force: true });
  }
  print(rows);
}

/** Adds generated articles until `size` articles are published; how many it added and how long that took. */
async function topUp(dataDir: string, size: number) {
  const store = await openStore({ sqlitePath: path.join(dataDir, 'folio.db') });
  try {
    const existing = (await store.entries.publishedKeys(scope, { contentTypeId: 'article', limit: 0 })).total;
    const missing = Math.max(0, size - existing);
    const started = performance.now();
    const file = path.join(dataDir, 'folio.db');
    if (missing > 0) await generateArticles(store, scope, missing, `Scale${existing}`, (done) => process.stderr.write(`\r${size}: ${done} of ${missing} articles generated`), file);
    const secs = (performance.now() - started) / 1000;
    if (missing > 0) console.error(`\n${size}: ${missing} articles in ${secs.toFixed(0)} s (${(missing / secs).toFixed(0)}/s)`);
    return { articles: missing, seconds: secs };
  } finally {
    await store.close();
  }
}

/** `count` article slugs spread evenly over all published articles. */
async function spreadSlugs(file: string, count: number): Promise<string[]> {
  const db = new SQLite(file, { readonly: true });
  try {
    const rows = db.prepare(`SELECT json_extract(data, '$.slug."en-US"') AS slug FROM published WHERE kind = 'Entry' AND content_type_id = 'article'`).raw().all() as Array<[string | null]>;
    const step = Math.max(1, Math.floor(rows.length / count));
    return rows.filter((r, i) => i % step === 0 && r[0]).slice(0, count).map((r) => r[0]!);
  } finally {
    db.close();
  }
}

/** A sync token for the last `changes` changes (the one a client holds after syncing just before them). */
async function deltaToken(file: string, changes: number): Promise<string> {
  const db = new SQLite(file, { readonly: true });
  try {
    const { value } = db.prepare("SELECT value FROM counters WHERE name = 'changes'").get() as { value: number };
    return Buffer.from(JSON.stringify({ s: Math.max(0, Number(value) - changes), t: 'all' })).toString('base64url');
  } finally {
    db.close();
  }
}

/** The query plans of the first hub page and a Delivery page of 100, as the store builds them. */
async function plans(file: string): Promise<Record<string, string[]>> {
  const { db, adapter, closeReaders } = openSqlite(file);
  const published = (query: ListQuery) => {
    const base = db
      .selectFrom('published')
      .where('space_id', '=', scope.spaceId)
      .where('environment_id', '=', scope.environmentId)
      .where('kind', '=', 'Entry')
      .where(whereClause(query, adapter, 'published'));
    const page = orderExpressions(query.order, adapter, 'published').reduce((q, o) => q.orderBy(o), base.select(['id', 'published_at'])).limit(query.limit ?? 100);
    return { page, count: base.select((eb) => eb.fn.countAll().as('total')) };
  };
  try {
    const delivery = published({ contentTypeId: 'article', limit: 100 });
    const hubQuery: ListQuery = {
      contentTypeId: 'article',
      where: [{ field: 'slug', locale: 'en-US', op: 'exists', value: true }],
      order: [
        { field: 'publishDate', locale: 'en-US', direction: 'desc' },
        { sys: 'id', direction: 'asc' },
      ],
      limit: hubPageSize,
    };
    const hub = published(hubQuery);
    const search = published({ ...hubQuery, where: [...hubQuery.where!, { op: 'match', text: '4321', field: 'title' }], limit: 50 });
    return {
      'Delivery page of 100': await explainCompiled(db, delivery.page),
      'hub search (title)': await explainCompiled(db, search.page),
      'hub search (title), its total': await explainCompiled(db, search.count),
      'Delivery page of 100, its total': await explainCompiled(db, delivery.count),
      'hub first page': await explainCompiled(db, hub.page),
    };
  } finally {
    await closeReaders();
    await db.destroy();
  }
}

/** EXPLAIN QUERY PLAN of a compiled query, its parameters bound. */
async function explainCompiled(db: Kysely<Database>, query: { compile(): { sql: string; parameters: readonly unknown[] } }): Promise<string[]> {
  const { sql: text, parameters } = query.compile();
  const result = await db.executeQuery<{ detail: string }>({ sql: `EXPLAIN QUERY PLAN ${text}`, parameters, query: { kind: 'RawNode', sqlFragments: [], parameters: [] } as never, queryId: { queryId: 'explain' } });
  return result.rows.map((r) => r.detail);
}

function print(rows: Row[]) {
  const names = ['hub', 'hub page N', 'article', 'search', 'delivery cached', 'delivery uncached', 'sync', 'sync delta'];
  const label: Record<string, string> = {
    hub: 'hub `/` (warm)',
    search: 'hub search, a new word each request',
    'delivery cached': 'Delivery page of 100, cache on',
    'delivery uncached': 'Delivery page of 100, `FOLIO_DELIVERY_CACHE=0`',
    sync: 'initial sync, first page',
    'hub page N': 'hub `/?page=N`, a different page each request',
    article: 'article page, 500 articles in turn',
    'sync delta': 'delta sync of the last 10 changes',
  };
  console.log(`\nwrk -t1 -c${connections}, ${seconds} s per run after a 1 s warm-up; SQLite; ${os.cpus().length} cores shared; load average ${os.loadavg()[0]!.toFixed(1)}\n`);
  console.log(`| what | ${rows.map((r) => `${r.size.toLocaleString('en')} articles: req/s (p50)`).join(' | ')} |`);
  console.log(`| --- | ${rows.map(() => '---').join(' | ')} |`);
  for (const name of names) {
    console.log(`| ${label[name]} | ${rows.map((r) => `${r.results[name]!.rps.toFixed(0)} (${r.results[name]!.p50.toFixed(1)} ms)${r.results[name]!.failed ? ` ${r.results[name]!.failed} not 200` : ''}`).join(' | ')} |`);
  }
  for (const r of rows) if (r.generated.articles) console.log(`\n${r.size.toLocaleString('en')}: ${r.generated.articles} articles generated in ${r.generated.seconds.toFixed(0)} s`);
  const last = rows.at(-1);
  if (last) {
    console.log(`\nQuery plans at ${last.size.toLocaleString('en')} articles (SQLite EXPLAIN QUERY PLAN):`);
    for (const [name, plan] of Object.entries(last.plans)) console.log(`- ${name}: ${plan.join('; ')}`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
