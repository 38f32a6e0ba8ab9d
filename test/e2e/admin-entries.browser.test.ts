/// <reference lib="dom" />
/**
 * The generic entry editor in Chromium, through its plain form posts: the Content menu, a new event made by
 * its first save, published, and its German title written with the English one as placeholder.
 * At 390 px the form fits the screen. Set FOLIO_SCREENSHOTS=/some/dir to keep screenshots.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, systemActor } from '../../src/auth/index.js';
import { createLocale, publishContentType, saveContentType } from '../../src/content/index.js';
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
const shot = screenshots(() => page);

beforeAll(async () => {
  [folio, browser] = await Promise.all([startTestFolio(), launchBrowser()]);
  store = await openStore(folio.storeOptions);
  await addUser(store, systemActor, { email: 'ed@example.com', name: 'Ed Itor', role: 'editor', password });
  await createLocale(store, scope, { code: 'de-DE', name: 'German', fallbackCode: 'en-US', optional: true, contentDeliveryApi: true, contentManagementApi: true }, systemActor);
  const fields = [
    defineField('title', 'Symbol', { name: 'Title', localized: true, required: true }),
    defineField('kind', 'Symbol', { name: 'Kind', validations: [{ in: ['talk', 'workshop'] }] }),
    defineField('seats', 'Integer', { name: 'Seats' }),
    defineField('startsAt', 'Date', { name: 'Starts at' }),
    defineField('free', 'Boolean', { name: 'Free' }),
  ];
  await saveContentType(store, scope, { id: 'event', body: { name: 'Event', description: null, displayField: 'title', fields } }, systemActor);
  await publishContentType(store, scope, { id: 'event' }, systemActor);
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  blocked = cspViolations(page);
});
afterAll(async () => {
  await browser?.close();
  await store?.close();
  await folio?.destroy();
});

describe('the entry editor in Chromium', () => {
  it('creates, publishes and translates an event', async () => {
    await page.goto(`${folio.url}/admin/login?next=%2Fadmin%2Fentries`);
    await page.getByLabel('E-mail').fill('ed@example.com');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/admin/entries');
    await page.locator('details.menu summary').click();
    await page.locator('details.menu').getByRole('link', { name: 'Event' }).click();
    await page.waitForURL('**/admin/entries?type=event');
    await shot('entries-list');
    await page.getByRole('link', { name: 'New Event' }).click();
    await page.waitForURL('**/admin/entries/new?type=event');
    expect(await store.entries.list(scope, { contentTypeId: 'event' })).toMatchObject({ total: 0 });

    await page.getByLabel('Title').fill('Launch party');
    await page.getByLabel('Kind').selectOption('workshop');
    await page.getByLabel('Seats').fill('40');
    await page.locator('#f-startsAt').fill('2027-01-15T19:00');
    await page.getByLabel('Time zone').selectOption('+01:00');
    await page.getByRole('radio', { name: 'Yes' }).check();
    await shot('entry-new');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.waitForURL(/\/admin\/entries\/[^/?]+\?done=saved$/);
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Draft saved.');
    const id = /\/admin\/entries\/([^/?]+)/.exec(page.url())![1]!;

    await page.getByRole('button', { name: 'Publish' }).click();
    await page.waitForURL(/done=published$/);
    const entry = (await store.entries.get(scope, id))!;
    expect(entry.sys.publishedVersion).not.toBeNull();
    expect(entry.fields).toMatchObject({ title: { 'en-US': 'Launch party' }, kind: { 'en-US': 'workshop' }, seats: { 'en-US': 40 }, startsAt: { 'en-US': '2027-01-15T19:00+01:00' }, free: { 'en-US': true } });

    await page.getByRole('link', { name: 'German (de-DE)' }).click();
    await page.waitForURL(/locale=de-DE$/);
    expect(await page.getByLabel('Title').getAttribute('placeholder')).toBe('Launch party');
    await shot('entry-de');
    await page.getByLabel('Title').fill('Eröffnungsfeier');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.waitForURL(/locale=de-DE&done=saved$/);
    expect((await store.entries.get(scope, id))!.fields.title).toEqual({ 'en-US': 'Launch party', 'de-DE': 'Eröffnungsfeier' });

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await shot('entry-390');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(blocked).toEqual([]);
  });
});
