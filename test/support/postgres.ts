/** A fresh, empty database in the test run's PostgreSQL, so test files never share state. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type {} from './provided-context.js';

export async function createTestDatabase(): Promise<string> {
  const adminUrl = inject('postgresUrl');
  const name = `folio_test_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.href;
}
