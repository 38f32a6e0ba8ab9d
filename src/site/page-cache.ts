/**
 * Rendered hub pages kept in memory, with their ETag and gzip and brotli copies, dropped precisely when
 * content they show changes.
 *
 * How invalidation works:
 * - Every page is stored with the dependency keys of what it shows: `Entry:<id>` and
 *   `Asset:<id>` for each entry and asset on it, and set keys for what a list's membership
 *   depends on — `articles` (any published article changed: feeds, search), `articles:order`
 *   (which articles are published, in which order, with which topics, slug and author: pages
 *   that list cards, each card also keyed by its `Entry:<id>`), `topics`, `authors`, and
 *   `related:<topicId>` (the articles an article page may suggest).
 * - The store's change log (`store.changes`) records every publish, unpublish and delete of an
 *   entry or asset, with a sequence number; `changes.latest()` is the newest, which the app's
 *   ContentVersion keeps in memory (heard at once for this process's writes and, through
 *   PostgreSQL's NOTIFY, for other processes'), so a hit reads nothing. When it moved, we read the changes
 *   since the last look and drop the pages whose keys they touch: the item itself, and for an
 *   article the `articles` set, and — only when its place in lists moved (`onChange` knows) —
 *   `articles:order` and `related:<t>` for each topic it had or has now. So republishing an
 *   article's text re-renders the pages that show it, not every list and article page. Only content
 *   the hub reads (published snapshots) is in the log, so saving a draft drops nothing.
 * - `latest()` also moves for content type and locale changes, which leave no log rows: when
 *   any step since the last look has no row (`changesBetween`), everything is dropped, as it is
 *   when more changes arrived than we care to read.
 * - Concurrent requests share one `latest()` query, but only one that started after they
 *   arrived, so a request never misses a change this process committed before it came in (`sync`).
 * - A page rendered while an invalidation ran is not stored when the invalidation touched a key
 *   it shows: it may show the old content. One that shows none of them is stored: with a
 *   publish a second, renders slower than that were otherwise never kept and every reader
 *   missed from then on (issue 15).
 * - A missing page is rendered once for everyone who asks for it meanwhile (`load`): after a
 *   publish drops a popular page, the readers waiting for it share one render instead of each
 *   doing the same queries, rendering and gzip at once; readers who came after a later
 *   invalidation share it too unless that invalidation touched what it shows.
 * - A page may be assembled from parts (`part`) kept beside the pages under the same rules: an
 *   article page is its own content (the shell) with the related list of its topics put in,
 *   which every article filed under those topics shares. A change to that list drops the list
 *   and the assembled pages (they list its keys) but not their shells: the list is read once,
 *   and each page is put together again from memory, with a new ETag and gzip and brotli copies.
 *   So what a publish costs the database no longer grows with the pages that show what it moved.
 * Several Folio processes on one PostgreSQL database each keep their own cache and each follow
 * the same log, each seeing another's publish when its NOTIFY arrives (or within ContentVersion's
 * poll interval while the listener is down).
 */
import { Lru } from '../http/lru.js';
import { createHash } from 'node:crypto';
import { letGo, neverKept, type Standing } from '../http/fast-path.js';
import { LazilyEncoded, type Codings, type Encoded } from '../http/encoding.js';
import { GenerationFlights } from '../http/flights.js';
import { InvalidationLog } from '../http/invalidation-log.js';
import { ContentVersion, changesBetween } from '../store/index.js';
import type { Store } from '../store/store.js';
import type { Scope } from '../store/types.js';

export interface RenderedPage {
  status: number;
  contentType: string;
  body: string;
  deps: Iterable<string>;
}

export interface CachedPage extends Encoded {
  /** The codings to negotiate over (the copies are made when first sent). */
  codings: Codings;
  status: number;
  contentType: string;
  etag: string;
}

/** What changed, for callers that keep derived data (the hub's navigation frame). */
export interface ChangeSet {
  all: boolean;
  /** Article ids whose published state moved. */
  articles: string[];
  keys: Set<string>;
}


export const entryKey = (id: string) => `Entry:${id}`;
export const assetKey = (id: string) => `Asset:${id}`;
export const relatedKey = (topicId: string) => `related:${topicId}`;
/** Membership and order of published articles, and each one's topics, slug and author. */
export const articleOrderKey = 'articles:order';

