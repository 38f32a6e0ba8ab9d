import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/support/tmp.js';
import { verifyPassword } from '../auth/index.js';
import { openStore } from '../store/index.js';
import type { Store } from '../store/store.js';
import { ensureAdminUser } from './admin-user.js';

let dir: Awaited<ReturnType<typeof tempDir>>;
let store: Store;
beforeAll(async () => {
  dir = await tempDir();
  store = await openStore({ sqlitePath: path.join(dir.dir, 'folio.db') });
});
afterAll(async () => {
  await store.close();
  await dir.remove();
});

describe('ensureAdminUser', () => {
  it('creates the admin once, keeps it, and resets the password when the variable changes', async () => {
    const admin = { email: 'Admin@Example.com', password: 'first password' };
    expect(await ensureAdminUser(store, admin)).toBe('created');
    expect(await ensureAdminUser(store, admin)).toBe('unchanged');
    const user = (await store.users.findByEmail('admin@example.com'))!;
    expect(user.role).toBe('admin');
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user.passwordHash, 'first password')).toBe(true);

    expect(await ensureAdminUser(store, { ...admin, password: 'second password' })).toBe('updated');
    const after = (await store.users.findByEmail('admin@example.com'))!;
    expect(await verifyPassword(after.passwordHash, 'second password')).toBe(true);
    expect(await verifyPassword(after.passwordHash, 'first password')).toBe(false);
    expect(await store.users.list()).toHaveLength(1);
  });
});
