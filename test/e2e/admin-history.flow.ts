/**
 * Version history, scheduling and draft preview in the editor over real HTTP, with who may do
 * what. One suite for every store: admin-history.test.ts (SQLite) and admin.postgres.test.ts.
 * The Folio under test must run its scheduler with a short poll interval (see `quickScheduler`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser , systemActor } from '../../src/auth/index.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/store.js';
import { AdminClient } from './admin-client.js';
import type { TestFolio } from './folio.js';

export const quickScheduler = { background: { scheduling: { pollIntervalMs: 25 } } };

const password = 'a long enough password';
const scope = { spaceId: 'folio', environmentId: 'master' };
const doc = (text: string) => JSON.stringify({ nodeType: 'document', data: {}, content: [{ nodeType: 'paragraph', data: {}, content: [{ nodeType: 'text', value: text, marks: [], data: {} }] }] });
const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString().slice(0, 16);
const titles = (page: string) => [...page.matchAll(/<td class="title"><a href="[^"]+">([^<]+)</g)].map((m) => m[1]);

export function describeHistoryAndSchedule(name: string, folioOf: () => TestFolio) {
  describe(`version history, scheduling and preview in the editor: ${name}`, () => {
    let store: Store;
    const ids: Record<string, string> = {};
    const prefix = `h${Date.now().toString(36)}`;

    beforeAll(async () => {
      store = await openStore(folioOf().storeOptions);
      for (const role of ['editor', 'author', 'viewer']) {
        ids[role] = (await addUser(store, systemActor, { email: `${prefix}-${role}@example.com`, name: `${role} ${prefix}`, role, password })).id;
      }
    });
    afterAll(() => store?.close());

    async function signedIn(role: string) {
      const c = new AdminClient(folioOf().url);
      expect((await c.login(`${prefix}-${role}@example.com`, password)).status).toBe(303);
      await c.get('/admin/articles');
      return c;
    }

    /** A new article saved by `c` with these fields; returns its id. */
    async function newArticle(c: AdminClient, fields: Record<string, string | string[]>, intent: 'save' | 'publish' = 'save') {
      const id = (await c.post('/admin/articles', { title: 'Draft' })).location!.split('/').pop()!.split('?')[0]!;
      await c.get(`/admin/articles/${id}`);
      const res = await c.post(`/admin/articles/${id}`, { ...fields, version: '1', intent });
      expect(res.status, res.text.slice(0, 400)).toBe(303);
      return id;
    }

    const version = async (id: string) => (await store.entries.get(scope, id))!.sys.version;
    const snapshotIds = (page: string) => [...page.matchAll(/href="\/admin\/articles\/[^/]+\/history\/([^"/]+)"/g)].map((m) => m[1]!);

    it('lists published versions, compares one with the draft word by word, and restores it', async () => {
      const c = await signedIn('editor');
      const v1 = { title: `Tides of the north sea ${prefix}`, slug: `tides-${prefix}`, description: 'Where the water goes.', publishDate: '2026-02-03', type: 'Guide', topics: ['topic-devops'], body: doc('The quick brown fox.') };
      const id = await newArticle(c, v1, 'publish');
      await c.get(`/admin/articles/${id}`);
      const v2 = { ...v1, title: `Tides of the Baltic sea ${prefix}`, body: doc('The quick red fox jumps.') };
      expect((await c.post(`/admin/articles/${id}`, { ...v2, version: String(await version(id)), intent: 'publish' })).status).toBe(303);

      const edit = await c.get(`/admin/articles/${id}`);
      expect(edit.text).toContain('<h2 id="history-heading">Version history</h2>');
      const [newest, oldest] = snapshotIds(edit.text);
      expect(snapshotIds(edit.text)).toHaveLength(2);
      expect(edit.text).toMatch(/<strong>Version \d+<\/strong> <span class="badge published">Live<\/span>/);
      expect(edit.text).toContain(`editor ${prefix}`);

      // Version 1 against the draft (= version 2): the changed words marked, the rest collapsed.
      const compare = await c.get(`/admin/articles/${id}/history/${oldest}`);
      expect(compare.status).toBe(200);
      const title = /<section class="panel diff-field" aria-labelledby="diff-title">([\s\S]*?)<\/section>/.exec(compare.text)?.[1] ?? '';
      expect(title).toContain('<del><span class="visually-hidden">[removed: </span>north<span class="visually-hidden">]</span></del>');
      expect(title).toContain('<ins><span class="visually-hidden">[added: </span>Baltic<span class="visually-hidden">]</span></ins>');
      const body = /aria-labelledby="diff-body">([\s\S]*?)<\/section>/.exec(compare.text)?.[1] ?? '';
      expect(body).toMatch(/<del>.*brown.*<\/del>/);
      expect(body).toMatch(/<ins>.*red.*<\/ins>/);
      expect(body).toMatch(/<ins>.*jumps.*<\/ins>/);
      expect(compare.text).toMatch(/<details class="panel diff-field same"><summary><strong>Slug<\/strong> <span class="sub">unchanged<\/span>/);
      expect(compare.text).toContain('2 of 9 fields differ');
      // The newest version reads the same as the draft.
      expect((await c.get(`/admin/articles/${id}/history/${newest}`)).text).toContain('The two read the same.');
      expect((await c.get(`/admin/articles/${id}/history/nope`)).status).toBe(404);

      // Restore version 1: the draft's fields become exactly version 1's; the site keeps version 2.
      await c.get(`/admin/articles/${id}`);
      const before = await version(id);
      const restored = await c.post(`/admin/articles/${id}/history/${oldest}/restore`, { version: String(before) });
      expect(restored.location).toBe(`/admin/articles/${id}?done=restored`);
      const entry = (await store.entries.get(scope, id))!;
      expect(entry.fields).toEqual((await store.entries.snapshot(scope, id, oldest!))!.record.fields);
      expect(entry.fields.title!['en-US']).toBe(v1.title);
      expect((await store.entries.getPublished(scope, id))!.fields.title!['en-US']).toBe(v2.title);
      expect((await c.get(restored.location!)).text).toContain('The version was restored as the draft.');

      // A restore made from a page older than the draft is refused, readably, and changes nothing.
      const stale = await c.post(`/admin/articles/${id}/history/${newest}/restore`, { version: String(before) });
      expect(stale.status).toBe(409);
      expect(stale.text).toContain('The draft changed meanwhile');
      expect(stale.text).toContain(`href="/admin/articles/${id}"`);
      expect((await store.entries.get(scope, id))!.sys.version).toBe(entry.sys.version);

      // A version whose slug another article has taken since is refused, saying why.
      await c.get(`/admin/articles/${id}`);
      expect((await c.post(`/admin/articles/${id}`, { ...v2, slug: `tides-moved-${prefix}`, version: String(await version(id)), intent: 'save' })).status).toBe(303);
      await newArticle(c, { title: `Slug taker ${prefix}`, slug: v1.slug });
      await c.get(`/admin/articles/${id}`);
      const moved = await version(id);
      const clash = await c.post(`/admin/articles/${id}/history/${oldest}/restore`, { version: String(moved) });
      expect(clash.status).toBe(422);
      expect(clash.text).toContain(`Nothing was restored: The slug “${v1.slug}” is already used by “Slug taker ${prefix}”.`);
      expect(await version(id)).toBe(moved);

      // Viewers and authors may compare but not restore (an author's article stops being theirs once published).
      const authorsOwn = await newArticle(await signedIn('author'), { title: `Author piece ${prefix}`, slug: `author-piece-${prefix}` });
      await c.get(`/admin/articles/${authorsOwn}`);
      expect((await c.post(`/admin/articles/${authorsOwn}`, { title: `Author piece ${prefix}`, slug: `author-piece-${prefix}`, description: 'D.', publishDate: '2026-02-03', type: 'Guide', version: String(await version(authorsOwn)), intent: 'publish' })).status).toBe(303);
      const [authorsSnapshot] = snapshotIds((await c.get(`/admin/articles/${authorsOwn}`)).text);
      for (const role of ['viewer', 'author']) {
        const other = await signedIn(role);
        for (const [article, snapshot] of [[id, oldest!], [authorsOwn, authorsSnapshot!]] as const) {
          const page = await other.get(`/admin/articles/${article}`);
          expect(page.text).toContain('Compare with current draft');
          expect(page.text).not.toContain('/restore"');
          expect((await other.get(`/admin/articles/${article}/history/${snapshot}`)).status).toBe(200);
          const v = await version(article);
          expect((await other.post(`/admin/articles/${article}/history/${snapshot}/restore`, { version: String(v) })).status, `${role} restore`).toBe(403);
          expect(await version(article)).toBe(v);
        }
      }
    });

    it('schedules publishing, lists the article as Scheduled, cancels, refuses past times and other roles, and fires', async () => {
      const c = await signedIn('editor');
      const fields = { title: `Scheduled story ${prefix}`, slug: `scheduled-${prefix}`, description: 'Later.', publishDate: '2026-02-03', type: 'Guide', topics: ['topic-devops'] };
      const id = await newArticle(c, fields);
      const pending = async () => (await store.scheduledActions.list('folio', { environmentId: 'master', entityId: id, statuses: ['scheduled'] })).items;

      // Without the script the time is read as UTC; with it, the browser's offset and zone come along.
      await c.get(`/admin/articles/${id}`);
      const at = inAnHour();
      const made = await c.post(`/admin/articles/${id}/schedule`, { at, action: 'publish', datetime: '', timezone: '' });
      expect(made.location).toBe(`/admin/articles/${id}?done=scheduled#schedule`);
      expect((await c.get(made.location!.replace('#schedule', ''))).text).toContain('Scheduled. The change happens at the time shown under Schedule.');
      expect((await pending()).map((a) => [a.action, a.scheduledFor, a.timezone])).toEqual([['publish', new Date(`${at}Z`).toISOString(), null]]);
      const later = new Date(Date.now() + 2 * 3_600_000);
      const local = new Date(later.getTime() + 2 * 3_600_000).toISOString().slice(0, 16);
      await c.get(`/admin/articles/${id}`);
      await c.post(`/admin/articles/${id}/schedule`, { at: local, action: 'unpublish', datetime: `${local}:00+02:00`, timezone: 'Europe/Helsinki' });
      expect((await pending()).map((a) => [a.action, a.scheduledFor, a.timezone])).toEqual([
        ['publish', new Date(`${at}Z`).toISOString(), null],
        ['unpublish', new Date(`${local}:00+02:00`).toISOString(), 'Europe/Helsinki'],
      ]);

      const page = await c.get(`/admin/articles/${id}`);
      expect(page.text).toMatch(/<span class="badge scheduled">Scheduled<\/span> Goes live <time datetime="[^"]+" data-local>/);
      expect(page.text).toContain('(Europe/Helsinki)');
      expect(titles((await c.get('/admin/articles?status=scheduled')).text)).toEqual([fields.title]);
      expect((await c.get(`/admin/articles?q=${prefix}`)).text).toMatch(new RegExp(`${fields.title}</a>[\\s\\S]*?<span class="badge scheduled">Scheduled</span>`));
      expect(titles((await c.get('/admin/articles?status=draft')).text)).not.toContain(fields.title);

      // A time that has passed is refused beside the field, the typed value kept.
      const past = await c.post(`/admin/articles/${id}/schedule`, { at: '2001-01-01T09:00', action: 'publish', datetime: '', timezone: '' });
      expect(past.status).toBe(422);
      expect(past.text).toContain('That time has already passed (1 Jan 2001, 09:00 UTC, read as UTC). Choose a time in the future.');
      expect(past.text).toContain('value="2001-01-01T09:00"');
      expect(past.text).toMatch(/id="f-scheduleAt"[^>]*aria-invalid="true"/);
      expect((await c.post(`/admin/articles/${id}/schedule`, { at: '', action: 'publish' })).status).toBe(422);
      expect(await pending()).toHaveLength(2);

      // Viewers and authors see what is pending but cannot schedule or cancel.
      const [publishAction, unpublishAction] = await pending();
      for (const role of ['viewer', 'author']) {
        const other = await signedIn(role);
        const seen = await other.get(`/admin/articles/${id}`);
        expect(seen.text).toContain('Goes live');
        expect(seen.text).not.toContain('Schedule publish');
        expect(seen.text).not.toContain('schedule-cancel-form');
        expect((await other.post(`/admin/articles/${id}/schedule`, { at: inAnHour(), action: 'publish' })).status, `${role} schedules`).toBe(403);
        expect((await other.post(`/admin/articles/${id}/schedule/cancel`, { actionId: publishAction!.id })).status, `${role} cancels`).toBe(403);
      }
      expect(await pending()).toHaveLength(2);

      // Cancel: only this article's actions; the article is a draft again in the list.
      await c.get(`/admin/articles/${id}`);
      expect((await c.post(`/admin/articles/${id}/schedule/cancel`, { actionId: unpublishAction!.id })).location).toBe(`/admin/articles/${id}?done=canceled#schedule`);
      expect((await store.scheduledActions.get('folio', unpublishAction!.id))!.status).toBe('canceled');
      expect((await c.post(`/admin/articles/${id}/schedule/cancel`, { actionId: unpublishAction!.id })).status).toBe(409);
      expect((await c.post(`/admin/articles/article-how-to-learn-python/schedule/cancel`, { actionId: publishAction!.id })).status).toBe(404);

      // The publish fires when due: moved to now, the scheduler publishes it and the hub shows it.
      await store.scheduledActions.update('folio', publishAction!.id, { ...publishAction!, scheduledFor: new Date().toISOString() }, publishAction!.version, ids.editor!);
      await expect.poll(async () => (await store.scheduledActions.get('folio', publishAction!.id))!.status, { timeout: 10_000 }).toBe('succeeded');
      expect((await store.entries.get(scope, id))!.sys.publishedVersion).not.toBeNull();
      expect((await fetch(`${folioOf().url}/articles/scheduled-${prefix}`)).status).toBe(200);
      expect(titles((await c.get('/admin/articles?status=scheduled')).text)).toEqual([]);
    });

    it('opens the current draft on the hub through a signed link, for anyone who can read it', async () => {
      const c = await signedIn('editor');
      const id = await newArticle(c, { title: `Draft only ${prefix}`, slug: `draft-only-${prefix}`, description: 'Not yet.', body: doc('Still a draft.') });
      const page = await c.get(`/admin/articles/${id}`);
      expect(page.text).toContain(`<a class="button" href="/admin/articles/${id}/preview" target="_blank" rel="noopener">Preview draft`);
      const viewer = await signedIn('viewer');
      const res = await viewer.get(`/admin/articles/${id}/preview`);
      expect(res.status).toBe(303);
      const link = new URL(res.location!);
      expect(link.pathname).toBe(`/drafts/${id}`);
      expect(link.searchParams.get('sig')).toBeTruthy();
      const draft = await fetch(`${folioOf().url}${link.pathname}${link.search}`);
      expect(draft.status).toBe(200);
      expect(await draft.text()).toContain('Still a draft.');
      expect((await fetch(`${folioOf().url}/articles/draft-only-${prefix}`)).status).toBe(404);
      expect((await viewer.get('/admin/articles/nope/preview')).status).toBe(404);
    });
  });
}
