/** The hub past its page sizes on PostgreSQL: the oldest of 1,200 articles is served, in the sitemap (split too) and found. */
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.js';
import { hubApp, hubPublicUrl } from '../support/hub-app.js';
import { seedManyArticles, type SeededHub } from '../support/many-articles.js';
import { createTestDatabase } from '../support/postgres.js';

const count = 1200;
let store: Store;
let seeded: SeededHub;
const xml = new XMLParser();
const asArray = <T>(v: T | T[]): T[] => (Array.isArray(v) ? v : [v]);

beforeAll(async () => {
  store = await openStore({ databaseUrl: await createTestDatabase() });
  seeded = await seedManyArticles(store, count);
}, 300_000);
afterAll(() => store?.close());

describe(`the hub on PostgreSQL with ${count} articles`, () => {
  it('serves, lists and finds the oldest article', async () => {
    const app = await hubApp(store, seeded.scope);
    const oldest = seeded.articles.at(-1)!;
    expect((await app.inject(`/articles/${oldest.slug}`)).statusCode).toBe(200);
    const urls = (asArray(xml.parse((await app.inject('/sitemap.xml')).body).urlset.url) as Array<{ loc: string }>).map((u) => u.loc);
    expect(urls.filter((u) => u.includes('/articles/'))).toHaveLength(count);
    expect(urls).toContain(`${hubPublicUrl}/articles/${oldest.slug}`);
    expect((await app.inject(`/search?q=${oldest.word}`)).body).toContain(`href="/articles/${oldest.slug}"`);
    await app.close();
  });

  it('splits the sitemap with every URL once', async () => {
    const app = await hubApp(store, seeded.scope, { sitemapMaxUrls: 400 });
    const files = (asArray(xml.parse((await app.inject('/sitemap.xml')).body).sitemapindex.sitemap) as Array<{ loc: string }>).map((s) => s.loc);
    const all: string[] = [];
    for (const file of files) all.push(...(asArray(xml.parse((await app.inject(file.slice(hubPublicUrl.length))).body).urlset.url) as Array<{ loc: string }>).map((u) => u.loc));
    const total = Math.ceil(count / 6) + count + seeded.topics.length + 1;
    expect(files).toHaveLength(Math.ceil(total / 400));
    expect(new Set(all).size).toBe(total);
    expect(all).toHaveLength(total);
    await app.close();
  });
});
