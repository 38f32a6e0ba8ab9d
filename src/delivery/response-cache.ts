/**
 * Delivery responses kept in memory and dropped precisely when content changes. The content
 * version is the change counter (every publish, unpublish, model change, new locale and API key
 * change moves it), read from the database, so a publish by any process sharing the database
 * reaches every process's cache.
 *
 * When a request brings a newer version than the cache has seen, the cache first reads what
 * changed since (`changesBetween`): a single entry or asset is dropped only when it changed
 * itself, lists whenever any item did, and everything when a step left no row (a model or
 * locale change) or too many arrived. So a publish costs each popular list one recomputation,
 * not every cached answer. A miss is computed once for everyone asking for the same key
 * meanwhile; an answer computed while an invalidation ran is neither kept nor shared with later
 * callers when the invalidation touched what it shows (it may be stale); one that shows none
 * of it is, so a steady stream of publishes does not keep every answer from ever being kept.
 */
import { Lru } from '../http/lru.js';
import { GenerationFlights } from '../http/flights.js';
import { InvalidationLog } from '../http/invalidation-log.js';
import { createHash } from 'node:crypto';
import { letGo, neverKept, type Standing } from '../http/fast-path.js';
import { ChangeFollower, type ChangesReader } from '../store/index.js';

export interface CachedResponse {
  /** Encoded once, so a hit is a plain write. */
  json: Buffer;
  etag: string;
  /** The same body gzipped and in brotli, made once for clients that accept them (the SDKs do). */
  gzip?: Buffer;
  br?: Buffer;
}

/**
 * `Entry:<id>` or `Asset:<id>` for an answer showing only that item, several of them for an
 * answer showing only those items (GraphQL's single entries with their links); undefined for lists.
 */
export type ResponseDep = string | readonly string[] | undefined;

/** What an answer shows, known only once it is computed; null when it must not be kept at all. */
export type LateDep = () => ResponseDep | null;


/** An answer kept with what it shows; `dropped` once it leaves the cache, for good. */
interface Kept extends Standing {
  value: CachedResponse;
  dep: ResponseDep;
  dropped: boolean;
}

export class ResponseCache {
  private readonly entries: Lru<string, Kept>;
  /** Where the cache stands on the change counter. */
  private readonly follower: ChangeFollower;
  /** Moved by every invalidation, with the items it touched: an answer computed across one that touched what it shows is not kept. */
  private readonly log = new InvalidationLog();
  private readonly flights = new GenerationFlights<{ value: CachedResponse; shown: ResponseDep | null; standing: Standing }>();

  constructor(
    changes: ChangesReader,
    private readonly maxBytes = 64 * 1024 * 1024,
  ) {
    this.entries = new Lru<string, Kept>(maxBytes, (kept) => sizeOf(kept.value), letGo);
    this.follower = new ChangeFollower(changes, (changed) => {
      const items = changed && new Set(changed.map((c) => `${c.kind}:${c.id}`));
      this.log.record(items);
      if (!items) this.entries.clear();
      else for (const [key, kept] of [...this.entries.entries()]) if (showsAny(kept.dep, items)) this.entries.delete(key);
    });
  }

  /**
   * The cached answer, or one computation shared by everyone asking for `key` meanwhile, kept
   * until what it shows (`dep`) changes. `version` is the content version the caller read after
   * it arrived; the cache catches up with it first.
   */
  async load(version: number, key: string, dep: ResponseDep | LateDep, compute: () => Promise<CachedResponse>): Promise<{ value: CachedResponse; hit: boolean; standing: Standing }> {
    if (this.follower.behind(version)) await this.catchUp(version);
    const kept = this.entries.get(key);
    if (kept) return { value: kept.value, hit: true, standing: kept };
    const generation = this.log.generation;
    const { value, standing } = await this.flights.run(
      key,
      generation,
      () =>
        compute().then((v) => {
          const shown = typeof dep === 'function' ? dep() : dep;
          const standing = shown !== null && !this.changedSince(generation, shown) ? this.keep(key, v, shown) : neverKept;
          return { value: v, shown, standing };
        }),
      (startedIn, done) => done.shown !== null && !this.changedSince(startedIn, done.shown),
    );
    return { value, hit: false, standing };
  }

  get size() {
    return this.entries.size;
  }

  /** Brings the cache up to `version`, dropping what changed since. */
  catchUp(version: number): Promise<void> {
    return this.follower.catchUp(version);
  }

  private changedSince(generation: number, dep: ResponseDep): boolean {
    return this.log.touchedSince(generation, (items) => showsAny(dep, items));
  }

  private keep(key: string, value: CachedResponse, dep: ResponseDep): Standing {
    if (sizeOf(value) > this.maxBytes / 4) return neverKept;
    const kept = { value, dep, dropped: false };
    this.entries.set(key, kept);
    return kept;
  }
}

const showsAny = (dep: ResponseDep, items: ReadonlySet<string>) =>
  dep === undefined || (typeof dep === 'string' ? items.has(dep) : dep.some((d) => items.has(d)));

const sizeOf = (r: CachedResponse) => r.json.length + (r.gzip?.length ?? 0) + (r.br?.length ?? 0);

export const etagOf = (json: Buffer) => `"${createHash('sha1').update(json).digest('base64url')}"`;
