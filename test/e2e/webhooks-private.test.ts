/**
 * A Folio with default settings will not call into its own network (SSRF): definitions naming an
 * internal address are refused, and a definition whose name resolves inside is refused at call
 * time, with a call log that shows none of the internal answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/store.js';
import { startReceiver, type Receiver } from '../../src/webhooks/test-support/receiver.js';
import { startTestFolio, type TestFolio } from './folio.js';

const token = 'private-targets-token';
const quick = { webhooks: { pollIntervalMs: 25 }, scheduling: { pollIntervalMs: 25 } };
let folio: TestFolio;
let store: Store;
let receiver: Receiver;

beforeAll(async () => {
  folio = await startTestFolio({ FOLIO_MANAGEMENT_TOKEN: token }, undefined, { background: quick });
  store = await openStore(folio.storeOptions);
  receiver = await startReceiver(() => 200);
});
afterAll(async () => {
  await receiver?.close();
  await store?.close();
  await folio?.destroy();
});

const api = (path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) =>
  fetch(`${folio.url}/management/spaces/folio${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/vnd.contentful.management.v1+json', ...init.headers },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });

describe('webhooks and internal addresses', () => {
  it('refuses definitions naming a loopback, private or link-local address with 422 on url', async () => {
    for (const url of [`${receiver.url}/x`, 'http://10.0.0.8/', 'http://169.254.169.254/latest/meta-data/', 'http://[::1]/', 'http://localhost/']) {
      const res = await api('/webhook_definitions', { method: 'POST', body: { name: 'Inside', url, topics: ['*.*'] } });
      const body = (await res.json()) as { sys: { id: string }; details: { errors: Array<{ path: string[] }> } };
      expect([res.status, body.sys.id, body.details.errors.map((e) => e.path.join('.'))], url).toEqual([422, 'ValidationFailed', ['url']]);
    }
    const ok = await api('/webhook_definitions/outside', { method: 'PUT', body: { name: 'Outside', url: 'https://hooks.example.com/x', topics: ['*.*'] } });
    expect(ok.status).toBe(201);
    const moved = await api('/webhook_definitions/outside', { method: 'PUT', headers: { 'x-contentful-version': '1' }, body: { name: 'Outside', url: 'http://192.168.1.1/', topics: ['*.*'] } });
    expect(moved.status).toBe(422);
  });

  it('refuses at call time a name that resolves to loopback, logging no part of the answer', async () => {
    receiver.answer = () => 200;
    const port = new URL(receiver.url).port;
    // As if made before this check, or by a name whose DNS answer later points inside.
    const hook = await store.webhooks.create('folio', { name: 'Rebound', url: `http://localhost:${port}/inside`, topics: ['Entry.publish'], filters: [], headers: [], httpBasicUsername: null, httpBasicPassword: null, active: true, secret: 'private-targets-secret-0123' }, 'test');
    const entries = (await (await api('/environments/master/entries?limit=1')).json()) as { items: Array<{ sys: { id: string; version: number } }> };
    const entry = entries.items[0]!;
    const published = await api(`/environments/master/entries/${entry.sys.id}/published`, { method: 'PUT', headers: { 'x-contentful-version': String(entry.sys.version) } });
    expect(published.status).toBe(200);
    let calls: { items: Array<{ sys: { id: string }; statusCode: number; errors: string[] }> } = { items: [] };
    await expect.poll(async () => (calls = (await (await api(`/webhooks/${hook.id}/calls`)).json()) as typeof calls).items.length).toBe(1);
    expect(calls.items[0]).toMatchObject({ statusCode: 0, errors: ['PrivateAddressRefused'] });
    const details = (await (await api(`/webhooks/${hook.id}/calls/${calls.items[0]!.sys.id}`)).json()) as { response: { body: string; headers: object; statusCode: number } };
    expect(details.response).toMatchObject({ body: '', headers: {}, statusCode: 0 });
    expect(receiver.calls.filter((c) => c.path === '/inside')).toHaveLength(0);
  });
});
