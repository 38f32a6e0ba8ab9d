/** Debian's Chromium through playwright-core, with the flags this closed network needs. */
import { chromium, type Browser, type Page } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/** Collects what the page's Content-Security-Policy blocked (Chromium reports it on the console). */
export function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.push(`${page.url()}: ${message.text()}`);
  });
  return seen;
}

/** Full-page screenshots into FOLIO_SCREENSHOTS when it is set (to check screens by eye); nothing otherwise. */
export function screenshots(page: () => Page) {
  const dir = process.env.FOLIO_SCREENSHOTS;
  return async (name: string, p: Page = page()) => {
    if (dir) await p.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
  };
}
