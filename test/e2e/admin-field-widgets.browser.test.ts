/// <reference lib="dom" />
/**
 * The generic editor's slug and Markdown widgets (editor interface `slugEditor`, `markdown`):
 * over HTTP, the slug check and the Markdown preview with their limits and refusals; in Chromium,
 * a slug that follows the title until edited and warns when another entry of the type has it, and
 * Markdown formatted from the toolbar and previewed, both stored by autosave.
 */
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, systemActor } from '../../src/auth/index.js';
import { createEntry, getEditorInterface, publishContentType, saveContentType, updateEditorInterface, type EditorInterfaceControl } from '../../src/content/index.js';
import { defineField, openStore, type Store } from '../../src/store/index.js';
import { AdminClient } from './admin-client.js';
import { cspViolations, launchBrowser, screenshots } from './browser.js';
import { startTestFolio, type TestFolio } from './folio.js';

const password = 'a long enough password';
const scope = { spaceId: 'folio', environmentId: 'master' };
let folio: TestFolio;
let browser: Browser;
let store: Store;
let page: Page;
let client: AdminClient;
let existing = '';
let blocked: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  if (!fs.existsSync(new URL('../../dist/admin-client/app.js', import.meta.url))) throw new Error('Build first: npm run build makes dist/admin-client/app.js');
  [folio, browser] = await Promise.all([startTestFolio({}), launchBrowser()]);
  store = await openStore(folio.storeOptions);
  await addUser(store, systemActor, { email: 'ed@example.com', name: 'Ed Editor', role: 'editor', password });
  const fields = [
    defineField('title', 'Symbol', { name: 'Title', required: true }),
    defineField('slug', 'Symbol', { name: 'Slug' }),
    defineField('body', 'Text', { name: 'Body' }),
  ];
  await saveContentType(store, scope, { id: 'page', body: { name: 'Page', description: null, displayField: 'title', fields } }, systemActor);
  await publishContentType(store, scope, { id: 'page' }, systemActor);
  const ui = await getEditorInterface(store, scope, 'page', systemActor);
  const controls = (ui.body.controls as unknown as EditorInterfaceControl[]).map((c) =>
    c.fieldId === 'slug' ? { ...c, widgetId: 'slugEditor' } : c.fieldId === 'body' ? { ...c, widgetId: 'markdown' } : c,
  );
  await updateEditorInterface(store, scope, 'page', { controls }, ui.version, systemActor);
  existing = (await createEntry(store, scope, { contentTypeId: 'page', fields: { title: { 'en-US': 'About us' }, slug: { 'en-US': 'about-us' } } }, systemActor)).sys.id;
  client = await AdminClient.signedIn(folio.url, 'ed@example.com', password);
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  blocked = cspViolations(page);
  page.on('pageerror', (err) => pageErrors.push(err.message));
});
afterAll(async () => {
  await browser?.close();
  await store?.close();
  await folio?.destroy();
});

const check = (q: Record<string, string>) => client.get(`/admin/slug-check?${new URLSearchParams({ type: 'page', field: 'slug', locale: 'en-US', ...q })}`);

