/**
 * Webhook calls are delivered at least once even when the server sending them is killed with
 * SIGKILL mid-call: the calls it had claimed stay leased to it (no other server sends them while
 * it may still be sending), and once the lease ends another `folio serve` process claims them
 * (FOR UPDATE SKIP LOCKED) and delivers them. The receiver is a real HTTP server on loopback,
 * which webhooks may call only with FOLIO_WEBHOOK_ALLOW_PRIVATE=1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.js';
import { startReceiver, type Receiver } from '../../src/webhooks/test-support/receiver.js';
import { managementRequest, plainField, startClusterServer, type ClusterServer } from '../support/cluster.js';
import { createTestDatabase } from '../support/postgres.js';

const token = 'crash-management-token';
let env: Record<string, string>;
let store: Store;
let receiver: Receiver;
let a: ClusterServer | undefined;
let b: ClusterServer | undefined;
/** Set once A is dead: every request held so far, and every later one, is answered 200. */
let release: (status: number) => void;
const released = new Promise<number>((resolve) => (release = resolve));

beforeAll(async () => {
  const databaseUrl = await createTestDatabase();
  env = { DATABASE_URL: databaseUrl, FOLIO_MANAGEMENT_TOKEN: token, FOLIO_DEMO: '0', FOLIO_WEBHOOK_ALLOW_PRIVATE: '1', FOLIO_WEBHOOK_TIMEOUT: '15', FOLIO_WEBHOOK_LEASE: '16' };
  // A receiver that holds every call open until told: server A dies with its calls in flight.
  receiver = await startReceiver(() => released);
  a = await startClusterServer(env);
  store = await openStore({ databaseUrl });
});
afterAll(async () => {
  release?.(200);
  await receiver?.close();
  await store?.close();
  await a?.stop();
  await b?.stop();
});

const cma = (path: string, init?: Parameters<typeof managementRequest>[3]) => managementRequest(a!, token, path, init);

describe('A server killed with SIGKILL mid-delivery', () => {
  it('leaves its claimed webhook calls to another server, which delivers each after the lease ends', async () => {
    // Three webhooks on one topic: one publish makes three calls, claimed and sent together.
    const n = 3;
    const webhookIds: string[] = [];
    for (let i = 0; i < n; i++) {
      const hook = await fetch(`${a!.url}/management/spaces/folio/webhook_definitions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: `Crash ${i}`, url: `${receiver.url}/crash/${i}`, topics: ['Entry.publish'] }),
      });
      expect(hook.status).toBe(201);
      webhookIds.push(((await hook.json()) as { sys: { id: string } }).sys.id);
    }
    const callsOf = async () => (await Promise.all(webhookIds.map((id) => store.webhooks.listCalls('folio', id)))).flat();
    expect((await cma('/content_types/note', { method: 'PUT', body: { name: 'Note', displayField: 'title', fields: [plainField('title', 'Symbol')] } })).status).toBe(201);
    expect((await cma('/content_types/note/published', { method: 'PUT', version: 1 })).status).toBe(200);
    const saved = await cma('/entries/crashed', { method: 'PUT', body: { fields: { title: { 'en-US': 'In flight' } } }, contentType: 'note' });
    expect((await cma('/entries/crashed/published', { method: 'PUT', version: ((await saved.json()) as { sys: { version: number } }).sys.version })).status).toBe(200);
    // A has sent all three and waits for the answers.
    await receiver.until((calls) => calls.length >= n);
    const callIds = new Set(receiver.calls.map((c) => c.headers['x-folio-call-id']));
    expect(callIds.size).toBe(n);
    const leased = await callsOf();
    expect(leased.map((c) => [c.state, c.leaseId !== null, c.attempts])).toEqual(Array.from({ length: n }, () => ['pending', true, 1]));

    // B runs beside A while A's leases hold: it must not send them too.
    b = await startClusterServer(env);
    a!.serve.child.kill('SIGKILL');
    await a!.serve.exited;
    expect(receiver.calls).toHaveLength(n);
    release(200);

    // After the lease (16 s from its claim) B claims each call and delivers it: at least once, here exactly twice in all.
    await receiver.until((calls) => new Set(calls.slice(n).map((c) => c.headers['x-folio-call-id'])).size === n);
    let finished = await callsOf();
    while (finished.some((c) => c.state !== 'succeeded')) {
      await new Promise((r) => setTimeout(r, 50));
      finished = await callsOf();
    }
    expect(new Set(receiver.calls.slice(n).map((c) => c.headers['x-folio-call-id']))).toEqual(callIds);
    expect(finished.map((c) => [c.state, c.leaseId, c.attempts])).toEqual(Array.from({ length: n }, () => ['succeeded', null, 2]));
    // Only B's attempts were recorded: A died before it could log its own.
    const logged = await Promise.all(webhookIds.map(async (id) => (await store.webhooks.listLog('folio', id)).items.map((l) => l.statusCode)));
    expect(logged).toEqual(webhookIds.map(() => [200]));
  });
});
