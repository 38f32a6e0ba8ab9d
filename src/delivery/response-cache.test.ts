/** The Delivery response cache against a real SQLite store and its change log. */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useTempDir } from '../../test/support/tmp.js';
import { changesBetween, defineField, openStore, type Store } from '../store/index.js';
import { ResponseCache, etagOf, type CachedResponse } from './response-cache.js';

const dir = useTempDir('folio-response-cache-');
const scope = { spaceId: 'folio', environmentId: 'master' };
let store: Store;
let cache: ResponseCache;

const body = (text: string): CachedResponse => {
  const json = Buffer.from(JSON.stringify({ text }));
  return { json, etag: etagOf(json) };
};
const publish = async (id: string) => {
  if (!(await store.entries.get(scope, id))) await store.entries.create(scope, { id, contentTypeId: 'article', fields: { title: { 'en-US': id } } });
  return store.entries.publish(scope, id);
};
/** Loads every key at the current version; returns which were hits. */
const hits = async (keys: Array<[string, string | undefined]>) => {
  const version = await store.changes.latest();
  const out: Record<string, boolean> = {};
  for (const [key, dep] of keys) out[key] = (await cache.load(version, key, dep, async () => body(key))).hit;
  return out;
};
const keys: Array<[string, string | undefined]> = [
  ['/entries/a', 'Entry:a'],
  ['/entries/b', 'Entry:b'],
  ['/assets/z', 'Asset:z'],
  ['/entries?content_type=article', undefined],
];

let n = 0;
beforeEach(async () => {
  store = await openStore({ sqlitePath: path.join(dir(), `cache-${++n}.db`) });
  await store.spaces.create({ id: 'folio', name: 'Folio', defaultLocale: 'en-US' });
  await store.environments.create('folio', { id: 'master', name: 'master' });
  for (const id of ['article', 'topic']) {
    await store.contentTypes.create(scope, { id, name: id, description: null, displayField: 'title', fields: [defineField('title', 'Symbol')] });
    await store.contentTypes.publish(scope, id);
  }
  await publish('a');
  await publish('b');
  cache = new ResponseCache((after, upTo) => changesBetween(store, scope, after, upTo, 500));
  await hits(keys);
});
afterEach(() => store?.close());

describe('ResponseCache', () => {
  it('after a publish drops the item itself and every list, and keeps the other items', async () => {
    await publish('a');
    expect(await hits(keys)).toEqual({ '/entries/a': false, '/entries/b': true, '/assets/z': true, '/entries?content_type=article': false });
    expect(await hits(keys)).toEqual({ '/entries/a': true, '/entries/b': true, '/assets/z': true, '/entries?content_type=article': true });
  });

  it('drops everything after a model change, also when a publish came with it', async () => {
    await publish('a');
    await store.contentTypes.unpublish(scope, 'topic');
    expect(Object.values(await hits(keys))).toEqual([false, false, false, false]);
  });

  it('drops nothing for a draft save', async () => {
    await store.entries.update(scope, 'b', { contentTypeId: 'article', fields: { title: { 'en-US': 'draft' } } });
    expect(Object.values(await hits(keys))).toEqual([true, true, true, true]);
  });

  it('computes a miss once for everyone asking meanwhile, and does not keep one computed across an invalidation', async () => {
    await publish('b');
    const version = await store.changes.latest();
    let computed = 0;
    const compute = async () => {
      computed++;
      await new Promise((r) => setTimeout(r, 20));
      return body(`b ${computed}`);
    };
    const all = await Promise.all(Array.from({ length: 20 }, () => cache.load(version, '/entries/b', 'Entry:b', compute)));
    expect(computed).toBe(1);
    expect(all.every((r) => !r.hit)).toBe(true);

    const slow = cache.load(version, '/entries/c', 'Entry:c', compute);
    await publish('c');
    const fresh = await cache.load(await store.changes.latest(), '/entries/c', 'Entry:c', compute);
    await slow;
    expect(computed).toBe(3);
    expect(fresh.hit).toBe(false);
    const again = await cache.load(await store.changes.latest(), '/entries/c', 'Entry:c', compute);
    expect(again.hit).toBe(true);
    expect(again.value).toBe(fresh.value);
  });

  it('shares and keeps an answer computed across an invalidation of something it does not show', async () => {
    let computed = 0;
    const compute = async () => {
      computed++;
      await new Promise((r) => setTimeout(r, 20));
      return body(`a ${computed}`);
    };
    await publish('a');
    const slow = cache.load(await store.changes.latest(), '/entries/a', 'Entry:a', compute);
    await publish('b');
    const later = await cache.load(await store.changes.latest(), '/entries/a', 'Entry:a', compute);
    expect(computed).toBe(1);
    expect(later.value).toBe((await slow).value);
    expect((await cache.load(await store.changes.latest(), '/entries/a', 'Entry:a', compute)).hit).toBe(true);
  });
});
