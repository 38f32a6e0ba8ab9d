/**
 * A list's total is counted once per content version (count-memo.ts), exact at every version:
 * after a publish, an unpublish, in a snapshot, and after a transaction that counted its own
 * writes and rolled back. A row changed behind the store's back, without moving the counter,
 * shows that an unchanged version is answered from the memo rather than counted again.
 */
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedManyArticles } from '../../test/support/many-articles.js';
import { useTempDir } from '../../test/support/tmp.js';
import { openStore, type Store } from './index.js';
import type { Scope } from './types.js';

const dir = useTempDir('folio-count-memo-');
let store: Store;
let scope: Scope;
const articles = { contentTypeId: 'article', limit: 0 };
const total = async (s: Store = store) => (await s.entries.listPublished(scope, articles)).total;

beforeAll(async () => {
  store = await openStore({ sqlitePath: path.join(dir(), 'memo.db') });
  scope = (await seedManyArticles(store, 5)).scope;
}, 60_000);
afterAll(() => store?.close());

it('counts a total once per content version, and exactly at each', async () => {
  expect(await total()).toBe(5);
  const raw = new SQLite(path.join(dir(), 'memo.db'));
  try {
    raw.prepare("DELETE FROM published WHERE kind = 'Entry' AND id = 'article-4'").run();
  } finally {
    raw.close();
  }
  // Nothing moved the counter: the version's total, not a new count.
  expect(await total()).toBe(5);
  expect((await store.entries.pagePublished(scope, { contentTypeId: 'article' })).length).toBe(4);
  await store.changes.bump();
  expect(await total()).toBe(4);

  await store.entries.unpublish(scope, 'article-3');
  expect(await total()).toBe(3);
  expect(await store.snapshot((view) => total(view))).toBe(3);

  // A transaction counts its own writes, and its rolled-back counter leaves no total behind.
  await expect(
    store.transaction(async (tx) => {
      await tx.entries.publish(scope, 'article-3');
      expect(await total(tx)).toBe(4);
      throw new Error('rolled back');
    }),
  ).rejects.toThrow('rolled back');
  expect(await total()).toBe(3);
  await store.entries.publish(scope, 'article-3');
  expect(await total()).toBe(4);
});

it('counts drafts every time: saving a draft does not move the content version', async () => {
  const drafts = async () => (await store.entries.list(scope, articles)).total;
  const before = await drafts();
  await store.entries.create(scope, { contentTypeId: 'article', fields: { title: { 'en-US': 'A draft' } } });
  expect(await drafts()).toBe(before + 1);
});
