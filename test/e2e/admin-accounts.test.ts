/**
 * Accounts over real HTTP against a real Folio (SQLite): invites and password resets by
 * one-time link (without mail: the admin hands the link over; with FOLIO_SMTP_URL: a real SMTP
 * server on loopback receives it), changing one's password, signing out everywhere, and TOTP
 * two-factor sign-in with codes computed by otpauth. Nothing tells a stranger whether an
 * address has an account; links work once; guesses are limited.
 */
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, issueAccountToken, systemActor } from '../../src/auth/index.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/store.js';
import { startSmtpServer, type SmtpServer } from '../support/smtp.js';
import { AdminClient, errorsOf } from './admin-client.js';
import { startTestFolio, type TestFolio } from './folio.js';

const password = 'a long enough password';
const scope = { spaceId: 'folio', environmentId: 'master' };
let folio: TestFolio;
let mailFolio: TestFolio;
let smtp: SmtpServer;
let store: Store;
let mailStore: Store;

beforeAll(async () => {
  smtp = await startSmtpServer();
  [folio, mailFolio] = await Promise.all([
    startTestFolio({ FOLIO_ADMIN_EMAIL: 'admin@example.com', FOLIO_ADMIN_PASSWORD: password, FOLIO_DEMO: '0' }),
    startTestFolio({ FOLIO_ADMIN_EMAIL: 'admin@example.com', FOLIO_ADMIN_PASSWORD: password, FOLIO_DEMO: '0', FOLIO_SMTP_URL: smtp.url, FOLIO_MAIL_FROM: 'Folio <folio@example.com>' }),
  ]);
  store = await openStore(folio.storeOptions);
  mailStore = await openStore(mailFolio.storeOptions);
  await addUser(store, systemActor, { email: 'editor@example.com', name: 'Ed', role: 'editor', password });
  await addUser(mailStore, systemActor, { email: 'writer@example.com', name: 'Wren', role: 'author', password });
});
afterAll(async () => {
  await store?.close();
  await mailStore?.close();
  await folio?.destroy();
  await mailFolio?.destroy();
  await smtp?.close();
});

async function signedIn(email: string, pass = password, base = folio.url) {
  const c = new AdminClient(base);
  const answer = await c.login(email, pass);
  expect(answer.status, answer.text).toBe(303);
  expect(answer.location).toBe('/admin/articles');
  return c;
}
const linkOn = (page: string) => /<code class="token-once" id="link-url">([^<]+)<\/code>/.exec(page)?.[1]?.replace(/&amp;/g, '&');
const pathOf = (url: string) => url.replace(/^https?:\/\/[^/]+/, '');
const tokenIn = (path: string) => decodeURIComponent(/token=([^&]+)/.exec(path)![1]!);
/** The page without what differs per request (CSRF tokens). */
const stable = (page: string) => page.replace(/(name="_csrf" value|name="csrf-token" content)="[^"]*"/g, '$1=""');
const quotedPrintable = (text: string) => text.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

