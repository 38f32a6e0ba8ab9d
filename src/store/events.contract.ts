/**
 * The outbox, webhook and scheduled-action parts of the Store contract; describeStoreContract
 * runs it on SQLite and PostgreSQL with its fresh space per test.
 */
import { describe, expect, it } from 'vitest';
import { FolioError } from '../errors/index.js';
import type { WebhookDefinitionBody } from './event-types.js';
import type { Store } from './store.js';
import type { Scope } from './types.js';

const en = <T>(v: T) => ({ 'en-US': v as never });

const hook: WebhookDefinitionBody = {
  name: 'Build',
  url: 'https://example.com/hook',
  topics: ['Entry.publish'],
  filters: [],
  headers: [{ key: 'X-Token', value: 'abc', secret: true }],
  httpBasicUsername: null,
  httpBasicPassword: null,
  active: true,
  secret: 'a-secret-of-enough-length',
};

async function failure(p: Promise<unknown>): Promise<FolioError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FolioError);
  return err as FolioError;
}

export function describeEventStoreContract(current: () => { store: Store; scope: Scope }) {
  describe('outbox', () => {
    it('appends one event per write, with Contentful topics and the record as written', async () => {
      const { store, scope } = current();
      await store.entries.create(scope, { id: 'e', contentTypeId: 'post', fields: { title: en('One') } });
      await store.entries.update(scope, 'e', { contentTypeId: 'post', fields: { title: en('Two') } });
      const published = await store.entries.publish(scope, 'e');
      await store.entries.unpublish(scope, 'e');
      await store.entries.delete(scope, 'e');
      const asset = await store.assets.create(scope, { fields: {} });
      const events = await store.outbox.list(scope.spaceId);
      expect(events.map((e) => e.topic)).toEqual([
        'ContentManagement.ContentType.create',
        'ContentManagement.Entry.create',
        'ContentManagement.Entry.save',
        'ContentManagement.Entry.publish',
        'ContentManagement.Entry.unpublish',
        'ContentManagement.Entry.delete',
        'ContentManagement.Asset.create',
      ]);
      const [, , save, publish, , del, created] = events;
      expect(save).toMatchObject({ entityType: 'Entry', entityId: 'e', contentTypeId: 'post', environmentId: 'master', entity: { fields: { title: en('Two') } } });
      expect(publish!.entity).toEqual(JSON.parse(JSON.stringify(published)));
      expect(del!.entity).toMatchObject({ sys: { id: 'e', version: 4, publishedVersion: null } });
      expect(created).toMatchObject({ entityType: 'Asset', entityId: asset.sys.id, contentTypeId: null });
      expect(events.map((e) => e.seq)).toEqual([...events.map((e) => e.seq)].sort((a, b) => a - b));
    });

    it('records nothing when the write fails or its transaction rolls back', async () => {
      const { store, scope } = current();
      const before = (await store.outbox.list(scope.spaceId)).length;
      await failure(store.entries.publish(scope, 'ghost'));
      await store
        .transaction(async (tx) => {
          await tx.entries.create(scope, { id: 'x', contentTypeId: 'post', fields: {} });
          throw new Error('boom');
        })
        .catch(() => undefined);
      expect(await store.outbox.list(scope.spaceId)).toHaveLength(before);
    });

    it('hands each undispatched event out once, also to concurrent takers', async () => {
      const { store, scope } = current();
      // Drain whatever other tests left undispatched, then make fresh events.
      while ((await store.transaction((tx) => tx.outbox.takeUndispatched(500))).length > 0);
      for (const id of ['a', 'b', 'c', 'd', 'e', 'f']) await store.entries.create(scope, { id, contentTypeId: 'post', fields: {} });
      const takes = await Promise.all([1, 2, 3].map(() => store.transaction((tx) => tx.outbox.takeUndispatched(4))));
      const taken = takes.flat().filter((e) => e.spaceId === scope.spaceId);
      const rest = await store.transaction((tx) => tx.outbox.takeUndispatched(100));
      const all = [...taken, ...rest.filter((e) => e.spaceId === scope.spaceId)].map((e) => e.entityId).sort();
      expect(all).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
      // A rolled-back take gives its events back.
      await store.entries.create(scope, { id: 'g', contentTypeId: 'post', fields: {} });
      await store
        .transaction(async (tx) => {
          expect((await tx.outbox.takeUndispatched(100)).map((e) => e.entityId)).toContain('g');
          throw new Error('undo');
        })
        .catch(() => undefined);
      expect((await store.transaction((tx) => tx.outbox.takeUndispatched(100))).map((e) => e.entityId)).toContain('g');

      // Pruning drops dispatched events only.
      await store.entries.create(scope, { id: 'h', contentTypeId: 'post', fields: {} });
      await store.outbox.prune(new Date(Date.now() + 60_000).toISOString());
      expect((await store.outbox.list(scope.spaceId)).map((e) => e.entityId)).toEqual(['h']);
    });
  });

  describe('webhooks', () => {
    it('create, read, list, update with versions, delete', async () => {
      const { store, scope } = current();
      const created = await store.webhooks.create(scope.spaceId, { ...hook, id: 'build' }, 'user-1');
      expect(created).toMatchObject({ id: 'build', version: 1, createdBy: 'user-1', headers: hook.headers, active: true });
      expect(await store.webhooks.get(scope.spaceId, 'build')).toEqual(created);
      expect((await failure(store.webhooks.create(scope.spaceId, { ...hook, id: 'build' }, 'u'))).id).toBe('ValidationFailed');
      expect((await failure(store.webhooks.create('ghost-space', hook, 'u'))).id).toBe('NotFound');
      const updated = await store.webhooks.update(scope.spaceId, 'build', { ...hook, name: 'Rebuild', active: false }, 1, 'user-2');
      expect(updated).toMatchObject({ name: 'Rebuild', active: false, version: 2, updatedBy: 'user-2', createdBy: 'user-1' });
      expect((await failure(store.webhooks.update(scope.spaceId, 'build', hook, 1, 'u'))).id).toBe('VersionMismatch');
      expect((await failure(store.webhooks.update(scope.spaceId, 'nope', hook, 1, 'u'))).id).toBe('NotFound');
      await store.webhooks.create(scope.spaceId, hook, 'u');
      expect((await store.webhooks.list(scope.spaceId)).total).toBe(2);
      expect((await store.webhooks.listActive()).filter((w) => w.spaceId === scope.spaceId)).toHaveLength(1);
      await store.webhooks.delete(scope.spaceId, 'build');
      expect(await store.webhooks.get(scope.spaceId, 'build')).toBeUndefined();
      expect((await failure(store.webhooks.delete(scope.spaceId, 'build'))).id).toBe('NotFound');
    });

    it('queue calls once per event, lease each due call to one claimer, log attempts', async () => {
      const { store, scope } = current();
      const { id: webhookId } = await store.webhooks.create(scope.spaceId, hook, 'u');
      const calls = [1, 2, 3, 4, 5].map((seq) => ({ spaceId: scope.spaceId, webhookId, eventSeq: seq, topic: 'ContentManagement.Entry.publish', body: `{"n":${seq}}` }));
      await store.webhooks.enqueueCalls(calls);
      await store.webhooks.enqueueCalls(calls.slice(0, 2));
      expect(await store.webhooks.listCalls(scope.spaceId, webhookId)).toHaveLength(5);

      const at = new Date(Date.now() + 1000).toISOString();
      const claims = await Promise.all([1, 2, 3].map(() => store.webhooks.claimDue(at, 2, 60_000)));
      const mine = claims.flat().filter((c) => c.webhookId === webhookId);
      expect(new Set(mine.map((c) => c.id)).size).toBe(mine.length);
      // Leased calls are not due again until the lease runs out.
      const more = (await store.webhooks.claimDue(at, 10, 60_000)).filter((c) => c.webhookId === webhookId);
      expect(mine.length + more.length).toBe(5);
      const call = [...mine, ...more][0]!;
      expect(call.attempts).toBe(1);

      const log = {
        spaceId: scope.spaceId,
        webhookId,
        callId: call.id,
        attempt: 1,
        topic: call.topic,
        url: hook.url,
        statusCode: 500,
        errors: [],
        request: { url: hook.url, method: 'POST', headers: {}, body: call.body },
        response: { url: hook.url, method: 'POST', headers: {}, body: 'oops', statusCode: 500 },
        requestAt: at,
        responseAt: at,
      };
      expect(await store.webhooks.finishAttempt({ id: call.id, leaseId: 'not-mine' }, { state: 'failed', nextAttemptAt: at }, log)).toBe(false);
      expect(await store.webhooks.finishAttempt({ id: call.id, leaseId: call.leaseId! }, { state: 'pending', nextAttemptAt: at }, log)).toBe(true);
      const again = (await store.webhooks.claimDue(at, 10, 60_000)).filter((c) => c.webhookId === webhookId);
      expect(again.map((c) => [c.id, c.attempts])).toEqual([[call.id, 2]]);
      await store.webhooks.finishAttempt({ id: call.id, leaseId: again[0]!.leaseId! }, { state: 'succeeded', nextAttemptAt: at }, { ...log, attempt: 2, statusCode: 204 });

      const page = await store.webhooks.listLog(scope.spaceId, webhookId);
      expect(page.items.map((l) => [l.attempt, l.statusCode])).toEqual([[2, 204], [1, 500], [1, 500]]);
      expect(await store.webhooks.getLog(scope.spaceId, webhookId, page.items[0]!.id)).toEqual(page.items[0]);
      expect(await store.webhooks.health(scope.spaceId, webhookId)).toEqual({ total: 3, healthy: 1 });
      expect((await store.webhooks.listCalls(scope.spaceId, webhookId)).find((c) => c.id === call.id)?.state).toBe('succeeded');

      // Pruning keeps pending calls and recent attempts.
      expect(await store.webhooks.prune('2000-01-01T00:00:00.000Z')).toEqual({ calls: 0, log: 0 });
      await store.webhooks.prune(new Date(Date.now() + 60_000).toISOString());
      expect((await store.webhooks.listCalls(scope.spaceId, webhookId)).map((c) => c.state)).toEqual(['pending', 'pending', 'pending', 'pending']);
      expect((await store.webhooks.listLog(scope.spaceId, webhookId)).total).toBe(0);
    });
  });

  describe('scheduled actions', () => {
    const body = (at: string) => ({ environmentId: 'master', entityType: 'Entry' as const, entityId: 'e', action: 'publish' as const, scheduledFor: at, timezone: 'Europe/Berlin' });

    it('create, list by status, update, cancel', async () => {
      const { store, scope } = current();
      const a = await store.scheduledActions.create(scope.spaceId, body('2030-01-01T10:00:00.000Z'), 'u');
      const b = await store.scheduledActions.create(scope.spaceId, body('2029-01-01T10:00:00.000Z'), 'u');
      expect(a).toMatchObject({ status: 'scheduled', version: 1, timezone: 'Europe/Berlin' });
      const list = await store.scheduledActions.list(scope.spaceId, { environmentId: 'master', statuses: ['scheduled'] });
      expect(list.items.map((x) => x.id)).toEqual([b.id, a.id]);
      expect((await store.scheduledActions.list(scope.spaceId, { environmentId: 'other' })).total).toBe(0);
      const moved = await store.scheduledActions.update(scope.spaceId, a.id, body('2031-01-01T10:00:00.000Z'), 1, 'v');
      expect(moved).toMatchObject({ version: 2, scheduledFor: '2031-01-01T10:00:00.000Z', updatedBy: 'v' });
      expect((await failure(store.scheduledActions.update(scope.spaceId, a.id, body('2031-01-01T10:00:00.000Z'), 1, 'v'))).id).toBe('VersionMismatch');
      const canceled = await store.scheduledActions.cancel(scope.spaceId, a.id, 'w');
      expect(canceled).toMatchObject({ status: 'canceled', canceledBy: 'w', version: 3 });
      expect((await failure(store.scheduledActions.cancel(scope.spaceId, a.id, 'w'))).id).toBe('BadRequest');
      expect((await store.scheduledActions.list(scope.spaceId, { environmentId: 'master', statuses: ['canceled'] })).items.map((x) => x.id)).toEqual([a.id]);
    });

    it('let exactly one of several finishers move a due action on', async () => {
      const { store, scope } = current();
      const due = await store.scheduledActions.create(scope.spaceId, body('2000-01-01T00:00:00.000Z'), 'u');
      expect((await store.scheduledActions.listDue(new Date().toISOString(), 1000)).map((x) => x.id)).toContain(due.id);
      const wins = await Promise.all([1, 2, 3].map(() => store.transaction((tx) => tx.scheduledActions.finish(scope.spaceId, due.id, 'succeeded'))));
      expect(wins.filter(Boolean)).toHaveLength(1);
      expect(await store.scheduledActions.finish(scope.spaceId, due.id, 'failed', { message: 'late' })).toBe(false);
      expect((await store.scheduledActions.get(scope.spaceId, due.id))?.status).toBe('succeeded');
      expect((await store.scheduledActions.listDue(new Date().toISOString(), 1000)).map((x) => x.id)).not.toContain(due.id);
    });
  });
}
