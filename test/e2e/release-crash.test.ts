/** A release publish under kill -9 on SQLite: see release-crash.flow.ts. */
import fs from 'node:fs/promises';
import { afterAll, expect, it } from 'vitest';
import { makeDataDir } from './folio.js';
import { releaseCrashRounds } from './release-crash.flow.js';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => fs.rm(d, { recursive: true, force: true }))));

it('SQLite: a release publish killed with -9 is all or nothing, and its action ends failed, never stuck inProgress', async () => {
  const dataDir = await makeDataDir();
  dirs.push(dataDir);
  const outcomes = await releaseCrashRounds({ dataDir, rounds: 4 });
  console.log(`release crash rounds: ${JSON.stringify({ ...outcomes, seenByReaders: [...outcomes.seenByReaders] })}`);
  expect(outcomes.interrupted).toBeGreaterThan(0);
  expect(outcomes.succeeded).toBeGreaterThan(0);
  expect(outcomes.seenByReaders.has(120)).toBe(true);
  expect([...outcomes.seenByReaders].every((n) => n === 0 || n === 120)).toBe(true);
}, 420_000);
