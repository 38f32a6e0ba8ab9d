/// <reference lib="dom" />
/**
 * The media library in Chromium, at 1280 px and 390 px: bulk upload with a refusal per file,
 * search and filters, details with where it is used, replace (the old crop stops answering),
 * delete refused while used then allowed, upload from a picker, and the focal point updating
 * the crop previews without a reload. FOLIO_SCREENSHOTS=/dir keeps a screenshot of each screen.
 */
import fs from 'node:fs';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, systemActor } from '../../src/auth/index.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/store.js';
import { cspViolations, launchBrowser, screenshots } from './browser.js';
import { startTestFolio, type TestFolio } from './folio.js';

const password = 'a long enough password';
const scope = { spaceId: 'folio', environmentId: 'master' };
const usedAsset = 'image-how-to-learn-python';
const article = 'article-how-to-learn-python';
let folio: TestFolio;
let browser: Browser;
let store: Store;
let page: Page;
let narrow: Page;
let blocked: string[] = [];
const shot = screenshots(() => page);

const png = (colour: string, width = 600, height = 400) => sharp({ create: { width, height, channels: 3, background: colour } }).png().toBuffer();
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

beforeAll(async () => {
  if (!fs.existsSync(new URL('../../dist/admin-client/app.js', import.meta.url))) throw new Error('Build first: npm run build makes dist/admin-client/app.js');
  [folio, browser] = await Promise.all([startTestFolio(), launchBrowser()]);
  store = await openStore(folio.storeOptions);
  await addUser(store, systemActor, { email: 'ed@example.com', name: 'Ed Itor', role: 'editor', password });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  blocked = cspViolations(page);
  page.on('pageerror', (err) => {
    throw err;
  });
  await page.goto(`${folio.url}/admin/login`);
  await page.getByLabel('E-mail').fill('ed@example.com');
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/admin/articles');
  narrow = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await narrow.context().addCookies(await page.context().cookies());
  blocked.push(...cspViolations(narrow));
});
afterAll(async () => {
  await browser?.close();
  await store?.close();
  await folio?.destroy();
});

/** The same address at 390 px: nothing wider than the screen, and a screenshot. */
async function atNarrow(name: string, url = page.url()) {
  await narrow.goto(url);
  expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await shot(`${name}-390`, narrow);
}

const cards = () => page.locator('#media-grid .card .name');
const idOf = async (title: string) => (await store.assets.list(scope, { where: [{ field: 'title', locale: 'en-US', op: 'eq', value: title }], limit: 1 })).items[0]!.sys.id;

