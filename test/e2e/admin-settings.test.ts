/**
 * The editor's Settings area over real HTTP against a real Folio (SQLite): content types, API
 * keys and webhooks for admins; 403 for every other role and without a CSRF token; refusals
 * beside the fields; and the effects seen through the Delivery API and a real webhook receiver.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser , systemActor } from '../../src/auth/index.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/store.js';
import { verifySignature } from '../../src/webhooks/index.js';
import { startReceiver, type Receiver } from '../../src/webhooks/test-support/receiver.js';
import { AdminClient, errorsOf } from './admin-client.js';
import { startTestFolio, type TestFolio } from './folio.js';

const password = 'a long enough password';
const managementToken = 'management-token-for-settings-tests';
const deliveryToken = 'delivery-token-for-settings-tests';
// The receiver listens on loopback, a private address webhooks may call only when allowed.
const quick = { webhooks: { pollIntervalMs: 25, backoffBaseMs: 20, backoffMaxMs: 100, allowPrivateTargets: true }, scheduling: { pollIntervalMs: 25 } };
let folio: TestFolio;
let store: Store;
let receiver: Receiver;

beforeAll(async () => {
  [folio, receiver] = await Promise.all([
    startTestFolio({ FOLIO_ADMIN_EMAIL: 'admin@example.com', FOLIO_ADMIN_PASSWORD: password, FOLIO_MANAGEMENT_TOKEN: managementToken, FOLIO_DELIVERY_TOKEN: deliveryToken }, undefined, { background: quick }),
    startReceiver(),
  ]);
  store = await openStore(folio.storeOptions);
  for (const role of ['editor', 'author', 'viewer']) await addUser(store, systemActor, { email: `${role}@example.com`, name: role, role, password });
});
afterAll(async () => {
  await receiver?.close();
  await store?.close();
  await folio?.destroy();
});

async function signedIn(role: string) {
  const c = new AdminClient(folio.url);
  expect((await c.login(`${role}@example.com`, password)).status).toBe(303);
  await c.get('/admin/articles');
  return c;
}

const delivery = (path: string, token = deliveryToken, api = 'delivery') =>
  fetch(`${folio.url}/${api}/spaces/folio/environments/master${path}`, { headers: { authorization: `Bearer ${token}` } });
const management = (path: string, init: RequestInit = {}) =>
  fetch(`${folio.url}/management/spaces/folio/environments/master${path}`, {
    ...init,
    headers: { authorization: `Bearer ${managementToken}`, 'content-type': 'application/vnd.contentful.management.v1+json', ...(init.headers as Record<string, string>) },
  });
/** The text of the element with this id on a page. */
const textOf = (page: string, id: string) => new RegExp(`id="${id}"[^>]*>([^<]*)<`).exec(page)?.[1];
const summaryOf = (page: string) => [...page.matchAll(/<div class="error-summary"[\s\S]*?<\/div>/g)].map((m) => m[0]).join('');

describe('navigation', () => {
  it('shows Settings with its sub-navigation to admins only', async () => {
    const admin = await signedIn('admin');
    const page = (await admin.get('/admin/api-keys')).text;
    expect(page).toMatch(/<a href="\/admin\/content-types"( aria-current="page")?>Settings<\/a>/);
    for (const label of ['Content types', 'API keys', 'Webhooks', 'Users']) expect(page).toMatch(new RegExp(`<nav class="subnav"[\\s\\S]*>${label}</a>`));
    for (const role of ['editor', 'author', 'viewer']) {
      const text = (await (await signedIn(role)).get('/admin/articles')).text;
      expect(text).not.toContain('>Settings</a>');
      expect(text).not.toContain('/admin/webhooks');
    }
  });
});

