/** The page cache against a real SQLite store and its change log. */
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useTempDir } from '../../test/support/tmp.js';
import { defineField, openStore, type Store } from '../store/index.js';
import { PageCache, prepare, type ChangeSet, type RenderedPage } from './page-cache.js';

const dir = useTempDir('folio-page-cache-');
const scope = { spaceId: 'folio', environmentId: 'master' };
let store: Store;
let seen: ChangeSet[];
let cache: PageCache;

const page = (body: string, deps: string[]): RenderedPage => ({ status: 200, contentType: 'text/html', body, deps });
const entry = async (id: string, contentTypeId: string) => {
  await store.entries.create(scope, { id, contentTypeId, fields: { title: { 'en-US': id } } });
  return store.entries.publish(scope, id);
};

let n = 0;
beforeEach(async () => {
  store = await openStore({ sqlitePath: path.join(dir(), `cache-${++n}.db`) });
  await store.spaces.create({ id: 'folio', name: 'Folio', defaultLocale: 'en-US' });
  await store.environments.create('folio', { id: 'master', name: 'master' });
  for (const id of ['article', 'topic']) {
    await store.contentTypes.create(scope, { id, name: id, description: null, displayField: 'title', fields: [defineField('title', 'Symbol')] });
    await store.contentTypes.publish(scope, id);
  }
  seen = [];
  cache = new PageCache(store, scope, {
    maxPages: 3,
    onChange: (changes) => {
      seen.push(changes);
      return changes.articles.includes('a') ? ['related:t1'] : [];
    },
  });
  await cache.sync();
});
afterEach(() => store?.close());

