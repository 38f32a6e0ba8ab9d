/**
 * Settings → Site over real HTTP against a real Folio (SQLite, demo content): an admin changes the
 * site's name, tagline, language, logo, social image and navigation, and the hub's pages, feeds
 * and structured data show it at once, although the page cache held the old pages. Only admins
 * may change it; every field has a limit; a stale form does not undo a newer save.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, systemActor } from '../../src/auth/index.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/store.js';
import { AdminClient, errorsOf } from './admin-client.js';
import { startTestFolio, type TestFolio } from './folio.js';

const password = 'a long enough password';
let folio: TestFolio;
let store: Store;

beforeAll(async () => {
  folio = await startTestFolio({ FOLIO_ADMIN_EMAIL: 'admin@example.com', FOLIO_ADMIN_PASSWORD: password });
  store = await openStore(folio.storeOptions);
  await addUser(store, systemActor, { email: 'editor@example.com', name: 'Ed', role: 'editor', password });
});
afterAll(async () => {
  await store?.close();
  await folio?.destroy();
});

async function signedIn(email: string) {
  const c = new AdminClient(folio.url);
  expect((await c.login(email, password)).status).toBe(303);
  return c;
}
const hub = async (path: string) => {
  const res = await fetch(folio.url + path);
  return { status: res.status, text: await res.text(), cache: res.headers.get('x-hub-cache') };
};
const jsonLd = (page: string) => [...page.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>);
const scope = { spaceId: 'folio', environmentId: 'master' };
const optionValues = (page: string, selectId: string) =>
  [...(new RegExp(`<select id="${selectId}"[\\s\\S]*?</select>`).exec(page)?.[0] ?? '').matchAll(/<option value="([^"]+)"/g)].map((m) => m[1]!);

describe('site settings', () => {
  it('change the hub header, title, feeds, JSON-LD, og:image, lang and navigation, past the page cache', async () => {
    // The old pages are cached first: the change must reach readers anyway.
    expect((await hub('/')).text).toContain('<a class="brand" href="/" aria-current="page">Folio</a>');
    expect((await hub('/')).cache).toBe('hit');
    await hub('/rss.xml');
    const article = (await store.entries.listPublished(scope, { contentTypeId: 'article', limit: 1 })).items[0]!;
    const articlePath = `/articles/${article.fields.slug!['en-US'] as string}`;
    await hub(articlePath);

    const admin = await signedIn('admin@example.com');
    const form = await admin.get('/admin/site');
    expect(form.status).toBe(200);
    const images = optionValues(form.text, 'f-logo');
    const topics = optionValues(form.text, 'f-nav-1');
    expect(images.length).toBeGreaterThan(0);
    expect(topics.length).toBeGreaterThan(1);
    const saved = await admin.post('/admin/site', {
      version: '0',
      name: 'Northwind Careers',
      tagline: 'Work worth doing',
      language: 'de',
      logo: images[0]!,
      socialImage: images[0]!,
      nav: [topics[1]!, topics[0]!, '', ''],
    });
    expect(saved.status, saved.text).toBe(303);
    expect(saved.location).toBe('/admin/site?done=saved');

    const home = await hub('/');
    expect(home.cache).toBe('miss');
    expect(home.text).toMatch(/<html lang="de">/);
    expect(home.text).toMatch(/<a class="brand has-logo" href="\/" aria-current="page"><img src="[^"]+\?h=64" width="\d+" height="64" alt="">Northwind Careers<\/a>/);
    expect(home.text).toContain('<p class="tagline">Work worth doing</p>');
    expect(home.text).toContain('<title>Northwind Careers – Work worth doing</title>');
    expect(home.text).toMatch(/<meta property="og:image" content="http:\/\/[^"]+\?w=1200&amp;h=630/);
    const website = jsonLd(home.text).find((d) => d['@type'] === 'WebSite')!;
    expect(website.name).toBe('Northwind Careers');
    // The navigation in the order chosen: position 1 first.
    const nav = /<nav class="site-nav" aria-label="Sections"><ul>([\s\S]*?)<\/ul><\/nav>/.exec(home.text)?.[1] ?? '';
    const navTopics = [...nav.matchAll(/href="\/topics\/([^"]+)"/g)].map((m) => m[1]);
    expect(navTopics).toHaveLength(2);
    const slugOf = async (id: string) => (await store.entries.getPublished(scope, id))!.fields.slug!['en-US'] as string;
    expect(navTopics).toEqual([await slugOf(topics[1]!), await slugOf(topics[0]!)]);

    const rss = await hub('/rss.xml');
    expect(rss.text).toContain('<title>Northwind Careers – Work worth doing</title>');
    expect(rss.text).toContain('<language>de</language>');
    expect((await hub('/atom.xml')).text).toContain('xml:lang="de"');
    const articlePage = await hub(articlePath);
    const data = jsonLd(articlePage.text).find((d) => d['@type'] === 'Article')!;
    expect((data.publisher as { name: string }).name).toBe('Northwind Careers');
    expect(articlePage.text).toMatch(/<html lang="de">/);

    // The form shows what was saved, at the new version.
    const again = await admin.get('/admin/site?done=saved');
    expect(again.text).toContain('value="Northwind Careers"');
    expect(again.text).toContain('<input type="hidden" name="version" value="1">');
  });

  it('refuses what breaks the limits, beside each field, and saves nothing', async () => {
    const admin = await signedIn('admin@example.com');
    await admin.get('/admin/site');
    const before = await store.documents.get(scope, 'SiteSettings', 'site');
    const bad = await admin.post('/admin/site', { version: String(before?.version ?? 0), name: 'x'.repeat(61), tagline: 'y'.repeat(121), language: 'not a language', logo: 'no-such-asset', socialImage: '', nav: ['no-such-topic'] });
    expect(bad.status).toBe(422);
    expect(errorsOf(bad.text)).toEqual([
      'Enter a site name of 1 to 60 characters.',
      'Keep the tagline to 120 characters.',
      'Choose a published image from the list.',
      'Choose published topics from the lists.',
      'Enter a language tag such as en, de or pt-BR.',
    ]);
    expect((await store.documents.get(scope, 'SiteSettings', 'site'))?.version).toBe(before?.version);
  });

  it('refuses a stale form instead of undoing a newer save', async () => {
    const admin = await signedIn('admin@example.com');
    await admin.get('/admin/site');
    const stale = await admin.post('/admin/site', { version: '0', name: 'Old tab', tagline: '', language: 'en', logo: '', socialImage: '' });
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('Someone else changed the site settings meanwhile.');
    expect((await hub('/')).text).not.toContain('Old tab');
  });

  it('is for admins only, and needs the CSRF token', async () => {
    const editor = await signedIn('editor@example.com');
    expect((await editor.get('/admin/site')).status).toBe(403);
    await editor.get('/admin/articles');
    const refused = await editor.post('/admin/site', { version: '1', name: 'Taken over', tagline: '', language: 'en', logo: '', socialImage: '' });
    expect(refused.status).toBe(403);
    const admin = await signedIn('admin@example.com');
    await admin.get('/admin/site');
    expect((await admin.post('/admin/site', { _csrf: 'forged', version: '1', name: 'Forged', tagline: '', language: 'en', logo: '', socialImage: '' })).status).toBe(403);
    expect((await hub('/')).text).not.toMatch(/Taken over|Forged/);
  });
});
