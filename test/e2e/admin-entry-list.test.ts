/**
 * The entries list over real HTTP, as a browser without JavaScript uses it: filters, sort and
 * pages in the address; saved views per person; bulk actions through the content module's bulk
 * action with one summary; archive with its undo; delete after a confirmation; roles refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, systemActor, type Actor } from '../../src/auth/index.js';
import { createEntry, createTag, publishContentType, publishEntry, saveContentType } from '../../src/content/index.js';
import { defineField, openStore, type Store } from '../../src/store/index.js';
import { AdminClient } from './admin-client.js';
import { startTestFolio, type TestFolio } from './folio.js';

const password = 'a long enough password';
const scope = { spaceId: 'folio', environmentId: 'master' };
let folio: TestFolio;
let store: Store;
let editor: Actor;
let author: Actor;

const note = (title: string | undefined, by: Actor, tags: string[] = []) =>
  createEntry(store, scope, { contentTypeId: 'note', fields: title === undefined ? { body: { 'en-US': 'no title' } } : { title: { 'en-US': title } }, metadata: { tags } }, by);

beforeAll(async () => {
  folio = await startTestFolio({ FOLIO_ADMIN_EMAIL: 'admin@example.com', FOLIO_ADMIN_PASSWORD: password });
  store = await openStore(folio.storeOptions);
  const ed = await addUser(store, systemActor, { email: 'ed@example.com', name: 'Ed Itor', role: 'editor', password });
  const au = await addUser(store, systemActor, { email: 'au@example.com', name: 'Au Thor', role: 'author', password });
  editor = { kind: 'user', id: ed.id, role: 'editor' };
  author = { kind: 'user', id: au.id, role: 'author' };
  const fields = [defineField('title', 'Symbol', { name: 'Title', required: true }), defineField('body', 'Text', { name: 'Body' })];
  await saveContentType(store, scope, { id: 'note', body: { name: 'Note', description: null, displayField: 'title', fields } }, systemActor);
  await publishContentType(store, scope, { id: 'note' }, systemActor);
  await createTag(store, scope, { id: 'urgent', name: 'Urgent', visibility: 'private' }, systemActor);
});
afterAll(async () => {
  await store?.close();
  await folio?.destroy();
});

const signedIn = (who: string) => AdminClient.signedIn(folio.url, `${who}@example.com`, password);

/** A list page, after the redirect to its one address when the one asked for was not it. */
async function list(c: AdminClient, url: string) {
  const first = await c.get(url);
  return first.status === 303 && first.location ? c.get(first.location) : first;
}

