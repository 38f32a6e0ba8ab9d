/**
 * The generic entry editor over real HTTP, as a browser without JavaScript uses it: an `event`
 * type with every field type, made through the content operations, then created, edited in two
 * locales, refused, published (and read back through Delivery) and deleted through /admin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, systemActor } from '../../src/auth/index.js';
import { createLocale, getEditorInterface, patchEntryFields, publishContentType, saveContentType, updateEditorInterface, type EditorInterfaceControl } from '../../src/content/index.js';
import { defineField, openStore, type Store } from '../../src/store/index.js';
import type { FieldDefinition } from '../../src/store/types.js';
import { AdminClient, errorsOf, hiddenInputs } from './admin-client.js';
import { startTestFolio, type TestFolio } from './folio.js';

const password = 'a long enough password';
const deliveryToken = 'delivery-token-for-entry-editor-tests';
const managementToken = 'management-token-for-entry-editor-tests';
const scope = { spaceId: 'folio', environmentId: 'master' };
const asset = 'image-how-to-learn-python';
let folio: TestFolio;
let store: Store;
let speaker = '';

const f = defineField;
const eventFields: FieldDefinition[] = [
  f('title', 'Symbol', { name: 'Title', localized: true, required: true }),
  f('summary', 'Text', { name: 'Summary', localized: true }),
  f('notes', 'Text', { name: 'Notes' }),
  f('attendees', 'Integer', { name: 'Attendees' }),
  f('price', 'Number', { name: 'Price' }),
  f('startsAt', 'Date', { name: 'Starts at' }),
  f('free', 'Boolean', { name: 'Free' }),
  f('kind', 'Symbol', { name: 'Kind', validations: [{ in: ['talk', 'workshop'] }] }),
  f('level', 'Symbol', { name: 'Level', validations: [{ in: ['beginner', 'expert'] }] }),
  f('tags', 'Array', { name: 'Tags', items: { type: 'Symbol', validations: [] } }),
  f('venue', 'Location', { name: 'Venue' }),
  f('extra', 'Object', { name: 'Extra' }),
  f('body', 'RichText', { name: 'Body' }),
  f('speaker', 'Link', { name: 'Speaker', linkType: 'Entry', validations: [{ linkContentType: ['author'] }] }),
  f('related', 'Array', { name: 'Related', items: { type: 'Link', linkType: 'Entry', validations: [] } }),
  f('poster', 'Link', { name: 'Poster', linkType: 'Asset' }),
];

beforeAll(async () => {
  folio = await startTestFolio({ FOLIO_ADMIN_EMAIL: 'admin@example.com', FOLIO_ADMIN_PASSWORD: password, FOLIO_DELIVERY_TOKEN: deliveryToken, FOLIO_MANAGEMENT_TOKEN: managementToken });
  store = await openStore(folio.storeOptions);
  await addUser(store, systemActor, { email: 'author@example.com', name: 'author', role: 'author', password });
  await createLocale(store, scope, { code: 'de-DE', name: 'German', fallbackCode: 'en-US', optional: true, contentDeliveryApi: true, contentManagementApi: true }, systemActor);
  await saveContentType(store, scope, { id: 'event', body: { name: 'Event', description: null, displayField: 'title', fields: eventFields } }, systemActor);
  await publishContentType(store, scope, { id: 'event' }, systemActor);
  const ui = await getEditorInterface(store, scope, 'event', systemActor);
  const controls = (ui.body.controls as unknown as EditorInterfaceControl[]).map((c) =>
    c.fieldId === 'level' ? { ...c, widgetId: 'radio' } : c.fieldId === 'title' ? { ...c, settings: { helpText: 'What the poster says.' } } : c.fieldId === 'notes' ? { ...c, widgetId: 'multipleLine' } : c,
  );
  await updateEditorInterface(store, scope, 'event', { controls }, ui.version, systemActor);
  speaker = (await store.entries.list(scope, { contentTypeId: 'author', limit: 1 })).items[0]!.sys.id;
});
afterAll(async () => {
  await store?.close();
  await folio?.destroy();
});

async function signedIn(who: string) {
  const c = new AdminClient(folio.url);
  expect((await c.login(`${who}@example.com`, password)).status).toBe(303);
  await c.get('/admin/entries');
  return c;
}

/** A form as the editor page sends it: each field named with its "shown" marker. */
function form(values: Record<string, string | string[]>, extra: Record<string, string> = {}) {
  const body: Record<string, string | string[]> = { ...extra };
  for (const [name, value] of Object.entries(values)) {
    body[`f.${name}`] = value;
    body[`f.${name.split('.')[0]}.shown`] = '1';
  }
  return body;
}

