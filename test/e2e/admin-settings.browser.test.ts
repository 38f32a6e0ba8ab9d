/// <reference lib="dom" />
/**
 * The Settings area in Chromium: an admin creates a webhook through the form with the keyboard
 * and mouse, sees its secret once, and the webhook is called when an article is published.
 * Every Settings screen must fit phone and desktop widths; set FOLIO_SCREENSHOTS=/some/dir to keep
 * screenshots of each at 1280 and 375 px.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/store.js';
import { startReceiver, type Receiver } from '../../src/webhooks/test-support/receiver.js';
import { launchBrowser } from './browser.js';
import { startTestFolio, type TestFolio } from './folio.js';

const password = 'a long enough password';
const managementToken = 'management-token-for-settings-browser';
// The receiver listens on loopback, a private address webhooks may call only when allowed.
const quick = { webhooks: { pollIntervalMs: 25, backoffBaseMs: 20, backoffMaxMs: 100, allowPrivateTargets: true }, scheduling: { pollIntervalMs: 25 } };
let folio: TestFolio;
let browser: Browser;
let store: Store;
let receiver: Receiver;
let page: Page;

const shots = process.env.FOLIO_SCREENSHOTS;

beforeAll(async () => {
  [folio, browser, receiver] = await Promise.all([
    startTestFolio({ FOLIO_ADMIN_EMAIL: 'admin@example.com', FOLIO_ADMIN_PASSWORD: password, FOLIO_MANAGEMENT_TOKEN: managementToken }, undefined, { background: quick }),
    launchBrowser(),
    startReceiver(),
  ]);
  store = await openStore(folio.storeOptions);
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (err) => {
    throw err;
  });
});
afterAll(async () => {
  await browser?.close();
  await receiver?.close();
  await store?.close();
  await folio?.destroy();
});

async function publishArticle(id: string) {
  const at = `${folio.url}/management/spaces/folio/environments/master/entries/${id}`;
  const headers = { authorization: `Bearer ${managementToken}` };
  const entry = (await (await fetch(at, { headers })).json()) as { sys: { version: number } };
  const res = await fetch(`${at}/published`, { method: 'PUT', headers: { ...headers, 'x-contentful-version': String(entry.sys.version) } });
  expect(res.status).toBe(200);
}

describe('Settings in Chromium', () => {
  it('creates a webhook through the form, shows its secret once, and the webhook is called', async () => {
    await page.goto(`${folio.url}/admin/login`);
    await page.getByLabel('E-mail').fill('admin@example.com');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/admin/articles');

    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Webhooks' }).click();
    await page.getByRole('link', { name: 'New webhook' }).click();
    await page.waitForURL('**/admin/webhooks/new');

    // Sending it empty puts the problems beside the fields and moves nothing.
    await page.getByRole('button', { name: 'Create webhook' }).click();
    expect(await page.locator('.error-summary li').allTextContents()).toEqual(['Give the webhook a name of up to 255 characters.', 'Enter the address to call: an absolute http:// or https:// URL, without a user name or password in it.', 'Choose at least one event to send.']);
    await page.locator('.error-summary a').first().click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-name');

    await page.getByLabel('Name', { exact: true }).fill('Rebuild');
    await page.getByLabel('URL', { exact: true }).fill(`${receiver.url}/from-browser`);
    const entries = page.getByRole('group', { name: 'Entries' });
    await entries.getByLabel('publish', { exact: true }).check();
    // The keyboard reaches the next checkbox and Space ticks it.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    expect(await entries.getByLabel('unpublish', { exact: true }).isChecked()).toBe(true);
    await page.getByLabel('Content type', { exact: true }).selectOption('is');
    await page.getByLabel('Content type ids').fill('article');
    await page.getByLabel('Header 1 name').fill('X-Source');
    await page.getByLabel('Header 1 value').fill('browser');
    await page.getByRole('button', { name: 'Create webhook' }).click();

    await page.locator('#signing-secret').waitFor();
    const secret = (await page.locator('#signing-secret').textContent())!.trim();
    const hook = (await store.webhooks.list('folio')).items[0]!;
    expect(hook).toMatchObject({ name: 'Rebuild', url: `${receiver.url}/from-browser`, topics: ['Entry.publish', 'Entry.unpublish'], secret, headers: [{ key: 'X-Source', value: 'browser', secret: false }] });

    await publishArticle('article-how-to-learn-python');
    const calls = await receiver.until((c) => c.some((x) => x.path === '/from-browser'));
    expect(calls.find((x) => x.path === '/from-browser')!.headers['x-source']).toBe('browser');
    await page.getByRole('link', { name: 'All webhooks' }).click();
    await expect.poll(async () => (await page.reload(), await page.locator('table tbody tr td').nth(3).textContent())).toContain('HTTP 200');
  });

  it('every Settings screen fits a 1280 px and a 375 px wide window, with one h1', async () => {
    const hook = (await store.webhooks.list('folio')).items[0]!;
    const call = (await store.webhooks.listLog('folio', hook.id)).items[0]!;
    const screens: Array<[string, string, ((p: Page) => Promise<unknown>)?]> = [
      ['content-types', '/admin/content-types'],
      ['content-type', '/admin/content-types/article'],
      ['field-edit', '/admin/content-types/article/fields/topics'],
      ['content-type-delete', '/admin/content-types/author/delete', (p) => p.getByRole('button', { name: 'Delete content type' }).click()],
      ['api-keys', '/admin/api-keys'],
      ['api-key-created', '/admin/api-keys', async (p) => {
        await p.getByLabel('Name', { exact: true }).fill('Website');
        await p.getByRole('button', { name: 'Create API key' }).click();
      }],
      ['api-key-edit', '', async (p) => p.goto(`${folio.url}/admin/api-keys/${(await store.apiKeys.list('folio')).find((k) => k.kind === 'delivery')!.id}`)],
      ['api-key-delete', '', async (p) => p.goto(`${folio.url}/admin/api-keys/${(await store.apiKeys.list('folio')).find((k) => k.kind === 'delivery')!.id}/delete`)],
      ['webhooks', '/admin/webhooks'],
      ['webhook-new-errors', '/admin/webhooks/new', (p) => p.getByRole('button', { name: 'Create webhook' }).click()],
      ['webhook-edit', `/admin/webhooks/${hook.id}`],
      ['webhook-calls', `/admin/webhooks/${hook.id}/calls`],
      ['webhook-call', `/admin/webhooks/${hook.id}/calls/${call.id}`],
      ['webhook-secret', `/admin/webhooks/${hook.id}`, async (p) => {
        await p.getByLabel('Replace the signing secret', { exact: false }).check();
        await p.getByRole('button', { name: 'Save webhook' }).click();
      }],
      ['webhook-delete', `/admin/webhooks/${hook.id}/delete`],
      ['users', '/admin/users'],
    ];
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      for (const [name, path, act] of screens) {
        if (path) await page.goto(`${folio.url}${path}`);
        if (act) await act(page);
        await page.waitForLoadState('load');
        const fit = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, h1: document.querySelectorAll('h1').length }));
        expect(fit, `${name} at ${width} px`).toEqual({ scroll: width, h1: 1 });
        if (shots) await page.screenshot({ path: `${shots}/${name}-${width}.png`, fullPage: true });
      }
    }
  });
});