/** Row titles in page order. */
const titles = (page: string) => [...page.matchAll(/<td class="title"><a href="[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]!);
const idOf = async (title: string) => (await store.entries.list(scope, { contentTypeId: 'note', where: [{ field: 'title', locale: 'en-US', op: 'eq', value: title }] })).items[0]!;
/** The bulk summary's text, tags removed. */
const summaryOf = (page: string) => /<div class="notice bulk-summary[^"]*"[^>]*>([\s\S]*?)<\/div>/.exec(page)?.[1]?.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim() ?? '';

describe('the entries list', () => {
  it('filters, sorts and pages in the address, and the address alone reproduces the view', async () => {
    for (let i = 0; i < 27; i++) await note(`Alpha ${String(i).padStart(2, '0')}`, i % 3 === 0 ? editor : systemActor, i === 4 ? ['urgent'] : []);
    await publishEntry(store, scope, { id: (await idOf('Alpha 05')).sys.id }, systemActor);
    const c = await signedIn('admin');

    const byTitle = await list(c, '/admin/entries?type=note&sort=title&dir=asc');
    expect(titles(byTitle.text)).toEqual(Array.from({ length: 25 }, (_, i) => `Alpha ${String(i).padStart(2, '0')}`));
    expect(byTitle.text).toContain('Page 1 of 2 · 27 entries');
    // Paging keeps every filter and the sort.
    expect(byTitle.text).toContain('href="/admin/entries?type=note&amp;sort=title&amp;page=2" rel="next"');
    expect(titles((await list(c, '/admin/entries?type=note&sort=title&dir=asc&page=2')).text)).toEqual(['Alpha 25', 'Alpha 26']);
    expect(titles((await list(c, '/admin/entries?type=note&sort=title&dir=desc')).text)[0]).toBe('Alpha 26');
    // The column heading sorts too, and says how it is sorted.
    expect(byTitle.text).toMatch(/<th scope="col" aria-sort="ascending"><a href="\/admin\/entries\?type=note&amp;sort=title&amp;dir=desc">Title ↑<\/a>/);

    expect(titles((await list(c, '/admin/entries?type=note&status=published')).text)).toEqual(['Alpha 05']);
    expect((await list(c, '/admin/entries?type=note&status=draft')).text).toContain('26 entries');
    expect(titles((await list(c, `/admin/entries?type=note&author=${editor.id}&sort=title&dir=asc`)).text)).toEqual(['Alpha 00', 'Alpha 03', 'Alpha 06', 'Alpha 09', 'Alpha 12', 'Alpha 15', 'Alpha 18', 'Alpha 21', 'Alpha 24']);
    expect(titles((await list(c, '/admin/entries?tag=urgent')).text)).toEqual(['Alpha 04']);
    expect((await list(c, '/admin/entries?type=note&since=2999-01-01')).text).toContain('No entries match these filters.');
    expect((await list(c, `/admin/entries?type=note&since=${new Date().toISOString().slice(0, 10)}`)).text).toContain('27 entries');
    expect(titles((await list(c, '/admin/entries?type=note&q=Alpha+07')).text)).toEqual(['Alpha 07']);
    // Sorting by status: archived, changed, draft, published (ascending), most recent first within.
    expect(titles((await list(c, '/admin/entries?type=note&sort=status&dir=desc')).text)[0]).toBe('Alpha 05');
    // What the list cannot read is dropped, never an error.
    const asked = await c.get('/admin/entries?type=%3Cx%3E&status=nope&sort=evil&dir=up&page=-1&since=yesterday&author=__proto__');
    expect(asked.location).toBe('/admin/entries');
    // The filter form sends empty fields too: they are dropped, so one view has one address.
    expect((await c.get('/admin/entries?q=&type=note&status=&author=&sort=title&dir=asc')).location).toBe('/admin/entries?type=note&sort=title');
    const junk = await list(c, '/admin/entries?type=ghost');
    expect(junk.status).toBe(200);
    expect(junk.text).toContain('All content');
  });

  it('sorts the articles list with the same machinery', async () => {
    const c = await signedIn('admin');
    const byTitle = titles((await c.get('/admin/articles?sort=title')).text);
    expect(byTitle.length).toBeGreaterThan(2);
    expect(byTitle).toEqual([...byTitle].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    expect(titles((await c.get('/admin/articles?sort=title&dir=desc')).text)).toEqual([...byTitle].reverse());
    expect((await c.get('/admin/articles?sort=title&dir=desc')).text).toMatch(/<option value="title" selected>Title<\/option>/);
  });

  it('saves a view per person, lists it in the sidebar, and deletes it', async () => {
    const c = await signedIn('admin');
    const saved = await c.post('/admin/entries/views', { name: 'Urgent notes <b>', query: '/admin/entries?type=note&tag=urgent&sort=title&dir=asc&page=3&evil=1' });
    expect(saved.status).toBe(303);
    expect(saved.location).toBe('/admin/entries?type=note&tag=urgent&sort=title&page=3');
    const page = await c.get('/admin/entries');
    expect(page.text).toContain('<a href="/admin/entries?type=note&amp;tag=urgent&amp;sort=title">Urgent notes &lt;b&gt;</a>');
    expect((await c.get('/admin/entries?type=note&tag=urgent&sort=title')).text).toContain('aria-current="page">Urgent notes &lt;b&gt;</a>');
    // A view names only a list: any other address is refused as a list with no filters.
    await c.post('/admin/entries/views', { name: 'Elsewhere', query: 'https://evil.example/admin/entries?type=note' });
    expect((await c.get('/admin/entries')).text).toMatch(/<a href="\/admin\/entries" aria-current="page">Elsewhere<\/a>/);

    const views = await store.documents.list(scope, 'SavedView', { parentId: (await store.users.findByEmail('admin@example.com'))!.id });
    expect(views.items.map((v) => v.body.name)).toEqual(['Urgent notes <b>', 'Elsewhere']);
    // Someone else neither sees nor deletes them.
    const other = await signedIn('ed');
    expect((await other.get('/admin/entries')).text).not.toContain('Urgent notes');
    expect((await other.post(`/admin/entries/views/${views.items[0]!.id}/delete`, { return: '/admin/entries' })).status).toBe(404);
    await c.get('/admin/entries');
    const gone = await c.post(`/admin/entries/views/${views.items[0]!.id}/delete`, { return: '/admin/entries?type=note' });
    expect(gone.location).toBe('/admin/entries?type=note');
    expect((await c.get('/admin/entries')).text).not.toContain('Urgent notes');
  });

  it('publishes in bulk through the bulk action, and one summary says what was refused and why', async () => {
    const [a, b, untitled] = [await note('Bulk A', editor), await note('Bulk B', editor), await note(undefined, editor)];
    const c = await signedIn('ed');
    const listed = await c.get('/admin/entries?q=Bulk&type=note');
    expect(listed.text).toContain('<button type="submit" name="action" value="publish">Publish</button>');
    const done = await c.post('/admin/entries/bulk', { action: 'publish', ids: [`${a.sys.id}@${a.sys.version}`, `${b.sys.id}@${b.sys.version}`, untitled.sys.id], return: '/admin/entries?type=note&q=Bulk' });
    expect(done.status).toBe(303);
    const bulkId = /[?&]bulk=([A-Za-z0-9]+)$/.exec(done.location!)![1]!;
    expect(done.location).toBe(`/admin/entries?q=Bulk&type=note&bulk=${bulkId}`);
    expect((await store.entries.get(scope, a.sys.id))!.sys.publishedVersion).not.toBeNull();
    expect((await store.entries.get(scope, b.sys.id))!.sys.publishedVersion).not.toBeNull();
    expect((await store.entries.get(scope, untitled.sys.id))!.sys.publishedVersion).toBeNull();
    // The same BulkAction the Management API records and serves.
    const action = (await store.documents.get(scope, 'BulkAction', bulkId))!;
    expect(action.body).toMatchObject({ action: 'publish', status: 'failed', each: true });
    const page = await c.get(done.location!);
    expect(summaryOf(page.text)).toBe('2 entries published, 1 refused. Untitled : Title is required.');
    // Only its author sees a summary.
    expect(summaryOf((await (await signedIn('admin')).get(done.location!)).text)).toBe('');
  });

  it('archives after a confirmation, with an undo in the summary', async () => {
    const one = await note('Archive me', editor);
    const c = await signedIn('ed');
    const ask = await c.get(`/admin/entries/bulk?action=archive&ids=${one.sys.id}%40${one.sys.version}&return=${encodeURIComponent('/admin/entries?type=note')}`);
    expect(ask.status).toBe(200);
    expect(ask.text).toContain('<h1 id="confirm-heading">Archive “Archive me”?</h1>');
    expect((await store.entries.get(scope, one.sys.id))!.sys.archivedAt).toBeNull();
    // Without the confirmation the form asks first.
    const unconfirmed = await c.post('/admin/entries/bulk', { action: 'archive', ids: one.sys.id, return: '/admin/entries?type=note' });
    expect(unconfirmed.status).toBe(200);
    expect((await store.entries.get(scope, one.sys.id))!.sys.archivedAt).toBeNull();
    const done = await c.post('/admin/entries/bulk', { action: 'archive', ids: `${one.sys.id}@${one.sys.version}`, confirmed: '1', return: '/admin/entries?type=note' });
    expect((await store.entries.get(scope, one.sys.id))!.sys.archivedAt).not.toBeNull();
    const page = await c.get(done.location!);
    expect(summaryOf(page.text)).toContain('“Archive me” archived.');
    const undo = /<form method="post" action="\/admin\/entries\/bulk" class="inline-form">[\s\S]*?name="ids" value="([^"]+)"[\s\S]*?value="unarchive">Undo: unarchive it<\/button>/.exec(page.text);
    expect(undo?.[1]).toBe(one.sys.id);
    const undone = await c.post('/admin/entries/bulk', { action: 'unarchive', ids: undo![1]!, return: '/admin/entries?type=note' });
    expect(summaryOf((await c.get(undone.location!)).text)).toContain('“Archive me” unarchived.');
    expect((await store.entries.get(scope, one.sys.id))!.sys.archivedAt).toBeNull();
  });

  it('deletes only after a clear confirmation, and refuses published entries with the reason', async () => {
    const [draft, live] = [await note('Delete me', editor), await note('Live one', editor)];
    await publishEntry(store, scope, { id: live.sys.id }, systemActor);
    const c = await signedIn('ed');
    const ids = [`${draft.sys.id}@${draft.sys.version}`, live.sys.id];
    const ask = await c.post('/admin/entries/bulk', { action: 'delete', ids, return: '/admin/entries?type=note' });
    expect(ask.status).toBe(200);
    expect(ask.text).toContain('Delete 2 entries?');
    expect(ask.text).toContain('deleted for good. This cannot be undone.');
    expect(ask.text).toContain('1 of them are published: Folio refuses to delete published entries.');
    expect(await store.entries.get(scope, draft.sys.id)).toBeDefined();
    const confirmedIds = /name="ids" value="([^"]+)"/.exec(ask.text)![1]!;
    const done = await c.post('/admin/entries/bulk', { action: 'delete', ids: confirmedIds, confirmed: '1', return: '/admin/entries?type=note' });
    expect(await store.entries.get(scope, draft.sys.id)).toBeUndefined();
    expect(await store.entries.get(scope, live.sys.id)).toBeDefined();
    expect(summaryOf((await c.get(done.location!)).text)).toBe('1 entry deleted, 1 refused. Live one : It is published; unpublish it before deleting it');
  });

  it('refuses a role what it may not do, before doing anything', async () => {
    const mine = await note('Author draft', author);
    const theirs = await note('Editor draft', editor);
    const c = await signedIn('au');
    const listed = await c.get('/admin/entries?q=draft&type=note');
    expect(listed.text).not.toContain('value="publish"');
    expect(listed.text).toContain('value="delete"');
    const refused = await c.post('/admin/entries/bulk', { action: 'publish', ids: mine.sys.id, return: '/admin/entries' });
    expect(refused.status).toBe(403);
    expect((await store.entries.get(scope, mine.sys.id))!.sys.publishedVersion).toBeNull();
    expect(await store.documents.list(scope, 'BulkAction', { newestFirst: true, limit: 1 })).not.toMatchObject({ items: [{ createdBy: author.id }] });
    // An author deletes drafts of their own; someone else's is refused, with the reason.
    await c.get('/admin/entries');
    const done = await c.post('/admin/entries/bulk', { action: 'delete', ids: `${mine.sys.id},${theirs.sys.id}`, confirmed: '1', return: '/admin/entries' });
    expect(await store.entries.get(scope, mine.sys.id)).toBeUndefined();
    expect(await store.entries.get(scope, theirs.sys.id)).toBeDefined();
    expect(summaryOf((await c.get(done.location!)).text)).toBe('1 entry deleted, 1 refused. Editor draft : A author may not delete this.');
    // A viewer gets no bulk actions at all.
    await addUser(store, systemActor, { email: 'vi@example.com', name: 'Vi Ewer', role: 'viewer', password });
    const viewer = await signedIn('vi');
    expect((await viewer.get('/admin/entries')).text).not.toContain('name="action"');
    expect((await viewer.post('/admin/entries/bulk', { action: 'unarchive', ids: theirs.sys.id, return: '/admin/entries' })).status).toBe(403);
  });
});
