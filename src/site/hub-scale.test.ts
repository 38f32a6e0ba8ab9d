/**
 * The hub with more published articles than any page shows, on a real SQLite file: every
 * article stays reachable, listed in the sitemap and found by search, however old.
 */
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hubApp, hubPublicUrl as publicUrl } from '../../test/support/hub-app.js';
import { seedManyArticles, type SeededHub } from '../../test/support/many-articles.js';
import { useTempDir } from '../../test/support/tmp.js';
import { openStore, type ListQuery, type Scope, type Store } from '../store/index.js';

const dir = useTempDir('folio-hub-scale-');
const count = 1200;
let store: Store;
let seeded: SeededHub;

const xml = new XMLParser({ ignoreAttributes: false });
const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

const locs = (body: string) => (asArray(xml.parse(body).urlset.url) as Array<{ loc: string }>).map((u) => u.loc);

beforeAll(async () => {
  store = await openStore({ sqlitePath: path.join(dir(), 'hub.db') });
  seeded = await seedManyArticles(store, count);
}, 120_000);
afterAll(() => store?.close());

describe(`a hub with ${count} published articles`, () => {
  it('serves the oldest article, lists it in the sitemap and finds it by search', async () => {
    const app = await hubApp(store, seeded.scope);
    const oldest = seeded.articles.at(-1)!;
    const page = await app.inject(`/articles/${oldest.slug}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(oldest.title);

    const sitemap = await app.inject('/sitemap.xml');
    expect(sitemap.statusCode).toBe(200);
    expect(XMLValidator.validate(sitemap.body)).toBe(true);
    const urls = locs(sitemap.body);
    expect(urls.filter((u) => u.includes('/articles/'))).toHaveLength(count);
    expect(urls).toContain(`${publicUrl}/articles/${oldest.slug}`);

    const search = await app.inject(`/search?q=${oldest.word}`);
    expect(search.statusCode).toBe(200);
    expect(search.body).toContain(`href="/articles/${oldest.slug}"`);
    await app.close();
  });

  it('pages the home page to the last article', async () => {
    const app = await hubApp(store, seeded.scope);
    const last = Math.ceil(count / 6);
    const page = await app.inject(`/?page=${last}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`href="/articles/${seeded.articles.at(-1)!.slug}"`);
    expect((await app.inject(`/?page=${last + 1}`)).statusCode).toBe(404);
    // The first, the last and a few around the current page, not all of them.
    const middle = (await app.inject('/?page=100')).body;
    const numbers = [...middle.matchAll(/<li><a href="[^"]*"(?: aria-label="Page \d+"| aria-current="page")>(\d+)<\/a><\/li>/g)].map((m) => Number(m[1]));
    expect(numbers).toEqual([1, 98, 99, 100, 101, 102, last]);
    await app.close();
  });

  it('reaches the oldest article through its topic and author pages', async () => {
    const app = await hubApp(store, seeded.scope);
    const oldest = seeded.articles.at(-1)!;
    const topic = seeded.topics[(count - 1) % seeded.topics.length]!;
    const topicPages = Math.ceil(count / seeded.topics.length / 12);
    const topicPage = await app.inject(`/topics/${topic.slug}?page=${topicPages}`);
    expect(topicPage.statusCode).toBe(200);
    expect(topicPage.body).toContain(`href="/articles/${oldest.slug}"`);
    const authorPages = Math.ceil(count / 12);
    const authorPage = await app.inject(`/authors/${seeded.authorSlug}?page=${authorPages}`);
    expect(authorPage.statusCode).toBe(200);
    expect(authorPage.body).toContain(`href="/articles/${oldest.slug}"`);
    expect(authorPage.body).toContain(`${count} articles`);
    expect((await app.inject(`/authors/${seeded.authorSlug}?page=${authorPages + 1}`)).statusCode).toBe(404);
    await app.close();
  });

  it('splits the sitemap into an index of files of at most the configured size, listing every URL once', async () => {
    const maxUrls = 500;
    const app = await hubApp(store, seeded.scope, { sitemapMaxUrls: maxUrls });
    const index = await app.inject('/sitemap.xml');
    expect(index.statusCode).toBe(200);
    expect(XMLValidator.validate(index.body)).toBe(true);
    const files = (asArray(xml.parse(index.body).sitemapindex.sitemap) as Array<{ loc: string }>).map((s) => s.loc);
    // Home pages, articles, topics and the author.
    const total = Math.ceil(count / 6) + count + seeded.topics.length + 1;
    expect(files).toEqual(Array.from({ length: Math.ceil(total / maxUrls) }, (_, i) => `${publicUrl}/sitemap-${i + 1}.xml`));
    const all: string[] = [];
    for (const file of files) {
      const res = await app.inject(file.slice(publicUrl.length));
      expect(res.statusCode, file).toBe(200);
      expect(XMLValidator.validate(res.body)).toBe(true);
      const urls = locs(res.body);
      expect(urls.length).toBeGreaterThan(0);
      expect(urls.length).toBeLessThanOrEqual(maxUrls);
      all.push(...urls);
    }
    expect(all).toHaveLength(total);
    expect(new Set(all).size).toBe(total);
    for (const a of seeded.articles) expect(all).toContain(`${publicUrl}/articles/${a.slug}`);
    expect(all).toContain(`${publicUrl}/?page=${Math.ceil(count / 6)}`);
    expect(all).toContain(`${publicUrl}/authors/${seeded.authorSlug}`);
    for (const bad of [`/sitemap-${files.length + 1}.xml`, '/sitemap-0.xml', '/sitemap-x.xml']) expect((await app.inject(bad)).statusCode, bad).toBe(404);
    await app.close();
  });

  it('ranks an old title match over a hundred newer matches in descriptions', async () => {
    const app = await hubApp(store, seeded.scope);
    const en = (v: unknown) => ({ 'en-US': v as never });
    // Every seeded description says "The story numbered …".
    await store.entries.create(seeded.scope, {
      id: 'old-story',
      contentTypeId: 'article',
      fields: { title: en('A story from the archive'), slug: en('old-story'), description: en('From long ago.'), publishDate: en('1990-01-01'), type: en('Article') },
    });
    await store.entries.publish(seeded.scope, 'old-story');
    try {
      const res = await app.inject('/search?q=story');
      expect(res.statusCode).toBe(200);
      const results = res.body.slice(res.body.indexOf('id="search-results"'));
      expect(results.match(/href="(\/articles\/[^"]+)"/)?.[1]).toBe('/articles/old-story');
    } finally {
      await store.entries.unpublish(seeded.scope, 'old-story');
      await app.close();
    }
  });

  it('renders an article page and its navigation counting only what it reads by id or slug, never a topic’s articles', async () => {
    const counts: ListQuery[] = [];
    const listPublished = store.entries.listPublished.bind(store.entries);
    const spy = { ...store, entries: { ...store.entries, listPublished: (scope: Scope, query: ListQuery = {}) => (counts.push(query), listPublished(scope, query)) } } as Store;
    const app = await hubApp(spy, seeded.scope);
    try {
      const article = seeded.articles[5]!;
      const page = await app.inject(`/articles/${article.slug}`);
      expect(page.statusCode).toBe(200);
      // Related: the three newest others of its topic (every fourth article has it).
      const readNext = page.body.slice(page.body.indexOf('id="related-title"'));
      expect([...readNext.matchAll(/href="\/articles\/(article-\d+)"/g)].map((m) => m[1]).slice(0, 3)).toEqual(['article-1', 'article-9', 'article-13']);
      const bounded = (q: ListQuery) => (q.where ?? []).some((c) => ('sys' in c && c.sys === 'id' && c.op === 'in') || ('field' in c && c.field === 'slug' && c.op === 'eq'));
      expect(counts.filter((q) => !bounded(q))).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('shows a topic chip exactly while the topic has a published article, counting only the topics that changed', async () => {
    const app = await hubApp(store, seeded.scope);
    const en = (v: unknown) => ({ 'en-US': v as never });
    const chip = '<a class="chip" href="/topics/lonely">';
    await store.entries.create(seeded.scope, { id: 'lonely', contentTypeId: 'topic', fields: { name: en('Lonely'), slug: en('lonely') } });
    await store.entries.publish(seeded.scope, 'lonely');
    expect((await app.inject('/')).body).not.toContain(chip);
    await store.entries.create(seeded.scope, {
      id: 'lonely-article',
      contentTypeId: 'article',
      fields: {
        title: en('Alone'), slug: en('lonely-article'), description: en('One of one.'), publishDate: en('1980-01-01'), type: en('Article'),
        topics: en([{ sys: { type: 'Link', linkType: 'Entry', id: 'lonely' } }]),
      },
    });
    await store.entries.publish(seeded.scope, 'lonely-article');
    try {
      expect((await app.inject('/')).body).toContain(chip);
      await store.entries.unpublish(seeded.scope, 'lonely-article');
      const home = await app.inject('/');
      expect(home.headers['x-hub-cache']).toBe('miss');
      expect(home.body).not.toContain(chip);
    } finally {
      if ((await store.entries.getPublished(seeded.scope, 'lonely-article'))) await store.entries.unpublish(seeded.scope, 'lonely-article');
      await store.entries.unpublish(seeded.scope, 'lonely');
      await app.close();
    }
  });
});
