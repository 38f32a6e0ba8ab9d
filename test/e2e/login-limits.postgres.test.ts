/**
 * The sign-in failure limit and the per-address request limits hold across servers: two Folio
 * servers on one PostgreSQL database count into one table, so guesses spread over both get five
 * checks in all, not five each, and an address gets a form's request limit in all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginLimiter } from '../../src/admin/login-limiter.js';
import { openStore, type Store } from '../../src/store/index.js';
import { createTestDatabase } from '../support/postgres.js';
import { AdminClient } from './admin-client.js';
import { startTestFolio, type TestFolio } from './folio.js';

const admin = { FOLIO_ADMIN_EMAIL: 'admin@example.com', FOLIO_ADMIN_PASSWORD: 'the right password, long enough' };
let servers: TestFolio[];
let stores: Store[];

beforeAll(async () => {
  const env = { DATABASE_URL: await createTestDatabase(), FOLIO_DEMO: '0', ...admin };
  servers = [await startTestFolio(env), await startTestFolio(env)];
  stores = [await openStore(servers[0]!.storeOptions), await openStore(servers[1]!.storeOptions)];
});
afterAll(async () => {
  for (const s of stores ?? []) await s.close();
  for (const s of servers ?? []) await s.destroy();
});

describe('Sign-in limits on two servers sharing PostgreSQL', () => {
  it('count wrong guesses sent to either server together: the sixth is refused on both, the right password too', async () => {
    const [a, b] = servers.map((s) => new AdminClient(s.url)) as [AdminClient, AdminClient];
    await a.get('/admin/login');
    await b.get('/admin/login');
    const guess = (c: AdminClient, i: number) => c.post('/admin/login', { email: admin.FOLIO_ADMIN_EMAIL, password: `wrong guess ${i}` });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await guess(i % 2 ? b : a, i)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    expect((await guess(a, 5)).status).toBe(429);
    const right = await b.post('/admin/login', { email: admin.FOLIO_ADMIN_EMAIL, password: admin.FOLIO_ADMIN_PASSWORD });
    expect(right.status).toBe(429);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(800);
  });

  it('limit an address to 30 invitation posts in all, sent to either server', async () => {
    const [a, b] = servers.map((s) => new AdminClient(s.url)) as [AdminClient, AdminClient];
    await a.get('/admin/login');
    await b.get('/admin/login');
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await (i % 2 ? b : a).post('/admin/invite', { token: `not-a-token-${i}`, name: 'N', password: 'x' })).status);
    expect(statuses.slice(0, 30).filter((s) => s === 429)).toEqual([]);
    expect(statuses[30]).toBe(429);
  });

  it('let exactly max of many parallel attempts through two stores pass', async () => {
    const limiters = stores.map((s) => loginLimiter(s, 5, 60_000));
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => limiters[i % 2]!.take('198.51.100.7|raced@example.com')));
    expect(answers.filter((w) => w === 0)).toHaveLength(5);
  });
});
