/// <reference lib="dom" />
/**
 * The environment switcher in Chromium: the editor says which environment it works in; an admin
 * switches to a cloned environment (or an alias of it) for the session and every screen (lists,
 * the entry editor, its saves) works there, while master is untouched; a non-admin stays on
 * master even with the admin's cookie.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, systemActor } from '../../src/auth/index.js';
import { createEntry, publishContentType, putEnvironment, putEnvironmentAlias, saveContentType } from '../../src/content/index.js';
import { defineField, openStore, type Store } from '../../src/store/index.js';
import { launchBrowser } from './browser.js';
import { startTestFolio, type TestFolio } from './folio.js';

const password = 'a long enough password';
const master = { spaceId: 'folio', environmentId: 'master' };
const staging = { spaceId: 'folio', environmentId: 'staging' };
let folio: TestFolio;
let browser: Browser;
let store: Store;

beforeAll(async () => {
  [folio, browser] = await Promise.all([startTestFolio({ FOLIO_ADMIN_EMAIL: 'admin@example.com', FOLIO_ADMIN_PASSWORD: password }), launchBrowser()]);
  store = await openStore(folio.storeOptions);
  await addUser(store, systemActor, { email: 'author@example.com', name: 'author', role: 'author', password });
  await saveContentType(store, master, { id: 'note', body: { name: 'Note', description: null, displayField: 'title', fields: [defineField('title', 'Symbol', { name: 'Title' })] } }, systemActor);
  await publishContentType(store, master, { id: 'note' }, systemActor);
  await createEntry(store, master, { id: 'shared-note', contentTypeId: 'note', fields: { title: { 'en-US': 'Shared note' } } }, systemActor);
  const made = await putEnvironment(store, 'folio', 'staging', { name: 'Staging' }, systemActor);
  await made.copied;
  await putEnvironmentAlias(store, 'folio', 'preview', 'staging', undefined, systemActor);
  await createEntry(store, staging, { id: 'staging-note', contentTypeId: 'note', fields: { title: { 'en-US': 'Only in staging' } } }, systemActor);
});
afterAll(async () => {
  await browser?.close();
  await store?.close();
  await folio?.destroy();
});

async function signIn(page: Page, who: string) {
  await page.goto(`${folio.url}/admin/login`);
  await page.getByLabel('E-mail').fill(`${who}@example.com`);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/admin\/articles/);
}

describe('the environment switcher in Chromium', () => {
  it('lets an admin work in another environment or alias for the session; master stays as it was', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, 'admin');
    const switcher = page.getByLabel('Environment');
    expect(await switcher.inputValue()).toBe('master');
    expect(await switcher.locator('option').allTextContents()).toEqual(['master', 'preview (alias of staging)', 'staging']);

    await page.goto(`${folio.url}/admin/entries?type=note`);
    expect(await page.locator('main').textContent()).not.toContain('Only in staging');
    await switcher.selectOption('staging');
    await page.getByRole('button', { name: 'Switch' }).click();
    // Back on the same screen, now in staging.
    await page.waitForURL(`${folio.url}/admin/entries?type=note`);
    expect(await page.getByLabel('Environment').inputValue()).toBe('staging');
    expect(await page.locator('main').textContent()).toContain('Only in staging');

    // The editor reads and saves in staging (a form post: the body is parsed before the save).
    await page.getByRole('link', { name: 'Shared note', exact: true }).click();
    await page.getByLabel('Title').fill('Shared note, changed in staging');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.waitForURL(/done=saved/);
    expect((await store.entries.get(staging, 'shared-note'))!.fields.title).toEqual({ 'en-US': 'Shared note, changed in staging' });
    expect((await store.entries.get(master, 'shared-note'))!.fields.title).toEqual({ 'en-US': 'Shared note' });

    // The choice is kept for the session: a new page still works in staging.
    const again = await context.newPage();
    await again.goto(`${folio.url}/admin/entries?type=note`);
    expect(await again.getByLabel('Environment').inputValue()).toBe('staging');

    // An alias: shown as the alias, reading its target.
    await again.getByLabel('Environment').selectOption('preview');
    await again.getByRole('button', { name: 'Switch' }).click();
    await again.waitForURL(`${folio.url}/admin/entries?type=note`);
    expect(await again.getByLabel('Environment').inputValue()).toBe('preview');
    expect(await again.locator('main').textContent()).toContain('Only in staging');

    // Back to master.
    await again.getByLabel('Environment').selectOption('master');
    await again.getByRole('button', { name: 'Switch' }).click();
    await again.waitForURL(`${folio.url}/admin/entries?type=note`);
    expect(await again.locator('main').textContent()).not.toContain('Only in staging');
    await context.close();
  });

  it('keeps everyone else on master, even with an admin’s choice in their cookies', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, 'author');
    expect(await page.locator('.env').textContent()).toBe('Environment: master');
    expect(await page.locator('#env-switch').count()).toBe(0);
    await context.addCookies([{ name: 'folio_environment', value: 'staging', url: `${folio.url}/admin` }]);
    await page.goto(`${folio.url}/admin/entries?type=note`);
    expect(await page.locator('main').textContent()).not.toContain('Only in staging');
    expect(await page.locator('.env').textContent()).toBe('Environment: master');
    const refused = await page.request.post(`${folio.url}/admin/environment`, { form: { environment: 'staging', _csrf: (await page.locator('meta[name="csrf-token"]').getAttribute('content'))! } });
    expect(refused.status()).toBe(403);
    await context.close();
  });
});
