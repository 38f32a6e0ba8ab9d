/**
 * The editor over real HTTP: sessions, CSRF, sign-in limits, and every action for every role
 * (the server refuses; hiding buttons is not enough).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, hashToken , systemActor } from '../../src/auth/index.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/store.js';
import { AdminClient, errorsOf, hiddenInputs } from './admin-client.js';
import { startTestFolio, type TestFolio } from './folio.js';

const password = 'a long enough password';
const scope = { spaceId: 'folio', environmentId: 'master' };
const article = 'article-how-to-learn-python';
const asset = 'image-how-to-learn-python';
let folio: TestFolio;
let store: Store;
const ids: Record<string, string> = {};

beforeAll(async () => {
  folio = await startTestFolio({ FOLIO_ADMIN_EMAIL: 'admin@example.com', FOLIO_ADMIN_PASSWORD: password });
  store = await openStore(folio.storeOptions);
  for (const role of ['editor', 'author', 'viewer']) {
    ids[role] = (await addUser(store, systemActor, { email: `${role}@example.com`, name: role, role, password })).id;
  }
});
afterAll(async () => {
  await store?.close();
  await folio?.destroy();
});

const client = () => new AdminClient(folio.url);
async function signedIn(role: string) {
  const c = client();
  const res = await c.login(`${role}@example.com`, password);
  expect(res.status).toBe(303);
  await c.get('/admin/articles');
  return c;
}

describe('sessions', () => {
  it('sign in sets an HttpOnly, SameSite=Lax cookie on /admin; the database keeps only its hash', async () => {
    const c = client();
    expect((await c.get('/admin/articles')).location).toBe('/admin/login?next=%2Fadmin%2Farticles');
    const res = await c.login('admin@example.com', password);
    expect(res.location).toBe('/admin/articles');
    const cookie = res.headers.getSetCookie().find((l) => l.startsWith('folio_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\/admin(;|$)/);
    expect(cookie).not.toMatch(/Secure/);
    const value = c.cookies.get('folio_session')!;
    expect(await store.sessions.find(hashToken(value))).toBeDefined();
    expect(await store.sessions.find(value)).toBeUndefined();
    expect((await c.get('/admin/articles')).status).toBe(200);
  });

  it('a new session id at every sign-in; sign-out ends it on the server', async () => {
    const c = client();
    await c.login('editor@example.com', password);
    const first = c.cookies.get('folio_session')!;
    await c.login('editor@example.com', password);
    const second = c.cookies.get('folio_session')!;
    expect(second).not.toBe(first);
    expect(await store.sessions.find(hashToken(first))).toBeUndefined();

    const stolen = client();
    stolen.cookies.set('folio_session', second);
    expect((await stolen.get('/admin/articles')).status).toBe(200);
    await c.get('/admin/articles');
    const out = await c.post('/admin/logout');
    expect(out.text).toContain('You have signed out');
    expect((await stolen.get('/admin/articles')).status).toBe(303);
  });

  it('answers the same for an unknown e-mail and a wrong password', async () => {
    const unknown = await client().login('nobody@example.com', 'whatever password');
    const wrong = await client().login('viewer@example.com', 'whatever password');
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(errorsOf(unknown.text)).toEqual(errorsOf(wrong.text));
    expect(unknown.text).toContain('The e-mail or password is not right.');
  });

  it('refuses a sixth failure in 15 minutes for the same IP and e-mail with 429 and Retry-After', async () => {
    await addUser(store, systemActor, { email: 'locked@example.com', name: 'Locked', role: 'viewer', password });
    const c = client();
    await c.get('/admin/login');
    for (let i = 0; i < 5; i++) expect((await c.post('/admin/login', { email: 'locked@example.com', password: 'wrong' })).status).toBe(401);
    const limited = await c.post('/admin/login', { email: 'locked@example.com', password });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(800);
    expect(limited.text).toContain('Too many attempts');
    // Other accounts from the same address are not locked out.
    expect((await client().login('editor@example.com', password)).status).toBe(303);
  });
});

describe('CSRF', () => {
  it('refuses state changes without a token, or with a token from another session', async () => {
    const c = await signedIn('editor');
    const before = (await store.entries.get(scope, article))!.sys.version;
    expect((await c.post('/admin/articles', { _csrf: '' })).status).toBe(403);
    const other = await signedIn('editor');
    const res = await c.post(`/admin/articles/${article}`, { _csrf: other.csrf, version: String(before), title: 'Hijacked', intent: 'save' });
    expect(res.status).toBe(403);
    expect(res.text).toContain('This form has expired');
    const upload = await c.request('POST', '/admin/media/upload', { body: Buffer.from('x'), headers: { 'content-type': 'image/png' } });
    expect(upload.status).toBe(403);
    expect((await store.entries.get(scope, article))!.sys.version).toBe(before);
    // The sign-in form needs its token too.
    expect((await client().post('/admin/login', { _csrf: 'forged', email: 'admin@example.com', password })).status).toBe(403);
  });
});

/** Every action, with what each role gets. */
describe('permissions by role', () => {
  const png = async () => (await import('sharp')).default({ create: { width: 40, height: 30, channels: 3, background: '#c33' } }).png().toBuffer();

  async function attempt(c: AdminClient, action: string): Promise<number> {
    const entry = (await store.entries.get(scope, article))!;
    const media = (await store.assets.get(scope, asset))!;
    const common = { version: String(entry.sys.version), title: String(entry.fields.title!['en-US']), slug: 'how-to-learn-python', description: String(entry.fields.description!['en-US']), publishDate: '2021-09-21', type: 'Article' };
    switch (action) {
      case 'list':
        return (await c.get('/admin/articles')).status;
      case 'create':
        return (await c.post('/admin/articles')).status;
      case 'save':
        return (await c.post(`/admin/articles/${article}`, { ...common, intent: 'save' })).status;
      case 'autosave':
        return (await c.json(`/admin/articles/${article}/autosave`, { version: entry.sys.version, values: common })).status;
      case 'publish':
        return (await c.post(`/admin/articles/${article}`, { ...common, intent: 'publish' })).status;
      case 'unpublish': {
        const status = (await c.post(`/admin/articles/${article}`, { ...common, intent: 'unpublish' })).status;
        if (status === 303) await store.entries.publish(scope, article);
        return status;
      }
      case 'upload':
        return (await c.request('POST', '/admin/media/upload', { body: await png(), headers: { 'content-type': 'image/png', 'x-file-name': 'red.png', 'x-csrf-token': c.csrf, accept: 'application/json' } })).status;
      case 'editAsset':
        return (await c.post(`/admin/media/${asset}`, { version: String(media.sys.version), title: 'Python lab', description: String(media.fields.description!['en-US']), focalX: '0.5', focalY: '0.4' })).status;
      case 'users':
        return (await c.get('/admin/users')).status;
      case 'addUser':
        return (await c.post('/admin/users', { email: `new-${Date.now()}@example.com`, name: 'New', role: 'viewer', password })).status;
      case 'changeRole':
        return (await c.post(`/admin/users/${ids.viewer}/role`, { role: 'viewer' })).status;
      case 'removeUser': {
        const victim = await addUser(store, systemActor, { email: `victim-${Date.now()}@example.com`, name: 'V', role: 'viewer', password });
        return (await c.post(`/admin/users/${victim.id}/delete`)).status;
      }
      case 'tokens':
        return (await c.get('/admin/tokens')).status;
      default:
        throw new Error(action);
    }
  }

  const ok = 200;
  const done = 303;
  const no = 403;
  const expected: Record<string, Record<string, number>> = {
    viewer: { list: ok, create: no, save: no, autosave: no, publish: no, unpublish: no, upload: no, editAsset: no, users: no, addUser: no, changeRole: no, removeUser: no, tokens: ok },
    // Authors create, and change only their own drafts (ownership comes with sys.createdBy).
    author: { list: ok, create: done, save: no, autosave: no, publish: no, unpublish: no, upload: 201, editAsset: no, users: no, addUser: no, changeRole: no, removeUser: no, tokens: ok },
    editor: { list: ok, create: done, save: done, autosave: ok, publish: done, unpublish: done, upload: 201, editAsset: done, users: no, addUser: no, changeRole: no, removeUser: no, tokens: ok },
    admin: { list: ok, create: done, save: done, autosave: ok, publish: done, unpublish: done, upload: 201, editAsset: done, users: ok, addUser: done, changeRole: done, removeUser: done, tokens: ok },
  };

  for (const [role, actions] of Object.entries(expected)) {
    it(`${role}: ${Object.entries(actions).map(([a, s]) => `${a} ${s}`).join(', ')}`, async () => {
      const c = await signedIn(role);
      const got: Record<string, number> = {};
      for (const action of Object.keys(actions)) {
        const versionBefore = (await store.entries.get(scope, article))!.sys.version;
        got[action] = await attempt(c, action);
        if (got[action] === no && ['save', 'autosave', 'publish', 'unpublish'].includes(action)) {
          expect((await store.entries.get(scope, article))!.sys.version, `${role} ${action} changed nothing`).toBe(versionBefore);
        }
        await c.get('/admin/articles');
      }
      expect(got).toEqual(actions);
    });
  }

  it('shows refusals as a 403 page that names the role', async () => {
    const c = await signedIn('viewer');
    const res = await c.get('/admin/users');
    expect(res.status).toBe(403);
    expect(res.text).toContain('Your role (viewer) does not allow it.');
  });
});

