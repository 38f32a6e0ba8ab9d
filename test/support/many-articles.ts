/**
 * A hub with many published articles, written straight through the store in one transaction
 * (the editor's rules add nothing here and would take minutes for thousands of entries).
 * Article i is published on a day counting back from 2024-12-31, so article 0 is the newest
 * and the last one the oldest; every article has one of the topics and the one author.
 */
import { demoContentTypes } from '../../src/demo/index.js';
import { ensureSpace } from '../../src/setup/index.js';
import type { Store } from '../../src/store/index.js';
import type { Scope } from '../../src/store/types.js';

export interface SeededHub {
  scope: Scope;
  /** Newest first: slug, title and the one word only this article's title holds. */
  articles: Array<{ id: string; slug: string; title: string; word: string }>;
  topics: Array<{ id: string; slug: string }>;
  authorSlug: string;
}

const day = (i: number) => new Date(Date.UTC(2024, 11, 31) - i * 86_400_000).toISOString().slice(0, 10);
/** A word made of letters only (the index splits at digits too): 0 → "qaaa", 1 → "qaab", … */
const wordOf = (i: number) => 'q' + [2, 1, 0].map((p) => String.fromCharCode(97 + (Math.floor(i / 26 ** p) % 26))).join('');

export async function seedManyArticles(store: Store, count: number, topicCount = 4): Promise<SeededHub> {
  const scope = await ensureSpace(store, 'folio');
  const en = (v: unknown) => ({ 'en-US': v as never });
  const link = (id: string) => ({ sys: { type: 'Link', linkType: 'Entry', id } });
  const seeded: SeededHub = { scope, articles: [], topics: [], authorSlug: 'staff-writer' };
  await store.transaction(async (tx) => {
    for (const type of demoContentTypes) {
      const { id, ...body } = type;
      await tx.contentTypes.create(scope, { id, ...body });
      await tx.contentTypes.publish(scope, id);
    }
    const publish = async (id: string, contentTypeId: string, fields: Record<string, unknown>) => {
      await tx.entries.create(scope, { id, contentTypeId, fields: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, en(v)])) });
      await tx.entries.publish(scope, id);
    };
    for (let t = 0; t < topicCount; t++) {
      const topic = { id: `topic-${t}`, slug: `topic-${t}` };
      await publish(topic.id, 'topic', { name: `Topic ${t}`, slug: topic.slug, description: `About topic ${t}.` });
      seeded.topics.push(topic);
    }
    await publish('author-0', 'author', { name: 'Staff Writer', slug: seeded.authorSlug, bio: 'Writes everything.' });
    for (let i = 0; i < count; i++) {
      const word = wordOf(i);
      const article = { id: `article-${i}`, slug: `article-${i}`, title: `Article ${word} number ${i}`, word };
      await publish(article.id, 'article', {
        title: article.title,
        slug: article.slug,
        description: `The story numbered ${i}.`,
        publishDate: day(i),
        type: 'Article',
        topics: [link(`topic-${i % topicCount}`)],
        author: link('author-0'),
        body: {
          nodeType: 'document',
          data: {},
          content: [{ nodeType: 'paragraph', data: {}, content: [{ nodeType: 'text', value: `Body of article ${i}.`, marks: [], data: {} }] }],
        },
      });
      seeded.articles.push(article);
    }
  });
  return seeded;
}
