/** The dispatcher round by round (runOnce, no timers) on a real SQLite store and a loopback receiver. */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTempDir } from '../../test/support/tmp.js';
import { createEntry, publishContentType, publishEntry, saveContentType } from '../content/index.js';
import { ensureSpace } from '../setup/index.js';
import { defineField, openStore, type Store, type WebhookDefinitionBody } from '../store/index.js';
import { createDispatcher, dispatcherDefaults } from './dispatcher.js';
import { startReceiver, type Receiver } from './test-support/receiver.js';
import { systemActor } from '../auth/index.js';

const dir = useTempDir('folio-dispatcher-');
let store: Store;
let receiver: Receiver;
const scope = { spaceId: 'folio', environmentId: 'master' };

beforeAll(async () => {
  store = await openStore({ sqlitePath: path.join(dir(), 'folio.db') });
  await ensureSpace(store, 'folio');
  await saveContentType(store, scope, { id: 'post', body: { name: 'Post', description: null, displayField: 'title', fields: [defineField('title', 'Symbol')] } }, systemActor);
  await publishContentType(store, scope, { id: 'post' }, systemActor);
  receiver = await startReceiver(() => 500);
});
afterAll(async () => {
  await receiver?.close();
  await store?.close();
});

// The receiver is on loopback: these tests allow private targets unless they test the default.
const dispatcher = (allowPrivateTargets = true) => createDispatcher(store, { ...dispatcherDefaults, publicUrl: 'http://localhost', backoffBaseMs: 0, maxAttempts: 3, allowPrivateTargets });
const hook = (url: string): WebhookDefinitionBody => ({ name: 'H', url, topics: ['Entry.publish'], filters: [], headers: [], httpBasicUsername: null, httpBasicPassword: null, active: true, secret: 'dispatcher-test-secret' });
const drain = async (d: ReturnType<typeof dispatcher>) => {
  for (let i = 0; i < 10; i++) await d.runOnce();
};

describe('dispatcher', () => {
  it('gives up after maxAttempts, logging each attempt', async () => {
    const { id } = await store.webhooks.create('folio', hook(`${receiver.url}/down`), 'test');
    await createEntry(store, scope, { id: 'a', contentTypeId: 'post', fields: {} }, systemActor);
    await publishEntry(store, scope, { id: 'a' }, systemActor);
    await drain(dispatcher());
    expect((await store.webhooks.listCalls('folio', id)).map((c) => [c.state, c.attempts])).toEqual([['failed', 3]]);
    expect((await store.webhooks.listLog('folio', id)).items.map((l) => [l.attempt, l.statusCode])).toEqual([[3, 500], [2, 500], [1, 500]]);
    expect(receiver.calls.filter((c) => c.path === '/down')).toHaveLength(3);
    await store.webhooks.delete('folio', id);
  });

  it('drops calls left over when their webhook is switched off', async () => {
    const created = await store.webhooks.create('folio', hook(`${receiver.url}/off`), 'test');
    await createEntry(store, scope, { id: 'b', contentTypeId: 'post', fields: {} }, systemActor);
    await publishEntry(store, scope, { id: 'b' }, systemActor);
    const d = dispatcher();
    await d.runOnce();
    await store.webhooks.update('folio', created.id, { ...created, active: false }, 1, 'test');
    await drain(d);
    expect((await store.webhooks.listCalls('folio', created.id)).map((c) => c.state)).toEqual(['failed']);
    expect((await store.webhooks.listLog('folio', created.id)).items.map((l) => [l.statusCode, l.errors])).toEqual([[0, ['WebhookInactive']], [500, []]]);
    expect(receiver.calls.filter((c) => c.path === '/off')).toHaveLength(1);
  });

  it('queues no call for events from before a webhook existed', async () => {
    await createEntry(store, scope, { id: 'c', contentTypeId: 'post', fields: {} }, systemActor);
    await publishEntry(store, scope, { id: 'c' }, systemActor);
    await drain(dispatcher());
    const late = await store.webhooks.create('folio', hook(`${receiver.url}/late`), 'test');
    await drain(dispatcher());
    expect(await store.webhooks.listCalls('folio', late.id)).toEqual([]);
  });

  it('by default refuses a receiver on loopback, once, and logs no part of its answer', async () => {
    // Stored directly, as a definition made before this check or naming a host that resolves inside.
    const { id } = await store.webhooks.create('folio', hook(`${receiver.url.replace('127.0.0.1', 'localhost')}/inside`), 'test');
    receiver.answer = (c) => (c.path === '/inside' ? 200 : 500);
    await createEntry(store, scope, { id: 'd', contentTypeId: 'post', fields: {} }, systemActor);
    await publishEntry(store, scope, { id: 'd' }, systemActor);
    await drain(dispatcher(false));
    expect((await store.webhooks.listCalls('folio', id)).map((c) => [c.state, c.attempts])).toEqual([['failed', 1]]);
    const [entry, ...more] = (await store.webhooks.listLog('folio', id)).items;
    expect(more).toEqual([]);
    expect([entry!.statusCode, entry!.errors, entry!.response]).toEqual([0, ['PrivateAddressRefused'], null]);
    expect(receiver.calls.filter((c) => c.path === '/inside')).toHaveLength(0);
  });

  it('delivers to a webhook that answers while another one hangs', async () => {
    let answerHung!: () => void;
    const hung = new Promise<number>((resolve) => (answerHung = () => resolve(200)));
    receiver.answer = (c) => (c.path === '/hang' ? hung : 200);
    const hanging = await store.webhooks.create('folio', hook(`${receiver.url}/hang`), 'test');
    for (const id of ['h1', 'h2', 'h3']) {
      await createEntry(store, scope, { id, contentTypeId: 'post', fields: {} }, systemActor);
      await publishEntry(store, scope, { id }, systemActor);
    }
    const d = createDispatcher(store, { ...dispatcherDefaults, publicUrl: 'http://localhost', pollIntervalMs: 50, timeoutMs: 120_000, allowPrivateTargets: true });
    d.start();
    try {
      await receiver.until((calls) => calls.filter((c) => c.path === '/hang').length === 3);
      const answering = await store.webhooks.create('folio', hook(`${receiver.url}/answers`), 'test');
      await createEntry(store, scope, { id: 'h4', contentTypeId: 'post', fields: {} }, systemActor);
      await publishEntry(store, scope, { id: 'h4' }, systemActor);
      d.wake();
      await receiver.until((calls) => calls.some((c) => c.path === '/answers'));
      await expect.poll(async () => (await store.webhooks.listCalls('folio', answering.id)).map((c) => c.state), { timeout: 10_000 }).toEqual(['succeeded']);
      expect((await store.webhooks.listCalls('folio', hanging.id)).map((c) => c.state)).toEqual(['pending', 'pending', 'pending', 'pending']);
    } finally {
      answerHung();
      await d.stop();
    }
  });
});
