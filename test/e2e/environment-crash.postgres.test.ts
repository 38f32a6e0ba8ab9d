/** An environment clone under kill -9 on PostgreSQL: see environment-crash.flow.ts. */
import fs from 'node:fs/promises';
import { afterAll, expect, it } from 'vitest';
import { cloneCrashRounds } from './environment-crash.flow.js';
import { createTestDatabase } from '../support/postgres.js';
import { makeDataDir } from './folio.js';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => fs.rm(d, { recursive: true, force: true }))));

it('PostgreSQL: a clone killed with -9 leaves its environment failed (deletable), never queued', async () => {
  const dataDir = await makeDataDir();
  dirs.push(dataDir);
  const outcomes = await cloneCrashRounds({ dataDir, databaseUrl: await createTestDatabase(), rounds: 3 });
  console.log(`clone crash rounds: ${JSON.stringify(outcomes)}`);
  expect(outcomes.failed).toBeGreaterThan(0);
}, 420_000);
