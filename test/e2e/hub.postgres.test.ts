/** The same start-up and hub on PostgreSQL: DATABASE_URL is the only difference. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/postgres.js';
import { startTestFolio, type TestFolio } from './folio.js';

let folio: TestFolio;
beforeAll(async () => {
  folio = await startTestFolio({ DATABASE_URL: await createTestDatabase() });
});
afterAll(() => folio?.destroy());

describe('Folio on PostgreSQL', () => {
  it('loads the demo and serves the hub with seven cards', async () => {
    expect(folio.demoLoaded).toBe(true);
    const html = await (await fetch(new URL('/', folio.url))).text();
    expect(html.match(/\?w=330&amp;h=216&amp;q=60&amp;fit=fill&amp;f=faces&amp;fm=jpg&amp;fl=progressive/g)).toHaveLength(7);
    const first = html.match(/href="(\/articles\/[^"]+)"/)![1]!;
    expect((await fetch(new URL(first, folio.url))).status).toBe(200);
  });
});
