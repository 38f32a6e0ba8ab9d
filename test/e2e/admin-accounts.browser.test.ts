/// <reference lib="dom" />
/**
 * Site settings and accounts in Chromium, each screen at 1280 and 390 px (no sideways
 * scrolling): the site's name reaches the hub's header, feed and JSON-LD; an invite is accepted
 * and the new person signs in; a forgotten password is reset through the link the admin hands
 * over (no mail server here; test/e2e/admin-accounts.test.ts covers mail with a real SMTP
 * server); TOTP enrolment and a sign-in with a code computed by otpauth; and "sign out
 * everywhere" ends another browser's session. Set FOLIO_SCREENSHOTS=/some/dir to keep screenshots.
 */
import { Secret, TOTP } from 'otpauth';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cspViolations, launchBrowser } from './browser.js';
import { startTestFolio, type TestFolio } from './folio.js';

const password = 'a long enough password';
let folio: TestFolio;
let browser: Browser;
let admin: Page;
const blocked: string[] = [];
const contexts: BrowserContext[] = [];

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  blocked.push(...cspViolations(page));
  page.on('pageerror', (err) => {
    throw err;
  });
  return page;
}

/** Both widths: a screenshot of each (when asked for), and no sideways scrolling at 390 px. */
async function atBothWidths(page: Page, name: string) {
  const dir = process.env.FOLIO_SCREENSHOTS;
  if (dir) await page.screenshot({ path: `${dir}/${name}-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} fits 390 px`).toBeLessThanOrEqual(390);
  if (dir) await page.screenshot({ path: `${dir}/${name}-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function signIn(page: Page, email: string, pass: string) {
  await page.goto(`${folio.url}/admin/login`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(pass);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

beforeAll(async () => {
  [folio, browser] = await Promise.all([startTestFolio({ FOLIO_ADMIN_EMAIL: 'admin@example.com', FOLIO_ADMIN_PASSWORD: password }), launchBrowser()]);
  admin = await newPage();
  await signIn(admin, 'admin@example.com', password);
  await admin.waitForURL('**/admin/articles');
}, 300_000);
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await folio?.destroy();
});

// Generous: a loaded machine signs in slowly (argon2), and these flows sign in many times.
describe('site settings and accounts in Chromium', { timeout: 240_000 }, () => {
  it('changes the site name: the hub header, title, feed and JSON-LD show it', async () => {
    await admin.goto(`${folio.url}/admin/users`);
    await admin.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Site' }).click();
    await admin.waitForURL('**/admin/site');
    await admin.getByLabel('Site name').fill('Northwind Careers');
    await admin.getByLabel('Tagline').fill('Work worth doing');
    await admin.getByLabel('Logo').selectOption({ index: 1 });
    await admin.getByLabel('Position 1').selectOption({ index: 2 });
    await admin.getByLabel('Position 2').selectOption({ index: 1 });
    await admin.getByRole('button', { name: 'Save site settings' }).click();
    await admin.waitForURL('**/admin/site?done=saved');
    await expect.poll(() => admin.getByRole('status').textContent()).toContain('Site settings saved');
    await atBothWidths(admin, 'site-settings');

    const hub = await newPage();
    await hub.goto(`${folio.url}/`);
    expect(await hub.locator('header .brand').textContent()).toBe('Northwind Careers');
    expect(await hub.locator('header .brand img').count()).toBe(1);
    expect(await hub.title()).toBe('Northwind Careers – Work worth doing');
    expect(await hub.getByRole('navigation', { name: 'Sections' }).getByRole('link').count()).toBe(2);
    const data = await hub.evaluate(() => [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent ?? '{}') as { '@type': string; name?: string }));
    expect(data.find((d) => d['@type'] === 'WebSite')?.name).toBe('Northwind Careers');
    await atBothWidths(hub, 'hub-with-settings');
    const rss = await hub.request.get(`${folio.url}/rss.xml`);
    expect(await rss.text()).toContain('<title>Northwind Careers – Work worth doing</title>');
    await hub.goto(`${folio.url}/articles/how-to-learn-python`);
    const article = await hub.evaluate(() => [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent ?? '{}') as { '@type': string; publisher?: { name: string } }));
    expect(article.find((d) => d['@type'] === 'Article')?.publisher?.name).toBe('Northwind Careers');
  });

  const personEmail = 'nia@example.com';
  let personPassword = 'nia has a good password';

  it('invites by link; the person chooses a name and password and signs in', async () => {
    await admin.goto(`${folio.url}/admin/users`);
    await admin.getByLabel('E-mail to invite').fill(personEmail);
    await admin.getByLabel('Role', { exact: true }).first().selectOption('editor');
    await admin.getByRole('button', { name: 'Create invite link' }).click();
    const link = (await admin.locator('#link-url').textContent())!;
    expect(link).toContain('/admin/invite?token=');
    await atBothWidths(admin, 'users-invite-link');

    const person = await newPage();
    await person.goto(link);
    expect(await person.locator('h1').textContent()).toBe('Join Folio');
    await atBothWidths(person, 'invite-accept');
    await person.getByLabel('Your name').fill('Nia Newcomer');
    await person.getByLabel('Password').fill(personPassword);
    await person.getByRole('button', { name: 'Create my account' }).click();
    await expect.poll(() => person.getByRole('status').textContent()).toContain('Your account is ready');
    expect(await person.getByLabel('E-mail').inputValue()).toBe(personEmail);
    await person.getByLabel('Password').fill(personPassword);
    await person.getByRole('button', { name: 'Sign in' }).click();
    await person.waitForURL('**/admin/articles');
    expect(await person.locator('.me a').textContent()).toBe('Nia Newcomer');
  });

  it('resets a forgotten password through the link the admin hands over', async () => {
    const person = await newPage();
    await person.goto(`${folio.url}/admin/login`);
    await person.getByRole('link', { name: 'Forgot your password?' }).click();
    await person.getByLabel('E-mail').fill(personEmail);
    await person.getByRole('button', { name: 'Ask for a reset link' }).click();
    await expect.poll(() => person.getByRole('status').textContent()).toContain('your admin can now see your request');
    await atBothWidths(person, 'forgot-sent');

    await admin.goto(`${folio.url}/admin/users`);
    await expect.poll(async () => {
      await admin.reload();
      return admin.getByRole('heading', { name: 'Password reset requests' }).count();
    }).toBe(1);
    await admin.getByRole('button', { name: 'Create reset link for Nia Newcomer' }).click();
    const link = (await admin.locator('#link-url').textContent())!;
    await atBothWidths(admin, 'users-reset-link');

    await person.goto(link);
    await atBothWidths(person, 'reset-form');
    personPassword = 'nia chose another password';
    await person.getByLabel('New password').fill(personPassword);
    await person.getByRole('button', { name: 'Save new password' }).click();
    await expect.poll(() => person.getByRole('status').textContent()).toContain('Your password was changed');
    await person.getByLabel('Password').fill(personPassword);
    await person.getByRole('button', { name: 'Sign in' }).click();
    await person.waitForURL('**/admin/articles');
  });

  it('enrols TOTP and signs in with a code computed by otpauth', async () => {
    const person = await newPage();
    await signIn(person, personEmail, personPassword);
    await person.waitForURL('**/admin/articles');
    await person.locator('.me a').click();
    await person.waitForURL('**/admin/account');
    await atBothWidths(person, 'account');
    await person.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
    const secret = (await person.locator('#tf-secret').textContent())!.replace(/\s+/g, '');
    expect(await person.locator('#tf-uri').textContent()).toMatch(/^otpauth:\/\/totp\//);
    await atBothWidths(person, 'account-two-factor-setup');
    const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });
    // The previous step's code (a phone a little behind); sign-in below then uses the current one.
    await person.getByLabel('Code from the app').fill(totp.generate({ timestamp: Date.now() - 30_000 }));
    await person.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    expect(await person.locator('#recovery-codes li').count()).toBe(10);
    await atBothWidths(person, 'account-recovery-codes');
    await person.getByRole('button', { name: 'Sign out', exact: true }).click();

    await signIn(person, personEmail, personPassword);
    await person.waitForURL('**/admin/login/code');
    await atBothWidths(person, 'sign-in-code');
    await person.getByLabel('Code').fill(totp.generate());
    await person.getByRole('button', { name: 'Sign in' }).click();
    await person.waitForURL('**/admin/articles');
  });

  it('signs out everywhere: another browser’s session ends too', async () => {
    const laptop = await newPage();
    const phone = await newPage();
    for (const p of [laptop, phone]) {
      await signIn(p, 'admin@example.com', password);
      await p.waitForURL('**/admin/articles');
    }
    await laptop.goto(`${folio.url}/admin/account`);
    await laptop.getByRole('button', { name: 'Sign out everywhere' }).click();
    await expect.poll(() => laptop.getByRole('status').textContent()).toContain('You are signed out everywhere');
    await phone.goto(`${folio.url}/admin/articles`);
    await phone.waitForURL('**/admin/login?next=*');
    await admin.goto(`${folio.url}/admin/articles`);
    await admin.waitForURL('**/admin/login?next=*');
    expect(blocked).toEqual([]);
  });
});
