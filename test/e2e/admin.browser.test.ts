/// <reference lib="dom" />
/**
 * The editor in Chromium: sign in, list and filter, edit with autosave and publish (seen on the
 * public page), version history and scheduling, upload with progress, alt text and focal point,
 * and keyboard-only use.
 * Set FOLIO_SCREENSHOTS=/some/dir to keep screenshots of each screen.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser , systemActor } from '../../src/auth/index.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/store.js';
import { cspViolations, launchBrowser } from './browser.js';
import { startTestFolio, type TestFolio } from './folio.js';

const password = 'a long enough password';
const scope = { spaceId: 'folio', environmentId: 'master' };
const article = 'article-how-to-learn-python';
let folio: TestFolio;
let browser: Browser;
let store: Store;
let page: Page;
let blocked: string[] = [];

const shots = process.env.FOLIO_SCREENSHOTS;
const shot = async (name: string, p: Page = page) => {
  if (shots) await p.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
};

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
});
afterAll(async () => {
  await browser?.close();
  await store?.close();
  await folio?.destroy();
});

const rows = () => page.locator('table.articles tbody tr');

describe('the editor in Chromium', () => {
  it('signs in and lands where it was going', async () => {
    await page.goto(`${folio.url}/admin/media`);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/admin/login');
    await shot('login');
    await page.getByLabel('E-mail').fill('ed@example.com');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/admin/media');
    expect(await page.locator('h1').textContent()).toBe('Media');
  });

  it('lists articles and filters them by topic, words and status', async () => {
    await page.goto(`${folio.url}/admin/articles`);
    expect(await rows().count()).toBe(7);
    await shot('articles');
    await page.getByLabel('Topic').selectOption({ label: 'Python' });
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/topic=topic-python/);
    expect(await rows().locator('td.title a').allTextContents()).toEqual(['How to Learn Python: A Step-by-Step Guide']);
    await page.goto(`${folio.url}/admin/articles`);
    await page.getByLabel('Search').fill('devops');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/q=devops/);
    expect(await rows().count()).toBe(2);
    await page.getByLabel('Status').selectOption('draft');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/status=draft/);
    expect(await page.locator('.empty').textContent()).toContain('No articles match');

    // A new article: the slug follows the title as it is typed.
    await page.getByRole('button', { name: 'New article' }).click();
    await page.waitForURL(/\/admin\/articles\/[A-Za-z0-9]+$/);
    await page.getByLabel('Title', { exact: true }).fill('Ünïcode & Spaces: a Title!');
    expect(await page.getByLabel('Slug').inputValue()).toBe('unicode-spaces-a-title');
  });

  it('stores nothing for a new article until something is typed, and asks before leaving with typing not yet saved', async () => {
    // The title typed in the last test makes its draft by autosave: wait for that first.
    await expect.poll(() => page.locator('#save-state').textContent(), { timeout: 15_000 }).toMatch(/Draft saved/);
    const before = (await store.entries.list(scope, { contentTypeId: 'article', limit: 0 })).total;
    // Another tab of the same signed-in browser.
    const tabs = await browser.newContext();
    await tabs.addCookies(await page.context().cookies());
    const tab = await tabs.newPage();
    await tab.goto(`${folio.url}/admin/articles/new`);
    await tab.locator('.ProseMirror').waitFor();
    expect((await store.entries.list(scope, { contentTypeId: 'article', limit: 0 })).total).toBe(before);
    await tab.getByLabel('Title', { exact: true }).click();
    await tab.keyboard.type('Half a thought');
    const asked = new Promise<string>((resolve) => tab.once('dialog', (d) => { resolve(d.type()); void d.accept(); }));
    await tab.close({ runBeforeUnload: true });
    expect(await Promise.race([asked, new Promise<string>((resolve) => setTimeout(() => resolve('no question'), 5000))])).toBe('beforeunload');
    await tabs.close();
  });

  it('autosaves edits, warns on a conflicting edit, and publishes to the public page', async () => {
    await page.goto(`${folio.url}/admin/articles/${article}`);
    await page.locator('.ProseMirror').waitFor();
    await shot('edit');
    const start = (await store.entries.get(scope, article))!.sys.version;
    await page.getByLabel('Title', { exact: true }).fill('Learn Python, Step by Step');
    // A slug that is not the title's own (set by hand, already public) stays as it is.
    expect(await page.getByLabel('Slug').inputValue()).toBe('how-to-learn-python');
    await page.locator('.ProseMirror p').first().click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Typed in the browser.');
    await expect.poll(() => page.locator('#save-state').textContent(), { timeout: 15_000 }).toMatch(/Draft saved/);
    await expect.poll(async () => (await store.entries.get(scope, article))!.fields.title!['en-US']).toBe('Learn Python, Step by Step');
    const saved = (await store.entries.get(scope, article))!;
    expect(saved.sys.version).toBeGreaterThan(start);
    expect(JSON.stringify(saved.fields.body)).toContain('Typed in the browser.');
    expect(await page.locator('.page-head .badge').textContent()).toBe('Changed');

    // Bold through the toolbar round-trips into RichText marks.
    await page.keyboard.down('Shift');
    for (let i = 0; i < 'browser.'.length; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.up('Shift');
    await page.getByRole('button', { name: 'Bold' }).click();
    await expect.poll(async () => JSON.stringify((await store.entries.get(scope, article))!.fields.body), { timeout: 15_000 }).toContain('{"nodeType":"text","value":"browser.","marks":[{"type":"bold"}],"data":{}}');

    await page.getByRole('button', { name: 'Publish changes' }).click();
    await page.waitForURL(/done=published/);
    expect(await page.locator('.notice').textContent()).toContain('Published');
    const hub = await (await fetch(`${folio.url}/articles/how-to-learn-python`)).text();
    expect(hub).toContain('Learn Python, Step by Step');
    expect(hub).toContain('<strong>browser.</strong>');

    // Someone else saves meanwhile: the next autosave says so and keeps the text on the page.
    const current = (await store.entries.get(scope, article))!;
    await store.entries.update(scope, article, { contentTypeId: 'article', fields: { ...current.fields, description: { 'en-US': 'Changed elsewhere.' } } }, current.sys.version);
    await page.getByLabel('Description').fill('My own description');
    await expect.poll(() => page.locator('#save-state').textContent(), { timeout: 15_000 }).toContain('Someone else saved this article');
    expect(await page.getByLabel('Description').inputValue()).toBe('My own description');
    expect((await store.entries.get(scope, article))!.fields.description!['en-US']).toBe('Changed elsewhere.');
  });

  it('schedules in the browser’s time zone, compares a version with the draft and restores it', async () => {
    // A reader in Adelaide (UTC+10:30 in January, summer time): the typed time is theirs, sent with that day's offset and their zone.
    const adelaide = await browser.newPage({ viewport: { width: 1280, height: 900 }, timezoneId: 'Australia/Adelaide' });
    await adelaide.context().addCookies(await page.context().cookies());
    await adelaide.goto(`${folio.url}/admin/articles/${article}`);
    expect(await adelaide.locator('#f-scheduleAt-hint').textContent()).toContain('Australia/Adelaide');
    await adelaide.getByLabel('Date and time').fill('2030-01-01T09:00');
    await adelaide.getByRole('button', { name: 'Schedule publish' }).click();
    await adelaide.waitForURL(/done=scheduled/);
    const [action] = (await store.scheduledActions.list('folio', { environmentId: 'master', entityId: article, statuses: ['scheduled'] })).items;
    expect([action!.scheduledFor, action!.timezone]).toEqual(['2029-12-31T22:30:00.000Z', 'Australia/Adelaide']);
    expect(await adelaide.locator('.scheduled-note time').textContent()).toMatch(/9:00|09:00/);
    await adelaide.close();

    // The draft's description was changed elsewhere: compare the live version with it, then restore.
    await page.goto(`${folio.url}/admin/articles/${article}`);
    await shot('history-edit');
    const history = page.locator('section.history');
    expect(await history.locator('.versions li').count()).toBe(2);
    await history.getByRole('link', { name: /Compare with current draft/ }).first().click();
    await page.waitForURL(/\/history\//);
    await shot('compare');
    const description = page.locator('section.diff-field', { has: page.getByRole('heading', { name: /Description/ }) });
    expect(await description.locator('ins').allTextContents()).toContain('[added: Changed elsewhere]');
    expect(await page.locator('details.diff-field.same').count()).toBeGreaterThan(3);
    for (const [name, width] of [['history-edit-375', 375], ['compare-375', 375]] as const) {
      const narrow = await browser.newPage({ viewport: { width, height: 800 } });
      await narrow.context().addCookies(await page.context().cookies());
      await narrow.goto(name.startsWith('compare') ? page.url() : `${folio.url}/admin/articles/${article}`);
      expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await shot(name, narrow);
      await narrow.close();
    }
    const live = (await store.entries.getPublished(scope, article))!;
    await page.getByRole('button', { name: /^Restore version/ }).click();
    await page.waitForURL(/done=restored/);
    expect(await page.locator('.notice').textContent()).toContain('restored as the draft');
    expect((await store.entries.get(scope, article))!.fields).toEqual(live.fields);
    await store.scheduledActions.cancel('folio', action!.id, 'test');
  });

  it('uploads with a progress bar, then takes alt text and a focal point', async () => {
    await page.goto(`${folio.url}/admin/media`);
    await shot('media');
    // Noise compresses badly: a file big enough for several progress events.
    const raw = randomBytes(900 * 600 * 3);
    const png = await sharp(raw, { raw: { width: 900, height: 600, channels: 3 } }).png().toBuffer();
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      new MutationObserver(() => {
        const p = document.querySelector('[data-upload-list] progress') as HTMLProgressElement | null;
        if (p) seen.push(String(p.value));
      }).observe(document.querySelector('[data-upload-list]')!, { subtree: true, attributes: true, childList: true, characterData: true });
    });
    await page.locator('#drop-input').setInputFiles({ name: 'noise field.png', mimeType: 'image/png', buffer: png });
    const done = page.getByRole('link', { name: 'Uploaded — add alt text' });
    await done.waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-upload-list] progress').evaluate((p) => (p as HTMLProgressElement).value)).toBe(100);
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    expect(seen.at(-1)).toBe('100');
    expect(png.length).toBeGreaterThan(1_000_000);

    await done.click();
    await page.waitForURL(/\/admin\/media\/[A-Za-z0-9]+$/);
    const id = new URL(page.url()).pathname.split('/').pop()!;
    const image = page.locator('#focal-image');
    await image.waitFor();
    const box = (await image.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.25, box.y + box.height * 0.75);
    await expect.poll(() => page.locator('.save-state').textContent(), { timeout: 15_000 }).toContain('Focal point saved');
    const file = (await store.assets.get(scope, id))!.fields.file!['en-US'] as { details: { image: { focalPoint: { x: number; y: number } } } };
    expect(file.details.image.focalPoint.x).toBeCloseTo(0.25, 1);
    expect(file.details.image.focalPoint.y).toBeCloseTo(0.75, 1);
    await page.getByLabel('Alt text').fill('Grey noise, like an old television.');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/done=saved/);
    const previews = page.locator('#previews img');
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('#previews img')].every((i) => i.complete && i.naturalWidth > 0));
    expect(await previews.evaluateAll((imgs) => (imgs as HTMLImageElement[]).map((i) => [i.naturalWidth, i.naturalHeight]))).toEqual([
      [330, 216],
      [160, 160],
      [480, 160],
    ]);
    await shot('media-edit');
    expect((await store.assets.get(scope, id))!.fields.description!['en-US']).toBe('Grey noise, like an old television.');
  });

  it('works with the keyboard alone', async () => {
    await page.goto(`${folio.url}/admin/articles`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    const reached: string[] = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        return el.id || el.textContent?.trim() || el.tagName;
      }));
    }
    // The filters in reading order, the sort after them, then the button that applies them.
    expect(reached.slice(0, 5)).toEqual(['New article', 'q', 'topic', 'status', 'sort']);
    expect(reached.indexOf('Apply')).toBeGreaterThan(4);
    // Focus is visible: the outline comes from :focus-visible.
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid');
    // The first article opens with Enter.
    while (!(await page.evaluate(() => (document.activeElement as HTMLAnchorElement).href?.includes('/admin/articles/')))) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/admin\/articles\/[^?]+$/);
    // Editor: title, slug, description, the toolbar and the body are all reachable in order.
    await page.getByLabel('Description').focus();
    const order: string[] = [];
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => (document.activeElement as HTMLElement).id || (document.activeElement as HTMLElement).textContent!.trim()));
    }
    expect(order).toEqual(['Paragraph', 'H2', 'H3']);
    await page.locator('.ProseMirror').focus();
    // A new first block, made a heading by typing Markdown's "## ".
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.type('## Keyboard heading');
    expect(await page.locator('.ProseMirror > *').first().evaluate((el) => [el.tagName, el.textContent])).toEqual(['H2', 'Keyboard heading']);
    // Media upload is reachable as a button.
    await page.goto(`${folio.url}/admin/media`);
    await page.locator('label[for="drop-input"]').focus();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('button');

    // The list at 375 px.
    const narrow = await browser.newPage({ viewport: { width: 375, height: 800 } });
    await narrow.context().addCookies(await page.context().cookies());
    await narrow.goto(`${folio.url}/admin/articles`);
    const width = await narrow.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
    await shot('articles-375', narrow);
    await narrow.close();
  });

  it('needed nothing the Content-Security-Policy blocks on any of those screens', () => {
    expect(blocked).toEqual([]);
  });
});
