import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/index.js';
import { useTempDir } from '../../test/support/tmp.js';
import { loginLimiter } from './login-limiter.js';

describe('loginLimiter (SQLite)', () => {
  const dir = useTempDir();
  let store: Store;
  beforeAll(async () => {
    store = await openStore({ sqlitePath: `${dir()}/folio.db` });
  });
  afterAll(() => store?.close());

  it('refuses after max attempts until the window ends; success clears; a new window starts after', async () => {
    const limiter = loginLimiter(store, 3, 1000);
    for (const t of [0, 100, 200]) expect(await limiter.take('k', t)).toBe(0);
    expect(await limiter.take('k', 300)).toBe(1);
    expect(await limiter.take('other', 300)).toBe(0);
    // Refused attempts do not push the window's end further.
    expect(await limiter.take('k', 999)).toBe(1);
    expect(await limiter.take('k', 1000)).toBe(0);
    await limiter.reset('k');
    for (const t of [1001, 1002, 1003]) expect(await limiter.take('k', t)).toBe(0);
    expect(await limiter.take('k', 1004)).toBe(1);
  });

  it('take counts the attempt as it checks the limit: of eight at once, five pass', async () => {
    const limiter = loginLimiter(store, 5, 60_000);
    const answers = await Promise.all(Array.from({ length: 8 }, () => limiter.take('burst', 10)));
    expect(answers.filter((w) => w === 0)).toHaveLength(5);
    expect(answers.filter((w) => w === 60)).toHaveLength(3);
  });

  it('keeps no address or e-mail in the database', async () => {
    await loginLimiter(store).take('203.0.113.9|ed@example.com');
    const db = new SQLite(`${dir()}/folio.db`, { readonly: true });
    const kept = JSON.stringify(db.prepare('SELECT * FROM login_failures').all());
    db.close();
    expect(kept).toMatch(/[0-9a-f]{64}/);
    expect(kept).not.toMatch(/203\.0\.113\.9|ed@example\.com/);
  });
});
