import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../test/support/tmp.js';
import { openStore } from './index.js';
import { describeStoreContract } from './store.contract.js';
import { describeAccessContract } from './access.contract.js';

const dir = useTempDir('folio-store-');

describeStoreContract('SQLite', () => openStore({ sqlitePath: path.join(dir(), 'contract.db') }));
describeAccessContract('SQLite', () => openStore({ sqlitePath: path.join(dir(), 'access.db') }));

/** Reads the file directly, beside any Store, as another process would. */
function inspect<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

describe('SQLite file', () => {
  it('keeps data across close and reopen, and migrates only once', async () => {
    const file = path.join(dir(), 'nested', 'reopen.db');
    const first = await openStore({ sqlitePath: file });
    await first.spaces.create({ id: 'keep', name: 'Keep', defaultLocale: 'en-US' });
    await first.close();
    const applied = () => inspect(file, (db) => db.prepare('SELECT name, timestamp FROM kysely_migration ORDER BY name').all());
    const before = applied();
    expect(before.length).toBeGreaterThan(0);

    const second = await openStore({ sqlitePath: file });
    expect((await second.spaces.list()).map((s) => s.id)).toEqual(['keep']);
    await second.close();
    expect(applied()).toEqual(before);
  });

  it('runs in WAL mode with foreign keys on', async () => {
    const file = path.join(dir(), 'wal.db');
    const store = await openStore({ sqlitePath: file });
    try {
      expect(inspect(file, (db) => db.pragma('journal_mode', { simple: true }))).toBe('wal');
      // foreign_keys is per connection: the store's own connection shows it by refusing an orphan.
      await expect(store.environments.create('no-such-space', { id: 'master', name: 'master' })).rejects.toMatchObject({ id: 'NotFound' });
    } finally {
      await store.close();
    }
  });
});
