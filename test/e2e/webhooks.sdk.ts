/**
 * Webhooks and scheduled actions driven by the official contentful-management client against a
 * running Folio, with a real HTTP receiver on loopback. Run on every store (see the
 * *.sqlite/*.postgres test files). Content is written through the content operations on a
 * second Store over the same database, as the Management API will.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEntry, publishContentType, publishEntry, saveContentType, updateEntry } from '../../src/content/index.js';
import { defineField, openStore, type Store } from '../../src/store/index.js';
import { managementClient } from '../../src/webhooks/test-support/management-client.js';
import { startReceiver, type ReceivedCall, type Receiver } from '../../src/webhooks/test-support/receiver.js';
import { verifySignature } from '../../src/webhooks/index.js';
import { tokenResolvers } from '../../src/auth/index.js';
import { startTestFolio, type TestFolio } from './folio.js';
import { systemActor } from '../../src/auth/index.js';

const token = 'management-token-for-webhook-tests';
const scope = { spaceId: 'folio', environmentId: 'master' };
const en = (v: unknown) => ({ 'en-US': v as never });
// The receiver listens on loopback, a private address webhooks may call only when allowed.
const quick = { webhooks: { pollIntervalMs: 25, backoffBaseMs: 20, backoffMaxMs: 100, allowPrivateTargets: true }, scheduling: { pollIntervalMs: 25 } };

type Client = ReturnType<typeof managementClient>;

export function describeWebhooks(name: string, env: () => Promise<Record<string, string>>) {
  describe(`Webhooks and scheduled actions with contentful-management: ${name}`, () => {
    let folio: TestFolio;
    let store: Store;
    let client: Client;
    let receiver: Receiver;

    beforeAll(async () => {
      folio = await startTestFolio({ FOLIO_MANAGEMENT_TOKEN: token, FOLIO_DEMO: '0', ...(await env()) }, undefined, { background: quick });
      store = await openStore(folio.storeOptions);
      client = managementClient(folio.url, token);
      receiver = await startReceiver();
      const post = { name: 'Post', description: null, displayField: 'title', fields: [defineField('title', 'Symbol', { required: true })] };
      await saveContentType(store, scope, { id: 'post', body: post }, systemActor);
      await publishContentType(store, scope, { id: 'post' }, systemActor);
      await saveContentType(store, scope, { id: 'note', body: { ...post, name: 'Note' } }, systemActor);
      await publishContentType(store, scope, { id: 'note' }, systemActor);
    });
    afterAll(async () => {
      await receiver?.close();
      await store?.close();
      await folio?.destroy();
    });

    const space = () => client.getSpace('folio');
    const path = (p: string) => `${new URL(folio.url).origin}/management/spaces/folio${p}`;
    const api = (p: string, init: RequestInit = {}) =>
      fetch(path(p), { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/vnd.contentful.management.v1+json', ...(init.headers as Record<string, string>) } });
    const hookPath = (c: ReceivedCall) => c.path;

    it('creates, reads, lists, updates and deletes webhook definitions; secrets are not shown again', async () => {
      const sp = await space();
      const created = await sp.createWebhook({
        name: 'Site build',
        url: `${receiver.url}/defs`,
        topics: ['Entry.publish', 'ContentManagement.Asset.*'],
        filters: [{ equals: [{ doc: 'sys.environment.sys.id' }, 'master'] }],
        headers: [
          { key: 'X-Plain', value: 'visible' },
          { key: 'X-Key', value: 'hidden-value', secret: true },
        ],
        httpBasicUsername: 'builder',
        httpBasicPassword: 'pa55word',
      } as never);
      expect(created.sys).toMatchObject({ type: 'WebhookDefinition', version: 1 });
      expect(created.topics).toEqual(['Entry.publish', 'Asset.*']);
      expect((created as unknown as { secret: string }).secret).toMatch(/^[\w-]{43}$/);

      const read = await sp.getWebhook(created.sys.id);
      expect(read.headers).toEqual([{ key: 'X-Plain', value: 'visible' }, { key: 'X-Key', secret: true }]);
      expect(read.httpBasicUsername).toBe('builder');
      expect(read).not.toHaveProperty('httpBasicPassword');
      expect(read).not.toHaveProperty('secret');

      read.name = 'Site rebuild';
      read.active = false;
      const updated = await read.update();
      expect([updated.name, updated.active, updated.sys.version]).toEqual(['Site rebuild', false, 2]);
      const stored = (await store.webhooks.get('folio', created.sys.id))!;
      expect(stored.headers.find((h) => h.key === 'X-Key')?.value).toBe('hidden-value');
      expect([stored.httpBasicPassword, stored.secret]).toEqual(['pa55word', (created as unknown as { secret: string }).secret]);

      const withId = await sp.createWebhookWithId('named-hook', { name: 'Named', url: `${receiver.url}/named`, topics: ['*.*'] } as never);
      expect(withId.sys.id).toBe('named-hook');
      expect((await sp.getWebhooks()).items.map((w) => w.name).sort()).toEqual(['Named', 'Site rebuild']);

      const stale = await api(`/webhook_definitions/named-hook`, { method: 'PUT', headers: { 'x-contentful-version': '7' }, body: JSON.stringify({ name: 'x', url: receiver.url, topics: ['*.*'] }) });
      expect([stale.status, ((await stale.json()) as { sys: { id: string } }).sys.id]).toEqual([409, 'VersionMismatch']);

      await updated.delete();
      await withId.delete();
      await expect(sp.getWebhook(created.sys.id)).rejects.toMatchObject({ name: 'NotFound' });
    });

    it('refuses bad definitions with 422 and details, bad bodies with 400, wrong tokens with 401', async () => {
      const bad = async (body: unknown) => {
        const res = await api('/webhook_definitions', { method: 'POST', body: JSON.stringify(body) });
        const json = (await res.json()) as { sys: { id: string }; details?: { errors: Array<{ path: unknown[] }> } };
        return [res.status, json.sys.id, json.details?.errors.map((e) => e.path.join('.'))];
      };
      expect(await bad({ name: 'x', url: 'ftp://example.com', topics: ['*.*'] })).toEqual([422, 'ValidationFailed', ['url']]);
      expect(await bad({ name: 'x', url: 'https://example.com', topics: ['Entry.explode', 'Nope.*'] })).toEqual([422, 'ValidationFailed', ['topics.0', 'topics.1']]);
      expect(await bad({ name: 'x', url: 'https://example.com', topics: [] })).toEqual([422, 'ValidationFailed', ['topics']]);
      expect(await bad({ url: 'https://example.com', topics: ['*.*'], filters: [{ equals: [{ doc: 'fields.title' }, 'x'] }, { regexp: [{ doc: 'sys.id' }, { pattern: '(' }] }] })).toEqual([
        422,
        'ValidationFailed',
        ['name', 'filters.0', 'filters.1'],
      ]);
      expect(await bad({ name: 'x', url: 'https://example.com', topics: ['*.*'], headers: [{ key: 'Content-Type', value: 'text/plain' }] })).toEqual([422, 'ValidationFailed', ['headers.0.key']]);
      expect(await bad([1, 2])).toEqual([400, 'BadRequest', undefined]);
      const broken = await api('/webhook_definitions', { method: 'POST', body: '{"name":' });
      expect(broken.status).toBe(400);
      const anonymous = await fetch(path('/webhook_definitions'));
      expect([anonymous.status, ((await anonymous.json()) as { sys: { id: string } }).sys.id]).toEqual([401, 'AccessTokenInvalid']);
      const unknownSpace = await fetch(path('/webhook_definitions').replace('/spaces/folio/', '/spaces/ghost/'), { headers: { authorization: `Bearer ${token}` } });
      expect(unknownSpace.status).toBe(404);
      expect((await api('/webhooks/ghost/calls')).status).toBe(404);
    });

    it('delivers signed calls with Contentful headers to the webhooks whose topics and filters match', async () => {
      const sp = await space();
      const posts = await sp.createWebhook({
        name: 'Posts published',
        url: `${receiver.url}/posts`,
        topics: ['Entry.publish'],
        filters: [{ equals: [{ doc: 'sys.contentType.sys.id' }, 'post'] }, { not: { regexp: [{ doc: 'sys.id' }, { pattern: '^draft-' }] } }],
        headers: [{ key: 'X-Key', value: 'hidden-value', secret: true }],
        httpBasicUsername: 'builder',
        httpBasicPassword: 'pa55word',
      } as never);
      const secret = (posts as unknown as { secret: string }).secret;
      const everything = await sp.createWebhook({ name: 'Everything', url: `${receiver.url}/all`, topics: ['*.*'], filters: [{ in: [{ doc: 'sys.id' }, ['p1', 'n1']] }] } as never);

      await createEntry(store, scope, { id: 'p1', contentTypeId: 'post', fields: { title: en('First') } }, systemActor);
      await updateEntry(store, scope, { id: 'p1', fields: { title: en('First, edited') } }, systemActor);
      await publishEntry(store, scope, { id: 'p1' }, systemActor);
      await createEntry(store, scope, { id: 'n1', contentTypeId: 'note', fields: { title: en('A note') } }, systemActor);
      await publishEntry(store, scope, { id: 'n1' }, systemActor);
      await createEntry(store, scope, { id: 'draft-p2', contentTypeId: 'post', fields: { title: en('Skipped') } }, systemActor);
      await publishEntry(store, scope, { id: 'draft-p2' }, systemActor);
      await store.entries.unpublish(scope, 'n1');
      await store.entries.delete(scope, 'n1');

      const calls = await receiver.until((c) => c.filter((x) => x.path === '/all').length >= 7 && c.some((x) => x.path === '/posts'));
      const toPosts = calls.filter((c) => hookPath(c) === '/posts');
      expect(toPosts).toHaveLength(1);
      const [call] = toPosts;
      expect(call!.headers).toMatchObject({
        'x-contentful-topic': 'ContentManagement.Entry.publish',
        'x-contentful-webhook-name': 'Posts published',
        'content-type': 'application/vnd.contentful.management.v1+json',
        'x-key': 'hidden-value',
        authorization: `Basic ${Buffer.from('builder:pa55word').toString('base64')}`,
      });
      expect(verifySignature(secret, call!.body, call!.headers['x-folio-signature'] as string)).toBe(true);
      expect(verifySignature(secret, `${call!.body} `, call!.headers['x-folio-signature'] as string)).toBe(false);
      expect(call!.json).toMatchObject({
        sys: { type: 'Entry', id: 'p1', version: 3, publishedVersion: 2, publishedCounter: 1, contentType: { sys: { id: 'post' } }, environment: { sys: { id: 'master' } } },
        fields: { title: { 'en-US': 'First, edited' } },
      });

      // Calls go out concurrently, so they may arrive in any order (as Contentful's may).
      const all = calls.filter((c) => c.path === '/all');
      expect(all.map((c) => `${c.headers['x-contentful-topic'] as string} ${(c.json as { sys: { id: string } }).sys.id}`).sort()).toEqual([
        'ContentManagement.Entry.create n1',
        'ContentManagement.Entry.create p1',
        'ContentManagement.Entry.delete n1',
        'ContentManagement.Entry.publish n1',
        'ContentManagement.Entry.publish p1',
        'ContentManagement.Entry.save p1',
        'ContentManagement.Entry.unpublish n1',
      ]);
      const unpublished = all.find((c) => c.headers['x-contentful-topic'] === 'ContentManagement.Entry.unpublish');
      expect(unpublished!.json).toEqual({
        sys: expect.objectContaining({ type: 'DeletedEntry', id: 'n1', contentType: { sys: { type: 'Link', linkType: 'ContentType', id: 'note' } }, deletedAt: expect.any(String) }),
      });
      await (await sp.getWebhook(posts.sys.id)).delete();
      await (await sp.getWebhook(everything.sys.id)).delete();
    });

    it('retries a failing receiver with backoff and shows every attempt in getCalls, getCall and getHealth', async () => {
      const sp = await space();
      receiver.answer = (c, i) => (c.path === '/flaky' && receiver.calls.filter((x) => x.path === '/flaky').length < 2 ? 500 : 200) + 0 * i;
      const hook = await sp.createWebhook({ name: 'Flaky', url: `${receiver.url}/flaky`, topics: ['Entry.publish'], filters: [{ equals: [{ doc: 'sys.id' }, 'p3'] }] } as never);
      await createEntry(store, scope, { id: 'p3', contentTypeId: 'post', fields: { title: en('Third') } }, systemActor);
      await publishEntry(store, scope, { id: 'p3' }, systemActor);
      const flaky = (await receiver.until((c) => c.filter((x) => x.path === '/flaky').length >= 3)).filter((x) => x.path === '/flaky');
      expect(new Set(flaky.map((c) => c.headers['x-folio-call-id'])).size).toBe(1);
      expect(new Set(flaky.map((c) => c.body)).size).toBe(1);

      // The receiver answered before Folio logged; wait for the log to show the success.
      let calls = await hook.getCalls();
      while (calls.items.length < 3) calls = await hook.getCalls();
      expect(calls.items.map((c) => c.statusCode)).toEqual([200, 500, 500]);
      expect(calls.items[0]).toMatchObject({ eventType: 'ContentManagement.Entry.publish', url: `${receiver.url}/flaky`, errors: [], sys: { type: 'WebhookCallOverview' } });
      const details = await hook.getCall(calls.items[1]!.sys.id);
      expect(details.request.headers).toMatchObject({ 'X-Contentful-Topic': 'ContentManagement.Entry.publish' });
      expect(JSON.parse(details.request.body)).toMatchObject({ sys: { id: 'p3' } });
      expect(details.response).toMatchObject({ statusCode: 500, body: 'answered 500' });
      expect(await hook.getHealth()).toMatchObject({ calls: { total: 3, healthy: 1 } });
      receiver.answer = () => 200;
      await hook.delete();
    });

    it('schedules publishing and unpublishing, runs due actions, records failures, and cancels', async () => {
      const sp = await space();
      const entity = (id: string) => ({ sys: { type: 'Link', linkType: 'Entry', id } }) as const;
      const environment = { sys: { type: 'Link', linkType: 'Environment', id: 'master' } } as const;
      const later = () => new Date(Date.now() + 3_600_000).toISOString();
      // Actions are made for later (Folio refuses times past), then the clock moves on.
      const due = async (id: string) => {
        const a = (await store.scheduledActions.get('folio', id))!;
        await store.scheduledActions.update('folio', id, { ...a, scheduledFor: new Date().toISOString() }, a.version, 'test');
      };
      await createEntry(store, scope, { id: 'later', contentTypeId: 'post', fields: { title: en('Later') } }, systemActor);
      await createEntry(store, scope, { id: 'invalid', contentTypeId: 'post', fields: {} }, systemActor);
      await createEntry(store, scope, { id: 'never', contentTypeId: 'post', fields: { title: en('Never') } }, systemActor);

      const publish = await sp.createScheduledAction({ entity: entity('later'), environment, action: 'publish', scheduledFor: { datetime: later(), timezone: 'Europe/Berlin' } });
      expect(publish.sys).toMatchObject({ type: 'ScheduledAction', status: 'scheduled', version: 1 });
      expect(publish.scheduledFor.timezone).toBe('Europe/Berlin');
      const failing = await sp.createScheduledAction({ entity: entity('invalid'), environment, action: 'publish', scheduledFor: { datetime: later() } });
      const canceled = await sp.createScheduledAction({ entity: entity('never'), environment, action: 'publish', scheduledFor: { datetime: new Date(Date.now() + 3_600_000).toISOString() } });
      const listed = await sp.getScheduledActions({ 'environment.sys.id': 'master', 'sys.status': 'scheduled' });
      expect(listed.items.map((a) => a.sys.id).sort()).toEqual([publish.sys.id, failing.sys.id, canceled.sys.id].sort());

      const afterCancel = await canceled.delete();
      expect(afterCancel.sys).toMatchObject({ status: 'canceled', canceledAt: expect.any(String) });
      for (const a of [publish, failing]) await due(a.sys.id);

      const settled = async (id: string) => {
        for (;;) {
          const a = await sp.getScheduledAction({ scheduledActionId: id, environmentId: 'master' });
          if (a.sys.status !== 'scheduled') return a;
          await new Promise((r) => setTimeout(r, 50));
        }
      };
      expect((await settled(publish.sys.id)).sys.status).toBe('succeeded');
      expect((await store.entries.getPublished(scope, 'later'))?.fields.title).toEqual(en('Later'));
      const failed = await settled(failing.sys.id);
      expect(failed.sys.status).toBe('failed');
      expect(failed.error).toMatchObject({ sys: { type: 'Error', id: 'ValidationFailed' }, details: { errors: [expect.objectContaining({ name: 'required' })] } });
      expect(await store.entries.getPublished(scope, 'invalid')).toBeUndefined();

      // Unpublishing on schedule, and the status filters as the client sends them.
      const unpublish = await sp.createScheduledAction({ entity: entity('later'), environment, action: 'unpublish', scheduledFor: { datetime: later() } });
      await due(unpublish.sys.id);
      expect((await settled(unpublish.sys.id)).sys.status).toBe('succeeded');
      expect(await store.entries.getPublished(scope, 'later')).toBeUndefined();
      const done = await sp.getScheduledActions({ 'environment.sys.id': 'master', 'sys.status[in]': 'succeeded,failed', order: '-scheduledFor.datetime' });
      expect(done.items.map((a) => a.sys.id).sort()).toEqual([unpublish.sys.id, failing.sys.id, publish.sys.id].sort());
      expect(done.items[0]!.sys.id).toBe(unpublish.sys.id);
      expect((await sp.getScheduledActions({ 'environment.sys.id': 'master', 'sys.status': 'canceled' })).items.map((a) => a.sys.id)).toEqual([canceled.sys.id]);
    });

    it('lets only admins manage webhooks, editors schedule, and viewers read schedules', async () => {
      // Users' tokens resolve through the same hook the users part plugs into.
      const roles = { 'viewer-token-123': 'viewer', 'editor-token-123': 'editor' } as const;
      tokenResolvers.push(async (_store, t) => (t in roles ? { kind: 'user', id: t, role: roles[t as keyof typeof roles] } : undefined));
      const as = (t: string, p: string, init: RequestInit = {}) =>
        fetch(path(p), { ...init, headers: { authorization: `Bearer ${t}`, ...(init.body ? { 'content-type': 'application/json' } : {}) } });
      const body = JSON.stringify({
        entity: { sys: { type: 'Link', linkType: 'Entry', id: 'later' } },
        action: 'publish',
        scheduledFor: { datetime: new Date(Date.now() + 3_600_000).toISOString() },
      });
      const denied = await as('editor-token-123', '/webhook_definitions');
      expect([denied.status, ((await denied.json()) as { sys: { id: string } }).sys.id]).toEqual([403, 'AccessDenied']);
      expect((await as('viewer-token-123', '/scheduled_actions', { method: 'POST', body })).status).toBe(403);
      expect((await as('viewer-token-123', '/scheduled_actions?environment.sys.id=master')).status).toBe(200);
      const scheduled = await as('editor-token-123', '/scheduled_actions', { method: 'POST', body });
      expect(scheduled.status).toBe(201);
      const { sys } = (await scheduled.json()) as { sys: { id: string; createdBy: { sys: { id: string } } } };
      expect(sys.createdBy.sys.id).toBe('editor-token-123');
      expect((await as('editor-token-123', `/scheduled_actions/${sys.id}`, { method: 'DELETE' })).status).toBe(200);
    });

    it('answers malformed queries and ids with 4xx, never 5xx', async () => {
      expect((await api('/webhook_definitions?limit=abc')).status).toBe(400);
      expect((await api('/webhook_definitions?limit=5000')).status).toBe(400);
      const badId = await api('/webhook_definitions/has%20space', { method: 'PUT', body: JSON.stringify({ name: 'x', url: 'https://example.com', topics: ['*.*'] }) });
      expect(badId.status).toBe(422);
      expect((await api('/scheduled_actions?environment.sys.id=master&sys.status=sleeping')).status).toBe(400);
      expect((await api('/scheduled_actions?environment.sys.id=master&order=sys.createdAt')).status).toBe(400);
      expect((await api('/scheduled_actions/ghost')).status).toBe(404);
      expect((await api('/scheduled_actions/ghost', { method: 'PUT', headers: { 'x-contentful-version': '1' }, body: '{}' })).status).toBe(404);
      expect((await api('/webhooks/ghost/calls/nope')).status).toBe(404);
      expect((await api('/webhooks/ghost/health')).status).toBe(404);
    });

    it('refuses bad scheduled actions with 422, and changing a finished one with 400', async () => {
      const post = async (body: unknown) => {
        const res = await api('/scheduled_actions', { method: 'POST', body: JSON.stringify(body) });
        const json = (await res.json()) as { sys: { id: string }; details?: { errors: Array<{ path: string[] }> } };
        return [res.status, json.sys.id, json.details?.errors?.map((e) => e.path.join('.'))];
      };
      const entity = { sys: { type: 'Link', linkType: 'Entry', id: 'later' } };
      const future = new Date(Date.now() + 3_600_000).toISOString();
      expect(await post({ entity, action: 'publish', scheduledFor: { datetime: '2001-01-01T00:00:00Z' } })).toEqual([422, 'ValidationFailed', ['scheduledFor.datetime']]);
      expect(await post({ entity, action: 'archive', scheduledFor: { datetime: future, timezone: 'Mars/Olympus' } })).toEqual([422, 'ValidationFailed', ['action', 'scheduledFor.timezone']]);
      // Contentful answers a missing entity with a 400 and its stock message.
      expect(await post({ entity: { sys: { type: 'Link', linkType: 'Entry', id: 'ghost' } }, action: 'publish', scheduledFor: { datetime: future } })).toEqual([400, 'BadRequest', undefined]);
      expect(await post({ entity, action: 'publish', scheduledFor: { datetime: future }, payload: { withReferences: { Entry: ['archive'] } } })).toEqual([422, 'ValidationFailed', ['payload.withReferences']]);
      expect(await post({ entity, action: 'publish', scheduledFor: { datetime: 'tomorrow' } })).toEqual([422, 'ValidationFailed', ['scheduledFor.datetime']]);
      expect((await api('/scheduled_actions')).status).toBe(400);
      const [finished] = (await store.scheduledActions.list('folio', { environmentId: 'master', statuses: ['succeeded'] })).items;
      const cancel = await api(`/scheduled_actions/${finished!.id}`, { method: 'DELETE' });
      expect([cancel.status, ((await cancel.json()) as { sys: { id: string } }).sys.id]).toEqual([400, 'BadRequest']);
    });

    it('keeps a scheduled action’s payload and publishes the entry with its references when it says withReferences', async () => {
      const sp = await space();
      const linking = { name: 'Linking', description: null, displayField: 'title', fields: [defineField('title', 'Symbol'), defineField('next', 'Link', { linkType: 'Entry' })] };
      await saveContentType(store, scope, { id: 'linking', body: linking }, systemActor);
      await publishContentType(store, scope, { id: 'linking' }, systemActor);
      const link = (id: string) => en({ sys: { type: 'Link', linkType: 'Entry', id } });
      await createEntry(store, scope, { id: 'ref-c', contentTypeId: 'linking', fields: { title: en('C') } }, systemActor);
      await createEntry(store, scope, { id: 'ref-b', contentTypeId: 'linking', fields: { title: en('B'), next: link('ref-c') } }, systemActor);
      await createEntry(store, scope, { id: 'ref-a', contentTypeId: 'linking', fields: { title: en('A'), next: link('ref-b') } }, systemActor);
      await createEntry(store, scope, { id: 'solo-b', contentTypeId: 'linking', fields: { title: en('Solo B') } }, systemActor);
      await createEntry(store, scope, { id: 'solo-a', contentTypeId: 'linking', fields: { title: en('Solo A'), next: link('solo-b') } }, systemActor);
      const payload = { withReferences: { Entry: ['publish'], Asset: ['publish'] } };
      const datetime = new Date(Date.now() + 3_600_000).toISOString();
      const environment = { sys: { type: 'Link', linkType: 'Environment', id: 'master' } } as const;
      const withRefs = await sp.createScheduledAction({ entity: { sys: { type: 'Link', linkType: 'Entry', id: 'ref-a' } }, environment, action: 'publish', scheduledFor: { datetime }, payload } as never);
      expect((withRefs as unknown as { payload: unknown }).payload).toEqual(payload);
      expect(((await sp.getScheduledAction({ scheduledActionId: withRefs.sys.id, environmentId: 'master' })) as unknown as { payload: unknown }).payload).toEqual(payload);
      const plain = await sp.createScheduledAction({ entity: { sys: { type: 'Link', linkType: 'Entry', id: 'solo-a' } }, environment, action: 'publish', scheduledFor: { datetime } });
      for (const id of [withRefs.sys.id, plain.sys.id]) {
        const a = (await store.scheduledActions.get('folio', id))!;
        await store.scheduledActions.update('folio', id, { ...a, scheduledFor: new Date().toISOString() }, a.version, 'test');
      }
      for (const id of [withRefs.sys.id, plain.sys.id]) {
        while ((await sp.getScheduledAction({ scheduledActionId: id, environmentId: 'master' })).sys.status === 'scheduled') await new Promise((r) => setTimeout(r, 50));
      }
      // Every entry down the chain went live; without the payload only the entry itself did.
      for (const id of ['ref-a', 'ref-b', 'ref-c', 'solo-a']) expect((await store.entries.getPublished(scope, id))?.sys.id).toBe(id);
      expect(await store.entries.getPublished(scope, 'solo-b')).toBeUndefined();
    });

    it('publishes a release on schedule, all of it or (with an invalid entry) none of it', async () => {
      const sp = await space();
      for (const [id, title] of [['rs-1', 'One'], ['rs-2', undefined], ['rs-3', 'Three']] as const) {
        await createEntry(store, scope, { id, contentTypeId: 'post', fields: title ? { title: en(title) } : {} }, systemActor);
      }
      const release = async (ids: string[]) => {
        const items = ids.map((id) => ({ sys: { type: 'Link', linkType: 'Entry', id } }));
        const res = await api('/environments/master/releases', { method: 'POST', body: JSON.stringify({ title: ids.join('+'), entities: { sys: { type: 'Array' }, items } }) });
        expect(res.status).toBe(201);
        return ((await res.json()) as { sys: { id: string } }).sys.id;
      };
      const environment = { sys: { type: 'Link', linkType: 'Environment', id: 'master' } } as const;
      const datetime = new Date(Date.now() + 3_600_000).toISOString();
      const schedule = async (releaseId: string) =>
        (await sp.createScheduledAction({ entity: { sys: { type: 'Link', linkType: 'Release', id: releaseId } } as never, environment, action: 'publish', scheduledFor: { datetime } })).sys.id;
      // A change held in the release (Releases v2) goes live with it, not before.
      const goodRelease = await release(['rs-1']);
      const held = await api(`/environments/master/releases/${goodRelease}/entries/rs-1`, {
        method: 'PUT',
        headers: { 'x-contentful-version': String((await store.entries.get(scope, 'rs-1'))!.sys.version) },
        body: JSON.stringify({ fields: { title: en('One, held') } }),
      });
      expect(held.status).toBe(200);
      expect((await store.entries.get(scope, 'rs-1'))!.fields.title).toEqual(en('One'));
      const good = await schedule(goodRelease);
      const bad = await schedule(await release(['rs-3', 'rs-2']));
      for (const id of [good, bad]) {
        const a = (await store.scheduledActions.get('folio', id))!;
        await store.scheduledActions.update('folio', id, { ...a, scheduledFor: new Date().toISOString() }, a.version, 'test');
      }
      const settled = async (id: string) => {
        for (;;) {
          const a = await sp.getScheduledAction({ scheduledActionId: id, environmentId: 'master' });
          if (a.sys.status !== 'scheduled') return a;
          await new Promise((r) => setTimeout(r, 50));
        }
      };
      expect((await settled(good)).sys.status).toBe('succeeded');
      expect((await store.entries.getPublished(scope, 'rs-1'))?.fields.title).toEqual(en('One, held'));
      expect((await settled(bad)).sys.status).toBe('failed');
      expect(await store.entries.getPublished(scope, 'rs-3')).toBeUndefined();
    });
  });
}
