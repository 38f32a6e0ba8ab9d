/** /metrics on PostgreSQL: the client pool's connections are shown. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase } from '../support/postgres.js';
import { startTestFolio, type TestFolio } from './folio.js';

let folio: TestFolio;
beforeAll(async () => {
  folio = await startTestFolio({ DATABASE_URL: await createTestDatabase(), FOLIO_DEMO: '0' });
});
afterAll(() => folio?.destroy());

it('shows the pool: open, idle, waiting and the maximum', async () => {
  expect((await fetch(new URL('/readyz', folio.url))).status).toBe(200);
  const text = await (await fetch(new URL('/metrics', folio.url))).text();
  const value = (state: string) => Number(new RegExp(`^folio_db_pool_connections\\{state="${state}"\\} (\\d+)$`, 'm').exec(text)?.[1]);
  expect(text).toMatch(/^folio_db_info\{dialect="postgres"\} 1$/m);
  expect(value('total')).toBeGreaterThanOrEqual(1);
  expect(value('idle')).toBeLessThanOrEqual(value('total'));
  expect(value('waiting')).toBe(0);
  expect(value('max')).toBe(10);
});
