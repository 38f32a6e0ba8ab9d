/// <reference lib="dom" />
/**
 * A reference field in Chromium: searching the server finds an entry older than the newest 200
 * (the plain select's) and never one of a type the field does not allow; Enter links it; "Create
 * new Person" makes a draft, links it and opens its editor in a new tab, and the field shows the
 * title it was given there; Move up and Move down reorder the links. The links and the new entry
 * are read back through the Management API.
 */
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, systemActor } from '../../src/auth/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import type { Json } from '../../src/store/types.js';
import { cspViolations, launchBrowser, screenshots } from './browser.js';
import { startTestFolio, type TestFolio } from './folio.js';
import { assetFixtures, referenceFixtures } from './reference-fixtures.js';

const password = 'a long enough password';
const managementToken = 'management-token-for-reference-picker-tests';
let folio: TestFolio;
let browser: Browser;
let store: Store;
let page: Page;
let blocked: string[] = [];
const pageErrors: string[] = [];
let talk = '';
let oldest = '';
let assets: Awaited<ReturnType<typeof assetFixtures>>;

/** An entry as any Contentful client reads it. */
async function throughApi(id: string) {
  const res = await fetch(`${folio.url}/management/spaces/folio/environments/master/entries/${id}`, { headers: { authorization: `Bearer ${managementToken}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as { sys: { contentType: { sys: { id: string } } }; fields: Record<string, Record<string, Json>> };
}
const linkIds = (v: Json | undefined) => (Array.isArray(v) ? v : v ? [v] : []).map((l) => (l as { sys: { id: string } }).sys.id);

beforeAll(async () => {
  if (!fs.existsSync(new URL('../../dist/admin-client/app.js', import.meta.url))) throw new Error('Build first: npm run build makes dist/admin-client/app.js');
  [folio, browser] = await Promise.all([startTestFolio({ FOLIO_MANAGEMENT_TOKEN: managementToken }), launchBrowser()]);
  store = await openStore(folio.storeOptions);
  await addUser(store, systemActor, { email: 'ad@example.com', name: 'Ada Admin', role: 'admin', password });
  const fixtures = await referenceFixtures(store, 201);
  oldest = fixtures.oldest;
  talk = await fixtures.make('talk', { title: 'Keynote' });
  assets = await assetFixtures(store, 201);
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  blocked = cspViolations(page);
  page.on('pageerror', (err) => pageErrors.push(err.message));
  await page.goto(`${folio.url}/admin/login?next=${encodeURIComponent(`/admin/entries/${talk}`)}`);
  await page.getByLabel('E-mail').fill('ad@example.com');
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`**/admin/entries/${talk}`);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await store?.close();
  await folio?.destroy();
});

describe('a reference field with its script', { timeout: 120_000 }, () => {
  it('searches the server as you type, offers only allowed types with their status, and links with Enter', async () => {
    // The plain select (now hidden) holds the newest 200 only.
    expect(await page.locator(`#f-speaker option[value="${oldest}"]`).count()).toBe(0);
    const speaker = page.getByRole('combobox', { name: 'Speaker' });
    await speaker.pressSequentially('zebed');
    const options = page.locator('#f-speaker-options [role=option]');
    await expect.poll(() => options.allTextContents(), { timeout: 10_000 }).toEqual(['Zebediah Oldname Person Draft']);
    await screenshots(() => page)('reference-picker-open');
    expect(await speaker.getAttribute('aria-expanded')).toBe('true');
    expect(await speaker.getAttribute('aria-activedescendant')).toBe('f-speaker-option-0');
    await speaker.press('Enter');
    expect(await speaker.getAttribute('aria-expanded')).toBe('false');
    await expect.poll(async () => linkIds((await throughApi(talk)).fields.speaker?.['en-US']), { timeout: 10_000 }).toEqual([oldest]);
    expect(await page.locator('[aria-label="Linked to Speaker"] li a').textContent()).toContain('Zebediah Oldname');
    // Escape closes the list without choosing.
    await speaker.pressSequentially('filler');
    await expect.poll(() => speaker.getAttribute('aria-expanded'), { timeout: 10_000 }).toBe('true');
    await speaker.press('Escape');
    expect(await speaker.getAttribute('aria-expanded')).toBe('false');
    expect(linkIds((await throughApi(talk)).fields.speaker?.['en-US'])).toEqual([oldest]);
  });

  it('creates a linked entry inline, opens its editor in a new tab, and shows its title after', async () => {
    const guests = page.locator('.field[data-field="guests"]');
    const [tab] = await Promise.all([page.context().waitForEvent('page'), guests.getByRole('button', { name: '+ Create new Person' }).click()]);
    await tab.waitForURL(/\/admin\/entries\/[\w-]+$/);
    const created = /\/admin\/entries\/([\w-]+)$/.exec(tab.url())![1]!;
    await expect.poll(async () => linkIds((await throughApi(talk)).fields.guests?.['en-US']), { timeout: 10_000 }).toEqual([created]);
    expect((await throughApi(created)).sys.contentType.sys.id).toBe('person');
    await tab.getByLabel('Name').pressSequentially('Fresh Face');
    await expect.poll(async () => (await throughApi(created)).fields.name?.['en-US'], { timeout: 10_000 }).toBe('Fresh Face');
    await tab.close();
    await page.bringToFront();
    await expect.poll(() => guests.locator('.link-list li a').textContent(), { timeout: 10_000 }).toContain('Fresh Face');
    // A link added by search goes after it; Remove takes one out.
    const search = page.getByRole('combobox', { name: 'Guests' });
    await search.pressSequentially('zebed');
    await expect.poll(() => page.locator('#f-guests-options [role=option]').count(), { timeout: 10_000 }).toBe(1);
    await search.press('Enter');
    await expect.poll(async () => linkIds((await throughApi(talk)).fields.guests?.['en-US']), { timeout: 10_000 }).toEqual([created, oldest]);
    // Move up puts a link before the one above it, and the entry stores that order; the keyboard stays on the moved link.
    await guests.getByRole('button', { name: /^Move up: Zebediah Oldname/ }).click();
    await expect.poll(async () => linkIds((await throughApi(talk)).fields.guests?.['en-US']), { timeout: 10_000 }).toEqual([oldest, created]);
    expect(await guests.getByRole('button', { name: /^Move up: Zebediah Oldname/ }).isDisabled()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/^Move down: Zebediah Oldname/);
    expect(await guests.locator('[role=status], [aria-live]').allTextContents()).toContainEqual(expect.stringContaining('to position 1 of 2'));
    await guests.getByRole('button', { name: 'Remove Fresh Face' }).click();
    await expect.poll(async () => linkIds((await throughApi(talk)).fields.guests?.['en-US']), { timeout: 10_000 }).toEqual([oldest]);
    expect(blocked).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('searches every asset from a media field, only of the kinds it allows, and links one', async () => {
    await page.goto(`${folio.url}/admin/entries/${assets.gallery}`);
    expect(await page.locator(`#f-cover option[value="${assets.image}"]`).count()).toBe(0);
    const cover = page.getByRole('combobox', { name: 'Cover' });
    await cover.pressSequentially('zebediah');
    await expect.poll(() => page.locator('#f-cover-options [role=option]').allTextContents(), { timeout: 10_000 }).toEqual(['Zebediah portrait image/jpeg Draft']);
    await cover.press('Enter');
    await expect.poll(async () => linkIds((await throughApi(assets.gallery)).fields.cover?.['en-US']), { timeout: 10_000 }).toEqual([assets.image]);
    expect(await page.locator('.field[data-field="cover"] .link-list li a').getAttribute('href')).toBe(`/admin/media/${assets.image}`);
    expect(blocked).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