describe('PageCache', () => {
  it('drops exactly the pages whose keys a published change touches, plus the keys onChange adds', async () => {
    const g = cache.currentGeneration;
    cache.put('/', page('home', ['articles']), g);
    cache.put('/articles/b', page('b', ['Entry:b', 'related:t2']), g);
    cache.put('/articles/c', page('c', ['Entry:c', 'related:t1']), g);
    await entry('a', 'article');
    await cache.sync();
    expect(seen.at(-1)).toMatchObject({ all: false, articles: ['a'] });
    expect(cache.has('/')).toBe(false);
    expect(cache.has('/articles/c')).toBe(false);
    expect(cache.has('/articles/b')).toBe(true);

    cache.put('/', page('home', ['articles', 'topics']), cache.currentGeneration);
    await entry('t9', 'topic');
    await cache.sync();
    expect(seen.at(-1)!.keys.has('topics')).toBe(true);
    expect(cache.has('/')).toBe(false);
    expect(cache.has('/articles/b')).toBe(true);
  });

  it('drops nothing for a draft save, everything for a content type change', async () => {
    await entry('b', 'article');
    await cache.sync();
    cache.put('/articles/b', page('b', ['Entry:b']), cache.currentGeneration);
    await store.entries.update(scope, 'b', { contentTypeId: 'article', fields: { title: { 'en-US': 'draft' } } });
    await cache.sync();
    expect(cache.has('/articles/b')).toBe(true);
    await store.contentTypes.unpublish(scope, 'topic');
    await cache.sync();
    expect(seen.at(-1)!.all).toBe(true);
    expect(cache.size).toBe(0);
  });

  it('drops everything when a change that leaves no log row came with a logged one', async () => {
    await entry('b', 'article');
    await cache.sync();
    cache.put('/articles/b', page('b', ['Entry:b']), cache.currentGeneration);
    await entry('c', 'article');
    await store.contentTypes.unpublish(scope, 'topic');
    await cache.sync();
    expect(seen.at(-1)!.all).toBe(true);
    expect(cache.has('/articles/b')).toBe(false);
  });

  it('renders a missing page once for everyone asking meanwhile, across invalidations only of what it does not show', async () => {
    let renders = 0;
    // The second render lasts until the test lets it end: past the next change, however slow the machine.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const render = async () => {
      const n = ++renders;
      await (n === 2 ? gate : new Promise((r) => setTimeout(r, 20)));
      return page(`render ${n}`, ['Entry:a']);
    };
    const first = await Promise.all(Array.from({ length: 20 }, () => cache.load('/a', render)));
    expect(renders).toBe(1);
    expect(new Set(first.map((r) => r.page.body.toString()))).toEqual(new Set(['render 1']));
    expect((await cache.load('/a', render)).hit).toBe(true);

    await entry('a', 'article');
    await cache.sync();
    const slow = cache.load('/a', render);
    // A change the page does not show: later readers share the render under way, and it is kept.
    await entry('x', 'article');
    await cache.sync();
    const shared = cache.load('/a', render);
    release();
    expect((await shared).page.body.toString()).toBe('render 2');
    expect((await slow).page.body.toString()).toBe('render 2');
    expect(renders).toBe(2);
    expect((await cache.load('/a', render)).hit).toBe(true);
  });

  it('neither keeps nor shares a render begun before a change to what it shows', async () => {
    let renders = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const render = async () => {
      const n = ++renders;
      if (n === 1) await gate;
      return page(`render ${n}`, ['Entry:a']);
    };
    const slow = cache.load('/a', render);
    await entry('a', 'article');
    await cache.sync();
    // Started after the change: must not be handed the render begun before it.
    const fresh = cache.load('/a', render);
    release();
    expect((await slow).page.body.toString()).toBe('render 1');
    expect((await fresh).page.body.toString()).toBe('render 2');
    expect(renders).toBe(2);
    expect(cache.put('/stale', page('old', ['Entry:a']), 0).body.toString()).toBe('old');
    expect(cache.has('/stale')).toBe(false);
  });

  it('keeps a part apart from the pages built from it: one render for all, dropped by its own keys, not kept across a change to them', async () => {
    let renders = 0;
    const list = () => cache.part('related:t1', async () => ({ value: `list ${++renders}`, deps: ['related:t1', 'Entry:b'] }));
    const [one, two] = await Promise.all([list(), list()]);
    expect(renders).toBe(1);
    expect(two).toBe(one);
    const g = cache.currentGeneration;
    cache.put('/articles/c', page(`c with ${one.value}`, ['Entry:c', ...one.deps]), g);
    cache.put('/articles/d', page(`d with ${one.value}`, ['Entry:d', ...one.deps]), g);

    // Article b retitled: the pages showing the list go, the list is rendered once for both again.
    await entry('b', 'article');
    await cache.sync();
    expect([cache.has('/articles/c'), cache.has('/articles/d'), cache.hasPart('related:t1')]).toEqual([false, false, false]);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = cache.part('related:t1', async () => {
      await gate;
      return { value: `list ${++renders}`, deps: ['related:t1', 'Entry:b'] };
    });
    await store.entries.publish(scope, 'b');
    await cache.sync();
    release();
    expect((await slow).value).toBe('list 2');
    // Begun before b changed again: neither kept nor handed to a caller who came after.
    expect(cache.hasPart('related:t1')).toBe(false);
    expect((await list()).value).toBe('list 3');
    expect(cache.hasPart('related:t1')).toBe(true);
  });

  it('reads nothing while nothing was written, and one shared check per write', async () => {
    let reads = 0;
    const latest = store.changes.latest.bind(store.changes);
    store.changes.latest = () => {
      reads++;
      return latest();
    };
    await Promise.all(Array.from({ length: 50 }, () => cache.sync()));
    expect(reads).toBe(0);
    await entry('a', 'article');
    await Promise.all(Array.from({ length: 50 }, () => cache.sync()));
    expect(reads).toBe(1);
    expect(seen.at(-1)).toMatchObject({ articles: ['a'] });
    await cache.sync();
    expect(reads).toBe(1);
  });

  it('hears a write made through another Store on the same database at once', async () => {
    cache.put('/articles/a', page('a', ['Entry:a']), cache.currentGeneration);
    const other = await openStore({ sqlitePath: path.join(dir(), `cache-${n}.db`) });
    try {
      await other.entries.create(scope, { id: 'a', contentTypeId: 'article', fields: { title: { 'en-US': 'a' } } });
      await other.entries.publish(scope, 'a');
    } finally {
      await other.close();
    }
    await cache.sync();
    expect(cache.has('/articles/a')).toBe(false);
  });

  it('evicts the least recently used page beyond maxPages', () => {
    const g = cache.currentGeneration;
    for (const key of ['/1', '/2', '/3']) cache.put(key, page(key, []), g);
    cache.get('/1');
    cache.put('/4', page('/4', []), g);
    expect(['/1', '/2', '/3', '/4'].filter((k) => cache.has(k))).toEqual(['/1', '/3', '/4']);
  });

  it('prepares a strong ETag from the body and gzips only bodies worth it', () => {
    const small = prepare(page('x', []));
    expect(small.gzip).toBeUndefined();
    expect(small.etag).toMatch(/^"[\w-]{22}"$/);
    const big = prepare(page('<p>hello</p>'.repeat(200), []));
    expect(gunzipSync(big.gzip!).toString()).toBe('<p>hello</p>'.repeat(200));
    expect(prepare(page('x', [])).etag).toBe(small.etag);
    expect(prepare(page('y', [])).etag).not.toBe(small.etag);
  });
});
