import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/support/tmp.js';
import { openStore } from './index.js';
import { describeStoreContract } from './store.contract.js';

let dir: { dir: string; remove: () => Promise<void> };
beforeAll(async () => {
  dir = await tempDir('folio-store-');
});
afterAll(() => dir?.remove());

describeStoreContract('SQLite', () => openStore({ sqlitePath: path.join(dir.dir, 'contract.db') }));

describe('SQLite file', () => {
  it('keeps data across close and reopen, and migrates only once', async () => {
    const file = path.join(dir.dir, 'reopen.db');
    const first = await openStore({ sqlitePath: file });
    await first.spaces.create({ id: 'keep', name: 'Keep', defaultLocale: 'en-US' });
    await first.close();
    const second = await openStore({ sqlitePath: file });
    expect((await second.spaces.list()).map((s) => s.id)).toEqual(['keep']);
    await second.close();
  });

  it('runs in WAL mode', async () => {
    const file = path.join(dir.dir, 'wal.db');
    await (await openStore({ sqlitePath: file })).close();
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });
});
