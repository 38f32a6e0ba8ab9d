/** A release publish under kill -9 on SQLite: see release-crash.flow.ts. */
import fs from 'node:fs/promises';
import { afterAll, it } from 'vitest';
import { makeDataDir } from './folio.js';
import { releaseCrashRounds } from './release-crash.flow.js';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => fs.rm(d, { recursive: true, force: true }))));

it('SQLite: a release publish killed with -9 is all or nothing, and its action ends failed, never stuck inProgress', async () => {
  const dataDir = await makeDataDir();
  dirs.push(dataDir);
  await releaseCrashRounds({ dataDir, rounds: 4 });
}, 420_000);
