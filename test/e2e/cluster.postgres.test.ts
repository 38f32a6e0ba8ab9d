/**
 * Two `folio serve` processes on one PostgreSQL database and one S3 bucket, started together on
 * an empty database, as `npm run demo:cluster` runs them (without nginx): a publish through one
 * is served by the other on the hub, Delivery, Sync and GraphQL within a second (PostgreSQL
 * LISTEN/NOTIFY; the previous 250 ms polling also met that bound, so this guards it rather than
 * proving it); and scheduled publishes left mid-run by a server killed with SIGKILL are completed
 * by the other, each exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.js';
import { managementRequest, plainField as field, seenWithin, startClusterServer, type ClusterServer } from '../support/cluster.js';
import { createTestDatabase } from '../support/postgres.js';
import { startS3, type TestS3 } from '../support/s3.js';

const tokens = { management: 'cluster-management-token', delivery: 'cluster-delivery-token', preview: 'cluster-preview-token' };
let s3: TestS3;
let env: Record<string, string>;
let a: ClusterServer;
let b: ClusterServer;
let store: Store;

beforeAll(async () => {
  s3 = await startS3();
  const databaseUrl = await createTestDatabase();
  env = {
    DATABASE_URL: databaseUrl,
    FOLIO_MANAGEMENT_TOKEN: tokens.management,
    FOLIO_DELIVERY_TOKEN: tokens.delivery,
    FOLIO_PREVIEW_TOKEN: tokens.preview,
    FOLIO_DEMO: '0',
    ...s3.env,
  };
  // Both at once on an empty database: migrations and the first start-up run once between them.
  [a, b] = await Promise.all([startClusterServer(env), startClusterServer(env)]);
  store = await openStore({ databaseUrl });
});
afterAll(async () => {
  await store?.close();
  await a?.stop();
  await b?.stop();
  await s3?.stop();
});

const cma = (server: ClusterServer, path: string, init?: Parameters<typeof managementRequest>[3]) => managementRequest(server, tokens.management, path, init);

/** The hub's article type, made and published through `server`. */
async function defineArticle(server: ClusterServer) {
  const body = {
    name: 'Article',
    displayField: 'title',
    fields: [field('title', 'Symbol'), field('slug', 'Symbol'), field('description', 'Text'), field('publishDate', 'Date'), field('type', 'Symbol')],
  };
  expect((await cma(server, '/content_types/article', { method: 'PUT', body })).status).toBe(201);
  expect((await cma(server, '/content_types/article/published', { method: 'PUT', version: 1 })).status).toBe(200);
}

async function draftArticle(server: ClusterServer, id: string, title: string) {
  const fields = { title: { 'en-US': title }, slug: { 'en-US': id }, description: { 'en-US': `About ${title}` }, publishDate: { 'en-US': '2026-01-01' }, type: { 'en-US': 'Article' } };
  const res = await cma(server, `/entries/${id}`, { method: 'PUT', body: { fields }, contentType: 'article' });
  expect(res.status).toBe(201);
  return ((await res.json()) as { sys: { version: number } }).sys.version;
}

const text = async (url: string, init?: RequestInit) => {
  const res = await fetch(url, init);
  return `${res.status} ${await res.text()}`;
};
const bearer = { headers: { authorization: `Bearer ${tokens.delivery}` } };

describe('Two folio serve processes on one PostgreSQL database', () => {
  it('serve a publish made through the other on the hub, Delivery, Sync and GraphQL within a second', async () => {
    await defineArticle(a);
    const id = 'cluster-news';
    const title = 'News from server A';
    const version = await draftArticle(a, id, title);

    // B has answered (and cached) every door before the publish.
    const delivery = `${b.url}/delivery/spaces/folio/environments/master/entries/${id}`;
    const hub = `${b.url}/articles/${id}`;
    const graphql = () =>
      text(`${b.url}/graphql/content/v1/spaces/folio/environments/master`, {
        method: 'POST',
        headers: { ...bearer.headers, 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ articleCollection(where: { slug: "${id}" }) { items { title } } }` }),
      });
    const initial = (await (await fetch(`${b.url}/delivery/spaces/folio/environments/master/sync?initial=true`, bearer)).json()) as { nextSyncUrl: string };
    const nextSync = new URL(initial.nextSyncUrl);
    const sync = () => text(`${b.url}${nextSync.pathname}${nextSync.search}`, bearer);
    expect(await text(delivery, bearer)).toMatch(/^404 /);
    expect(await text(hub)).toMatch(/^404 /);
    expect(await graphql()).not.toContain(title);
    expect(await sync()).not.toContain(id);

    expect((await cma(a, `/entries/${id}/published`, { method: 'PUT', version })).status).toBe(200);

    const within = 1000;
    expect(await seenWithin(within, () => text(delivery, bearer), (t) => t.startsWith('200 '))).toContain(title);
    expect(await seenWithin(within, () => text(hub), (t) => t.startsWith('200 '))).toContain(title);
    expect(await seenWithin(within, graphql, (t) => t.includes(title))).toContain(title);
    expect(await seenWithin(within, sync, (t) => t.includes(id))).toContain(title);
  });

  it('complete the scheduled publishes of a server killed mid-run, each exactly once', async () => {
    const ids = Array.from({ length: 40 }, (_, i) => `due-${i}`);
    const later = new Date(Date.now() + 3_600_000).toISOString();
    for (const id of ids) {
      await draftArticle(a, id, `Scheduled ${id}`);
      const res = await fetch(`${a.url}/management/spaces/folio/scheduled_actions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens.management}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          entity: { sys: { type: 'Link', linkType: 'Entry', id } },
          environment: { sys: { type: 'Link', linkType: 'Environment', id: 'master' } },
          action: 'publish',
          scheduledFor: { datetime: later },
        }),
      });
      expect(res.status).toBe(201);
    }
    // Only A runs scheduled actions while they fall due: B is stopped and comes back after A dies.
    await b.stop();
    const now = new Date().toISOString();
    await store.transaction(async (tx) => {
      for (const action of (await tx.scheduledActions.list('folio', { environmentId: 'master' })).items) {
        await tx.scheduledActions.update('folio', action.id, { ...action, scheduledFor: now }, action.version, 'test');
      }
    });
    const counts = async () => {
      const all = await store.scheduledActions.list('folio', { environmentId: 'master' });
      return { done: all.items.filter((x) => x.status === 'succeeded').length, total: all.total };
    };
    // Killed as soon as its round has begun: the rest, and the one in its open transaction, are left.
    await seenWithin(30_000, counts, (c) => c.done > 0);
    a.serve.child.kill('SIGKILL');
    await a.serve.exited;
    const left = await counts();
    expect(left.done).toBeLessThan(ids.length);

    b = await startClusterServer(env);
    expect(await seenWithin(30_000, counts, (c) => c.done === ids.length)).toEqual({ done: ids.length, total: ids.length });
    for (const id of ids) {
      expect((await store.entries.get({ spaceId: 'folio', environmentId: 'master' }, id))?.sys.publishedCounter).toBe(1);
      const publishes = (await store.outbox.list('folio', { entityId: id })).filter((e) => e.topic === 'ContentManagement.Entry.publish');
      expect(publishes).toHaveLength(1);
    }
  });
});
