/**
 * Reference fields' server search and inline create, over real HTTP: every entry of the types
 * a field allows (not the newest 200 the plain select holds), title matches first, statuses
 * named, other types never offered; a new linked draft made only of an allowed type, by
 * someone who may create; and a save linking a disallowed type refused beside its field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, systemActor } from '../../src/auth/index.js';
import { patchEntryFields, publishEntry } from '../../src/content/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import type { EntryChoices, CreatedChoice } from '../../src/admin/routes/pickers.js';
import { AdminClient } from './admin-client.js';
import { startTestFolio, type TestFolio } from './folio.js';
import { referenceFixtures, scope } from './reference-fixtures.js';

const password = 'a long enough password';
let folio: TestFolio;
let store: Store;
let admin: AdminClient;
let oldest = '';
let inBio = '';
let plaza = '';
let talk = '';

beforeAll(async () => {
  folio = await startTestFolio({ FOLIO_ADMIN_EMAIL: 'admin@example.com', FOLIO_ADMIN_PASSWORD: password });
  store = await openStore(folio.storeOptions);
  await addUser(store, systemActor, { email: 'viewer@example.com', name: 'Vi', role: 'viewer', password });
  // The oldest person, published then changed; and one who names it only in their bio.
  const fixtures = await referenceFixtures(store, 205, async (id) => {
    const published = await publishEntry(store, scope, { id }, systemActor);
    await patchEntryFields(store, scope, { id, version: published.sys.version, changes: [{ field: 'bio', locale: 'en-US', value: 'First of all.' }] }, systemActor);
  });
  ({ oldest, plaza } = fixtures);
  inBio = await fixtures.make('person', { name: 'Someone Else', bio: 'Met Zebediah once.' });
  admin = await AdminClient.signedIn(folio.url, 'admin@example.com', password);
}, 120_000);
afterAll(async () => {
  await store?.close();
  await folio?.destroy();
});

const search = async (query: string) => {
  const answer = await admin.get(`/admin/pickers/entries?${query}`);
  expect(answer.status).toBe(200);
  return JSON.parse(answer.text) as EntryChoices;
};

describe('reference fields search the server and create inline', () => {
  it('finds an entry older than the newest 200, of the allowed types only, title matches first, with statuses', async () => {
    const form = await admin.get('/admin/entries/new?type=talk');
    // The plain select (the fallback without scripts) holds the newest 200: the oldest is not in it.
    expect(form.text).toMatch(/<select id="f-speaker"[^>]*data-link-field="talk\/speaker"/);
    expect(form.text).not.toContain(`value="${oldest}"`);

    for (const field of ['talk/speaker', 'talk/guests']) {
      const found = await search(`field=${encodeURIComponent(field)}&q=zebediah`);
      expect(found.items.map((c) => c.id)).toEqual([oldest, inBio]);
      expect(found.items[0]).toMatchObject({ title: 'Zebediah Oldname', type: 'Person', status: 'changed' });
      expect(found.items[1]).toMatchObject({ status: 'draft' });
    }
    // Without words: newest first, paged, every one a person.
    const first = await search('field=talk/speaker');
    expect(first.more).toBe(true);
    expect(first.items[0]!.id).toBe(inBio);
    expect(new Set(first.items.map((c) => c.type))).toEqual(new Set(['Person']));
    const last = await search('field=talk/speaker&page=11');
    expect(last.items.at(-1)!.id).toBe(oldest);
    expect(last.more).toBe(false);
    // A field that is not a reference field is not a way around the types.
    expect((await admin.get('/admin/pickers/entries?field=talk/title&q=zebediah')).status).toBe(404);
    // The body editor's picker (no field) still searches every type.
    expect((await search('q=zebediah')).items.map((c) => c.id)).toContain(plaza);
  });

  it('creates a draft of an allowed type for someone who may create, and nothing else', async () => {
    const refused = await admin.json('/admin/pickers/entries/new', { field: 'talk/speaker', type: 'place' });
    expect(refused.status).toBe(422);
    const viewer = await AdminClient.signedIn(folio.url, 'viewer@example.com', password);
    expect((await viewer.json('/admin/pickers/entries/new', { field: 'talk/speaker', type: 'person' })).status).toBe(403);
    const before = (await store.entries.list(scope, { contentTypeId: 'person', limit: 0 })).total;
    const made = await admin.json('/admin/pickers/entries/new', { field: 'talk/guests', type: 'person' });
    expect(made.status).toBe(201);
    const created = JSON.parse(made.text) as CreatedChoice;
    expect(created).toMatchObject({ type: 'Person', status: 'draft', href: `/admin/entries/${created.id}` });
    expect((await store.entries.get(scope, created.id))?.sys.contentTypeId).toBe('person');
    expect((await store.entries.list(scope, { contentTypeId: 'person', limit: 0 })).total).toBe(before + 1);
    expect((await store.entries.list(scope, { contentTypeId: 'place', limit: 0 })).total).toBe(1);
  });

  it('refuses saving a link to a type the field does not allow, beside the field, and saves the rest', async () => {
    const answer = await admin.json('/admin/entries/new/autosave?type=talk', {
      version: 0,
      values: { locale: 'en-US', 'f.title': 'Keynote', 'f.title.shown': '1', 'f.speaker': plaza, 'f.speaker.shown': '1', 'f.guests': [oldest, plaza], 'f.guests.shown': '1' },
    });
    expect(answer.status).toBe(201);
    const body = JSON.parse(answer.text) as { id: string; problems: Array<{ field: string; message: string }> };
    expect(body.problems.map((p) => p.field).sort()).toEqual(['guests', 'speaker']);
    expect(body.problems[0]!.message).toBe(`Linked entry ${plaza} must be of type person`);
    const saved = (await store.entries.get(scope, body.id))!;
    expect(saved.fields.title).toEqual({ 'en-US': 'Keynote' });
    expect(saved.fields.speaker).toBeUndefined();
    expect(saved.fields.guests).toBeUndefined();
    talk = body.id;
  });

  it('without the script, Create new saves the form, makes the draft, links it after the others and comes back', async () => {
    const page = await admin.get(`/admin/entries/${talk}`);
    expect(page.text).toContain(`<button type="submit" name="newLink" value="en-US|guests|person">Create new Person</button>`);
    expect(page.text).not.toContain('value="en-US|guests|place"');
    const version = /name="version" value="(\d+)"/.exec(page.text)![1]!;
    const sent = { _csrf: admin.csrf, version, locale: 'en-US', 'f.title': 'Keynote, again', 'f.title.shown': '1', 'f.guests': [oldest], 'f.guests.shown': '1' };
    const back = await admin.post(`/admin/entries/${talk}`, { ...sent, newLink: 'en-US|guests|person' });
    expect(back.status).toBe(303);
    const made = /done=linked&linked=([\w.-]+)/.exec(back.location ?? '')![1]!;
    expect((await store.entries.get(scope, made))?.sys.contentTypeId).toBe('person');
    const saved = (await store.entries.get(scope, talk))!;
    expect(saved.fields.title).toEqual({ 'en-US': 'Keynote, again' });
    expect((saved.fields.guests?.['en-US'] as Array<{ sys: { id: string } }>).map((l) => l.sys.id)).toEqual([oldest, made]);
    expect((await admin.get(back.location!)).text).toContain(`<a href="/admin/entries/${made}">Edit the new entry</a>`);
    // A type the field does not allow is refused, and nothing is made.
    const before = (await store.entries.list(scope, { limit: 0 })).total;
    const current = /name="version" value="(\d+)"/.exec((await admin.get(`/admin/entries/${talk}`)).text)![1]!;
    expect((await admin.post(`/admin/entries/${talk}`, { ...sent, _csrf: admin.csrf, version: current, newLink: 'en-US|guests|place' })).status).toBe(422);
    expect((await store.entries.list(scope, { limit: 0 })).total).toBe(before);
  });
});