describe('invites', () => {
  it('an admin invites by link; the person sets a name and password once, then signs in', async () => {
    const admin = await signedIn('admin@example.com');
    await admin.get('/admin/users');
    const created = await admin.post('/admin/users/invite', { inviteEmail: 'New.Person@example.com', inviteRole: 'editor' });
    expect(created.status).toBe(200);
    const link = linkOn(created.text)!;
    expect(link).toMatch(/^http:\/\/[^/]+\/admin\/invite\?token=[A-Za-z0-9_-]{43}$/);
    // Only the token's hash is stored.
    const token = tokenIn(link);
    const docs = await store.documents.list(scope, 'AccountToken');
    expect(JSON.stringify(docs)).not.toContain(token);
    expect((await admin.get('/admin/users')).text).toContain('new.person@example.com (editor, until');

    const person = new AdminClient(folio.url);
    const form = await person.get(pathOf(link));
    expect(form.status).toBe(200);
    expect(form.text).toContain('<strong>new.person@example.com</strong>');
    const weak = await person.post('/admin/invite', { token, name: 'Nia', password: 'short' });
    expect(weak.status).toBe(422);
    expect(errorsOf(weak.text)).toEqual(['Use a password of at least 8 characters.']);
    const accepted = await person.post('/admin/invite', { token, name: 'Nia', password: 'nia has a good password' });
    expect(accepted.status).toBe(200);
    expect(accepted.text).toContain('Your account is ready.');
    await signedIn('new.person@example.com', 'nia has a good password');
    expect((await store.users.findByEmail('new.person@example.com'))?.role).toBe('editor');

    // Single use: the same link again is refused, in words and without creating anything.
    const again = new AdminClient(folio.url);
    expect((await again.get(pathOf(link))).status).toBe(400);
    await again.get('/admin/login');
    const reused = await again.post('/admin/invite', { token, name: 'Mallory', password: 'mallory password here' });
    expect(reused.status).toBe(400);
    expect(reused.text).toContain('This link does not work');
    expect((await store.users.list()).filter((u) => u.name === 'Mallory')).toEqual([]);
  });

  it('refuses an expired invite and a made-up token', async () => {
    const expired = await issueAccountToken(store, scope, { purpose: 'invite', email: 'late@example.com', role: 'author' }, 'test', Date.now() - 8 * 24 * 3600_000);
    const c = new AdminClient(folio.url);
    expect((await c.get(`/admin/invite?token=${expired}`)).status).toBe(400);
    expect((await c.get(`/admin/invite?token=${'A'.repeat(43)}`)).status).toBe(400);
    await c.get('/admin/login');
    expect((await c.post('/admin/invite', { token: expired, name: 'Late', password: 'late but long enough' })).status).toBe(400);
    expect(await store.users.findByEmail('late@example.com')).toBeUndefined();
  });

  it('only admins invite or make reset links, and every form needs its CSRF token', async () => {
    const editor = await signedIn('editor@example.com');
    await editor.get('/admin/articles');
    expect((await editor.post('/admin/users/invite', { inviteEmail: 'x@example.com', inviteRole: 'admin' })).status).toBe(403);
    const admin = await signedIn('admin@example.com');
    await admin.get('/admin/users');
    const adminId = (await store.users.findByEmail('admin@example.com'))!.id;
    expect((await editor.post(`/admin/users/${adminId}/reset-link`)).status).toBe(403);
    expect((await admin.post('/admin/users/invite', { _csrf: 'forged', inviteEmail: 'x@example.com', inviteRole: 'admin' })).status).toBe(403);
    const stranger = new AdminClient(folio.url);
    expect((await stranger.post('/admin/forgot', { _csrf: 'forged', email: 'admin@example.com' })).status).toBe(403);
  });
});

describe('password reset without mail', () => {
  it('answers the same for known and unknown addresses; the admin sees the request and hands over a single-use link', async () => {
    const c = new AdminClient(folio.url);
    await c.get('/admin/forgot');
    const known = await c.post('/admin/forgot', { email: 'editor@example.com' });
    await c.get('/admin/forgot');
    const unknown = await c.post('/admin/forgot', { email: 'nobody@example.com' });
    expect([known.status, unknown.status]).toEqual([200, 200]);
    expect(stable(known.text)).toBe(stable(unknown.text));
    expect(known.text).toContain('your admin can now see your request');

    const editorBrowser = await signedIn('editor@example.com');
    const admin = await signedIn('admin@example.com');
    const editorId = (await store.users.findByEmail('editor@example.com'))!.id;
    const users = await admin.get('/admin/users');
    expect(users.text).toContain('Password reset requests');
    expect(users.text).toContain('Ed (editor@example.com)');
    expect(users.text).not.toContain('nobody@example.com');
    const made = await admin.post(`/admin/users/${editorId}/reset-link`);
    const link = linkOn(made.text)!;
    expect(link).toMatch(/\/admin\/reset\?token=/);
    expect((await admin.get('/admin/users')).text).not.toContain('Password reset requests');

    const person = new AdminClient(folio.url);
    expect((await person.get(pathOf(link))).text).toContain('For <strong>editor@example.com</strong>');
    const done = await person.post('/admin/reset', { token: tokenIn(link), password: 'a brand new password' });
    expect(done.status).toBe(200);
    expect(done.text).toContain('Your password was changed');
    // Every session of the account ended; the old password is gone, the new one works.
    expect((await editorBrowser.get('/admin/articles')).status).toBe(303);
    expect((await new AdminClient(folio.url).login('editor@example.com', password)).status).toBe(401);
    await signedIn('editor@example.com', 'a brand new password');
    await person.get('/admin/login');
    expect((await person.post('/admin/reset', { token: tokenIn(link), password: 'another new password' })).status).toBe(400);
    await store.users.update(editorId, { passwordHash: (await import('../../src/auth/index.js').then((m) => m.hashPassword(password))) });
  });

  it('limits reset requests per address', async () => {
    const c = new AdminClient(folio.url);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      await c.get('/admin/forgot');
      statuses.push((await c.post('/admin/forgot', { email: `spray${i % 2}@example.com` })).status);
    }
    // Five per address (IP) in 15 minutes, the two e-mails together.
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(statuses).toContain(429);
  });
});

