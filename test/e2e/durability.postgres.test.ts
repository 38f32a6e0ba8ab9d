/**
 * Kill -9 durability on PostgreSQL: see durability.flow.ts. Folio is killed, not the database,
 * so this checks that Folio acknowledges a write only after its transaction committed, that
 * files and temp files behave as on SQLite, and amcheck's bt_index_check (with heapallindexed)
 * on every index. PostgreSQL's own crash recovery is not retested.
 */
import fs from 'node:fs/promises';
import { afterAll, expect, it } from 'vitest';
import { createTestDatabase } from '../support/postgres.js';
import { crashRounds } from './durability.flow.js';
import { makeDataDir } from './folio.js';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => fs.rm(d, { recursive: true, force: true }))));

it('PostgreSQL: after kill -9 at random moments every acknowledged write is there', async () => {
  const dataDir = await makeDataDir();
  dirs.push(dataDir);
  const done = await crashRounds({ dataDir, databaseUrl: await createTestDatabase(), rounds: 3 });
  expect(done.entries).toBeGreaterThan(0);
  expect(done.assets).toBeGreaterThan(0);
  expect(done.contentTypeRevisions).toBeGreaterThan(1);
}, 90_000);
