/**
 * One operation per verb, seen from its doors over real HTTP: the Management API, the editor and
 * the scheduler refuse the same things in the same words, and the editor's saves change only what
 * its form changed: fields and locales it does not show survive every editor action.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScheduler } from '../../src/scheduling/index.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/store.js';
import { AdminClient, errorsOf } from './admin-client.js';
import { startTestFolio, type TestFolio } from './folio.js';

const password = 'a long enough password';
const token = 'doors-management-token-0123456789';
const scope = { spaceId: 'folio', environmentId: 'master' };
const article = 'article-how-to-learn-python';
let folio: TestFolio;
let store: Store;

beforeAll(async () => {
  folio = await startTestFolio({ FOLIO_ADMIN_EMAIL: 'admin@example.com', FOLIO_ADMIN_PASSWORD: password, FOLIO_MANAGEMENT_TOKEN: token });
  store = await openStore(folio.storeOptions);
}, 120_000);
afterAll(async () => {
  await store?.close();
  await folio?.destroy();
});

/** A Management API call under the space; answers the status and the parsed body. */
const env = '/environments/master';
async function cma(method: string, path: string, body?: unknown, version?: number): Promise<{ status: number; body: any }> {
  const res = await fetch(`${folio.url}/management/spaces/folio${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/vnd.contentful.management.v1+json',
      ...(version !== undefined ? { 'x-contentful-version': String(version) } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

async function editor() {
  const c = new AdminClient(folio.url);
  expect((await c.login('admin@example.com', password)).status).toBe(303);
  await c.get('/admin/articles');
  return c;
}

async function uploadWithoutAlt(c: AdminClient, name: string): Promise<string> {
  await c.get('/admin/media');
  const up = await c.request('POST', '/admin/media/upload', {
    body: await sharp({ create: { width: 48, height: 32, channels: 3, background: '#2a7' } }).png().toBuffer(),
    headers: { 'content-type': 'image/png', 'x-file-name': `${name}.png`, 'x-csrf-token': c.csrf, accept: 'application/json' },
  });
  expect(up.status).toBe(201);
  return JSON.parse(up.text).id as string;
}

const unescape = (s: string) => s.replace(/&#39;|&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');

describe('one publish rule for assets, whichever door asks', () => {
  it('refuses an image without alt text in the Management API, the scheduler and the editor, in the same words', async () => {
    const c = await editor();
    const assetId = await uploadWithoutAlt(c, 'meadow');

    // The Management API.
    const asset = await cma('GET', `${env}/assets/${assetId}`);
    const direct = await cma('PUT', `${env}/assets/${assetId}/published`, undefined, asset.body.sys.version);
    expect(direct.status).toBe(422);
    expect(direct.body.sys.id).toBe('ValidationFailed');
    const [rule] = direct.body.details.errors;
    expect(rule).toMatchObject({ name: 'altText', path: ['fields', 'description', 'en-US'] });
    expect(rule.details).toContain('The image “meadow” has no alt text');

    // The scheduler: made for later, then due, then run by the runner the server uses.
    const scheduled = await cma('POST', '/scheduled_actions', {
      entity: { sys: { type: 'Link', linkType: 'Asset', id: assetId } },
      environment: { sys: { type: 'Link', linkType: 'Environment', id: 'master' } },
      action: 'publish',
      scheduledFor: { datetime: new Date(Date.now() + 3_600_000).toISOString() },
    });
    expect(scheduled.status).toBe(201);
    const action = (await store.scheduledActions.get('folio', scheduled.body.sys.id))!;
    await store.scheduledActions.update('folio', action.id, { ...action, scheduledFor: new Date().toISOString() }, action.version, 'test');
    await createScheduler(store, { pollIntervalMs: 60_000 }).runOnce();
    const ran = (await store.scheduledActions.get('folio', action.id))!;
    expect(ran.status).toBe('failed');
    expect(ran.error).toMatchObject({ sys: { id: 'ValidationFailed' }, details: { errors: [rule] } });
    expect((await store.assets.get(scope, assetId))!.sys.publishedVersion).toBeNull();

    // The editor: saving the details without alt text keeps the image a draft; an article showing it is refused with the same words.
    const details = await c.json(`/admin/media/${assetId}`, { version: String(asset.body.sys.version), title: 'meadow', description: '' });
    expect(JSON.parse(details.text)).toMatchObject({ published: false });
    expect((await store.assets.get(scope, assetId))!.sys.publishedVersion).toBeNull();
    const page = await c.get(`/admin/articles/${article}`);
    expect(page.status).toBe(200);
    const entry = (await store.entries.get(scope, article))!;
    const values = { title: String(entry.fields.title!['en-US']), slug: String(entry.fields.slug!['en-US']), description: String(entry.fields.description!['en-US']), publishDate: String(entry.fields.publishDate!['en-US']).slice(0, 10), type: 'Article', featuredImage: assetId };
    const refused = await c.post(`/admin/articles/${article}`, { ...values, version: String(entry.sys.version), intent: 'publish' });
    expect(refused.status).toBe(422);
    expect(errorsOf(refused.text).map(unescape)).toContain(rule.details);
    expect((await store.assets.get(scope, assetId))!.sys.publishedVersion).toBeNull();
  });
});

describe('editor saves change only what the form changed', () => {
  /** The article form's values, as the page shows them for the entry now. */
  async function formOf(id: string) {
    const entry = (await store.entries.get(scope, id))!;
    const f = (field: string) => entry.fields[field]?.['en-US'];
    const link = (v: unknown) => (v as { sys: { id: string } } | undefined)?.sys.id ?? '';
    return {
      version: entry.sys.version,
      values: {
        title: String(f('title') ?? ''),
        slug: String(f('slug') ?? ''),
        description: String(f('description') ?? ''),
        body: JSON.stringify(f('body')),
        publishDate: String(f('publishDate') ?? '').slice(0, 10),
        type: String(f('type') ?? ''),
        featuredImage: link(f('featuredImage')),
        topics: ((f('topics') as unknown[] | undefined) ?? []).map(link),
        author: link(f('author')),
      },
    };
  }

  it('keeps a field added through the Management API and another locale through autosave, save, publish, schedule and restore', async () => {
    const devops = 'article-devops-team-roles-and-responsibilities';
    // A German locale, a localized title and an SEO title the article form knows nothing about.
    expect((await cma('POST', `${env}/locales`, { name: 'German', code: 'de-DE', fallbackCode: 'en-US', optional: true })).status).toBe(201);
    const type = (await cma('GET', `${env}/content_types/article`)).body;
    const fields = type.fields.map((f: { id: string }) => (f.id === 'title' ? { ...f, localized: true } : f));
    fields.push({ id: 'seoTitle', name: 'SEO title', type: 'Symbol', localized: true, required: false, validations: [] });
    const saved = await cma('PUT', `${env}/content_types/article`, { name: type.name, description: type.description, displayField: type.displayField, fields }, type.sys.version);
    expect(saved.status).toBe(200);
    expect((await cma('PUT', `${env}/content_types/article/published`, undefined, saved.body.sys.version)).status).toBe(200);
    const before = (await cma('GET', `${env}/entries/${devops}`)).body;
    const put = await cma(
      'PUT',
      `${env}/entries/${devops}`,
      { fields: { ...before.fields, title: { ...before.fields.title, 'de-DE': 'DevOps-Rollen' }, seoTitle: { 'en-US': 'DevOps roles in 2026', 'de-DE': 'DevOps-Rollen 2026' } } },
      before.sys.version,
    );
    expect(put.status).toBe(200);
    const survives = async (after: string) => {
      const entry = (await store.entries.get(scope, devops))!;
      expect(entry.fields.seoTitle, after).toEqual({ 'en-US': 'DevOps roles in 2026', 'de-DE': 'DevOps-Rollen 2026' });
      expect(entry.fields.title?.['de-DE'], after).toBe('DevOps-Rollen');
      return entry;
    };

    const c = await editor();
    await c.get(`/admin/articles/${devops}`);
    let form = await formOf(devops);
    const auto = await c.json(`/admin/articles/${devops}/autosave`, { version: form.version, values: { ...form.values, description: 'Edited by autosave.' } });
    expect(auto.status).toBe(200);
    expect((await survives('autosave')).fields.description?.['en-US']).toBe('Edited by autosave.');

    form = await formOf(devops);
    const save = await c.post(`/admin/articles/${devops}`, { ...form.values, title: 'DevOps Team Roles, saved', version: String(form.version), intent: 'save' });
    expect(save.location).toBe(`/admin/articles/${devops}?done=saved`);
    expect((await survives('save')).fields.title?.['en-US']).toBe('DevOps Team Roles, saved');

    form = await formOf(devops);
    const publish = await c.post(`/admin/articles/${devops}`, { ...form.values, version: String(form.version), intent: 'publish' });
    expect(publish.location).toBe(`/admin/articles/${devops}?done=published`);
    expect((await survives('publish')).sys.publishedVersion).not.toBeNull();

    const page = await c.get(`/admin/articles/${devops}`);
    const scheduled = await c.post(`/admin/articles/${devops}/schedule`, { action: 'publish', datetime: new Date(Date.now() + 3_600_000).toISOString(), at: '', timezone: 'UTC' });
    expect(scheduled.status, page.status === 200 ? scheduled.text.slice(0, 300) : '').toBe(303);
    for (const a of (await store.scheduledActions.list('folio', { environmentId: 'master', entityType: 'Entry', entityId: devops, statuses: ['scheduled'], limit: 10 })).items) {
      await store.scheduledActions.update('folio', a.id, { ...a, scheduledFor: new Date().toISOString() }, a.version, 'test');
    }
    await createScheduler(store, { pollIntervalMs: 60_000 }).runOnce();
    await survives('a scheduled publish');

    // The oldest published version predates the German title and the SEO field.
    const history = await c.get(`/admin/articles/${devops}`);
    const oldest = [...history.text.matchAll(/href="\/admin\/articles\/[^/]+\/history\/([^"/]+)"/g)].map((m) => m[1]!).pop()!;
    await c.get(`/admin/articles/${devops}/history/${oldest}`);
    const restored = await c.post(`/admin/articles/${devops}/history/${oldest}/restore`, { version: String((await formOf(devops)).version) });
    expect(restored.location).toBe(`/admin/articles/${devops}?done=restored`);
    expect((await survives('restore')).fields.title?.['en-US']).toBe('DevOps Team Roles and Responsibilities');
  });

  it('autosave stores what is valid and reports what is not: a taken slug does not lose the title, body or date', async () => {
    const c = await editor();
    const created = await c.post('/admin/articles', { title: 'Slug clash' });
    const id = created.location!.split('/').pop()!.split('?')[0]!;
    await c.get(`/admin/articles/${id}`);
    const form = await formOf(id);
    const body = { nodeType: 'document', data: {}, content: [{ nodeType: 'paragraph', data: {}, content: [{ nodeType: 'text', value: 'Words worth keeping.', marks: [], data: {} }] }] };
    const values = { ...form.values, title: 'Learning Python, again', slug: 'how-to-learn-python-again', body: JSON.stringify(body), publishDate: '2026-02-03' };
    await store.entries.create(scope, { contentTypeId: 'article', fields: { title: { 'en-US': 'Abandoned' }, slug: { 'en-US': 'how-to-learn-python-again' } } });
    const answer = await c.json(`/admin/articles/${id}/autosave`, { version: form.version, values });
    expect(answer.status).toBe(200);
    const json = JSON.parse(answer.text);
    expect(json.version).toBe(form.version + 1);
    expect(json.problems).toEqual([expect.objectContaining({ field: 'slug', message: expect.stringContaining('is already used by “Abandoned”') })]);
    const entry = (await store.entries.get(scope, id))!;
    expect(entry.fields.title?.['en-US']).toBe('Learning Python, again');
    expect(entry.fields.body?.['en-US']).toEqual(body);
    expect(entry.fields.publishDate?.['en-US']).toBe('2026-02-03');
    expect(entry.fields.slug).toBeUndefined();
  });
});

describe('new, archive and delete in the editor', () => {
  it('stores nothing for "New article" until there is content; the first autosave with content makes the draft', async () => {
    const c = await editor();
    const before = (await store.entries.list(scope, { contentTypeId: 'article', limit: 0 })).total;
    const opened = await c.post('/admin/articles');
    expect(opened.location).toBe('/admin/articles/new');
    const page = await c.get('/admin/articles/new');
    expect(page.status).toBe(200);
    expect(page.text).toContain('action="/admin/articles"');
    expect((await c.json('/admin/articles/new/autosave', { version: 0, values: { title: '  ', body: '' } })).status).toBe(200);
    expect((await store.entries.list(scope, { contentTypeId: 'article', limit: 0 })).total).toBe(before);

    const first = await c.json('/admin/articles/new/autosave', { version: 0, values: { title: 'Written at last', topics: [] } });
    expect(first.status).toBe(201);
    const made = JSON.parse(first.text);
    expect(made).toMatchObject({ id: expect.any(String), href: `/admin/articles/${made.id}`, version: 1, status: 'draft' });
    expect((await store.entries.get(scope, made.id))!.fields.title).toEqual({ 'en-US': 'Written at last' });
    expect((await store.entries.list(scope, { contentTypeId: 'article', limit: 0 })).total).toBe(before + 1);
  });

  it('archives and deletes an entry after a confirmation, through the operations the Management API uses', async () => {
    const c = await editor();
    const made = await c.post('/admin/articles', { title: 'Short-lived', slug: 'short-lived', intent: 'save' });
    const id = made.location!.split('/').pop()!.split('?')[0]!;
    const edit = await c.get(`/admin/articles/${id}`);
    expect(edit.text).toContain(`href="/admin/articles/${id}/archive"`);
    expect(edit.text).toContain(`href="/admin/articles/${id}/delete"`);

    const ask = await c.get(`/admin/articles/${id}/archive`);
    expect(ask.text).toContain('Archive “Short-lived”?');
    expect((await store.entries.get(scope, id))!.sys.archivedAt).toBeNull();
    const archived = await c.post(`/admin/articles/${id}/archive`, { version: '1' });
    expect(archived.location).toBe(`/admin/articles/${id}?done=archived`);
    expect((await store.entries.get(scope, id))!.sys.archivedAt).not.toBeNull();
    // The Management API sees the same state, and unarchiving is the undo.
    expect((await cma('GET', `${env}/entries/${id}`)).body.sys.archivedVersion).toBe(1);
    const page = await c.get(`/admin/articles/${id}`);
    expect(page.text).toContain('Unarchive');
    expect((await c.post(`/admin/articles/${id}/unarchive`, { version: String((await store.entries.get(scope, id))!.sys.version) })).location).toBe(`/admin/articles/${id}?done=unarchived`);
    expect((await store.entries.get(scope, id))!.sys.archivedAt).toBeNull();

    await c.get(`/admin/articles/${id}/delete`);
    const stale = await c.post(`/admin/articles/${id}/delete`, { version: '1' });
    expect(stale.status).toBe(409);
    expect(await store.entries.get(scope, id)).toBeDefined();
    const deleted = await c.post(`/admin/articles/${id}/delete`, { version: String((await store.entries.get(scope, id))!.sys.version) });
    expect(deleted.location).toBe('/admin/articles?removed=1');
    expect(await store.entries.get(scope, id)).toBeUndefined();
    expect((await cma('GET', `${env}/entries/${id}`)).status).toBe(404);
  });
});