describe('password reset with mail (FOLIO_SMTP_URL, a real SMTP server on loopback)', () => {
  it('mails a link to the account and nothing for unknown addresses; the link resets once', async () => {
    const seen = smtp.mails.length;
    const c = new AdminClient(mailFolio.url);
    await c.get('/admin/forgot');
    const unknown = await c.post('/admin/forgot', { email: 'ghost@example.com' });
    await c.get('/admin/forgot');
    const known = await c.post('/admin/forgot', { email: 'writer@example.com' });
    expect(stable(known.text)).toBe(stable(unknown.text));
    expect(known.text).toContain('a reset link is on its way');
    const mail = await smtp.next(seen);
    expect(mail.to).toEqual(['writer@example.com']);
    expect(mail.from).toBe('folio@example.com');
    const body = quotedPrintable(mail.data);
    expect(body).toContain('Subject: Reset your Folio password');
    const link = /(http:\/\/\S+\/admin\/reset\?token=[A-Za-z0-9_%-]+)/.exec(body)![1]!;
    expect(smtp.mails.slice(seen).map((m) => m.to[0])).toEqual(['writer@example.com']);

    const person = new AdminClient(mailFolio.url);
    expect((await person.get(pathOf(link))).status).toBe(200);
    expect((await person.post('/admin/reset', { token: tokenIn(link), password: 'mailed new password' })).status).toBe(200);
    await signedIn('writer@example.com', 'mailed new password', mailFolio.url);
  });

  it('mails invites too', async () => {
    const seen = smtp.mails.length;
    const admin = await signedIn('admin@example.com', password, mailFolio.url);
    await admin.get('/admin/users');
    const created = await admin.post('/admin/users/invite', { inviteEmail: 'guest@example.com', inviteRole: 'viewer' });
    expect(created.text).toContain('It was sent by e-mail');
    const mail = await smtp.next(seen);
    expect(mail.to).toEqual(['guest@example.com']);
    expect(quotedPrintable(mail.data)).toContain(linkOn(created.text)!);
  });
});

describe('own account', () => {
  it('changes the password with the current one; other sessions end, this one stays', async () => {
    await addUser(store, systemActor, { email: 'carol@example.com', name: 'Carol', role: 'author', password });
    const other = await signedIn('carol@example.com');
    const me = await signedIn('carol@example.com');
    await me.get('/admin/account');
    const wrong = await me.post('/admin/account/password', { current: 'not my password', next: 'carol new password' });
    expect(wrong.status).toBe(422);
    expect(errorsOf(wrong.text)).toEqual(['Your current password is not right.']);
    const changed = await me.post('/admin/account/password', { current: password, next: 'carol new password' });
    expect(changed.location).toBe('/admin/account?done=password');
    expect((await me.get('/admin/account?done=password')).status).toBe(200);
    expect((await other.get('/admin/articles')).status).toBe(303);
    await signedIn('carol@example.com', 'carol new password');
  });

  it('signs out everywhere: every session of the user ends', async () => {
    await addUser(store, systemActor, { email: 'dan@example.com', name: 'Dan', role: 'viewer', password });
    const laptop = await signedIn('dan@example.com');
    const phone = await signedIn('dan@example.com');
    const admin = await signedIn('admin@example.com');
    await laptop.get('/admin/account');
    const out = await laptop.post('/admin/account/sign-out-everywhere');
    expect(out.text).toContain('You are signed out everywhere');
    expect((await laptop.get('/admin/articles')).status).toBe(303);
    expect((await phone.get('/admin/articles')).status).toBe(303);
    // Someone else's session is untouched.
    expect((await admin.get('/admin/articles')).status).toBe(200);
  });
});