describe('who may', () => {
  for (const role of ['editor', 'author', 'viewer']) {
    it(`${role}: 403 on every settings page and form, and nothing changes`, async () => {
      const c = await signedIn(role);
      const key = (await store.apiKeys.list('folio')).find((k) => k.kind === 'delivery')!;
      for (const path of ['/admin/api-keys', `/admin/api-keys/${key.id}`, `/admin/api-keys/${key.id}/delete`, '/admin/webhooks', '/admin/webhooks/new', '/admin/content-types', '/admin/content-types/article', '/admin/content-types/article/delete', '/admin/content-types/article/fields/title']) {
        const res = await c.get(path);
        expect(res.status, `GET ${path}`).toBe(403);
        expect(res.text).toContain(`Your role (${role}) does not allow it.`);
      }
      const before = { keys: (await store.apiKeys.list('folio')).length, hooks: (await store.webhooks.list('folio')).total, article: (await store.contentTypes.get({ spaceId: 'folio', environmentId: 'master' }, 'article'))!.sys.version };
      const posts: Array<[string, Record<string, string>]> = [
        ['/admin/api-keys', { name: 'Sneaky' }],
        [`/admin/api-keys/${key.id}`, { name: 'Renamed', version: '1' }],
        [`/admin/api-keys/${key.id}/delete`, {}],
        ['/admin/webhooks', { name: 'Sneaky', url: 'http://127.0.0.1:9/x', topics: 'Entry.publish' }],
        ['/admin/content-types', { id: 'sneaky', name: 'Sneaky' }],
        ['/admin/content-types/article', { 'ct-name': 'Post', version: String(before.article) }],
        ['/admin/content-types/article/fields', { 'field-id': 'extra', 'field-name': 'Extra', 'field-type': 'Symbol', version: String(before.article) }],
        ['/admin/content-types/article/deactivate', { version: String(before.article) }],
        ['/admin/content-types/article/delete', { version: String(before.article) }],
      ];
      for (const [path, fields] of posts) expect((await c.post(path, fields)).status, `POST ${path}`).toBe(403);
      expect((await store.apiKeys.list('folio')).length).toBe(before.keys);
      expect((await store.webhooks.list('folio')).total).toBe(before.hooks);
      expect((await store.contentTypes.get({ spaceId: 'folio', environmentId: 'master' }, 'article'))!.sys.version).toBe(before.article);
    });
  }

  it('refuses every settings form without a CSRF token', async () => {
    const c = await signedIn('admin');
    const before = { keys: (await store.apiKeys.list('folio')).length, hooks: (await store.webhooks.list('folio')).total };
    for (const path of ['/admin/api-keys', '/admin/webhooks', '/admin/content-types', '/admin/content-types/article/deactivate']) {
      const res = await c.post(path, { _csrf: '', name: 'No token', id: 'notoken', url: 'http://127.0.0.1:9/', topics: 'Entry.publish' });
      expect(res.status, path).toBe(403);
      expect(res.text).toContain('This form has expired');
    }
    expect((await store.apiKeys.list('folio')).length).toBe(before.keys);
    expect((await store.webhooks.list('folio')).total).toBe(before.hooks);
    expect(await store.contentTypes.get({ spaceId: 'folio', environmentId: 'master' }, 'notoken')).toBeUndefined();
  });
});

describe('API keys', () => {
  it('creates a key that shows its tokens once, edits it, and deleting it revokes both tokens at once', async () => {
    const c = await signedIn('admin');
    const invalid = await c.post('/admin/api-keys', { name: '  ', description: 'Kept' });
    expect(invalid.status).toBe(422);
    expect(errorsOf(invalid.text)).toEqual(['Give the key a name of up to 255 characters.']);
    expect(invalid.text).toContain('>Kept</textarea>');

    const created = await c.post('/admin/api-keys', { name: 'Website', description: 'The public site' });
    expect(created.status).toBe(200);
    const token = textOf(created.text, 'delivery-token')!;
    const previewToken = textOf(created.text, 'preview-token')!;
    expect(token).toMatch(/^[\w-]{43}$/);
    expect(previewToken).toMatch(/^[\w-]{43}$/);
    // Copy-ready client settings for this origin (CONTRACT.md).
    expect(created.text).toContain(`host: &#39;localhost:${new URL(folio.url).port}&#39;,`);
    expect(created.text).toContain('basePath: &#39;delivery&#39;');
    expect(created.text).toContain('basePath: &#39;preview&#39;');
    expect(created.text).toContain('space: &#39;folio&#39;');
    expect((await delivery('/entries?limit=1', token)).status).toBe(200);
    expect((await delivery('/entries?limit=1', previewToken, 'preview')).status).toBe(200);

    const list = await c.get('/admin/api-keys');
    expect(list.text).toContain('The public site');
    expect(list.text).not.toContain(token);
    const id = /href="\/admin\/api-keys\/([^"/]+)">Website</.exec(list.text)![1]!;

    const edit = await c.get(`/admin/api-keys/${id}`);
    const version = /name="version" value="(\d+)"/.exec(edit.text)![1]!;
    const saved = await c.post(`/admin/api-keys/${id}`, { name: 'Site', description: 'Renamed', version });
    expect(saved.location).toBe(`/admin/api-keys/${id}?done=saved`);
    expect((await store.apiKeys.get('folio', id))!).toMatchObject({ name: 'Site', description: 'Renamed' });
    // The page's version is stale now: the editor says so and keeps what was typed.
    const stale = await c.post(`/admin/api-keys/${id}`, { name: 'Stale', description: '', version });
    expect(stale.status).toBe(409);
    expect(summaryOf(stale.text)).toContain('Someone else changed this meanwhile');
    expect(stale.text).toContain('value="Stale"');

    const confirm = await c.get(`/admin/api-keys/${id}/delete`);
    expect(confirm.text).toContain('Delete the API key “Site”?');
    expect((await delivery('/entries?limit=1', token)).status).toBe(200);
    const gone = await c.post(`/admin/api-keys/${id}/delete`);
    expect(gone.location).toBe('/admin/api-keys?done=deleted');
    expect((await delivery('/entries?limit=1', token)).status).toBe(401);
    expect((await delivery('/entries?limit=1', previewToken, 'preview')).status).toBe(401);
    expect((await c.get(`/admin/api-keys/${id}`)).status).toBe(404);
  });
});