describe('the media library in Chromium', () => {
  it('uploads three files at once, each with its progress; the PDF posing as an image is refused by its bytes', async () => {
    await page.goto(`${folio.url}/admin/media`);
    await page.locator('#drop-input').setInputFiles([
      { name: 'alpha-harbour.png', mimeType: 'image/png', buffer: await png('#2a6') },
      { name: 'scan.png', mimeType: 'image/png', buffer: pdf },
      { name: 'beta-field.png', mimeType: 'image/png', buffer: await png('#a62') },
    ]);
    const summary = page.locator('[data-upload-summary]');
    await expect.poll(() => summary.textContent(), { timeout: 30_000 }).toBe('2 of 3 uploaded; 1 refused — see below.');
    const rows = page.locator('[data-upload-list] li');
    expect(await rows.count()).toBe(3);
    const failed = page.locator('[data-upload-list] li.failed');
    expect(await failed.locator('.upload-name').textContent()).toBe('scan.png');
    expect(await failed.locator('.error-text').textContent()).toBe('scan.png: The file\'s bytes are application/pdf, not image/png as declared');
    expect(await page.locator('[data-upload-list] li.done progress').evaluateAll((ps) => ps.map((p) => (p as HTMLProgressElement).value))).toEqual([100, 100]);
    await shot('media-bulk-upload');
    await atNarrow('media-bulk-upload');
  });

  it('searches and filters, keeping the filters in the address', async () => {
    await page.goto(`${folio.url}/admin/media`);
    await page.getByLabel('Search').fill('harbour');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/q=harbour/);
    expect(await cards().allTextContents()).toEqual(['alpha-harbour']);
    await page.getByLabel('Search').fill('');
    await page.getByLabel('No alt text').check();
    await page.getByLabel('Status').selectOption('draft');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/missing=alt/);
    expect((await cards().allTextContents()).sort()).toEqual(['alpha-harbour', 'beta-field']);
    await page.getByLabel('Type').selectOption('pdf');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/kind=pdf/);
    expect(await page.locator('.empty').textContent()).toBe('No files match these filters.');
    await page.goto(`${folio.url}/admin/media?kind=image`);
    await shot('media-filtered');
    await atNarrow('media-filtered');
  });

  it('shows an asset’s details: file facts, faces, where it is used, download', async () => {
    await page.goto(`${folio.url}/admin/media/${usedAsset}`);
    const facts = page.locator('dl.facts');
    expect(await facts.textContent()).toMatch(/Dimensions\s*\d+ × \d+ px/);
    expect(await facts.textContent()).toContain('read from the file’s bytes');
    expect(await page.locator('#faces').textContent()).toMatch(/^(None|\d+)$/);
    const usage = page.locator('section', { has: page.getByRole('heading', { name: 'Where it is used' }) });
    expect(await usage.getByRole('link').first().getAttribute('href')).toBe(`/admin/articles/${article}`);
    const download = page.getByRole('link', { name: 'Download original' });
    expect(await download.getAttribute('download')).toBeTruthy();
    await shot('media-details');
    await atNarrow('media-details');
  });

  it('sets the focal point and the three crop previews show the new crops at once, without a reload', async () => {
    const id = await idOf('alpha-harbour');
    await page.goto(`${folio.url}/admin/media/${id}`);
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    const previews = page.locator('#previews img');
    const before = await previews.evaluateAll((imgs) => (imgs as HTMLImageElement[]).map((i) => i.src));
    const image = page.locator('#focal-image');
    const box = (await image.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.8, box.y + box.height * 0.2);
    await expect.poll(() => page.locator('.save-state').textContent(), { timeout: 15_000 }).toContain('Focal point saved');
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('#previews img')].every((i) => i.complete), undefined, { timeout: 15_000 });
    const after = await previews.evaluateAll((imgs) => (imgs as HTMLImageElement[]).map((i) => ({ src: i.src, size: [i.naturalWidth, i.naturalHeight] })));
    expect(after.map((a) => a.size)).toEqual([
      [330, 216],
      [160, 160],
      [480, 160],
    ]);
    after.forEach((a, i) => expect(a.src).not.toBe(before[i]));
    // The old crop addresses answer 404 now: what the page showed before the fix.
    expect((await fetch(before[1]!)).status).toBe(404);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    await shot('media-focal-point');
  });

  it('replaces the file; the old crop stops answering and the page shows the new one', async () => {
    const id = await idOf('beta-field');
    await page.goto(`${folio.url}/admin/media/${id}`);
    const oldCrop = await page.locator('#previews img').first().evaluate((i) => (i as HTMLImageElement).src);
    expect((await fetch(oldCrop)).status).toBe(200);
    const version = (await store.assets.get(scope, id))!.sys.version;
    await page.locator('#replace-input').setInputFiles({ name: 'gamma-wide.png', mimeType: 'image/png', buffer: await png('#36c', 900, 300) });
    await page.waitForURL(/done=replaced/, { timeout: 30_000 });
    expect(await page.locator('.notice').textContent()).toContain('File replaced');
    expect(await page.locator('dl.facts').textContent()).toContain('900 × 300 px');
    expect((await store.assets.get(scope, id))!.sys.version).toBeGreaterThan(version);
    expect((await fetch(oldCrop)).status).toBe(404);
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('#previews img')].every((i) => i.complete && i.naturalWidth > 0));
  });

  it('refuses to delete a file a published article shows, naming it; deletes an unused one after asking', async () => {
    await page.goto(`${folio.url}/admin/media/${usedAsset}`);
    await page.getByRole('link', { name: 'Delete' }).click();
    await page.waitForURL(/\/delete$/);
    expect(await page.locator('h1').textContent()).toBe('This file is in use');
    expect(await page.locator('ul.usage a').first().getAttribute('href')).toBe(`/admin/articles/${article}`);
    expect(await page.getByRole('button', { name: 'Delete file' }).count()).toBe(0);
    await shot('media-delete-refused');
    await atNarrow('media-delete-refused');

    const id = await idOf('beta-field');
    await page.goto(`${folio.url}/admin/media/${id}`);
    await page.getByRole('link', { name: 'Delete' }).click();
    await page.waitForURL(/\/delete$/);
    expect(await page.locator('.confirm p').first().textContent()).toContain('No entry uses it.');
    await shot('media-delete-confirm');
    await atNarrow('media-delete-confirm');
    await page.getByRole('button', { name: 'Delete file' }).click();
    await page.waitForURL(/removed=1/);
    expect(await page.locator('.notice').textContent()).toBe('The file was deleted.');
    expect(await store.assets.get(scope, id)).toBeUndefined();
  });

  it('uploads from the article’s image picker: a PDF is refused for an images-only field, an image is chosen', async () => {
    await page.goto(`${folio.url}/admin/articles/${article}`);
    await page.getByText('Choose from the media library').click();
    const zone = page.locator('#featuredImage-picker-upload');
    await zone.locator('input[type=file]').setInputFiles([
      { name: 'brochure.pdf', mimeType: 'application/pdf', buffer: pdf },
      { name: 'delta-cover.png', mimeType: 'image/png', buffer: await png('#c3c') },
    ]);
    await expect.poll(() => zone.locator('[data-upload-summary]').textContent(), { timeout: 30_000 }).toBe('1 of 2 uploaded; 1 refused — see below.');
    expect(await zone.locator('li.failed .error-text').textContent()).toBe('“brochure.pdf” is a PDF document (application/pdf); this field takes only images');
    const id = await idOf('delta-cover');
    expect(await page.locator(`#featuredImage-picker input[value="${id}"]`).isChecked()).toBe(true);
    await shot('article-picker-upload');
  });

  it('is usable with the keyboard: filters, the upload button and the focal point', async () => {
    await page.goto(`${folio.url}/admin/media`);
    await page.locator('label[for="drop-input"]').focus();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('button');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
    const id = await idOf('alpha-harbour');
    await page.goto(`${folio.url}/admin/media/${id}`);
    const before = (await store.assets.get(scope, id))!.sys.version;
    await page.locator('#focal').focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.locator('.save-state').textContent(), { timeout: 15_000 }).toContain('Focal point saved');
    expect((await store.assets.get(scope, id))!.sys.version).toBeGreaterThan(before);
  });

  it('has no serious or critical axe-core violations on the library, details and delete screens', async () => {
    const axe = fs.readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
    const found: string[] = [];
    for (const path of ['/admin/media', '/admin/media?kind=image&missing=alt', `/admin/media/${usedAsset}`, `/admin/media/${usedAsset}/delete`]) {
      await page.goto(`${folio.url}${path}`);
      // Injected through the debugger, not as a page script: the CSP allows no inline scripts.
      await page.evaluate(axe);
      const violations = await page.evaluate(async () => {
        const run = (window as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }> } }).axe.run;
        return (await run()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
      });
      found.push(...violations.map((v) => `${path}: ${v}`));
    }
    expect(found).toEqual([]);
  });

  it('uploads and replaces with JavaScript off: the native file input and a submit button post the form', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    await context.addCookies(await page.context().cookies());
    const plain = await context.newPage();
    try {
      await plain.goto(`${folio.url}/admin/media`);
      await plain.locator('#drop-input').setInputFiles({ name: 'no-script.png', mimeType: 'image/png', buffer: await png('#2a7') });
      await plain.locator('#drop').getByRole('button', { name: 'Upload' }).click();
      await plain.waitForURL(/\/admin\/media\/[^?]+\?done=uploaded$/);
      expect(await plain.locator('.notice').textContent()).toContain('Uploaded. Give it alt text');
      await plain.locator('#replace-input').setInputFiles({ name: 'no-script-wide.png', mimeType: 'image/png', buffer: await png('#a27', 900, 300) });
      await plain.getByRole('button', { name: 'Upload the new file' }).click();
      await plain.waitForURL(/done=replaced$/);
      expect(await plain.locator('.facts').textContent()).toContain('900 × 300 px');
    } finally {
      await context.close();
    }
  });

  it('needed nothing the Content-Security-Policy blocks', () => {
    expect(blocked).toEqual([]);
  });
});