describe('two-factor sign-in (TOTP)', () => {
  const totpOf = (secret: string) => new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });
  /** Waits out the last 10 s of a 30 s step, so a code made now is still in its step (give or take one) when the server checks it. */
  const clearOfStepEdge = async () => {
    const left = 30_000 - (Date.now() % 30_000);
    if (left < 10_000) await new Promise((r) => setTimeout(r, left + 100));
  };

  it('enrols with a code, then sign-in asks for one; codes and recovery codes work once; guesses are limited', async () => {
    await addUser(store, systemActor, { email: 'tess@example.com', name: 'Tess', role: 'editor', password });
    const me = await signedIn('tess@example.com');
    await me.get('/admin/account');
    await me.post('/admin/account/two-factor/start');
    const page = (await me.get('/admin/account')).text;
    const secret = /<code class="token-once" id="tf-secret">([^<]+)<\/code>/.exec(page)![1]!.replace(/\s+/g, '');
    const uri = /<code class="token-once" id="tf-uri">([^<]+)<\/code>/.exec(page)![1]!.replace(/&amp;/g, '&');
    expect(uri).toMatch(/^otpauth:\/\/totp\/.+\?.*secret=/);
    expect(uri).toContain(`secret=${secret}`);
    const totp = totpOf(secret);
    const bad = await me.post('/admin/account/two-factor/confirm', { code: '000000' === totp.generate() ? '111111' : '000000' });
    expect(bad.status).toBe(422);
    // The code of the previous step: the clock may have just moved on, as a phone's may lag.
    await clearOfStepEdge();
    const confirmed = await me.post('/admin/account/two-factor/confirm', { code: totp.generate({ timestamp: Date.now() - 30_000 }) });
    expect(confirmed.status).toBe(200);
    const recovery = [...confirmed.text.matchAll(/<li><code>(\d-[0-9A-Z]{5}-[0-9A-Z]{5})<\/code><\/li>/g)].map((m) => m[1]!);
    expect(recovery).toHaveLength(10);
    const stored = JSON.stringify((await store.documents.get(scope, 'TwoFactor', (await store.users.findByEmail('tess@example.com'))!.id))!.body);
    for (const code of recovery) expect(stored).not.toContain(code);
    expect(stored).toContain('$argon2id$');

    // The password alone no longer signs in.
    const c = new AdminClient(folio.url);
    const step1 = await c.login('tess@example.com', password);
    expect(step1.location).toBe('/admin/login/code');
    expect(c.cookies.has('folio_session')).toBe(false);
    expect((await c.get('/admin/articles')).status).toBe(303);
    await c.get('/admin/login/code');
    expect((await c.post('/admin/login/code', { code: '12345' })).status).toBe(401);
    await clearOfStepEdge();
    const ok = await c.post('/admin/login/code', { code: totp.generate() });
    expect(ok.status).toBe(303);
    expect(ok.location).toBe('/admin/articles');
    expect((await c.get('/admin/articles')).status).toBe(200);

    // The same code again (a replay) is refused; a recovery code works, once.
    const replay = new AdminClient(folio.url);
    await replay.login('tess@example.com', password);
    await replay.get('/admin/login/code');
    expect((await replay.post('/admin/login/code', { code: totp.generate() })).status).toBe(401);
    expect((await replay.post('/admin/login/code', { code: recovery[3]!.toLowerCase() })).status).toBe(303);
    const again = new AdminClient(folio.url);
    await again.login('tess@example.com', password);
    await again.get('/admin/login/code');
    expect((await again.post('/admin/login/code', { code: recovery[3]! })).status).toBe(401);

    // Five wrong codes, then a wait, even with the right one.
    const guesser = new AdminClient(folio.url);
    await guesser.login('tess@example.com', password);
    await guesser.get('/admin/login/code');
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await guesser.post('/admin/login/code', { code: String(100000 + i) })).status);
    expect(statuses).toEqual([401, 401, 401, 401]);
    const limited = await guesser.post('/admin/login/code', { code: totp.generate() });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
  }, 180_000);
});