describe('webhooks', () => {
  it('shows problems beside the fields with 422 and keeps what was typed', async () => {
    const c = await signedIn('admin');
    await c.get('/admin/webhooks/new');
    const res = await c.post('/admin/webhooks', { name: '', url: 'ftp://example.com/hook', 'header-key-0': 'Content-Type', 'header-value-0': 'x', 'header-key-1': 'X-Token', 'header-secret-1': 'on', 'header-key-2': 'Bad Name', 'header-value-2': 'x', active: 'on' });
    expect(res.status).toBe(422);
    expect(errorsOf(res.text)).toEqual([
      'Give the webhook a name of up to 255 characters.',
      'Enter the address to call: an absolute http:// or https:// URL, without a user name or password in it.',
      'Choose at least one event to send.',
      'Content-Type is set by Folio and cannot be overridden',
      'Enter the header’s value: one line of up to 1,000 characters.',
      'Use a header name of letters, digits and dashes, e.g. X-Api-Key.',
    ]);
    expect(res.text).toMatch(/id="f-header-value-1"[^>]*aria-invalid="true"/);
    expect(res.text).toContain('value="ftp://example.com/hook"');
    expect(res.text).toMatch(/id="f-header-key-0"[^>]*aria-invalid="true"/);
    expect((await store.webhooks.list('folio')).total).toBe(0);
  });

  it('creates a webhook that receives a signed POST when an article is published, logs the call, edits and deletes it', async () => {
    const c = await signedIn('admin');
    await c.get('/admin/webhooks/new');
    const created = await c.post('/admin/webhooks', {
      name: 'Site build',
      url: `${receiver.url}/build`,
      active: 'on',
      topics: ['Entry.publish', 'Entry.unpublish'],
      'env-op': 'is',
      'env-values': 'master',
      'ct-op': 'is',
      'ct-values': 'article',
      'header-key-0': 'X-Build-Key',
      'header-value-0': 'hidden-value',
      'header-secret-0': 'on',
      'header-key-1': 'X-Plain',
      'header-value-1': 'visible',
      'basic-user': 'builder',
      'basic-password': 'pa55word',
    });
    expect(created.status).toBe(200);
    const secret = textOf(created.text, 'signing-secret')!;
    expect(secret).toMatch(/^[\w-]{43}$/);
    const hook = (await store.webhooks.list('folio')).items[0]!;
    expect(hook).toMatchObject({
      name: 'Site build',
      topics: ['Entry.publish', 'Entry.unpublish'],
      filters: [{ equals: [{ doc: 'sys.environment.sys.id' }, 'master'] }, { equals: [{ doc: 'sys.contentType.sys.id' }, 'article'] }],
      headers: [
        { key: 'X-Build-Key', value: 'hidden-value', secret: true },
        { key: 'X-Plain', value: 'visible', secret: false },
      ],
      httpBasicUsername: 'builder',
      secret,
    });
    // The Management API sees the same webhook, without its secrets.
    const viaApi = await (await fetch(`${folio.url}/management/spaces/folio/webhook_definitions/${hook.id}`, { headers: { authorization: `Bearer ${managementToken}` } })).json();
    expect(viaApi).toMatchObject({ name: 'Site build', headers: [{ key: 'X-Build-Key', secret: true }, { key: 'X-Plain', value: 'visible' }] });

    // Publishing an article sends the call; a topic (author) that does not match sends none.
    const entry = await (await management('/entries/article-how-to-learn-python')).json();
    const published = await management('/entries/article-how-to-learn-python/published', { method: 'PUT', headers: { 'x-contentful-version': String(entry.sys.version) } });
    expect(published.status).toBe(200);
    const [call] = await receiver.until((calls) => calls.some((x) => x.path === '/build'));
    expect(call).toMatchObject({ method: 'POST', path: '/build' });
    expect(call!.headers).toMatchObject({ 'x-contentful-topic': 'ContentManagement.Entry.publish', 'x-build-key': 'hidden-value', 'x-plain': 'visible', authorization: `Basic ${Buffer.from('builder:pa55word').toString('base64')}` });
    expect(verifySignature(secret, call!.body, String(call!.headers['x-folio-signature']))).toBe(true);
    expect((call!.json as { sys: { id: string } }).sys.id).toBe('article-how-to-learn-python');

    // The list and the call log show it.
    await expect.poll(async () => (await store.webhooks.listLog('folio', hook.id)).total).toBe(1);
    const list = await c.get('/admin/webhooks');
    expect(list.text).toContain('HTTP 200');
    const log = await c.get(`/admin/webhooks/${hook.id}/calls`);
    expect(log.text).toContain('Entry.publish');
    expect(log.text).toContain('The only call succeeded.');
    const callId = new RegExp(`href="/admin/webhooks/${hook.id}/calls/([^"]+)"`).exec(log.text)![1]!;
    const details = await c.get(`/admin/webhooks/${hook.id}/calls/${callId}`);
    expect(details.status).toBe(200);
    expect(details.text).toContain('<dt>X-Contentful-Topic</dt><dd><code>ContentManagement.Entry.publish</code></dd>');
    expect(details.text).toContain('answered 200');

    // Editing keeps the secret header's value when its box is left empty; a stale version is refused.
    const form = await c.get(`/admin/webhooks/${hook.id}`);
    expect(form.text).not.toContain('hidden-value');
    expect(form.text).not.toContain('pa55word');
    expect(form.text).toMatch(/name="topics" value="Entry\.publish" id="topic-Entry-publish" checked/);
    const version = /name="version" value="(\d+)"/.exec(form.text)![1]!;
    const edit = { name: 'Site rebuild', url: `${receiver.url}/build`, topics: ['Entry.*'], 'env-op': 'is', 'env-values': 'master', 'ct-op': 'not', 'ct-values': 'author, topic', 'header-key-0': 'X-Build-Key', 'header-value-0': '', 'header-secret-0': 'on', 'basic-user': 'builder', version };
    expect((await c.post(`/admin/webhooks/${hook.id}`, edit)).location).toBe(`/admin/webhooks/${hook.id}?done=saved`);
    expect(await store.webhooks.get('folio', hook.id)).toMatchObject({
      name: 'Site rebuild',
      active: false,
      topics: ['Entry.*'],
      filters: [{ equals: [{ doc: 'sys.environment.sys.id' }, 'master'] }, { not: { in: [{ doc: 'sys.contentType.sys.id' }, ['author', 'topic']] } }],
      headers: [{ key: 'X-Build-Key', value: 'hidden-value', secret: true }],
      httpBasicPassword: 'pa55word',
      secret,
    });
    const stale = await c.post(`/admin/webhooks/${hook.id}`, { ...edit, name: 'Stale' });
    expect(stale.status).toBe(409);
    expect(summaryOf(stale.text)).toContain('Someone else changed this meanwhile');

    // A new signing secret is shown once.
    const current = (await store.webhooks.get('folio', hook.id))!;
    const rotated = await c.post(`/admin/webhooks/${hook.id}`, { ...edit, version: String(current.version), 'new-secret': 'on' });
    const newSecret = textOf(rotated.text, 'signing-secret')!;
    expect(newSecret).not.toBe(secret);
    expect((await store.webhooks.get('folio', hook.id))!.secret).toBe(newSecret);

    expect((await c.get(`/admin/webhooks/${hook.id}/delete`)).text).toContain('Delete the webhook “Site rebuild”?');
    expect((await c.post(`/admin/webhooks/${hook.id}/delete`)).location).toBe('/admin/webhooks?done=deleted');
    expect(await store.webhooks.get('folio', hook.id)).toBeUndefined();
    expect((await c.get(`/admin/webhooks/${hook.id}`)).status).toBe(404);
  });
});

