/**
 * The queue lives in the database: a call still waiting for its retry and an action not yet due
 * when Folio stops are both carried out after it starts again on the same data.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createEntry, publishContentType, publishEntry, saveContentType } from '../../src/content/index.js';
import { defineField, openStore } from '../../src/store/index.js';
import { startReceiver } from '../../src/webhooks/test-support/receiver.js';
import { makeDataDir, startTestFolio, type TestFolio } from './folio.js';
import { systemActor } from '../../src/auth/index.js';

const env = { FOLIO_MANAGEMENT_TOKEN: 'management-token-for-restart-tests', FOLIO_DEMO: '0' };
const scope = { spaceId: 'folio', environmentId: 'master' };
// The receiver listens on loopback, a private address webhooks may call only when allowed.
const background = { webhooks: { pollIntervalMs: 20, backoffBaseMs: 400, backoffMaxMs: 400, allowPrivateTargets: true }, scheduling: { pollIntervalMs: 20 } };

const pause = () => new Promise((r) => setTimeout(r, 20));

describe('Folio restarted with work queued', () => {
  let second: TestFolio | undefined;
  afterAll(() => second?.destroy());

  it('delivers the pending call and runs the scheduled action after the restart', async () => {
    const receiver = await startReceiver(() => 500);
    const dir = await makeDataDir();
    const first = await startTestFolio(env, dir, { background });
    const store = await openStore(first.storeOptions);
    try {
      await saveContentType(store, scope, { id: 'post', body: { name: 'Post', description: null, displayField: 'title', fields: [defineField('title', 'Symbol')] } }, systemActor);
      await publishContentType(store, scope, { id: 'post' }, systemActor);
      const hook = await store.webhooks.create('folio', { name: 'Restart', url: `${receiver.url}/r`, topics: ['Entry.publish'], filters: [{ equals: [{ doc: 'sys.id' }, 'r1'] }], headers: [], httpBasicUsername: null, httpBasicPassword: null, active: true, secret: 'restart-secret-0123456789' }, 'test');
      await createEntry(store, scope, { id: 'r1', contentTypeId: 'post', fields: { title: { 'en-US': 'Restarted' } } }, systemActor);
      await createEntry(store, scope, { id: 'r2', contentTypeId: 'post', fields: { title: { 'en-US': 'Due later' } } }, systemActor);
      await publishEntry(store, scope, { id: 'r1' }, systemActor);

      await receiver.until((calls) => calls.length >= 1);
      await first.close(); // waits for the attempt in flight to be logged
      const [queued] = await store.webhooks.listCalls('folio', hook.id);
      expect([queued!.state, queued!.leaseId]).toEqual(['pending', null]);
      // An action that falls due while Folio is down.
      await store.scheduledActions.create('folio', { environmentId: 'master', entityType: 'Entry', entityId: 'r2', action: 'publish', scheduledFor: new Date().toISOString(), timezone: null }, 'test');

      receiver.answer = () => 200;
      second = await startTestFolio(env, dir, { background });
      const calls = await receiver.until((c) => c.some((x) => x.headers['x-folio-call-id'] === queued!.id && receiver.calls.indexOf(x) > 0));
      expect(new Set(calls.map((c) => c.headers['x-folio-call-id']))).toEqual(new Set([queued!.id]));
      while ((await store.webhooks.listCalls('folio', hook.id))[0]?.state !== 'succeeded') await pause();
      const log = await store.webhooks.listLog('folio', hook.id);
      expect(log.items.at(0)?.statusCode).toBe(200);
      expect(log.items.slice(1).every((l) => l.statusCode === 500)).toBe(true);

      while ((await store.scheduledActions.list('folio', { environmentId: 'master', statuses: ['scheduled'] })).total > 0) await pause();
      expect((await store.entries.getPublished(scope, 'r2'))?.fields.title).toEqual({ 'en-US': 'Due later' });
    } finally {
      await store.close();
      await receiver.close();
    }
  });
});
