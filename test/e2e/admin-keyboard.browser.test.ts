/**
 * The main flow with the keyboard only, as someone who cannot use a mouse works: sign in, start
 * an article, write it (title, description, body with a heading), publish it, and find it on
 * the hub. Only Tab, Shift+Tab, typing, Enter and Space are used. The time from the sign-in page
 * to the published page is printed (a figure for the notes, never asserted).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, systemActor } from '../../src/auth/index.js';
import { openStore } from '../../src/store/index.js';
import { launchBrowser } from './browser.js';
import { startTestFolio, type TestFolio } from './folio.js';

const password = 'a long enough password';
let folio: TestFolio;
let browser: Browser;
let page: Page;

/** What a screen reader would announce for the focused element: its label, name or text. */
const focused = () =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return '';
    const labelled = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : undefined;
    return (el.getAttribute('aria-label') ?? labelled ?? el.textContent ?? '').trim().replace(/\s+/g, ' ');
  });

/** Presses Tab until the focused element is announced as `name` (at most 80 presses). */
async function tabTo(name: string | RegExp) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const now = await focused();
    if (typeof name === 'string' ? now === name : name.test(now)) return;
  }
  throw new Error(`Tab never reached ${String(name)}`);
}

beforeAll(async () => {
  [folio, browser] = await Promise.all([startTestFolio(), launchBrowser()]);
  const store = await openStore(folio.storeOptions);
  await addUser(store, systemActor, { email: 'keys@example.com', name: 'Key Board', role: 'editor', password });
  await store.close();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
  await folio?.destroy();
});

describe('the editor with the keyboard only', () => {
  it('signs in, writes and publishes an article, which the hub then shows', async () => {
    const started = Date.now();
    await page.goto(`${folio.url}/admin/login`);
    await tabTo('E-mail');
    await page.keyboard.type('keys@example.com');
    await tabTo('Password');
    await page.keyboard.type(password);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/admin/articles');

    await tabTo('New article');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/admin/articles/new');
    await tabTo('Title');
    await page.keyboard.type('Typed Without a Mouse');
    await tabTo('Description');
    await page.keyboard.type('Every step of this article was made with the keyboard.');
    // Into the body: past the toolbar's buttons, then Markdown's "## " makes a heading.
    await tabTo(/^Body|^$/);
    while (!(await page.evaluate(() => document.activeElement?.classList.contains('ProseMirror')))) await page.keyboard.press('Tab');
    await page.keyboard.type('## A heading made by typing');
    await page.keyboard.press('Enter');
    await page.keyboard.type('And a paragraph under it.');
    // Out of the body with Tab (the editor does not trap focus), on to the date, the type and Publish.
    await tabTo('Publish date');
    // Chromium's date field in en-US takes month, day and year as typed digits.
    await page.keyboard.type('12062026');
    await tabTo('Type');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => (document.activeElement as HTMLSelectElement).value)).not.toBe('');
    await tabTo('Publish');
    await page.keyboard.press('Enter');
    await page.waitForURL(/done=published/);
    const elapsed = Date.now() - started;
    expect(await page.locator('.notice').textContent()).toContain('Published');

    const hub = await fetch(`${folio.url}/articles/typed-without-a-mouse`);
    expect(hub.status).toBe(200);
    const html = await hub.text();
    expect(html).toContain('Typed Without a Mouse');
    expect(html).toMatch(/<h2[^>]*>[^<]*A heading made by typing/);
    console.log(`keyboard only: sign-in page to published article in ${(elapsed / 1000).toFixed(1)} s (typing at Playwright's speed)`);
  });
});
