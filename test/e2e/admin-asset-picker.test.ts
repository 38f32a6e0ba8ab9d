/**
 * Media fields' server search, over real HTTP: every asset (not the newest 200 the plain select
 * holds), by words in the title or the file name, only of the kinds of file the field allows
 * (its linkMimetypeGroup, read on the server), each named with its file's type and status; a
 * field that is not a media field is refused; the form says which picker to mount.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntryChoices } from '../../src/admin/routes/pickers.js';
import { openStore, type Store } from '../../src/store/index.js';
import { AdminClient } from './admin-client.js';
import { startTestFolio, type TestFolio } from './folio.js';
import { assetFixtures, referenceFixtures } from './reference-fixtures.js';

const password = 'a long enough password';
let folio: TestFolio;
let store: Store;
let admin: AdminClient;
let fixtures: Awaited<ReturnType<typeof assetFixtures>>;

beforeAll(async () => {
  folio = await startTestFolio({ FOLIO_ADMIN_EMAIL: 'admin@example.com', FOLIO_ADMIN_PASSWORD: password });
  store = await openStore(folio.storeOptions);
  await referenceFixtures(store, 0);
  fixtures = await assetFixtures(store, 205);
  admin = await AdminClient.signedIn(folio.url, 'admin@example.com', password);
}, 120_000);
afterAll(async () => {
  await store?.close();
  await folio?.destroy();
});

const search = async (query: string) => {
  const answer = await admin.get(`/admin/pickers/assets?${query}`);
  expect(answer.status).toBe(200);
  return JSON.parse(answer.text) as EntryChoices;
};

describe('media fields search the server', () => {
  it('finds an asset older than the newest 200, of the kinds the field allows, by title or file name', async () => {
    const form = await admin.get(`/admin/entries/${fixtures.gallery}`);
    expect(form.text).toMatch(/<select id="f-cover"[^>]*data-link-field="gallery\/cover" data-link-kind="assets"/);
    expect(form.text).not.toContain(`value="${fixtures.image}"`);

    const cover = await search('field=gallery%2Fcover&q=zebediah');
    expect(cover.items).toEqual([{ id: fixtures.image, title: 'Zebediah portrait', type: 'image/jpeg', status: 'draft' }]);
    const files = await search('field=gallery%2Ffiles&q=zebediah');
    expect(files.items.map((c) => c.id).sort()).toEqual([fixtures.image, fixtures.pdf].sort());
    // A part of the file name finds it too.
    expect((await search('field=gallery%2Ffiles&q=cv.pdf')).items.map((c) => c.id)).toEqual([fixtures.pdf]);
    // Naming them by id (the picker's refresh) answers the same shape.
    expect((await search(`ids=${fixtures.pdf}`)).items).toEqual([{ id: fixtures.pdf, title: 'Zebediah résumé', type: 'application/pdf', status: 'draft' }]);
  });

  it('pages the whole library, 20 at a time', async () => {
    const seen: string[] = [];
    for (let page = 1; ; page++) {
      const found = await search(`field=gallery%2Ffiles&page=${page}`);
      if (found.more) expect(found.items).toHaveLength(20);
      seen.push(...found.items.map((c) => c.id));
      if (!found.more) break;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(207);
    expect(seen).toEqual(expect.arrayContaining([fixtures.image, fixtures.pdf]));
  });

  it('refuses a field that is not a media field', async () => {
    expect((await admin.get('/admin/pickers/assets?field=talk%2Fspeaker')).status).toBe(404);
    expect((await admin.get('/admin/pickers/assets?field=gallery%2Ftitle')).status).toBe(404);
    expect((await admin.get('/admin/pickers/assets?field=nonsense')).status).toBe(400);
  });
});