describe('slug and Markdown widgets over HTTP', () => {
  it('renders the widgets the editor interface names', async () => {
    const form = await client.get('/admin/entries/new?type=page');
    expect(form.text).toMatch(/<input type="text" id="f-slug" name="f\.slug"[^>]*data-slug data-slug-locale="en-US" data-slug-from="f-title"/);
    expect(form.text).toMatch(/<div class="markdown-field" data-markdown[^>]*><textarea id="f-body" name="f\.body"/);
  });

  it('says which entry of the type has a slug, never the entry itself', async () => {
    expect(JSON.parse((await check({ value: 'about-us' })).text)).toEqual({ taken: { id: existing, title: 'About us' } });
    expect(JSON.parse((await check({ value: 'about-us', id: existing })).text)).toEqual({ taken: null });
    expect(JSON.parse((await check({ value: 'contact' })).text)).toEqual({ taken: null });
    // Another type's field of the same name is not a clash.
    expect(JSON.parse((await check({ value: 'about-us', type: 'article' })).text)).toEqual({ taken: null });
  });

  it('refuses malformed checks and strangers', async () => {
    const bad = await check({ value: 'x', type: '../../x' });
    expect(bad.status).toBe(400);
    const stranger = await fetch(`${folio.url}/admin/slug-check?type=page&field=slug&locale=en-US&value=about-us`, { redirect: 'manual', headers: { accept: 'application/json' } });
    expect([401, 303]).toContain(stranger.status);
    expect(await stranger.text()).not.toContain(existing);
  });

  it('previews Markdown without passing HTML or script links through', async () => {
    const answer = await client.json('/admin/markdown-preview', { text: '# Hi\n\n**bold** <script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>' });
    expect(answer.status).toBe(200);
    const { html } = JSON.parse(answer.text) as { html: string };
    expect(html).toContain('<h1>Hi</h1>');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toMatch(/<script|<img|href="javascript/i);
    expect((await client.json('/admin/markdown-preview', { text: 42 })).status).toBe(400);
    // Without the page's CSRF token a POST is refused.
    const forged = await client.request('POST', '/admin/markdown-preview', { body: JSON.stringify({ text: 'x' }), headers: { 'content-type': 'application/json', accept: 'application/json' } });
    expect(forged.status).toBe(403);
  });
});

describe('slug and Markdown widgets in the browser', { timeout: 120_000 }, () => {
  it('makes the slug from the title until edited, and warns of a clash', async () => {
    await page.goto(`${folio.url}/admin/login?next=%2Fadmin%2Fentries%2Fnew%3Ftype%3Dpage`);
    await page.getByLabel('E-mail').fill('ed@example.com');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/admin/entries/new?type=page');
    await page.getByLabel('Title').pressSequentially('About Us');
    await expect.poll(() => page.getByLabel('Slug').inputValue()).toBe('about-us');
    await expect.poll(() => page.locator('#f-slug-slug').textContent(), { timeout: 10_000 }).toContain('Already used by “About us”');
    await screenshots(() => page)('slug-taken');
    await page.waitForURL(/\/admin\/entries\/[\w-]+$/);
    await page.getByLabel('Title').pressSequentially(' team');
    await expect.poll(() => page.getByLabel('Slug').inputValue()).toBe('about-us-team');
    await expect.poll(() => page.locator('#f-slug-slug').textContent(), { timeout: 10_000 }).toContain('No other entry');
    const id = /\/admin\/entries\/([\w-]+)$/.exec(page.url())![1]!;
    await expect.poll(async () => (await store.entries.get(scope, id))?.fields.slug, { timeout: 10_000 }).toEqual({ 'en-US': 'about-us-team' });
    // Edited by hand, it stops following the title.
    await page.getByLabel('Slug').fill('team');
    await page.getByLabel('Title').pressSequentially('!');
    expect(await page.getByLabel('Slug').inputValue()).toBe('team');
    await expect.poll(async () => (await store.entries.get(scope, id))?.fields.slug, { timeout: 10_000 }).toEqual({ 'en-US': 'team' });
  });

  it('formats Markdown from the toolbar and previews it', async () => {
    const body = page.getByLabel('Body');
    const toolbar = page.locator('[data-field="body"]').getByRole('toolbar', { name: 'Markdown formatting' });
    await body.fill('Welcome');
    await body.selectText();
    await toolbar.getByRole('button', { name: 'Bold' }).click();
    expect(await body.inputValue()).toBe('**Welcome**');
    await body.press('End');
    await body.pressSequentially('\n\n');
    await toolbar.getByRole('button', { name: 'Bulleted list' }).click();
    expect(await body.inputValue()).toBe('**Welcome**\n\n- Item');
    await toolbar.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(() => page.locator('#f-body-preview').innerHTML()).toContain('<strong>Welcome</strong>');
    expect(await page.locator('#f-body-preview li').textContent()).toBe('Item');
    await screenshots(() => page)('markdown-preview');
    await toolbar.getByRole('button', { name: 'Edit' }).click();
    const id = /\/admin\/entries\/([\w-]+)$/.exec(page.url())![1]!;
    await expect.poll(async () => (await store.entries.get(scope, id))?.fields.body, { timeout: 10_000 }).toEqual({ 'en-US': '**Welcome**\n\n- Item' });
    expect(pageErrors).toEqual([]);
    expect(blocked).toEqual([]);
  });
});
