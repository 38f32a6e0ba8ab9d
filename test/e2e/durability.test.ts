/** Kill -9 durability on SQLite: see durability.flow.ts. */
import fs from 'node:fs/promises';
import { afterAll, expect, it } from 'vitest';
import { crashRounds } from './durability.flow.js';
import { makeDataDir } from './folio.js';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => fs.rm(d, { recursive: true, force: true }))));

it('SQLite: after kill -9 at random moments the database is intact and every acknowledged write is there', async () => {
  const dataDir = await makeDataDir();
  dirs.push(dataDir);
  const done = await crashRounds({ dataDir, rounds: 4 });
  // The rounds did write: entries, assets and content type revisions were acknowledged.
  expect(done.entries).toBeGreaterThan(0);
  expect(done.assets).toBeGreaterThan(0);
  expect(done.contentTypeRevisions).toBeGreaterThan(1);
}, 90_000);