describe('editing', () => {
  it('reports a taken slug beside the field and keeps what was typed', async () => {
    const c = await signedIn('editor');
    const created = await c.post('/admin/articles', { title: 'Draft' });
    const id = created.location!.split('/').pop()!.split('?')[0]!;
    await c.get(`/admin/articles/${id}`);
    const res = await c.post(`/admin/articles/${id}`, { version: '1', title: 'My typed title', slug: 'how-to-learn-python', intent: 'save' });
    expect(res.status).toBe(422);
    expect(errorsOf(res.text).join(' ')).toContain('is already used by “How to Learn Python');
    expect(res.text).toContain('value="My typed title"');
    expect(res.text).toContain('aria-invalid="true"');
  });

  it('the article editor shows the comments panel too; a comment comes back to the article', async () => {
    const c = await signedIn('editor');
    const page = await c.get(`/admin/articles/${article}`);
    expect(page.text).toContain('Comments (0)');
    expect(page.text).toContain(`action="/admin/entries/${article}/comments"`);
    expect(page.text).toContain(`@[author](${ids.author})`);
    const added = await c.post(`/admin/entries/${article}/comments`, { body: `Is the intro right, @[author](${ids.author})?` });
    expect(added.location).toMatch(new RegExp(`^/admin/articles/${article}#comment-`));
    const shown = await c.get(added.location!.split('#')[0]!);
    expect(shown.text).toContain('Comments (1)');
    expect(shown.text).toMatch(new RegExp(`Is the intro right, <strong class="mention" data-user="${ids.author}">@author</strong>\\?`));
    // A new article has no comments yet: nothing to comment on.
    expect((await c.get('/admin/articles/new')).text).not.toContain('comments-heading');
  });

  it('a stale version is a conflict: nothing overwritten, the typed values kept', async () => {
    const c = await signedIn('editor');
    const created = await c.post('/admin/articles', { title: 'Draft' });
    const id = created.location!.split('/').pop()!.split('?')[0]!;
    await c.get(`/admin/articles/${id}`);
    const first = await c.json(`/admin/articles/${id}/autosave`, { version: 1, values: { title: 'First', topics: [] } });
    expect(first.status).toBe(200);
    expect(JSON.parse(first.text)).toMatchObject({ version: 2, status: 'draft' });
    const stale = await c.json(`/admin/articles/${id}/autosave`, { version: 1, values: { title: 'Stale', topics: [] } });
    expect(stale.status).toBe(409);
    expect(JSON.parse(stale.text)).toMatchObject({ conflict: true, currentVersion: 2 });
    const page = await c.post(`/admin/articles/${id}`, { version: '1', title: 'Mine, typed offline', intent: 'save' });
    expect(page.status).toBe(409);
    expect(page.text).toContain('Someone else changed this article');
    expect(page.text).toContain('value="Mine, typed offline"');
    expect((await store.entries.get(scope, id))!.fields.title!['en-US']).toBe('First');
  });

  it('publishing needs alt text on every image; the error sits by the image field', async () => {
    const c = await signedIn('editor');
    const sharp = (await import('sharp')).default;
    await c.get('/admin/media');
    const up = await c.request('POST', '/admin/media/upload', {
      body: await sharp({ create: { width: 64, height: 48, channels: 3, background: '#36c' } }).jpeg().toBuffer(),
      headers: { 'content-type': 'image/jpeg', 'x-file-name': encodeURIComponent('blue sky.jpg'), 'x-csrf-token': c.csrf, accept: 'application/json' },
    });
    expect(up.status).toBe(201);
    const assetId = JSON.parse(up.text).id as string;
    expect((await store.assets.get(scope, assetId))!.fields.file!['en-US']).toMatchObject({ fileName: 'blue sky.jpg', contentType: 'image/jpeg' });

    const created = await c.post('/admin/articles', { title: 'Draft' });
    const id = created.location!.split('/').pop()!.split('?')[0]!;
    await c.get(`/admin/articles/${id}`);
    const fields = { title: 'Blue skies', slug: 'blue-skies', description: 'About the sky.', publishDate: '2026-01-02', type: 'News', featuredImage: assetId, topics: ['topic-python'] };
    const refused = await c.post(`/admin/articles/${id}`, { ...fields, version: '1', intent: 'publish' });
    expect(refused.status).toBe(422);
    expect(refused.text).toMatch(/id="f-featuredImage-error">The image “blue sky” has no alt text/);
    expect(refused.text).toContain('saved as a draft, but the article was not published');
    expect((await store.entries.get(scope, id))!.sys.publishedVersion).toBeNull();

    await c.get(`/admin/media/${assetId}`);
    const v = (await store.assets.get(scope, assetId))!.sys.version;
    expect((await c.post(`/admin/media/${assetId}`, { version: String(v), title: 'Blue sky', description: 'A clear blue sky.', focalX: '0.25', focalY: '0.75' })).status).toBe(303);
    const saved = (await store.assets.get(scope, assetId))!;
    expect((saved.fields.file!['en-US'] as { details: { image: unknown } }).details.image).toMatchObject({ width: 64, height: 48, focalPoint: { x: 0.25, y: 0.75 } });

    await c.get(`/admin/articles/${id}`);
    const version = String((await store.entries.get(scope, id))!.sys.version);
    const published = await c.post(`/admin/articles/${id}`, { ...fields, version, intent: 'publish' });
    expect(published.location).toBe(`/admin/articles/${id}?done=published`);
    const hub = await fetch(`${folio.url}/articles/blue-skies`);
    expect(hub.status).toBe(200);
    expect(await hub.text()).toContain('A clear blue sky.');
  });

  it('a refused publish leaves the article’s images unpublished too (one transaction)', async () => {
    const c = await signedIn('editor');
    const sharp = (await import('sharp')).default;
    await c.get('/admin/media');
    const up = await c.request('POST', '/admin/media/upload', {
      body: await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c63' } }).png().toBuffer(),
      headers: { 'content-type': 'image/png', 'x-file-name': 'rust.png', 'x-csrf-token': c.csrf, accept: 'application/json' },
    });
    const assetId = JSON.parse(up.text).id as string;
    // Alt text written as a draft (through the store, so nothing publishes it).
    const draft = (await store.assets.get(scope, assetId))!;
    await store.assets.update(scope, assetId, { fields: { ...draft.fields, description: { 'en-US': 'A rust-coloured square.' } } }, draft.sys.version);
    const id = (await c.post('/admin/articles', { title: 'Draft' })).location!.split('/').pop()!.split('?')[0]!;
    await c.get(`/admin/articles/${id}`);
    // No type: the entry's own validation refuses the publish after the image checks pass.
    const refused = await c.post(`/admin/articles/${id}`, { title: 'Rust', slug: 'rust', description: 'Orange.', publishDate: '2026-01-03', featuredImage: assetId, version: '1', intent: 'publish' });
    expect(refused.status).toBe(422);
    expect((await store.entries.get(scope, id))!.sys.publishedVersion).toBeNull();
    expect((await store.assets.get(scope, assetId))!.sys.publishedVersion).toBeNull();
  });
});