/** A value kept with the dependency keys it shows; `dropped` once it leaves the cache, for good. */
interface KeptValue<V> extends Standing {
  value: V;
  deps: string[];
  dropped: boolean;
}

/** Values kept with the dependency keys they show, found by key and dropped by dependency. */
class KeptByDeps<V> {
  private readonly lru: Lru<string, KeptValue<V>>;
  private readonly byDep = new Map<string, Set<string>>();

  constructor(max: number) {
    this.lru = new Lru(max, undefined, (key, kept) => {
      letGo(key, kept);
      this.unindex(key, kept.deps);
    });
  }

  get size(): number {
    return this.lru.size;
  }

  get(key: string): KeptValue<V> | undefined {
    return this.lru.get(key);
  }

  has(key: string): boolean {
    return this.lru.has(key);
  }

  /** The least recently used past the maximum go, their dependencies with them (unindex). */
  set(key: string, value: V, deps: string[]): KeptValue<V> {
    const kept = { value, deps, dropped: false };
    this.lru.set(key, kept);
    for (const dep of deps) {
      let keys = this.byDep.get(dep);
      if (!keys) this.byDep.set(dep, (keys = new Set()));
      keys.add(key);
    }
    return kept;
  }

  dependents(dep: string): string[] {
    return [...(this.byDep.get(dep) ?? [])];
  }

  drop(dep: string): void {
    for (const key of this.dependents(dep)) this.lru.delete(key);
  }

  clear(): void {
    this.lru.clear();
    this.byDep.clear();
  }

  private unindex(key: string, deps: readonly string[]): void {
    for (const dep of deps) {
      const keys = this.byDep.get(dep);
      keys?.delete(key);
      if (keys && keys.size === 0) this.byDep.delete(dep);
    }
  }
}

/** A part of pages (see `part`): any value, with the dependency keys of what it shows. */
export interface Part<T> {
  value: T;
  deps: string[];
}
type Rendered<T> = { value: T; deps: Iterable<string> };

export class PageCache {
  private readonly pages: KeptByDeps<CachedPage>;
  /** Page parts: shells and fragments pages are assembled from without reading the database. */
  private readonly parts: KeptByDeps<unknown>;
  private seen: number | undefined;
  /** Moved by every invalidation, with what it touched: a render that started before one is kept only if it shows none of it. */
  private readonly log = new InvalidationLog();
  private pending: Promise<void> | undefined;
  /** Renders under way, by key, with the generation they started in. */
  private readonly flights = new GenerationFlights<{ page: CachedPage; standing: Standing; deps: string[] }>();
  private readonly partFlights = new GenerationFlights<Part<unknown>>();
  private chain: Promise<void> = Promise.resolve();

  private readonly version: ContentVersion;

  constructor(
    private readonly store: Store,
    private readonly scope: Scope,
    private readonly options: {
      maxPages: number;
      /** Parts kept at most (default: twice maxPages, a shell and a fragment's share per page). */
      maxParts?: number;
      /** Told what changed before pages are dropped; returns extra keys to drop (e.g. old topics). */
      onChange(changes: ChangeSet): Promise<Iterable<string>> | Iterable<string>;
      /** The app's content version; one of the cache's own otherwise. */
      version?: ContentVersion;
    },
  ) {
    this.version = options.version ?? new ContentVersion(store);
    this.pages = new KeptByDeps(options.maxPages);
    this.parts = new KeptByDeps(options.maxParts ?? options.maxPages * 2);
  }

  get size(): number {
    return this.pages.size;
  }

