/**
 * Every answer carries the security headers: pages a strict CSP that their own markup never
 * trips (no inline script or style to allow), APIs and assets nosniff and a policy of their own;
 * HSTS and Secure cookies when the public URL is https.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminClient } from './admin-client.js';
import { startTestFolio, type TestFolio } from './folio.js';

const password = 'a long enough password';
let folio: TestFolio;
let secure: TestFolio;

beforeAll(async () => {
  [folio, secure] = await Promise.all([
    startTestFolio({ FOLIO_DELIVERY_TOKEN: 'delivery-token-123', FOLIO_ADMIN_EMAIL: 'admin@example.com', FOLIO_ADMIN_PASSWORD: password }),
    startTestFolio({ FOLIO_DEMO: '0', FOLIO_PUBLIC_URL: 'https://hub.example', FOLIO_ADMIN_EMAIL: 'admin@example.com', FOLIO_ADMIN_PASSWORD: password }),
  ]);
});
afterAll(async () => {
  await Promise.all([folio?.destroy(), secure?.destroy()]);
});

const get = async (base: string, path: string, headers: Record<string, string> = {}) => {
  const res = await fetch(base + path, { headers, redirect: 'manual' });
  return { res, text: await res.text() };
};

/** The directives of a CSP header, by name. */
const directives = (csp: string | null) => new Map((csp ?? '').split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));

describe('security headers', () => {
  it('pages (hub and editor) get a strict CSP that their own markup does not need to loosen', async () => {
    const home = await get(folio.url, '/');
    const article = /href="(\/articles\/[^"?#]+)"/.exec(home.text)![1]!;
    for (const path of ['/', article, '/search?q=python', '/no-such-page', '/admin/login']) {
      const { res, text } = await get(folio.url, path);
      expect(res.headers.get('content-type'), path).toMatch(/^text\/html/);
      const csp = directives(res.headers.get('content-security-policy'));
      expect(csp.get('script-src'), path).toEqual(["'self'"]);
      const editor = path.startsWith('/admin');
      // The hub's image placeholders are style attributes (see security-headers.ts); <style> elements stay out.
      expect(csp.get('style-src'), path).toEqual(editor ? ["'self'"] : ["'self'", "'unsafe-inline'"]);
      if (!editor) expect(csp.get('style-src-elem'), path).toEqual(["'self'"]);
      // Hub pages may be framed by the editor on this origin (its live preview); editor pages by nobody.
      expect(csp.get('frame-ancestors'), path).toEqual(editor ? ["'none'"] : ["'self'"]);
      expect(res.headers.get('x-frame-options'), path).toBe(editor ? 'DENY' : 'SAMEORIGIN');
      expect(csp.get('object-src'), path).toEqual(["'none'"]);
      expect(csp.get('base-uri'), path).toEqual(["'none'"]);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
      expect(res.headers.get('strict-transport-security'), path).toBeNull();
      // Nothing the policy would block: scripts are files (JSON-LD is data), no inline styles or handlers.
      const inlineScripts = [...text.matchAll(/<script\b([^>]*)>/g)].filter(([, attrs]) => !/\bsrc=/.test(attrs!) && !/type="application\/ld\+json"/.test(attrs!));
      expect(inlineScripts, path).toEqual([]);
      expect(text, path).not.toMatch(/<style\b|\son[a-z]+=/i);
      if (editor) expect(text, path).not.toMatch(/\sstyle=/);
    }
  });

  it('APIs, feeds, scripts and asset files get nosniff and a policy allowing nothing or their own', async () => {
    const home = await get(folio.url, '/');
    const image = /src="((?:https?:)?\/\/[^"]*\/images\/[^"?]+)/.exec(home.text)![1]!;
    const imagePath = new URL(image, folio.url).pathname;
    const script = /<script src="([^"]+)"/.exec((await get(folio.url, '/search')).text)![1]!;
    const cases: Array<[string, Record<string, string>?]> = [
      ['/delivery/spaces/folio/environments/master/entries?limit=1', { authorization: 'Bearer delivery-token-123' }],
      ['/delivery/spaces/folio/entries'],
      ['/rss.xml'],
      [script],
      [imagePath],
      ['/files/folio/x/y/z.txt'],
    ];
    for (const [path, headers] of cases) {
      const { res } = await get(folio.url, path, headers);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
      expect(res.headers.get('content-security-policy'), path).toMatch(/^(default-src 'none'; frame-ancestors 'none'|sandbox.*)$/);
    }
    expect((await get(folio.url, imagePath)).res.headers.get('content-security-policy')).toBe('sandbox');
  });

  it('with an https public URL: HSTS on every answer, and the editor cookies are Secure', async () => {
    for (const path of ['/', '/admin/login', '/delivery/spaces/folio/entries']) {
      expect((await get(secure.url, path)).res.headers.get('strict-transport-security'), path).toBe('max-age=31536000');
    }
    const c = new AdminClient(secure.url);
    const form = await c.get('/admin/login');
    const signedIn = await c.post('/admin/login', { email: 'admin@example.com', password });
    expect(signedIn.status).toBe(303);
    const cookies = [...form.headers.getSetCookie(), ...signedIn.headers.getSetCookie()];
    expect(cookies.map((l) => l.split('=')[0]).sort()).toEqual(['folio_csrf', 'folio_session']);
    for (const line of cookies) expect(line).toMatch(/;\s*Secure/i);
  });
});