describe('uploads', () => {
  it('records who uploaded an asset, so an author may then edit their own upload', async () => {
    const c = await signedIn('author');
    await c.get('/admin/media');
    const sharp = (await import('sharp')).default;
    const up = await c.request('POST', '/admin/media/upload', {
      body: await sharp({ create: { width: 32, height: 24, channels: 3, background: '#3a6' } }).png().toBuffer(),
      headers: { 'content-type': 'image/png', 'x-file-name': 'green.png', 'x-csrf-token': c.csrf, accept: 'application/json' },
    });
    expect(up.status).toBe(201);
    const id = JSON.parse(up.text).id as string;
    const uploaded = (await store.assets.get(scope, id))!;
    expect(uploaded.sys.createdBy).toBe(ids.author);
    await c.get(`/admin/media/${id}`);
    expect((await c.post(`/admin/media/${id}`, { version: String(uploaded.sys.version), title: 'Green', description: 'A green square.', focalX: '', focalY: '' })).status).toBe(303);
    expect((await store.assets.get(scope, id))!.fields.description!['en-US']).toBe('A green square.');
    // Someone else's upload is not theirs.
    await c.get(`/admin/media/${asset}`);
    expect((await c.post(`/admin/media/${asset}`, { version: '1', title: 'Mine now', description: 'x', focalX: '', focalY: '' })).status).toBe(403);
  });
});

