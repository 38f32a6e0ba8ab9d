/**
 * DATABASE_REPLICA_URL against a real physical streaming replica (a hot standby fed by the
 * primary's WAL; test/support/postgres-replica-process.mjs): Delivery and GraphQL read there,
 * a publish is served within a second, and while the replica's replay is paused readers still
 * get the new content, from the primary; Preview reads drafts from the primary only. The hub's
 * public pages follow the same rules.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { managementRequest, plainField, seenWithin } from '../support/cluster.js';
import { startReplicatedPostgres, type ReplicatedPostgres } from '../support/postgres-server.js';
import { startTestFolio, type TestFolio } from './folio.js';

const tokens = { management: 'replica-management-token', delivery: 'replica-delivery-token', preview: 'replica-preview-token' };
const database = 'folio_replica_reads';
let postgres: ReplicatedPostgres;
let folio: TestFolio;
let replica: pg.Client;
let primary: pg.Client;

const inDatabase = (adminUrl: string) => Object.assign(new URL(adminUrl), { pathname: `/${database}` }).href;

beforeAll(async () => {
  postgres = await startReplicatedPostgres();
  const admin = new pg.Client({ connectionString: postgres.primaryUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  // The new database reaches the standby through the WAL like everything else.
  replica = await seenWithin(
    10_000,
    async () => {
      const client = new pg.Client({ connectionString: inDatabase(postgres.replicaUrl) });
      return client.connect().then(() => client, () => undefined);
    },
    (c) => c !== undefined,
  ) as pg.Client;
  primary = new pg.Client({ connectionString: inDatabase(postgres.primaryUrl) });
  await primary.connect();
  folio = await startTestFolio({
    DATABASE_URL: inDatabase(postgres.primaryUrl),
    DATABASE_REPLICA_URL: inDatabase(postgres.replicaUrl),
    FOLIO_MANAGEMENT_TOKEN: tokens.management,
    FOLIO_DELIVERY_TOKEN: tokens.delivery,
    FOLIO_PREVIEW_TOKEN: tokens.preview,
    FOLIO_DEMO: '0',
    // Every Delivery request reads the database, so where it read can be seen.
    FOLIO_DELIVERY_CACHE: '0',
  });
}, 120_000);
afterAll(async () => {
  await replica?.query('SELECT pg_wal_replay_resume()').catch(() => undefined);
  await folio?.destroy();
  await replica?.end();
  await primary?.end();
  await postgres?.stop();
});

const cma = (path: string, init?: Parameters<typeof managementRequest>[3]) => managementRequest(folio, tokens.management, path, init);
const read = async (api: 'delivery' | 'preview', id: string) => {
  const res = await fetch(`${folio.url}/${api}/spaces/folio/environments/master/entries/${id}`, { headers: { authorization: `Bearer ${tokens[api]}` } });
  return res.status === 200 ? ((await res.json()) as { fields: { title: string } }).fields.title : `${res.status}`;
};
const graphqlTitle = async (id: string) => {
  const res = await fetch(`${folio.url}/graphql/content/v1/spaces/folio/environments/master`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tokens.delivery}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query: `{ note(id: "${id}") { title } }` }),
  });
  return ((await res.json()) as { data?: { note?: { title: string } | null } }).data?.note?.title;
};
/** Store calls answered by each server so far, from /metrics. */
const reads = async () => {
  const text = await (await fetch(`${folio.url}/metrics`)).text();
  const count = (server: string) => Number(new RegExp(`^folio_db_reads_total\\{server="${server}"\\} (\\d+)$`, 'm').exec(text)?.[1] ?? NaN);
  return { replica: count('replica'), primary: count('primary') };
};
const counter = async (client: pg.Client) => Number((await client.query(`SELECT value FROM counters WHERE name = 'changes'`)).rows[0].value);

async function save(id: string, title: string, version?: number) {
  const res = await cma(`/entries/${id}`, { method: 'PUT', body: { fields: { title: { 'en-US': title } } }, contentType: 'note', ...(version ? { version } : {}) });
  expect(res.status).toBeLessThan(300);
  return ((await res.json()) as { sys: { version: number } }).sys.version;
}
async function publish(id: string, version: number) {
  const res = await cma(`/entries/${id}/published`, { method: 'PUT', version });
  expect(res.status).toBe(200);
  return ((await res.json()) as { sys: { version: number } }).sys.version;
}

