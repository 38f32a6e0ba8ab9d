/**
 * Several servers started together on one new database: each runs first-start setup, and the
 * space, its keys, the admin and the demo must come out exactly once, with no server failing.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoEntries } from '../demo/index.js';
import { createFsStorage } from '../storage/index.js';
import { openStore } from '../store/index.js';
import { createTestDatabase } from '../../test/support/postgres.js';
import { useTempDir } from '../../test/support/tmp.js';
import { ensureAdminUser, ensureApiKeys, ensureSpace, loadDemo } from './index.js';

const dir = useTempDir('folio-first-start-');

// PostgreSQL is where several servers share a database; SQLite is one process's file.
describe('first start on one new PostgreSQL database by several servers at once', () => {
  it('sets up the space, keys, admin and demo once, and every server starts', async () => {
    const databaseUrl = await createTestDatabase();
    const stores = await Promise.all([1, 2, 3].map(() => openStore({ databaseUrl })));
    const storage = createFsStorage(path.join(dir(), 'files'));
    try {
      const results = await Promise.all(
        stores.map(async (store) => {
          const scope = await ensureSpace(store, 'folio');
          const tokens = await ensureApiKeys(store, 'folio', {});
          const admin = await ensureAdminUser(store, { email: 'admin@example.com', password: 'a long password' });
          const demo = await loadDemo(store, storage, scope);
          return { tokens, admin, demo };
        }),
      );
      expect(results.filter((r) => r.demo)).toHaveLength(1);
      expect(results.filter((r) => r.admin === 'created')).toHaveLength(1);
      expect(results.flatMap((r) => r.tokens.map((t) => t.kind)).sort()).toEqual(['delivery', 'management', 'preview']);
      const [store] = stores;
      expect((await store!.apiKeys.list('folio')).map((k) => k.kind).sort()).toEqual(['delivery', 'management', 'preview']);
      expect(await store!.locales.list({ spaceId: 'folio', environmentId: 'master' })).toHaveLength(1);
      expect((await store!.entries.list({ spaceId: 'folio', environmentId: 'master' }, { limit: 1 })).total).toBe(demoEntries.length);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });
});
