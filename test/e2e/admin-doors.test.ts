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