describe('content types', () => {
  const scope = { spaceId: 'folio', environmentId: 'master' };
  const versionIn = (page: string) => /name="version" value="(\d+)"/.exec(page)![1]!;

  it('creates a type, adds fields with validations, activates it for the Delivery API, and deletes it', async () => {
    const c = await signedIn('admin');
    await c.get('/admin/content-types');
    const bad = await c.post('/admin/content-types', { name: 'Event', id: 'has space', titleField: '' });
    expect(bad.status).toBe(422);
    expect(errorsOf(bad.text)).toEqual(['Give it an id of 1 to 64 letters, digits, “.”, “-” or “_”.']);
    const taken = await c.post('/admin/content-types', { name: 'Article again', id: 'article' });
    expect(errorsOf(taken.text)).toEqual(['A content type with the id “article” exists already.']);

    const created = await c.post('/admin/content-types', { name: 'Event', id: 'event', description: 'Things that happen', titleField: 'title' });
    expect(created.location).toBe('/admin/content-types/event?done=created');
    let page = await c.get('/admin/content-types/event');
    expect(page.text).toContain('Draft');

    const badField = await c.post('/admin/content-types/event/fields', { version: versionIn(page.text), 'field-id': '1st', 'field-name': 'First', 'field-type': 'Symbol', 'field-pattern': '(' });
    expect(badField.status).toBe(422);
    expect(errorsOf(badField.text)).toEqual(['Give the field an id that starts with a letter and has only letters, digits and “_” (up to 64).', 'This is not a valid regular expression.']);
    const dupe = await c.post('/admin/content-types/event/fields', { version: versionIn(page.text), 'field-id': 'title', 'field-name': 'Title', 'field-type': 'Symbol' });
    expect(errorsOf(dupe.text)).toEqual(['This content type has a field “title” already.']);

    const add = async (fields: Record<string, string>) => {
      page = await c.get('/admin/content-types/event');
      const res = await c.post('/admin/content-types/event/fields', { version: versionIn(page.text), ...fields });
      expect(res.location, JSON.stringify(errorsOf(res.text))).toBe('/admin/content-types/event?done=field');
    };
    await add({ 'field-id': 'kind', 'field-name': 'Kind', 'field-type': 'Symbol', 'field-required': 'on', 'field-in': 'Talk\nWorkshop', 'field-pattern': '^[A-Z]', 'field-flags': 'i', 'field-unique': 'on', 'field-size-max': '40' });
    await add({ 'field-id': 'speakers', 'field-name': 'Speakers', 'field-type': 'Array:Link:Entry', 'field-link-types': 'author', 'field-size-max': '3' });
    await add({ 'field-id': 'tags', 'field-name': 'Tags', 'field-type': 'Array:Symbol', 'field-localized': 'on', 'field-in': 'a\nb' });
    await add({ 'field-id': 'poster', 'field-name': 'Poster', 'field-type': 'Link:Asset' });
    const saved = (await store.contentTypes.get(scope, 'event'))!;
    expect(saved.displayField).toBe('title');
    expect(saved.fields.find((f) => f.id === 'kind')).toMatchObject({ type: 'Symbol', required: true, validations: [{ size: { max: 40 } }, { in: ['Talk', 'Workshop'] }, { regexp: { pattern: '^[A-Z]', flags: 'i' } }, { unique: true }] });
    expect(saved.fields.find((f) => f.id === 'speakers')).toMatchObject({ type: 'Array', items: { type: 'Link', linkType: 'Entry', validations: [{ linkContentType: ['author'] }] }, validations: [{ size: { max: 3 } }] });
    expect(saved.fields.find((f) => f.id === 'tags')).toMatchObject({ type: 'Array', localized: true, items: { type: 'Symbol', validations: [{ in: ['a', 'b'] }] } });
    expect(saved.fields.find((f) => f.id === 'poster')).toMatchObject({ type: 'Link', linkType: 'Asset' });

    page = await c.get('/admin/content-types/event');
    for (const words of ['At most 40 characters', 'One of: Talk, Workshop', 'Matches /^[A-Z]/i', 'Unique', 'Links to: author', 'At most 3 items', 'Each one of: a, b', 'References to entries (Array of Link Entry)']) {
      expect(page.text).toContain(words);
    }
    expect((await delivery('/content_types/event')).status).toBe(404);
    expect((await c.post('/admin/content-types/event/activate', { version: versionIn(page.text) })).location).toBe('/admin/content-types/event?done=activated');
    const delivered = await (await delivery('/content_types')).json();
    const event = (delivered.items as Array<{ sys: { id: string }; name: string; fields: Array<{ id: string }> }>).find((t) => t.sys.id === 'event');
    expect(event).toMatchObject({ name: 'Event', fields: [{ id: 'title' }, { id: 'kind' }, { id: 'speakers' }, { id: 'tags' }, { id: 'poster' }] });
    expect((await c.get('/admin/content-types')).text).toMatch(/href="\/admin\/content-types\/event">Event<\/a>[\s\S]*?Active/);

    // A field of an active type keeps its type: the refusal shows beside the type.
    let field = await c.get('/admin/content-types/event/fields/kind');
    expect(field.text).toMatch(/id="f-field-id"[^>]*readonly[^>]*value="kind"/);
    const retype = await c.post('/admin/content-types/event/fields/kind', { version: versionIn(field.text), 'field-name': 'Kind', 'field-type': 'Integer' });
    expect(retype.status).toBe(422);
    expect(errorsOf(retype.text)).toEqual(['A field of an active content type keeps its type (Symbol). Add a new field instead, or deactivate the content type first.']);
    field = await c.get('/admin/content-types/event/fields/kind');
    expect((await c.post('/admin/content-types/event/fields/kind', { version: versionIn(field.text), 'field-name': 'Kind of event', 'field-type': 'Symbol', 'field-in': 'Talk' })).location).toBe('/admin/content-types/event?done=saved');
    expect((await store.contentTypes.get(scope, 'event'))!.fields.find((f) => f.id === 'kind')).toMatchObject({ name: 'Kind of event', required: false, validations: [{ in: ['Talk'] }] });
    page = await c.get('/admin/content-types/event');
    expect(page.text).toContain('Changed');

    // Removing a field the active version shows hides it first, as Contentful requires.
    expect((await c.post('/admin/content-types/event/fields/poster/remove', { version: versionIn(page.text) })).location).toBe('/admin/content-types/event?done=omitted');
    expect((await store.contentTypes.get(scope, 'event'))!.fields.find((f) => f.id === 'poster')!.omitted).toBe(true);
    page = await c.get('/admin/content-types/event');
    await c.post('/admin/content-types/event/activate', { version: versionIn(page.text) });
    page = await c.get('/admin/content-types/event');
    expect((await c.post('/admin/content-types/event/fields/poster/remove', { version: versionIn(page.text) })).location).toBe('/admin/content-types/event?done=removed');
    expect((await store.contentTypes.get(scope, 'event'))!.fields.map((f) => f.id)).toEqual(['title', 'kind', 'speakers', 'tags']);

    // Stale versions are refused with a message, not a 5xx.
    const stale = await c.post('/admin/content-types/event', { version: versionIn(page.text), 'ct-name': 'Stale', 'ct-display': 'title' });
    expect(stale.status).toBe(409);
    expect(summaryOf(stale.text)).toContain('Someone else changed this meanwhile');

    page = await c.get('/admin/content-types/event');
    expect((await c.post('/admin/content-types/event/deactivate', { version: versionIn(page.text) })).location).toBe('/admin/content-types/event?done=deactivated');
    expect((await delivery('/content_types/event')).status).toBe(404);
    const confirm = await c.get('/admin/content-types/event/delete');
    expect(confirm.text).toContain('Delete the content type “Event”?');
    expect((await c.post('/admin/content-types/event/delete', { version: versionIn(confirm.text) })).location).toBe('/admin/content-types?done=deleted');
    expect(await store.contentTypes.get(scope, 'event')).toBeUndefined();
  });

  it('refuses to delete or deactivate a type that has entries, in words beside the form', async () => {
    const c = await signedIn('admin');
    const confirm = await c.get('/admin/content-types/author/delete');
    const res = await c.post('/admin/content-types/author/delete', { version: versionIn(confirm.text) });
    expect(res.status).toBe(400);
    expect(summaryOf(res.text)).toMatch(/\d+ entr(y uses|ies use) “Author”. A content type stays active while it has entries: delete (that entry|them) first./);
    const page = await c.get('/admin/content-types/author');
    const deactivate = await c.post('/admin/content-types/author/deactivate', { version: versionIn(page.text) });
    expect(deactivate.status).toBe(400);
    expect(summaryOf(deactivate.text)).toContain('A content type stays active while it has entries');
    expect((await store.contentTypes.getPublished(scope, 'author'))).toBeDefined();
  });
});
