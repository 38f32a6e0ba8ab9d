/// <reference lib="dom" />
/**
 * The entries list in Chromium, without its script: filter, sort and save a view; bulk publish
 * with one refused entry and its summary; archive a row and undo it; delete after the question;
 * an author offered no publishing and refused it. At 390 px the list fits the screen.
 * Set FOLIO_SCREENSHOTS=/some/dir to keep screenshots.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, systemActor, type Actor } from '../../src/auth/index.js';
import { createEntry, publishContentType, saveContentType } from '../../src/content/index.js';
import { defineField, openStore, type Store } from '../../src/store/index.js';
import { cspViolations, launchBrowser, screenshots } from './browser.js';
import { startTestFolio, type TestFolio } from './folio.js';

const password = 'a long enough password';
const scope = { spaceId: 'folio', environmentId: 'master' };
let folio: TestFolio;
let browser: Browser;
let store: Store;
let page: Page;
let blocked: string[] = [];
let editor: Actor;
const shot = screenshots(() => page);

const note = (title: string | undefined, by: Actor) =>
  createEntry(store, scope, { contentTypeId: 'note', fields: title === undefined ? { body: { 'en-US': 'no title yet' } } : { title: { 'en-US': title }, body: { 'en-US': `About ${title}` } } }, by);

beforeAll(async () => {
  [folio, browser] = await Promise.all([startTestFolio(), launchBrowser()]);
  store = await openStore(folio.storeOptions);
  const ed = await addUser(store, systemActor, { email: 'ed@example.com', name: 'Ed Itor', role: 'editor', password });
  await addUser(store, systemActor, { email: 'au@example.com', name: 'Au Thor', role: 'author', password });
  editor = { kind: 'user', id: ed.id, role: 'editor' };
  const fields = [defineField('title', 'Symbol', { name: 'Title', required: true }), defineField('body', 'Text', { name: 'Body' })];
  await saveContentType(store, scope, { id: 'note', body: { name: 'Note', description: null, displayField: 'title', fields } }, systemActor);
  await publishContentType(store, scope, { id: 'note' }, systemActor);
  for (const t of ['Cherry', 'Apple', 'Banana', 'Damson']) await note(t, editor);
  await note(undefined, editor);
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  blocked = cspViolations(page);
});
afterAll(async () => {
  await browser?.close();
  await store?.close();
  await folio?.destroy();
});

async function signIn(email: string) {
  await page.context().clearCookies();
  await page.goto(`${folio.url}/admin/login?next=%2Fadmin%2Fentries`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/admin/entries');
}

const rowTitles = () => page.locator('td.title a').allTextContents();
const summary = () => page.locator('#bulk-summary').innerText();

describe('the entries list in Chromium', () => {
  it('filters, sorts and saves a view that the sidebar reopens', async () => {
    await signIn('ed@example.com');
    await page.getByLabel('Content type').selectOption('note');
    await page.getByLabel('Status').selectOption('draft');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL('**/admin/entries?type=note&status=draft');
    // Title sorting needs one type: now it is offered.
    await page.getByLabel('Sort by').selectOption('title');
    await page.getByLabel('Order').selectOption('asc');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL('**/admin/entries?type=note&status=draft&sort=title');
    expect(await rowTitles()).toEqual(['Apple', 'Banana', 'Cherry', 'Damson', 'Untitled']);
    await page.getByLabel('Save this view as').fill('Draft notes A–Z');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForURL('**/admin/entries?type=note&status=draft&sort=title');
    await page.goto(`${folio.url}/admin/entries`);
    await page.getByRole('link', { name: 'Draft notes A–Z' }).click();
    await page.waitForURL('**/admin/entries?type=note&status=draft&sort=title');
    expect(await page.getByRole('link', { name: 'Draft notes A–Z' }).getAttribute('aria-current')).toBe('page');
    await shot('entry-list-1280');
  });

  it('publishes the selected rows, and one summary names the refused one and why', async () => {
    await page.getByRole('checkbox', { name: 'Select “Apple”' }).check();
    // Keyboard: Tab to the next row's box and tick it with Space.
    await page.getByRole('checkbox', { name: 'Select “Apple”' }).focus();
    // Past the row's title link and its Archive and Delete links.
    for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Select “Banana”');
    await page.keyboard.press('Space');
    await page.getByRole('checkbox', { name: 'Select “Untitled”' }).check();
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.waitForURL(/bulk=/);
    expect(await summary()).toMatch(/^2 entries published, 1 refused\.\s+Untitled: Title is required\.$/);
    await shot('entry-list-bulk-summary');
    const published = (await store.entries.list(scope, { contentTypeId: 'note', where: [{ sys: 'status', op: 'eq', value: 'published' }] })).items;
    expect(published.map((e) => e.fields.title?.['en-US']).sort()).toEqual(['Apple', 'Banana']);
  });

  it('archives one entry after asking, and undoes it from the summary', async () => {
    await page.getByRole('link', { name: 'Archive “Cherry”' }).click();
    await page.waitForURL(/\/admin\/entries\/bulk\?action=archive/);
    await shot('entry-list-archive-confirm');
    await page.getByRole('button', { name: 'Archive entry' }).click();
    await page.waitForURL(/bulk=/);
    expect(await summary()).toContain('“Cherry” archived.');
    expect(await rowTitles()).not.toContain('Cherry');
    await page.getByRole('button', { name: 'Undo: unarchive it' }).click();
    await page.waitForURL(/bulk=/);
    expect(await summary()).toContain('“Cherry” unarchived.');
    expect(await rowTitles()).toContain('Cherry');
  });

  it('deletes after a clear question', async () => {
    await page.getByRole('checkbox', { name: 'Select “Damson”' }).check();
    await page.getByRole('button', { name: 'Delete…' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Delete “Damson”?');
    expect(await page.locator('.confirm').innerText()).toContain('This cannot be undone.');
    await page.getByRole('button', { name: 'Delete entry' }).click();
    await page.waitForURL(/bulk=/);
    expect(await summary()).toContain('“Damson” deleted.');
    expect((await store.entries.list(scope, { contentTypeId: 'note' })).items.map((e) => e.fields.title?.['en-US'])).not.toContain('Damson');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${folio.url}/admin/entries?type=note`);
    await shot('entry-list-390');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('offers an author no publishing, and refuses it when asked anyway', async () => {
    await signIn('au@example.com');
    await page.goto(`${folio.url}/admin/entries?type=note`);
    expect(await page.getByRole('button', { name: 'Publish', exact: true }).count()).toBe(0);
    const csrf = await page.locator('meta[name="csrf-token"]').getAttribute('content');
    const cherry = (await store.entries.list(scope, { contentTypeId: 'note', where: [{ field: 'title', locale: 'en-US', op: 'eq', value: 'Cherry' }] })).items[0]!;
    const answer = await page.request.post(`${folio.url}/admin/entries/bulk`, { form: { _csrf: csrf!, action: 'publish', ids: cherry.sys.id, return: '/admin/entries' }, maxRedirects: 0 });
    expect(answer.status()).toBe(403);
    expect((await store.entries.get(scope, cherry.sys.id))!.sys.publishedVersion).toBeNull();
    expect(blocked).toEqual([]);
  });
});
