/// <reference lib="dom" />
/**
 * The hub in Chromium at a phone's and a laptop's width: cards and their images, navigation,
 * pagination, topic chips, related articles, search with and without JavaScript, draft links,
 * the 404 page, keyboard focus and the dark scheme. Set FOLIO_SCREENSHOTS=dir to keep
 * full-page screenshots of every page type.
 */
import sharp from 'sharp';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPreviewUrl } from '../../src/site/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { cspViolations, launchBrowser } from './browser.js';
import { startTestFolio, type TestFolio } from './folio.js';

let folio: TestFolio;
let browser: Browser;
let store: Store;
let origin: string;
beforeAll(async () => {
  [folio, browser] = await Promise.all([startTestFolio(), launchBrowser()]);
  store = await openStore(folio.storeOptions);
  origin = folio.url.replace('127.0.0.1', 'localhost');
});
afterAll(async () => {
  await browser?.close();
  await store?.close();
  await folio?.destroy();
});

const shots = process.env.FOLIO_SCREENSHOTS;
async function shoot(page: Page, name: string, width: number) {
  if (shots) await page.screenshot({ path: `${shots}/${name}-${width}.png`, fullPage: true });
}

/** Nothing wider than the viewport: no sideways scrolling on phones. */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

async function allImagesLoaded(page: Page) {
  const images = page.locator('main img');
  const count = await images.count();
  for (let i = 0; i < count; i++) await images.nth(i).scrollIntoViewIfNeeded();
  await page.waitForFunction(() => [...document.querySelectorAll('main img')].every((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0));
  return count;
}

describe.each([375, 1280])('at %i px', (width) => {
  let context: BrowserContext;
  let page: Page;
  let blocked: string[] = [];
  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width, height: 900 } });
    page = await context.newPage();
    blocked = cspViolations(page);
  });
  afterAll(() => context?.close());

  it('home: lead, chips and seed cards with loaded 330×216 progressive JPEGs; pagination', async () => {
    const seedImages = new Map<string, Promise<Buffer>>();
    page.on('response', (res) => {
      if (res.url().includes('w=330&h=216')) seedImages.set(res.url(), res.body());
    });
    await page.goto(`${origin}/`);
    await expect.poll(() => page.locator('.lead h2').textContent()).toContain('What Does a DevOps Engineer Do?');
    expect(await page.locator('nav.chips a.chip').count()).toBe(6);
    expect(await page.locator('ul.cards > li').count()).toBe(5);
    expect(await allImagesLoaded(page)).toBe(6);
    const cardSizes = await page.locator('img.card-media').evaluateAll((imgs) => (imgs as HTMLImageElement[]).map((i) => [i.naturalWidth, i.naturalHeight, i.alt]));
    for (const [w, h, alt] of cardSizes) {
      expect([w, h]).toEqual([330, 216]);
      expect(alt).toMatch(/^\[Featured [Ii]mage\] /);
    }
    for (const [url, body] of seedImages) {
      expect(await sharp(await body).metadata(), url).toMatchObject({ format: 'jpeg', width: 330, height: 216, isProgressive: true });
    }
    page.removeAllListeners('response');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await shoot(page, 'home', width);

    await page.getByRole('link', { name: 'Older →' }).click();
    await page.waitForURL(`${origin}/?page=2`);
    expect(await page.locator('ul.cards > li').count()).toBe(1);
    await expect.poll(() => page.locator('h1').textContent()).toContain('page 2 of 2');
    await page.getByRole('link', { name: '← Newer' }).click();
    await page.waitForURL(`${origin}/`);
  });

  it('navigates card → article (contents, related) → related article → topic chip → author', async () => {
    await page.goto(`${origin}/`);
    await page.locator('ul.cards').getByRole('link', { name: /How to Become a Game Developer/ }).click();
    await page.waitForURL(/\/articles\/how-to-become-a-game-developer$/);
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('.hero img').getAttribute('fetchpriority')).toBe('high');
    const toc = page.locator('nav.toc a');
    expect(await toc.count()).toBeGreaterThanOrEqual(3);
    await toc.first().click();
    expect(page.url()).toMatch(/#[a-z0-9-]+$/);
    const related = page.locator('section.related .card h3 a');
    expect(await related.allTextContents()).toEqual([
      'What Is a Full-Stack Developer? A Career Guide',
      'TypeScript vs. JavaScript: Understanding the Differences',
      'How to Learn Python: A Step-by-Step Guide',
    ]);
    expect(await allImagesLoaded(page)).toBe(4);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await shoot(page, 'article', width);

    await related.first().click();
    await page.waitForURL(/\/articles\/what-is-a-full-stack-developer$/);
    await page.locator('.article-header').getByRole('link', { name: 'Programming Languages' }).click();
    await page.waitForURL(/\/topics\/programming-languages$/);
    expect(await page.locator('h1').textContent()).toBe('Programming Languages');
    expect(await page.locator('ul.cards > li').count()).toBe(4);
    expect(await page.locator('nav.chips a[aria-current="page"]').textContent()).toBe('Programming Languages');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await shoot(page, 'topic', width);

    await page.locator('ul.cards').getByRole('link', { name: /Full-Stack/ }).click();
    await page.getByRole('link', { name: 'Folio Editorial Team' }).click();
    await page.waitForURL(/\/authors\/folio-editorial-team$/);
    expect(await page.locator('ul.cards > li').count()).toBe(7);
    await shoot(page, 'author', width);
  });

  it('searches without JavaScript: the form submits and the results page answers', async () => {
    const noJs = await browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled: false });
    const p = await noJs.newPage();
    await p.goto(`${origin}/`);
    await p.locator('#site-search-q').fill('python');
    await p.locator('#site-search-q').press('Enter');
    await p.waitForURL(`${origin}/search?q=python`);
    expect(await p.locator('#search-results .card h2 a').first().textContent()).toBe('How to Learn Python: A Step-by-Step Guide');
    expect(await p.locator('#search-results mark').count()).toBeGreaterThan(1);
    await p.locator('#search-q').fill('devops engineer');
    await p.locator('#search-q').press('Enter');
    await p.waitForURL(`${origin}/search?q=devops+engineer`);
    expect(await p.locator('#search-results .card h2 a').first().textContent()).toContain('DevOps Engineer');
    await noJs.close();
  });

  it('searches as you type with JavaScript, without leaving the page', async () => {
    await page.goto(`${origin}/search`);
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    await page.locator('#search-q').pressSequentially('typescr', { delay: 20 });
    await page.waitForURL(`${origin}/search?q=typescr`);
    await expect.poll(() => page.locator('#search-results .card h2 a').first().textContent()).toBe('TypeScript vs. JavaScript: Understanding the Differences');
    expect(await page.locator('#search-results mark').first().textContent()).toMatch(/^typescr/i);
    expect(await page.evaluate(() => (window as unknown as { marker: number }).marker)).toBe(42);
    await shoot(page, 'search', width);
    await page.locator('#search-q').fill('');
    await page.locator('#search-q').pressSequentially('zzyzx');
    await expect.poll(() => page.locator('.search-status').textContent()).toContain('No articles match');
  });

  it('opens a draft through a signed link, and refuses it once expired', async () => {
    const id = 'article-how-long-does-an-associate-degree-take';
    await page.goto(await createPreviewUrl(store, origin, id, { ttlSeconds: 300 }));
    expect(await page.locator('.draft-banner').textContent()).toContain('Draft preview');
    expect(await page.locator('h1').textContent()).toBe('How Long Does It Take to Get an Associate Degree?');
    await shoot(page, 'draft', width);
    const expired = await createPreviewUrl(store, origin, id, { ttlSeconds: 60, now: new Date(Date.now() - 120_000) });
    const res = await page.goto(expired);
    expect(res?.status()).toBe(410);
    expect(await page.locator('h1').textContent()).toBe('This preview link has expired');
  });

  it('a 404 page, the skip link first in tab order with a visible focus ring', async () => {
    const res = await page.goto(`${origin}/articles/missing`);
    expect(res?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Page not found');
    await shoot(page, '404', width);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return { text: el.textContent, outline: style.outlineStyle, top: el.getBoundingClientRect().top };
    });
    expect(focused.text).toBe('Skip to main content');
    expect(focused.outline).not.toBe('none');
    expect(focused.top).toBeGreaterThanOrEqual(0);
  });

  it('follows the dark colour scheme', async () => {
    const dark = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: 'dark' });
    const p = await dark.newPage();
    await p.goto(`${origin}/articles/what-does-a-devops-engineer-do`);
    const bg = await p.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(16, 19, 23)');
    await shoot(p, 'article-dark', width);
    await p.goto(`${origin}/`);
    await shoot(p, 'home-dark', width);
    await dark.close();
  });

  it('needed nothing the Content-Security-Policy blocks on any of those pages', () => {
    expect(blocked).toEqual([]);
  });
});

describe('at 320 px, the narrowest phones', () => {
  it('no page type scrolls sideways', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 700 } });
    const page = await context.newPage();
    const paths = ['/', '/?page=2', '/articles/typescript-vs-javascript', '/topics/programming-languages', '/authors/folio-editorial-team', '/search?q=python', '/nope'];
    for (const path of paths) {
      await page.goto(`${origin}${path}`);
      expect(await overflow(page), path).toBeLessThanOrEqual(0);
    }
    await context.close();
  });
});
