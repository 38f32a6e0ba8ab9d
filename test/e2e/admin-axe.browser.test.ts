/**
 * Every admin screen through axe-core (WCAG 2.1 A and AA rules) in Chromium, at phone and
 * desktop widths. The screens are found by following the editor's own links from the article
 * list, one page per kind of address (ids replaced), so new screens are checked as they appear.
 * Serious and critical violations fail the test, with the rule, the page and the elements.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, systemActor } from '../../src/auth/index.js';
import { openStore } from '../../src/store/index.js';
import { launchBrowser } from './browser.js';
import { startTestFolio, type TestFolio } from './folio.js';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const password = 'a long enough password';
/** Most kinds of screen visited; the editor has far fewer. */
const maxScreens = 80;
/** Addresses that are not screens: scripts, JSON, downloads, the public site, signing out. */
const notScreens = /^\/admin\/(assets|pickers|logout)|\/(preview|download|file)(\/|$)|\.json$/;

let folio: TestFolio;
let browser: Browser;
let page: Page;

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** `/admin/entries/abc123/history/9` → `/admin/entries/:id/history/:id`: one visit per kind of screen. */
const kindOf = (path: string) =>
  path
    .split('/')
    .map((part, i) => (i > 2 && !/^(new|delete|calls|history|fields|edit|settings)$/.test(part) ? ':id' : part))
    .join('/');

async function audit(p: Page): Promise<Violation[]> {
  // Through the DevTools protocol, which the page's CSP does not govern (an injected <script> would be refused).
  await p.evaluate(axeSource);
  const result = await p.evaluate(() =>
    (window as unknown as { axe: { run(c: Document, o: object): Promise<{ violations: Violation[] }> } }).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
  );
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

beforeAll(async () => {
  [folio, browser] = await Promise.all([startTestFolio(), launchBrowser()]);
  const store = await openStore(folio.storeOptions);
  await addUser(store, systemActor, { email: 'axe@example.com', name: 'Axe Admin', role: 'admin', password });
  await store.close();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
  await folio?.destroy();
});

describe('admin screens with axe-core', () => {
  it('have no serious or critical WCAG 2.1 AA violations, signed out and signed in, at 390 and 1280 px', { timeout: 600_000 }, async () => {
    const problems: string[] = [];
    const check = async (p: Page, label: string) => {
      for (const v of await audit(p)) problems.push(`${label}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    };

    await page.goto(`${folio.url}/admin/login`);
    await check(page, '/admin/login');
    await page.getByLabel('E-mail').fill('axe@example.com');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/admin/articles');

    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await phone.context().addCookies(await page.context().cookies());
    const queue = ['/admin/articles'];
    const seen = new Set(queue.map(kindOf));
    const visited: string[] = [];
    while (queue.length && visited.length < maxScreens) {
      const path = queue.shift()!;
      const response = await page.goto(`${folio.url}${path}`);
      if (!response || response.status() >= 400 || !new URL(page.url()).pathname.startsWith('/admin')) continue;
      visited.push(path);
      await check(page, `${path} @1280`);
      await phone.goto(`${folio.url}${path}`);
      await check(phone, `${path} @390`);
      const links = await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
      for (const href of links) {
        const url = new URL(href);
        if (url.origin !== folio.url || !url.pathname.startsWith('/admin') || notScreens.test(url.pathname)) continue;
        const kind = kindOf(url.pathname);
        if (seen.has(kind)) continue;
        seen.add(kind);
        queue.push(url.pathname + url.search);
      }
    }
    await phone.close();
    console.log(`axe-core ${visited.length} screens: ${visited.join(' ')}`);
    // The crawl reached the editor's main screens, so a pass means something.
    for (const screen of ['/admin/articles', '/admin/media', '/admin/entries', '/admin/content-types', '/admin/users', '/admin/webhooks']) {
      expect(visited.map(kindOf)).toContain(kindOf(screen));
    }
    expect(problems).toEqual([]);

    // The harness itself sees a violation when there is one.
    await page.evaluate(() => document.querySelector('main')?.append(Object.assign(document.createElement('img'), { src: '/admin/nothing.png' })));
    expect((await audit(page)).map((v) => v.id)).toContain('image-alt');
  });
});
