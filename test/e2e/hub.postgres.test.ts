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
  it('loads the demo and serves the hub: a lead and five cards on page 1, one more on page 2', async () => {
    expect(folio.demoLoaded).toBe(true);
    const html = await (await fetch(new URL('/', folio.url))).text();
    const seedCrop = /\?w=330&amp;h=216&amp;q=60&amp;fit=fill&amp;f=faces&amp;fm=jpg&amp;fl=progressive/g;
    expect(html.match(seedCrop)).toHaveLength(5);
    expect(html).toContain('class="lead-media"');
    expect((await (await fetch(new URL('/?page=2', folio.url))).text()).match(seedCrop)).toHaveLength(1);
    const first = html.match(/href="(\/articles\/[^"]+)"/)![1]!;
    expect((await fetch(new URL(first, folio.url))).status).toBe(200);
  });

  it('searches with PostgreSQL full-text: title matches first, highlighted', async () => {
    const html = await (await fetch(new URL('/search?q=pyth', folio.url))).text();
    const results = html.slice(html.indexOf('id="search-results"'));
    expect(results.match(/href="(\/articles\/[^"]+)"/)?.[1]).toBe('/articles/how-to-learn-python');
    expect(results).toContain('<mark>Python</mark>');
  });
});
