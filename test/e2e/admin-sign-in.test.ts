/**
 * Sign-in over real HTTP, where parallel requests and odd form values reach the server as an
 * attacker would send them: the failure limit holds under a burst, and `next` never breaks the
 * redirect or leads elsewhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, systemActor } from '../../src/auth/index.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/store.js';
import { AdminClient } from './admin-client.js';
import { startTestFolio, type TestFolio } from './folio.js';

const password = 'a long enough password';
let folio: TestFolio;
let store: Store;

beforeAll(async () => {
  folio = await startTestFolio();
  store = await openStore(folio.storeOptions);
  for (const email of ['raced@example.com', 'next@example.com']) await addUser(store, systemActor, { email, name: email, role: 'editor', password });
});
afterAll(async () => {
  await store?.close();
  await folio?.destroy();
});

describe('the sign-in failure limit', () => {
  it('holds against 40 parallel wrong guesses: 5 are checked, the rest refused, and then the right password too', async () => {
    const c = new AdminClient(folio.url);
    await c.get('/admin/login');
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => c.post('/admin/login', { email: 'raced@example.com', password: `wrong guess ${i}` })));
    const statuses = answers.map((a) => a.status);
    // 401 "not right" means the password was checked; 429 means it was refused unchecked.
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(35);
    const right = await c.post('/admin/login', { email: 'raced@example.com', password });
    expect(right.status).toBe(429);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(800);
    expect(right.headers.getSetCookie().some((l) => l.startsWith('folio_session='))).toBe(false);
  });
});

describe('where sign-in leads', () => {
  it.each([
    ['/admin/articles\r\nSet-Cookie: planted=1', 'CR/LF'],
    ['/admin/media\nLocation: https://evil.example/', 'LF'],
    ['//evil.example/admin', 'another host'],
    ['/\\evil.example', 'a backslash'],
  ])('a `next` of %j (%s) redirects to /admin/articles, not a 500 or elsewhere', async (next) => {
    const c = new AdminClient(folio.url);
    const form = await c.get(`/admin/login?next=${encodeURIComponent(next)}`);
    expect(form.status).toBe(200);
    expect(form.text).toContain('name="next" value="/admin/articles"');
    const res = await c.post('/admin/login', { email: 'next@example.com', password, next });
    expect(res.status).toBe(303);
    expect(res.location).toBe('/admin/articles');
    expect(res.headers.getSetCookie().some((l) => l.startsWith('planted='))).toBe(false);
  });

  it('follows a `next` inside the editor', async () => {
    const c = new AdminClient(folio.url);
    await c.get('/admin/login');
    const res = await c.post('/admin/login', { email: 'next@example.com', password, next: '/admin/media?page=2' });
    expect(res.location).toBe('/admin/media?page=2');
  });
});
