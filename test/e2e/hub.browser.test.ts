/// <reference lib="dom" />
/** The hub in a real browser: seven cards whose images load as 330×216 progressive JPEGs. */
import sharp from 'sharp';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.js';
import { startTestFolio, type TestFolio } from './folio.js';

let folio: TestFolio;
let browser: Browser;
beforeAll(async () => {
  [folio, browser] = await Promise.all([startTestFolio(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await folio?.destroy();
});

describe('the hub in Chromium', () => {
  it.each([375, 1280])('shows seven cards with loaded 330×216 progressive JPEGs at %i px', async (width) => {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const images = new Map<string, Promise<Buffer>>();
    page.on('response', (res) => {
      if (res.url().includes('/images/')) images.set(res.url(), res.body());
    });
    const origin = folio.url.replace('127.0.0.1', 'localhost');
    await page.goto(`${origin}/`, { waitUntil: 'load' });

    const cards = page.locator('main img[src*="/images/"]');
    await expect.poll(() => cards.count()).toBe(7);
    // Lazy images load only near the viewport: bring each one in.
    for (let i = 0; i < 7; i++) await cards.nth(i).scrollIntoViewIfNeeded();
    await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLImageElement>('main img[src*="/images/"]')].every((img) => img.complete && img.naturalWidth > 0),
    );
    const sizes = await cards.evaluateAll((imgs) => (imgs as HTMLImageElement[]).map((img) => [img.naturalWidth, img.naturalHeight, img.alt]));
    for (const [w, h, alt] of sizes) {
      expect([w, h]).toEqual([330, 216]);
      expect(alt).toMatch(/^\[Featured [Ii]mage\] /);
    }
    expect(images.size).toBe(7);
    for (const [url, body] of images) {
      const meta = await sharp(await body).metadata();
      expect(meta, url).toMatchObject({ format: 'jpeg', width: 330, height: 216, isProgressive: true });
    }
    if (process.env.FOLIO_SCREENSHOTS) {
      await page.screenshot({ path: `${process.env.FOLIO_SCREENSHOTS}/home-${width}.png`, fullPage: true });
    }
    await page.close();
  });
});