  /**
   * Brings the cache up to date with the store. Requests that arrive in the same turn of the
   * event loop share one check, started on the next turn (after all of them arrived); checks
   * run one at a time, so one that started before a request came in is never reused for it.
   */
  sync(): Promise<void> | void {
    // Nothing written since the cache last looked: no database read, no turn of the loop.
    if (this.pending === undefined && this.version.current() === this.seen) return;
    this.pending ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      this.pending = undefined;
      const run = this.chain.then(() => this.check());
      this.chain = run.catch(() => undefined);
      return run;
    });
    return this.pending;
  }

  private async check(): Promise<void> {
    const latest = await this.version.current();
    if (this.seen === undefined) {
      this.seen = latest;
      return;
    }
    if (latest === this.seen) return;
    const after = this.seen;
    const changes = await changesBetween(this.store, this.scope, after, latest);
    const set: ChangeSet = { all: !changes, articles: [], keys: new Set() };
    for (const c of changes ?? []) {
      set.keys.add(`${c.kind}:${c.id}`);
      if (c.kind !== 'Entry') continue;
      if (c.contentTypeId === 'article') {
        set.articles.push(c.id);
        set.keys.add('articles');
      } else if (c.contentTypeId === 'topic') set.keys.add('topics');
      else if (c.contentTypeId === 'author') set.keys.add('authors');
      else if (c.contentTypeId === null) for (const k of ['articles', articleOrderKey, 'topics', 'authors']) set.keys.add(k);
    }
    for (const extra of await this.options.onChange(set)) set.keys.add(extra);
    this.log.record(set.all ? undefined : set.keys);
    if (set.all) this.clear();
    else {
      for (const key of set.keys) {
        this.pages.drop(key);
        this.parts.drop(key);
      }
    }
    this.seen = latest;
  }

  /** The generation to pass to `put`: take it after `sync()`, before reading content. */
  get currentGeneration(): number {
    return this.log.generation;
  }

  get(key: string): CachedPage | undefined {
    return this.pages.get(key)?.value;
  }

  /**
   * The cached page, or one render shared by everyone asking for `key` meanwhile. Call after
   * `sync()`. A render that started in an earlier generation is shared only if the changes since
   * left what it shows alone: else it may show content older than what this caller has seen change.
   */
  async load(key: string, render: () => Promise<RenderedPage> | RenderedPage): Promise<{ page: CachedPage; hit: boolean; standing: Standing }> {
    const cached = this.pages.get(key);
    if (cached) return { page: cached.value, hit: true, standing: cached };
    const generation = this.log.generation;
    const { page, standing } = await this.flights.run(
      key,
      generation,
      async () => {
        const rendered = await render();
        return { ...this.keep(key, rendered, generation), deps: [...new Set(rendered.deps)] };
      },
      (startedIn, done) => !this.changedSince(startedIn, done.deps),
    );
    return { page, hit: false, standing };
  }

  /**
   * A part pages are assembled from (an article's own content, a related list shared by many
   * pages), kept apart from the pages, with its own dependencies: when a change drops a part,
   * the pages that show it go, but the other parts stay, so those pages are assembled again
   * from memory and only the dropped part is rendered, once for all of them. Kept and shared
   * under the same rules as pages (`load`). A page built from parts lists their deps as its own.
   */
  async part<T>(key: string, render: () => Promise<Rendered<T>> | Rendered<T>): Promise<Part<T>> {
    const kept = this.parts.get(key);
    if (kept) return kept as Part<T>;
    const generation = this.log.generation;
    const done = await this.partFlights.run(
      key,
      generation,
      async () => {
        const rendered = await render();
        const deps = [...new Set(rendered.deps)];
        if (!this.changedSince(generation, deps)) this.parts.set(key, rendered.value, deps);
        return { value: rendered.value, deps };
      },
      (startedIn, value) => !this.changedSince(startedIn, value.deps),
    );
    return done as Part<T>;
  }

  /** Prepares a page for sending and keeps it unless content it shows changed while it rendered. */
  put(key: string, rendered: RenderedPage, generation: number): CachedPage {
    return this.keep(key, rendered, generation).page;
  }

  private keep(key: string, rendered: RenderedPage, generation: number): { page: CachedPage; standing: Standing } {
    const page = prepare(rendered);
    const deps = [...new Set(rendered.deps)];
    return { page, standing: this.changedSince(generation, deps) ? neverKept : this.pages.set(key, page, deps) };
  }

  private changedSince(generation: number, deps: string[]): boolean {
    return this.log.touchedSince(generation, (touched) => deps.some((d) => touched.has(d)));
  }

  /** Which cached pages depend on `dep` (for tests and diagnostics). */
  dependents(dep: string): string[] {
    return this.pages.dependents(dep);
  }

  has(key: string): boolean {
    return this.pages.has(key);
  }

  /** Whether a part is kept (for tests and diagnostics). */
  hasPart(key: string): boolean {
    return this.parts.has(key);
  }

  clear(): void {
    this.pages.clear();
    this.parts.clear();
  }
}

export function prepare(rendered: RenderedPage): CachedPage {
  const body = Buffer.from(rendered.body);
  return Object.assign(new LazilyEncoded(body), {
    status: rendered.status,
    contentType: rendered.contentType,
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
  });
}
