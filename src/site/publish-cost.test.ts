/**
 * What a publish costs the hub: after a change that moves list order or retitles an article
 * every article page suggests, serving every article page again reads the database a few times
 * (the related lists of the topics it touched), not once per page that shows those lists
 * (issue 15: a publish made every server re-render almost all of the hub from PostgreSQL).
 */
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countingStore, type CountedStore } from '../../test/support/counting-store.js';
import { hubApp } from '../../test/support/hub-app.js';
import { seedManyArticles, type SeededHub } from '../../test/support/many-articles.js';
import { useTempDir } from '../../test/support/tmp.js';
import { openStore, type Store } from '../store/index.js';

const dir = useTempDir('folio-publish-cost-');
const count = 48;
const topicCount = 2;
/** Reads allowed for serving all article pages again: the change log's article, one related list, with its cards. */
const bound = 10;
let store: Store;
let seeded: SeededHub;
let counted: CountedStore;
let app: FastifyInstance;

const en = (v: unknown) => ({ 'en-US': v as never });
const link = (id: string) => ({ sys: { type: 'Link', linkType: 'Entry', id } });
const relatedOf = (body: string) => {
  const section = body.slice(body.indexOf('id="related-title"'));
  return section.includes('Related articles') ? [...section.matchAll(/href="\/articles\/([^"]+)"/g)].map((m) => m[1]!) : [];
};

beforeAll(async () => {
  store = await openStore({ sqlitePath: path.join(dir(), 'hub.db') });
  seeded = await seedManyArticles(store, count, topicCount);
  counted = countingStore(store);
  app = await hubApp(counted.store, seeded.scope);
}, 60_000);
afterAll(async () => {
  await app?.close();
  await store?.close();
});

/** Every seeded article page; how many store reads serving them took, and their bodies. */
async function serveArticles() {
  const before = counted.total();
  const bodies = new Map<string, string>();
  for (const a of seeded.articles) {
    const res = await app.inject(`/articles/${a.slug}`);
    expect(res.statusCode, a.slug).toBe(200);
    bodies.set(a.slug, res.body);
  }
  return { reads: counted.total() - before, bodies };
}

/** The slugs of the three newest other articles filed under `topic`, given the newest first. */
const newestOthers = (slugs: string[], self: string) => slugs.filter((s) => s !== self).slice(0, 3);

describe(`publishing on a hub of ${count} article pages`, () => {
  it('serves every page again with a bounded number of reads after a new article moves list order', async () => {
    await serveArticles();
    const warm = await serveArticles();
    expect(warm.reads).toBe(0);

    await store.entries.create(seeded.scope, {
      id: 'fresh',
      contentTypeId: 'article',
      fields: { title: en('Fresh news'), slug: en('fresh'), description: en('New.'), publishDate: en('2025-06-01'), type: en('Article'), topics: en([link('topic-0')]), author: en(link('author-0')) },
    });
    await store.entries.publish(seeded.scope, 'fresh');
    const after = await serveArticles();
    expect(after.reads).toBeLessThanOrEqual(bound);
    // Every page of topic 0 now suggests the new article first; topic 1's are as they were.
    const byTopic = (t: number) => seeded.articles.filter((_, i) => i % topicCount === t).map((a) => a.slug);
    for (const [t, slugs] of [[0, ['fresh', ...byTopic(0)]], [1, byTopic(1)]] as Array<[number, string[]]>) {
      for (const slug of byTopic(t)) expect(relatedOf(after.bodies.get(slug)!), slug).toEqual(newestOthers(slugs, slug));
    }
  });

  it('serves every page again with a bounded number of reads after retitling an article most pages suggest', async () => {
    const newest = seeded.articles[0]!;
    const entry = (await store.entries.get(seeded.scope, newest.id))!;
    const updated = await store.entries.update(seeded.scope, newest.id, { contentTypeId: 'article', fields: { ...entry.fields, title: en('Retitled story') } }, entry.sys.version);
    await store.entries.publish(seeded.scope, newest.id, updated.sys.version);
    const after = await serveArticles();
    expect(after.reads).toBeLessThanOrEqual(bound);
    const suggesting = [...after.bodies].filter(([slug, body]) => slug !== newest.slug && relatedOf(body).includes(newest.slug));
    expect(suggesting.length).toBeGreaterThan(count / topicCount - 3);
    for (const [, body] of suggesting) expect(body).toContain('Retitled story');
  });

  it('re-assembles only the pages that show a retitled article, though its topic\'s shared list is read again', async () => {
    // Topic 0's newest: fresh, article-0, article-2, then article-4, which only their pages suggest.
    const fourth = seeded.articles[4]!;
    const entry = (await store.entries.get(seeded.scope, fourth.id))!;
    const updated = await store.entries.update(seeded.scope, fourth.id, { contentTypeId: 'article', fields: { ...entry.fields, title: en('Fourth, retitled') } }, entry.sys.version);
    await store.entries.publish(seeded.scope, fourth.id, updated.sys.version);
    const rebuilt: string[] = [];
    for (const a of seeded.articles) {
      const res = await app.inject(`/articles/${a.slug}`);
      if (res.headers['x-hub-cache'] === 'miss') rebuilt.push(a.slug);
      if (relatedOf(res.body).includes(fourth.slug)) expect(res.body, a.slug).toContain('Fourth, retitled');
    }
    expect(rebuilt.sort()).toEqual([seeded.articles[0]!.slug, seeded.articles[2]!.slug, fourth.slug].sort());
  });

  it('fills a related list with the newest articles when a topic has too few, never suggesting the page itself', async () => {
    await store.entries.create(seeded.scope, { id: 'rare', contentTypeId: 'topic', fields: { name: en('Rare'), slug: en('rare') } });
    await store.entries.publish(seeded.scope, 'rare');
    for (const id of ['lonely-a', 'lonely-b']) {
      await store.entries.create(seeded.scope, {
        id,
        contentTypeId: 'article',
        fields: { title: en(id), slug: en(id), description: en('Alone.'), publishDate: en('1990-01-01'), type: en('Article'), topics: en([link('rare')]) },
      });
      await store.entries.publish(seeded.scope, id);
    }
    const a = relatedOf((await app.inject('/articles/lonely-a')).body);
    const b = relatedOf((await app.inject('/articles/lonely-b')).body);
    expect(a).toEqual(['lonely-b', 'fresh', seeded.articles[0]!.slug]);
    expect(b).toEqual(['lonely-a', 'fresh', seeded.articles[0]!.slug]);
  });

  it('fills the related list of a newest article without topics from the others, the fourth newest included', async () => {
    await store.entries.create(seeded.scope, {
      id: 'untopical',
      contentTypeId: 'article',
      fields: { title: en('Untopical'), slug: en('untopical'), description: en('No topics.'), publishDate: en('2999-01-01'), type: en('Article') },
    });
    await store.entries.publish(seeded.scope, 'untopical');
    const res = await app.inject('/articles/untopical');
    expect(res.statusCode).toBe(200);
    const shown = relatedOf(res.body);
    expect(shown).toHaveLength(3);
    expect(shown).not.toContain('untopical');
  });
});
