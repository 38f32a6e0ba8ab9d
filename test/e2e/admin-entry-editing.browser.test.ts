/// <reference lib="dom" />
/**
 * The generic entry editor with its script, in Chromium: the draft made by the first keystroke,
 * autosave, values that cannot be saved kept and explained beside their field, conflicts with
 * saves made through the Management API meanwhile (resolved per field), two locales side by
 * side with the required-locale rule and fallbacks, live preview of a type whose preview URL is
 * another site (a small front end reading the Preview API, as Contentful's content preview
 * works), and a field and a locale the form does not show kept through all of it.
 * Set FOLIO_SCREENSHOTS=/some/dir to keep screenshots at 1280 and 390 px.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, systemActor } from '../../src/auth/index.js';
import { createLocale, publishContentType, saveContentType } from '../../src/content/index.js';
import { defineField, openStore, type Store } from '../../src/store/index.js';
import type { EntryRecord, Json } from '../../src/store/types.js';
import { cspViolations, launchBrowser, screenshots } from './browser.js';
import { startTestFolio, type TestFolio } from './folio.js';

const password = 'a long enough password';
const managementToken = 'management-token-for-editor-tests';
const previewToken = 'preview-token-for-editor-tests';
const scope = { spaceId: 'folio', environmentId: 'master' };
let folio: TestFolio;
let browser: Browser;
let store: Store;
let page: Page;
let front: http.Server;
let frontUrl = '';
let id = '';
let blocked: string[] = [];
const pageErrors: string[] = [];
const shot = screenshots(() => page);

/** A site of its own, as a Contentful user's front end: it reads the event through the Preview API. */
function startFront(): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://front');
    const match = /^\/events\/([\w-]+)$/.exec(url.pathname);
    if (!match) return void res.writeHead(404).end();
    const locale = url.searchParams.get('locale') ?? 'en-US';
    void fetch(`${folio.url}/preview/spaces/folio/environments/master/entries/${match[1]}?locale=${encodeURIComponent(locale)}`, { headers: { authorization: `Bearer ${previewToken}` } })
      .then((r) => r.json() as Promise<{ fields?: { title?: string } }>)
      .then((e) => {
        const title = String(e.fields?.title ?? '').replace(/[<&]/g, (c) => (c === '<' ? '&lt;' : '&amp;'));
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><html lang="en"><title>Event</title><h1>${title}</h1><p>Preview of the front end</p></html>`);
      });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** The Management API, as any Contentful client: read the entry, change fields, PUT it back with its version. */
async function changeThroughApi(change: (fields: Record<string, Record<string, Json>>) => void) {
  const base = `${folio.url}/management/spaces/folio/environments/master/entries/${id}`;
  const headers = { authorization: `Bearer ${managementToken}`, 'content-type': 'application/vnd.contentful.management.v1+json' };
  const entry = (await (await fetch(base, { headers })).json()) as { sys: { version: number }; fields: Record<string, Record<string, Json>> };
  change(entry.fields);
  const put = await fetch(base, { method: 'PUT', headers: { ...headers, 'x-contentful-version': String(entry.sys.version) }, body: JSON.stringify({ fields: entry.fields }) });
  expect(put.status).toBe(200);
}

const stored = async () => (await store.entries.get(scope, id))!;
const fieldsNow = async () => (await stored()).fields;
/** What the form never shows: a disabled field, and a locale not on screen. */
const untouched = (e: EntryRecord) => ({ seo: e.fields.seoTitle?.['en-US'], french: e.fields.title?.['fr-FR'] });

beforeAll(async () => {
  if (!fs.existsSync(new URL('../../dist/admin-client/app.js', import.meta.url))) throw new Error('Build first: npm run build makes dist/admin-client/app.js');
  [folio, browser] = await Promise.all([startTestFolio({ FOLIO_MANAGEMENT_TOKEN: managementToken, FOLIO_PREVIEW_TOKEN: previewToken }), launchBrowser()]);
  front = await startFront();
  frontUrl = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;
  store = await openStore(folio.storeOptions);
  await addUser(store, systemActor, { email: 'ad@example.com', name: 'Ada Admin', role: 'admin', password });
  await createLocale(store, scope, { code: 'de-DE', name: 'German', fallbackCode: 'en-US', optional: false, contentDeliveryApi: true, contentManagementApi: true }, systemActor);
  await createLocale(store, scope, { code: 'fr-FR', name: 'French', fallbackCode: 'en-US', optional: true, contentDeliveryApi: true, contentManagementApi: true }, systemActor);
  const fields = [
    defineField('title', 'Symbol', { name: 'Title', localized: true, required: true, validations: [{ size: { max: 40 } }] }),
    defineField('summary', 'Text', { name: 'Summary', localized: true }),
    defineField('seats', 'Integer', { name: 'Seats' }),
    defineField('extra', 'Object', { name: 'Extra' }),
    defineField('seoTitle', 'Symbol', { name: 'SEO title', disabled: true }),
  ];
  await saveContentType(store, scope, { id: 'event', body: { name: 'Event', description: null, displayField: 'title', fields } }, systemActor);
  await publishContentType(store, scope, { id: 'event' }, systemActor);
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  blocked = cspViolations(page);
  page.on('pageerror', (err) => pageErrors.push(err.message));
});
afterAll(async () => {
  await browser?.close();
  await store?.close();
  await new Promise((resolve) => front?.close(resolve));
  await folio?.destroy();
});

const errorOf = (fieldInputId: string) => page.locator(`#${fieldInputId}-error`);

describe('the entry editor with its script', { timeout: 240_000 }, () => {
  it('takes a preview URL pattern in the content type settings', async () => {
    await page.goto(`${folio.url}/admin/login?next=%2Fadmin%2Fcontent-types%2Fevent`);
    await page.getByLabel('E-mail').fill('ad@example.com');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/admin/content-types/event');
    await page.getByLabel('Preview URL').fill('/events/{slug}');
    await page.getByRole('button', { name: 'Save details' }).click();
    await expect.poll(() => page.locator('#f-ct-preview-error').textContent()).toContain('Unknown placeholder {slug}');
    await page.getByLabel('Preview URL').fill(`${frontUrl}/events/{entry.sys.id}?locale={locale}`);
    await page.getByRole('button', { name: 'Save details' }).click();
    await page.waitForURL(/done=saved/);
    expect(await page.getByLabel('Preview URL').inputValue()).toBe(`${frontUrl}/events/{entry.sys.id}?locale={locale}`);
  });

  it('makes the draft on the first keystroke, not on New, and autosaves what is typed', async () => {
    await page.goto(`${folio.url}/admin/entries/new?type=event`);
    await page.getByLabel('Title').click();
    await page.waitForTimeout(800);
    expect((await store.entries.list(scope, { contentTypeId: 'event' })).total).toBe(0);
    await page.getByLabel('Title').pressSequentially('Launch party');
    await page.waitForURL(/\/admin\/entries\/[\w-]+$/);
    id = /\/admin\/entries\/([\w-]+)$/.exec(page.url())![1]!;
    await expect.poll(async () => (await fieldsNow()).title).toEqual({ 'en-US': 'Launch party' });
    expect((await store.entries.list(scope, { contentTypeId: 'event' })).total).toBe(1);
    await page.getByLabel('Seats').fill('40');
    await expect.poll(async () => (await fieldsNow()).seats).toEqual({ 'en-US': 40 });
    await expect.poll(() => page.locator('#save-state').textContent()).toMatch(/Draft saved at .* version \d+/);
  });

  it('shows the page beside the form and follows each change', async () => {
    const heading = page.frameLocator('#preview-frame').locator('h1');
    await expect.poll(() => heading.textContent()).toBe('Launch party');
    await shot('entry-preview-1280');
    const started = Date.now();
    await page.getByLabel('Title').fill('Launch party 2027');
    await expect.poll(() => heading.textContent(), { timeout: 5000, interval: 50 }).toBe('Launch party 2027');
    console.log(`live preview: typed → frame shows it in ${Date.now() - started} ms`);
  });

  it('keeps a value it cannot save in the box and says why beside it, and saves the rest', async () => {
    await page.getByLabel('Extra').fill('{"room": ');
    await page.getByLabel('Summary').fill('Drinks and talks');
    await expect.poll(() => errorOf('f-extra').textContent()).toContain('This is not valid JSON');
    await expect.poll(async () => (await fieldsNow()).summary).toEqual({ 'en-US': 'Drinks and talks' });
    expect(await page.getByLabel('Extra').inputValue()).toBe('{"room": ');
    expect((await fieldsNow()).extra).toBeUndefined();
    // Drafts may break the rules (as in Contentful): stored, and what would stop publishing is said as you type, in the API's words.
    await page.getByLabel('Title').fill('A title far too long for the forty characters allowed');
    await expect.poll(() => errorOf('f-title').textContent()).toBe('Size must be between 0 and 40');
    expect(await page.getByLabel('Title').inputValue()).toBe('A title far too long for the forty characters allowed');
    await shot('entry-refused-1280');
    await page.getByLabel('Title').fill('Launch party 2027');
    await page.getByLabel('Extra').fill('{"room": "A"}');
    await expect.poll(async () => (await fieldsNow()).extra).toEqual({ 'en-US': { room: 'A' } });
    await expect.poll(() => errorOf('f-title').isHidden()).toBe(true);
    expect(await errorOf('f-extra').isHidden()).toBe(true);
  });

  it('takes what others saved meanwhile where only they changed it, and asks where both did', async () => {
    // Someone adds what the form does not show (a disabled field, a French title) and edits the summary.
    await changeThroughApi((f) => {
      f.seoTitle = { 'en-US': 'Launch party · Folio' };
      f.title = { ...f.title, 'fr-FR': 'Fête de lancement' };
      f.summary = { 'en-US': 'Drinks, talks and music' };
    });
    await page.getByLabel('Seats').fill('45');
    // Only they changed the summary: the form takes theirs; only this person changed the seats: kept and saved.
    await expect.poll(() => page.getByLabel('Summary').inputValue()).toBe('Drinks, talks and music');
    await expect.poll(async () => (await fieldsNow()).seats).toEqual({ 'en-US': 45 });
    expect(untouched(await stored())).toEqual({ seo: 'Launch party · Folio', french: 'Fête de lancement' });

    // Both change the title and the summary: both values shown, a choice for each.
    await changeThroughApi((f) => {
      f.title = { ...f.title, 'en-US': 'Their title' };
      f.summary = { 'en-US': 'Their summary' };
    });
    await page.getByLabel('Title').fill('My title');
    await page.getByLabel('Summary').fill('My summary');
    const titleBox = page.locator('.field[data-field="title"][data-locale="en-US"]');
    const summaryBox = page.locator('.field[data-field="summary"][data-locale="en-US"]');
    await expect.poll(() => titleBox.locator('.conflict-compare').count()).toBe(1);
    expect(await titleBox.locator('.conflict-compare dd.theirs').textContent()).toBe('Their title');
    expect(await titleBox.locator('.conflict-compare dd.mine').textContent()).toBe('My title');
    expect(await summaryBox.locator('.conflict-compare dd.theirs').textContent()).toBe('Their summary');
    // Nothing is lost while the person decides: theirs is stored, theirs and mine are both on screen.
    expect((await fieldsNow()).title?.['en-US']).toBe('Their title');
    await shot('entry-conflict-1280');
    await titleBox.getByRole('button', { name: 'Keep mine' }).click();
    await summaryBox.getByRole('button', { name: 'Take theirs' }).click();
    expect(await page.getByLabel('Summary').inputValue()).toBe('Their summary');
    await expect.poll(async () => (await fieldsNow()).title?.['en-US']).toBe('My title');
    const after = await stored();
    expect(after.fields.summary).toEqual({ 'en-US': 'Their summary' });
    expect(untouched(after)).toEqual({ seo: 'Launch party · Folio', french: 'Fête de lancement' });
    expect(await page.locator('.conflict-compare').count()).toBe(0);
  });

  it('shows two locales side by side, with fallbacks and the required-locale rule, and publishes', async () => {
    await page.getByRole('link', { name: 'German beside' }).click();
    await page.waitForURL(/side=de-DE/);
    const germanTitle = page.locator('#f-de-DE-title');
    expect(await germanTitle.getAttribute('placeholder')).toBe('My title');
    expect(await page.locator('#f-de-DE-title-fallback').textContent()).toContain('Fallback · Empty here: readers see the en-US value.');
    await page.getByRole('button', { name: 'Publish' }).click();
    // German is not optional: its title is required before publishing, said beside the German box in the API's words.
    await expect.poll(() => errorOf('f-de-DE-title').textContent()).toBe('The property "title" is required here');
    expect(await page.locator('#error-summary').textContent()).toContain('Title (de-DE): The property "title" is required here');
    await shot('entry-side-by-side-1280');
    await germanTitle.fill('Eröffnungsfeier');
    await expect.poll(async () => (await fieldsNow()).title?.['de-DE']).toBe('Eröffnungsfeier');
    await expect.poll(() => errorOf('f-de-DE-title').isHidden()).toBe(true);
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.waitForURL(/done=published/);
    const published = (await store.entries.getPublished(scope, id))!;
    expect(published.fields.title).toEqual({ 'en-US': 'My title', 'de-DE': 'Eröffnungsfeier', 'fr-FR': 'Fête de lancement' });
    expect(untouched(published)).toEqual({ seo: 'Launch party · Folio', french: 'Fête de lancement' });

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await shot('entry-side-by-side-390');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.goto(`${folio.url}/admin/entries/${id}`);
    await page.frameLocator('#preview-frame').locator('h1').waitFor();
    await shot('entry-preview-390');
    // Full-page captures leave a frame from another site below the fold unpainted: the frame itself, in view.
    await page.locator('#preview-frame').scrollIntoViewIfNeeded();
    if (process.env.FOLIO_SCREENSHOTS) await page.screenshot({ path: `${process.env.FOLIO_SCREENSHOTS}/entry-preview-390-frame.png` });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  it('shows the draft of an article beside its form through the signed draft link of the hub, following each change', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${folio.url}/admin/articles/article-how-to-learn-python`);
    const frame = page.locator('#preview-frame');
    expect(await frame.getAttribute('src')).toMatch(/^\/drafts\/article-how-to-learn-python\?expires=\d+&sig=/);
    const heading = page.frameLocator('#preview-frame').locator('h1');
    await expect.poll(() => heading.textContent()).toBe('How to Learn Python: A Step-by-Step Guide');
    await page.getByLabel('Title', { exact: true }).fill('How to Learn Python, Live');
    await expect.poll(() => heading.textContent(), { timeout: 5000, interval: 50 }).toBe('How to Learn Python, Live');
    // Readers still see the published title: the frame shows the draft.
    expect(await (await fetch(`${folio.url}/articles/how-to-learn-python`)).text()).not.toContain('How to Learn Python, Live');
    await shot('article-preview-1280');
    await page.goto(`${folio.url}/admin/entries/${id}`);
  });

  it('asks before leaving with work it could not save', async () => {
    await page.getByLabel('Extra').fill('{broken');
    await expect.poll(() => errorOf('f-extra').textContent()).toContain('This is not valid JSON');
    let asked = '';
    page.once('dialog', (dialog) => {
      asked = dialog.message();
      void dialog.dismiss();
    });
    await page.locator('.page-head a', { hasText: 'Event' }).click();
    await expect.poll(() => asked).toContain('not saved');
    expect(new URL(page.url()).pathname).toBe(`/admin/entries/${id}`);
    expect(await page.getByLabel('Extra').inputValue()).toBe('{broken');
    expect(blocked).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