describe('A server with DATABASE_REPLICA_URL (a streaming replica)', () => {
  let version = 0;
  const id = 'replicated';

  it('reads Delivery and GraphQL from the replica, and serves a publish within a second', async () => {
    expect((await cma('/content_types/note', { method: 'PUT', body: { name: 'Note', displayField: 'title', fields: [plainField('title', 'Symbol')] } })).status).toBe(201);
    expect((await cma('/content_types/note/published', { method: 'PUT', version: 1 })).status).toBe(200);
    version = await publish(id, await save(id, 'First'));
    expect(await seenWithin(1000, () => read('delivery', id), (t) => t === 'First')).toBe('First');
    // Caught up: the replica answers and the primary is not asked.
    await seenWithin(5000, async () => ((await read('delivery', id)) === 'First' ? reads() : { replica: 0, primary: 0 }), (r) => r.replica > 0);
    const before = await reads();
    for (let i = 0; i < 10; i++) expect(await read('delivery', id)).toBe('First');
    expect(await graphqlTitle(id)).toBe('First');
    const after = await reads();
    expect(after.replica - before.replica).toBeGreaterThanOrEqual(11);
    expect(after.primary).toBe(before.primary);
    // PostgreSQL's own view: the replica's Folio connections ran the reads.
    const { rows } = await replica.query(`SELECT query FROM pg_stat_activity WHERE application_name = 'folio-replica' AND datname = $1`, [database]);
    expect(rows.some((r: { query: string }) => /from "published"/.test(r.query))).toBe(true);

    version = await publish(id, await save(id, 'Second', version));
    expect(await seenWithin(1000, () => read('delivery', id), (t) => t === 'Second')).toBe('Second');
    expect(await seenWithin(1000, () => graphqlTitle(id), (t) => t === 'Second')).toBe('Second');
  });

  it('serves new content from the primary while the replica is paused, and Preview reads drafts from the primary', async () => {
    await replica.query('SELECT pg_wal_replay_pause()');
    await seenWithin(5000, async () => (await replica.query('SELECT pg_get_wal_replay_pause_state() AS s')).rows[0].s as string, (s) => s === 'paused');
    const before = await reads();

    version = await publish(id, await save(id, 'Third', version));
    expect(await read('delivery', id)).toBe('Third');
    expect(await graphqlTitle(id)).toBe('Third');
    // The replica really is behind: what was served came from the primary.
    expect(await counter(replica)).toBeLessThan(await counter(primary));
    expect((await reads()).primary).toBeGreaterThan(before.primary);

    // Drafts do not move the change counter: Preview must not read them from a replica.
    version = await save(id, 'Draft', version);
    expect(await read('preview', id)).toBe('Draft');
    expect(await read('delivery', id)).toBe('Third');

    await replica.query('SELECT pg_wal_replay_resume()');
    const resumed = await reads();
    await seenWithin(5000, async () => (await read('delivery', id), reads()), (r) => r.replica > resumed.replica);
    expect(await read('delivery', id)).toBe('Third');
    expect((await reads()).replica).toBeGreaterThan(resumed.replica);
  });

  it('renders hub pages from the replica when it is caught up, and a just-published change from the primary while it is not', async () => {
    const fields = [plainField('title', 'Symbol'), plainField('slug', 'Symbol'), plainField('publishDate', 'Date')];
    expect((await cma('/content_types/article', { method: 'PUT', body: { name: 'Article', displayField: 'title', fields } })).status).toBe(201);
    expect((await cma('/content_types/article/published', { method: 'PUT', version: 1 })).status).toBe(200);
    const article = 'hub-replicated';
    const put = async (title: string, v?: number) => {
      const res = await cma(`/entries/${article}`, { method: 'PUT', body: { fields: { title: { 'en-US': title }, slug: { 'en-US': article }, publishDate: { 'en-US': '2026-01-02' } } }, contentType: 'article', ...(v ? { version: v } : {}) });
      expect(res.status).toBeLessThan(300);
      return publish(article, ((await res.json()) as { sys: { version: number } }).sys.version);
    };
    const page = async () => (await fetch(`${folio.url}/articles/${article}`)).text();
    let v = await put('Hub first');
    // Caught up: the page rendered after the publish read the replica.
    await seenWithin(5000, async () => (await counter(replica)) === (await counter(primary)), (same) => same);
    const before = await reads();
    expect(await page()).toContain('Hub first');
    expect((await reads()).replica).toBeGreaterThan(before.replica);

    await replica.query('SELECT pg_wal_replay_pause()');
    await seenWithin(5000, async () => (await replica.query('SELECT pg_get_wal_replay_pause_state() AS s')).rows[0].s as string, (s) => s === 'paused');
    try {
      const paused = await reads();
      v = await put('Hub second', v);
      // Read-your-writes: the first page asked for after the publish shows it, read from the primary.
      expect(await page()).toContain('Hub second');
      expect(await counter(replica)).toBeLessThan(await counter(primary));
      expect((await reads()).primary).toBeGreaterThan(paused.primary);
    } finally {
      await replica.query('SELECT pg_wal_replay_resume()');
    }
  });
});