describe('personal access tokens page', () => {
  it('shows a new token once, lists it without the secret, and revokes it', async () => {
    const c = await signedIn('author');
    await c.get('/admin/tokens');
    const made = await c.post('/admin/tokens', { name: 'Laptop', expires: '30' });
    const token = /<code class="token-once">([^<]+)<\/code>/.exec(made.text)![1]!;
    expect(token).toMatch(/^folio_pat_/);
    expect(made.headers.get('cache-control')).toBe('no-store');
    const list = await c.get('/admin/tokens');
    expect(list.text).toContain('Laptop');
    expect(list.text).not.toContain(token);
    const [record] = await store.accessTokens.listForUser(ids.author!);
    expect(record!.tokenHash).toBe(hashToken(token));
    // Someone else cannot revoke it.
    const other = await signedIn('editor');
    expect((await other.post(`/admin/tokens/${record!.id}/revoke`)).status).toBe(404);
    expect((await c.post(`/admin/tokens/${record!.id}/revoke`)).location).toBe('/admin/tokens?done=revoked');
    expect((await store.accessTokens.listForUser(ids.author!))[0]!.revokedAt).not.toBeNull();
  });
});

describe('assets', () => {
  it('serves the script and its editor chunk under hashed URLs with a year-long cache', async () => {
    const c = await signedIn('viewer');
    const page = await c.get(`/admin/articles/${article}`);
    const src = /<script type="module" src="(\/admin\/assets\/app\.[0-9a-f]{12}\.js)"/.exec(page.text)?.[1];
    expect(src, 'run npm run build first').toBeDefined();
    const app = await fetch(folio.url + src);
    expect(app.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const chunk = /"\.\/(chunks\/editor-[A-Z0-9]+\.js)"/.exec(await app.text())?.[1];
    const editor = await fetch(`${folio.url}/admin/assets/${chunk}`);
    expect([editor.status, editor.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8']);
    const css = /<link rel="stylesheet" href="([^"]+)"/.exec(page.text)![1]!;
    expect((await fetch(folio.url + css)).headers.get('cache-control')).toContain('immutable');
  });
});

describe('a form save that lost the race, without JavaScript', () => {
  it('compares the article’s differing fields and saves each chosen value on the latest version', async () => {
    const mine = await signedIn('editor');
    const other = await signedIn('editor');
    const created = await mine.post('/admin/articles', { title: 'Race', description: 'Both start here.' });
    const id = created.location!.split('/').pop()!.split('?')[0]!;
    const start = (await store.entries.get(scope, id))!.sys.version;
    const form = (fields: Record<string, string>) => ({ version: String(start), intent: 'save', title: 'Race', description: 'Both start here.', ...fields });
    expect((await other.post(`/admin/articles/${id}`, form({ title: 'Their race', description: 'Their words.' }))).status).toBe(303);
    const lost = await mine.post(`/admin/articles/${id}`, form({ title: 'My race', description: 'My words.', slug: 'my-race' }));
    expect(lost.status).toBe(409);
    expect(lost.text).toContain('Someone else changed this article');
    // What I typed stays in the form; the three fields that differ are offered.
    expect(lost.text).toContain('value="My race"');
    expect([...lost.text.matchAll(/name="keep\.([^"]+)" value="mine"/g)].map((m) => m[1])).toEqual(['title.en-US', 'slug.en-US', 'description.en-US']);
    const carried = hiddenInputs(lost.text, 'conflict-form');
    const resolved = await mine.post(`/admin/articles/${id}/resolve`, { ...carried, 'keep.title.en-US': 'theirs', 'keep.slug.en-US': 'mine', 'keep.description.en-US': 'mine' });
    expect(resolved.location).toBe(`/admin/articles/${id}?done=saved`);
    const stored = (await store.entries.get(scope, id))!.fields;
    expect([stored.title, stored.slug, stored.description]).toEqual([{ 'en-US': 'Their race' }, { 'en-US': 'my-race' }, { 'en-US': 'My words.' }]);
  });
});

describe('behind https', () => {
  it('marks the session and CSRF cookies Secure when FOLIO_PUBLIC_URL is https', async () => {
    const secure = await startTestFolio({ FOLIO_DEMO: '0', FOLIO_PUBLIC_URL: 'https://cms.example.com', FOLIO_ADMIN_EMAIL: 'admin@example.com', FOLIO_ADMIN_PASSWORD: password });
    try {
      const c = new AdminClient(secure.url);
      const form = await c.get('/admin/login');
      expect(form.headers.getSetCookie().find((l) => l.startsWith('folio_csrf='))).toMatch(/; Secure/);
      const res = await c.post('/admin/login', { email: 'admin@example.com', password });
      expect(res.headers.getSetCookie().find((l) => l.startsWith('folio_session='))).toMatch(/; Secure/);
    } finally {
      await secure.destroy();
    }
  });
});