const everything = {
  title: 'Folio meetup',
  summary: 'An *evening* of talks.',
  notes: 'Bring\r\na laptop',
  attendees: '120',
  price: '9.5',
  startsAt: '2026-12-31T18:30',
  'startsAt.zone': '+01:00',
  free: 'true',
  kind: 'talk',
  level: 'expert',
  tags: 'meetup, berlin',
  'venue.lat': '52.52',
  'venue.lon': '13.405',
  extra: '{"room": "A1"}',
  body: JSON.stringify({ nodeType: 'document', data: {}, content: [{ nodeType: 'paragraph', data: {}, content: [{ nodeType: 'text', value: 'Hello', marks: [], data: {} }] }] }),
  speaker: '',
  related: [] as string[],
  poster: asset,
};

const events = async () => (await store.entries.list(scope, { contentTypeId: 'event' })).items;
const entryId = (location: string | null) => /\/admin\/entries\/([^/?]+)/.exec(location ?? '')![1]!;

describe('the generic entry editor', () => {
  let id = '';

  it('lists content types in a Content menu and opens a blank form for New without storing a draft', async () => {
    const c = await signedIn('admin');
    const list = await c.get('/admin/entries?type=event');
    expect(list.status).toBe(200);
    expect(list.text).toMatch(/<details class="menu"><summary[^>]*>Content<\/summary>[\s\S]*href="\/admin\/entries\?type=event">Event</);
    expect(list.text).toContain('href="/admin/entries/new?type=event"');
    const page = await c.get('/admin/entries/new?type=event');
    expect(page.status).toBe(200);
    // A widget per field type, with the editor interface's help text and widgets.
    expect(page.text).toContain('What the poster says.');
    expect(page.text).toMatch(/<input type="datetime-local" id="f-startsAt"/);
    expect(page.text).toMatch(/<select id="f-startsAt-zone"/);
    expect(page.text).toMatch(/<select id="f-kind"[^>]*><option value="">Choose a value<\/option><option value="talk">talk<\/option><option value="workshop">/);
    expect(page.text).toMatch(/<input type="radio" name="f\.level" value="expert">/);
    expect(page.text).toMatch(/<input type="number" id="f-attendees" name="f\.attendees" value="" step="1"/);
    expect(page.text).toMatch(/<textarea id="f-notes"/);
    expect(page.text).toMatch(/<textarea id="f-extra"[^>]*class="code"/);
    expect(page.text).toMatch(/name="f\.venue\.lat"/);
    expect(page.text).toMatch(/<select id="f-related" name="f\.related" multiple/);
    expect(page.text).toMatch(/<select id="f-speaker"[^>]*>[\s\S]*?· (Published|Draft)<\/option>/);
    expect(page.text).toMatch(/<input type="radio" name="f\.free" value="true">/);
    expect(await events()).toHaveLength(0);
    // An empty first save makes nothing either.
    const empty = await c.post('/admin/entries/new?type=event', form({ title: '', tags: '' }, { version: '0', locale: 'en-US', intent: 'save' }));
    expect(empty.status).toBe(303);
    expect(empty.location).toBe('/admin/entries/new?type=event&locale=en-US');
    expect(await events()).toHaveLength(0);
  });

  it('creates an event with every field type on the first save', async () => {
    const c = await signedIn('admin');
    await c.get('/admin/entries/new?type=event');
    const saved = await c.post('/admin/entries/new?type=event', form({ ...everything, speaker }, { version: '0', locale: 'en-US', intent: 'save' }));
    expect(saved.status).toBe(303);
    id = entryId(saved.location);
    expect(saved.location).toBe(`/admin/entries/${id}?done=saved`);
    const entry = (await store.entries.get(scope, id))!;
    const v = (field: string) => entry.fields[field]?.['en-US'];
    expect(v('title')).toBe('Folio meetup');
    expect(v('notes')).toBe('Bring\na laptop');
    expect(v('attendees')).toBe(120);
    expect(v('price')).toBe(9.5);
    expect(v('startsAt')).toBe('2026-12-31T18:30+01:00');
    expect(v('free')).toBe(true);
    expect(v('kind')).toBe('talk');
    expect(v('level')).toBe('expert');
    expect(v('tags')).toEqual(['meetup', 'berlin']);
    expect(v('venue')).toEqual({ lat: 52.52, lon: 13.405 });
    expect(v('extra')).toEqual({ room: 'A1' });
    expect((v('body') as { nodeType: string }).nodeType).toBe('document');
    expect(v('speaker')).toEqual({ sys: { type: 'Link', linkType: 'Entry', id: speaker } });
    expect(v('poster')).toEqual({ sys: { type: 'Link', linkType: 'Asset', id: asset } });
    expect(v('related')).toBeUndefined();
    const page = await c.get(saved.location!);
    expect(page.text).toContain('Draft saved.');
    expect(page.text).toMatch(/<input type="datetime-local" id="f-startsAt" name="f\.startsAt" value="2026-12-31T18:30"/);
    expect(page.text).toMatch(/<option value="\+01:00" selected>/);
    expect(page.text).toMatch(/<input type="radio" name="f\.level" value="expert" checked>/);
  });

  it('never touches a field or a locale the form does not show, nor values it shows differently', async () => {
    const type = (await store.contentTypes.get(scope, 'event'))!;
    await saveContentType(store, scope, { id: 'event', body: { name: type.name, description: null, displayField: 'title', fields: [...type.fields, f('seoTitle', 'Symbol', { name: 'SEO title' })] }, version: type.sys.version }, systemActor);
    await publishContentType(store, scope, { id: 'event' }, systemActor);
    const before = (await store.entries.get(scope, id))!;
    const after = await patchEntryFields(
      store,
      scope,
      {
        id,
        version: before.sys.version,
        changes: [
          { field: 'seoTitle', locale: 'en-US', value: 'Meetup in Berlin' },
          { field: 'title', locale: 'de-DE', value: 'Folio-Treffen' },
          { field: 'startsAt', locale: 'en-US', value: '2026-12-31T18:30:15.250+01:00' },
        ],
      },
      systemActor,
    );
    const c = await signedIn('admin');
    await c.get(`/admin/entries/${id}`);
    // The form as it was before seoTitle existed: every other field sent back as shown, one edit.
    const edited = await c.post(`/admin/entries/${id}`, form({ ...everything, speaker, title: 'Folio meetup 2026', notes: 'Bring\r\na laptop' }, { version: String(after.sys.version), locale: 'en-US', intent: 'save' }));
    expect(edited.status).toBe(303);
    const entry = (await store.entries.get(scope, id))!;
    expect(entry.fields.title).toEqual({ 'en-US': 'Folio meetup 2026', 'de-DE': 'Folio-Treffen' });
    expect(entry.fields.seoTitle).toEqual({ 'en-US': 'Meetup in Berlin' });
    // Shown as 18:30 (+01:00), sent back unchanged: the seconds stay.
    expect(entry.fields.startsAt).toEqual({ 'en-US': '2026-12-31T18:30:15.250+01:00' });
    expect(entry.sys.version).toBe(after.sys.version + 1);
  });

  it('edits one locale at a time, with the fallback shown where the locale is empty', async () => {
    const c = await signedIn('admin');
    const page = await c.get(`/admin/entries/${id}?locale=de-DE`);
    expect(page.text).toMatch(/<a href="\/admin\/entries\/[^"]+\?locale=de-DE" aria-current="page">German \(de-DE\)/);
    expect(page.text).toMatch(/<input type="text" id="f-title" name="f\.title" value="Folio-Treffen"/);
    expect(page.text).toMatch(/<textarea id="f-summary" name="f\.summary" rows="\d+"[^>]* placeholder="An \*evening\* of talks\.">/);
    expect(page.text).toContain('Empty here: readers see the en-US value.');
    // Fields that are not localized are not on the German form.
    expect(page.text).not.toContain('name="f.attendees.shown"');
    const version = Number(/name="version" value="(\d+)"/.exec(page.text)![1]);
    const saved = await c.post(`/admin/entries/${id}`, form({ title: 'Folio-Treffen', summary: 'Ein Abend mit Vorträgen.', attendees: '5' }, { version: String(version), locale: 'de-DE', intent: 'save' }));
    expect(saved.location).toBe(`/admin/entries/${id}?locale=de-DE&done=saved`);
    const entry = (await store.entries.get(scope, id))!;
    expect(entry.fields.summary).toEqual({ 'en-US': 'An *evening* of talks.', 'de-DE': 'Ein Abend mit Vorträgen.' });
    expect(entry.fields.attendees).toEqual({ 'en-US': 120 });
  });

  it('shows refusals beside their fields in the API’s words and keeps everything else', async () => {
    const c = await signedIn('admin');
    let page = await c.get(`/admin/entries/${id}`);
    let version = /name="version" value="(\d+)"/.exec(page.text)![1]!;
    // A value the form cannot read is left out and reported; the other changes are saved.
    const unreadable = await c.post(`/admin/entries/${id}`, form({ attendees: 'many', price: '12', notes: 'Doors at 18:00' }, { version, locale: 'en-US', intent: 'save' }));
    expect(unreadable.status).toBe(422);
    expect(unreadable.text).toMatch(/<input type="number" id="f-attendees" name="f\.attendees" value="many"[\s\S]*?id="f-attendees-error">Enter a whole number, such as 42\.</);
    expect(unreadable.text).toContain('Your other changes were saved as a draft');
    let entry = (await store.entries.get(scope, id))!;
    expect(entry.fields.notes).toEqual({ 'en-US': 'Doors at 18:00' });
    expect(entry.fields.price).toEqual({ 'en-US': 12 });
    expect(entry.fields.attendees).toEqual({ 'en-US': 120 });

    // The publish rules' refusals (required, `in`), beside their fields, in the API's words.
    page = await c.get(`/admin/entries/${id}`);
    version = /name="version" value="(\d+)"/.exec(page.text)![1]!;
    const refused = await c.post(`/admin/entries/${id}`, form({ title: '', kind: 'party', notes: 'Doors at 18:30' }, { version, locale: 'en-US', intent: 'publish' }));
    expect(refused.status).toBe(422);
    const errors = errorsOf(refused.text).map((e) => e.replaceAll('&quot;', '"'));
    expect(errors).toContain('The property "title" is required here');
    expect(errors).toContain('Value must be one of ["talk","workshop"]');
    expect(refused.text).toContain('Your changes were saved as a draft, but the entry was not published.');
    expect(refused.text).toMatch(/<div class="field invalid" data-field="title"[\s\S]*?id="f-title-error">The property &quot;title&quot; is required here</);
    expect(refused.text).toMatch(/<div class="field invalid" data-field="kind"[\s\S]*?<option value="party" selected>party<\/option>[\s\S]*?id="f-kind-error">/);
    entry = (await store.entries.get(scope, id))!;
    expect(entry.sys.publishedVersion).toBeNull();
    expect(entry.fields.notes).toEqual({ 'en-US': 'Doors at 18:30' });
    expect(entry.fields.attendees).toEqual({ 'en-US': 120 });
    expect(entry.fields.seoTitle).toEqual({ 'en-US': 'Meetup in Berlin' });
    expect(entry.fields.title).toEqual({ 'de-DE': 'Folio-Treffen' });
  });

  it('an author cannot publish: refused before anything is saved', async () => {
    const c = await signedIn('author');
    const page = await c.get(`/admin/entries/${id}`);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('value="publish"');
    const before = (await store.entries.get(scope, id))!;
    const res = await c.post(`/admin/entries/${id}`, form({ title: 'Mine now', kind: 'talk' }, { version: String(before.sys.version), locale: 'en-US', intent: 'publish' }));
    expect(res.status).toBe(403);
    const after = (await store.entries.get(scope, id))!;
    expect(after.sys.version).toBe(before.sys.version);
    expect(after.sys.publishedVersion).toBeNull();
  });

  it('publishes, and Delivery serves what the editor saved', async () => {
    const c = await signedIn('admin');
    const page = await c.get(`/admin/entries/${id}`);
    const version = /name="version" value="(\d+)"/.exec(page.text)![1]!;
    const published = await c.post(`/admin/entries/${id}`, form({ title: 'Folio meetup 2026', kind: 'workshop', attendees: '80' }, { version, locale: 'en-US', intent: 'publish' }));
    expect(published.status).toBe(303);
    expect(published.location).toBe(`/admin/entries/${id}?done=published`);
    const res = await fetch(`${folio.url}/delivery/spaces/folio/environments/master/entries/${id}?locale=*`, { headers: { authorization: `Bearer ${deliveryToken}` } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { fields: Record<string, Record<string, unknown>>; sys: { contentType: { sys: { id: string } } } };
    expect(body.sys.contentType.sys.id).toBe('event');
    expect(body.fields.title).toEqual({ 'en-US': 'Folio meetup 2026', 'de-DE': 'Folio-Treffen' });
    expect(body.fields.kind).toEqual({ 'en-US': 'workshop' });
    expect(body.fields.attendees).toEqual({ 'en-US': 80 });
    expect(body.fields.venue).toEqual({ 'en-US': { lat: 52.52, lon: 13.405 } });
    expect(body.fields.seoTitle).toEqual({ 'en-US': 'Meetup in Berlin' });
  });

  it('lists entries of a type and across types, with search and status filters', async () => {
    const c = await signedIn('admin');
    const byType = await c.get('/admin/entries?type=event&status=published');
    expect(byType.text).toContain(`href="/admin/entries/${id}">Folio meetup 2026</a>`);
    expect(byType.text).toContain('<span class="badge published">Published</span>');
    expect((await c.get('/admin/entries?type=event&status=draft')).text).toContain('No entries match these filters.');
    const across = await c.get('/admin/entries?q=meetup');
    expect(across.text).toMatch(new RegExp(`href="/admin/entries/${id}">Folio meetup 2026</a></td>\\s*<td>Event</td>`));
    expect((await c.get('/admin/entries?q=nowhere-to-be-found')).text).toContain('No entries match these filters.');
    // Articles keep their own editor.
    const article = 'article-how-to-learn-python';
    expect((await c.get(`/admin/entries/${article}`)).location).toBe(`/admin/articles/${article}`);
  });

  it('shows comments beside the entry, with mentions, and lists them for the person mentioned', async () => {
    const c = await signedIn('admin');
    const author = (await store.users.findByEmail('author@example.com'))!;
    const page = await c.get(`/admin/entries/${id}`);
    expect(page.text).toContain('Comments (0)');
    expect(page.text).toContain(`@[author](${author.id})`);
    const added = await c.post(`/admin/entries/${id}/comments`, { body: `Can you check the venue, @[author](${author.id})?\nThanks` });
    expect(added.status).toBe(303);
    const shown = await c.get(added.location!);
    expect(shown.text).toContain('Comments (1)');
    expect(shown.text).toMatch(new RegExp(`Can you check the venue, <strong class="mention" data-user="${author.id}">@author</strong>\\?<br>Thanks`));
    // Stored as Contentful's rich text with a mention node.
    const stored = (await store.documents.list(scope, 'Comment', { parentId: `Entry:${id}` })).items[0]!;
    expect(stored.body.mentions).toEqual([author.id]);
    // The author finds it under Mentions; the admin, not mentioned, does not.
    const mentioned = await signedIn('author');
    const mentions = await mentioned.get('/admin/mentions');
    expect(mentions.text).toContain(`href="/admin/entries/${id}#comment-${stored.id}"`);
    expect(mentions.text).toContain('<strong class="mention"');
    expect((await c.get('/admin/mentions')).text).toContain('Nobody has mentioned you in a comment yet.');
    // Mentioning someone who does not exist is refused with the API's words.
    const refused = await c.post(`/admin/entries/${id}/comments`, { body: '@[ghost](nobody-here)' });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('There is no user');
  });

  it('deletes only after a confirmation', async () => {
    const c = await signedIn('admin');
    const confirm = await c.get(`/admin/entries/${id}/delete`);
    expect(confirm.status).toBe(200);
    expect(confirm.text).toContain('Delete “Folio meetup 2026”?');
    expect(await store.entries.get(scope, id)).toBeDefined();
    const version = /name="version" value="(\d+)"/.exec(confirm.text)![1]!;
    const done = await c.post(`/admin/entries/${id}/delete`, { version });
    expect(done.status).toBe(303);
    expect(done.location).toBe('/admin/entries?type=event&removed=1');
    expect(await store.entries.get(scope, id)).toBeUndefined();
  });
});

/** The Management API, as a team's scripts use it. */
async function cma(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const res = await fetch(`${folio.url}/spaces/folio/environments/master${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${managementToken}`, 'content-type': 'application/vnd.contentful.management.v1+json', ...init.headers },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  return (await res.json()) as { sys: { id: string; version: number }; fields: Record<string, Record<string, unknown>> };
}

describe('a form save that lost the race, without JavaScript', () => {
  it('compares the fields that differ and applies each choice to the latest version, leaving unshown fields and other locales alone', async () => {
    const mine = await signedIn('admin');
    const other = await signedIn('admin');
    const made = await cma('/entries', { method: 'POST', headers: { 'x-contentful-content-type': 'event' }, body: { fields: { title: { 'en-US': 'Start', 'de-DE': 'Anfang' }, summary: { 'en-US': 'Same' }, notes: { 'en-US': 'Old notes' } } } });
    const { id, version } = made.sys;
    // Both open the form at this version; the other saves first.
    const theirs = await other.post(`/admin/entries/${id}`, form({ title: 'Their title', notes: 'Their notes' }, { version: String(version), locale: 'en-US', intent: 'save' }));
    expect(theirs.status).toBe(303);
    // Meanwhile a script sets a field the form does not show.
    const latest = await cma(`/entries/${id}`);
    await cma(`/entries/${id}`, { method: 'PUT', headers: { 'x-contentful-version': String(latest.sys.version) }, body: { fields: { ...latest.fields, price: { 'en-US': 7 } } } });

    const lost = await mine.post(`/admin/entries/${id}`, form({ title: 'My title', summary: 'Same', notes: 'My notes' }, { version: String(version), locale: 'en-US', intent: 'save' }));
    expect(lost.status).toBe(409);
    expect(lost.text).toContain('Someone else changed this entry');
    expect(lost.text).toContain('2 fields differ');
    // Title and notes differ; the summary is the same in both and is not offered.
    expect([...lost.text.matchAll(/name="keep\.([^"]+)" value="mine"/g)].map((m) => m[1])).toEqual(['title.en-US', 'notes.en-US']);
    expect(lost.text).toMatch(/<del><span class="visually-hidden">\[removed: <\/span>Their<span class="visually-hidden">\]<\/span><\/del>/);
    const carried = hiddenInputs(lost.text, 'conflict-form');
    expect(carried['mine.title.en-US']).toBe('"My title"');

    const resolved = await mine.post(`/admin/entries/${id}/resolve`, { ...carried, 'keep.title.en-US': 'mine', 'keep.notes.en-US': 'theirs' });
    expect(resolved.status).toBe(303);
    expect(resolved.location).toBe(`/admin/entries/${id}?done=saved`);
    const stored = await cma(`/entries/${id}`);
    expect(stored.fields.title).toEqual({ 'en-US': 'My title', 'de-DE': 'Anfang' });
    expect(stored.fields.notes).toEqual({ 'en-US': 'Their notes' });
    expect(stored.fields.summary).toEqual({ 'en-US': 'Same' });
    expect(stored.fields.price).toEqual({ 'en-US': 7 });

    // A choice sent for a field or locale the form did not show changes nothing; a stale resolution is offered again.
    const sneaky = await mine.post(`/admin/entries/${id}/resolve`, { version: String(stored.sys.version), locale: 'en-US', 'keep.title.de-DE': 'mine', 'mine.title.de-DE': '"Gekapert"', 'keep.__proto__.en-US': 'mine', 'mine.__proto__.en-US': '1' });
    expect(sneaky.status).toBe(303);
    expect((await cma(`/entries/${id}`)).fields.title).toEqual({ 'en-US': 'My title', 'de-DE': 'Anfang' });
    const stale = await mine.post(`/admin/entries/${id}/resolve`, { ...carried, 'keep.title.en-US': 'mine', 'keep.notes.en-US': 'mine' });
    expect(stale.status).toBe(409);
    expect([...stale.text.matchAll(/name="keep\.([^"]+)" value="mine"/g)].map((m) => m[1])).toEqual(['notes.en-US']);
  });
});
