/**
 * Two Folio servers on one PostgreSQL database, both dispatching webhooks and running scheduled
 * actions: every call reaches the receiver exactly once and every due action fires exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEntry, publishContentType, publishEntry, saveContentType } from '../../src/content/index.js';
import { defineField, openStore, type Store } from '../../src/store/index.js';
import { startReceiver, type Receiver } from '../../src/webhooks/test-support/receiver.js';
import { createTestDatabase } from '../support/postgres.js';
import { startTestFolio, type TestFolio } from './folio.js';
import { systemActor } from '../../src/auth/index.js';

const token = 'management-token-for-cluster-tests';
const scope = { spaceId: 'folio', environmentId: 'master' };
// The receiver listens on loopback, a private address webhooks may call only when allowed.
const busy = { webhooks: { pollIntervalMs: 10, allowPrivateTargets: true }, scheduling: { pollIntervalMs: 10 } };
const pause = () => new Promise((r) => setTimeout(r, 20));

describe('Two Folio servers on one PostgreSQL database', () => {
  let servers: TestFolio[];
  let store: Store;
  let receiver: Receiver;

  beforeAll(async () => {
    const env = { DATABASE_URL: await createTestDatabase(), FOLIO_MANAGEMENT_TOKEN: token, FOLIO_DEMO: '0' };
    servers = [await startTestFolio(env, undefined, { background: busy }), await startTestFolio(env, undefined, { background: busy })];
    store = await openStore(servers[0]!.storeOptions);
    receiver = await startReceiver();
    await saveContentType(store, scope, { id: 'post', body: { name: 'Post', description: null, displayField: 'title', fields: [defineField('title', 'Symbol')] } }, systemActor);
    await publishContentType(store, scope, { id: 'post' }, systemActor);
  });
  afterAll(async () => {
    await receiver?.close();
    await store?.close();
    for (const s of servers ?? []) await s.destroy();
  });

  const api = (server: TestFolio, path: string, body: unknown) =>
    fetch(`${server.url}/management/spaces/folio${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('deliver each webhook call exactly once', async () => {
    const res = await api(servers[0]!, '/webhook_definitions', { name: 'Cluster', url: `${receiver.url}/cluster`, topics: ['Entry.publish'] });
    const { sys } = (await res.json()) as { sys: { id: string } };
    const n = 20;
    for (let i = 0; i < n; i++) {
      await createEntry(store, scope, { id: `c${i}`, contentTypeId: 'post', fields: { title: { 'en-US': `Post ${i}` } } }, systemActor);
      await publishEntry(store, scope, { id: `c${i}` }, systemActor);
    }
    await receiver.until((calls) => calls.length >= n);
    // Once no call is pending or leased, nothing more can be sent.
    while ((await store.webhooks.listCalls('folio', sys.id)).some((c) => c.state === 'pending' || c.leaseId !== null)) await pause();

    const calls = receiver.calls.filter((c) => c.path === '/cluster');
    expect(calls).toHaveLength(n);
    expect(new Set(calls.map((c) => c.headers['x-folio-call-id'])).size).toBe(n);
    expect(new Set(calls.map((c) => (c.json as { sys: { id: string } }).sys.id)).size).toBe(n);
    const queued = await store.webhooks.listCalls('folio', sys.id);
    expect(queued.map((c) => [c.state, c.attempts])).toEqual(Array.from({ length: n }, () => ['succeeded', 1]));
    expect((await store.webhooks.listLog('folio', sys.id)).total).toBe(n);
  });

  it('run each due scheduled action exactly once', async () => {
    const ids = Array.from({ length: 10 }, (_, i) => `s${i}`);
    const later = new Date(Date.now() + 3_600_000).toISOString();
    for (const [i, id] of ids.entries()) {
      await createEntry(store, scope, { id, contentTypeId: 'post', fields: { title: { 'en-US': id } } }, systemActor);
      const res = await api(servers[i % 2]!, '/scheduled_actions', {
        entity: { sys: { type: 'Link', linkType: 'Entry', id } },
        environment: { sys: { type: 'Link', linkType: 'Environment', id: 'master' } },
        action: 'publish',
        scheduledFor: { datetime: later },
      });
      expect(res.status).toBe(201);
    }
    // The clock moves on: all ten fall due at once, for both servers.
    const now = new Date().toISOString();
    await store.transaction(async (tx) => {
      for (const a of (await tx.scheduledActions.list('folio', { environmentId: 'master' })).items) {
        await tx.scheduledActions.update('folio', a.id, { ...a, scheduledFor: now }, a.version, 'test');
      }
    });
    const pending = () => store.scheduledActions.list('folio', { environmentId: 'master', statuses: ['scheduled'] });
    while ((await pending()).total > 0) await pause();

    const done = await store.scheduledActions.list('folio', { environmentId: 'master' });
    expect(done.items.map((a) => a.status)).toEqual(ids.map(() => 'succeeded'));
    for (const id of ids) {
      expect((await store.entries.get(scope, id))?.sys.publishedCounter).toBe(1);
      const publishes = (await store.outbox.list('folio', { entityId: id })).filter((e) => e.topic === 'ContentManagement.Entry.publish');
      expect(publishes).toHaveLength(1);
    }
  });
});
