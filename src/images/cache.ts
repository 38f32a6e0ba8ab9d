/**
 * Derived images on disk, so a transform runs once per (file token, normalised request).
 * Files are written atomically (temp + rename) and evicted least-recently-used when the
 * directory grows over its cap. Sizes and access order live in memory, rebuilt from the
 * directory at start. Identical concurrent misses share one computation (single-flight).
 * The most recently used small images are also kept in memory (a second, smaller LRU), so a
 * hot image costs no file system call. Access times on disk are refreshed only for files that
 * are not already among the most recently used quarter, which is all the next start needs to
 * order them well enough.
 *
 * With several servers, a shared tier (derived/ in the S3 bucket) sits behind the local ones:
 * a local miss asks it before transforming, and a transform is written to both, so an image
 * made by one server is not made again by another. The local tiers stay in front: a hot image
 * costs no request to the store.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SharedBlobs } from '../storage/index.js';

export interface CachedImage {
  data: Buffer;
  contentType: string;
}

/**
 * Derived images every server can read, named by the sha256 hex of their cache key (S3 storage's
 * shared blobs). Its failures cost the cache, never the response.
 */
export type SharedImageTier = SharedBlobs;

export const defaultCacheMaxBytes = 512 * 1024 * 1024;
export const defaultMemoryMaxBytes = 32 * 1024 * 1024;
/** Bigger images are read from disk each time: a few of them would crowd out many cards. */
const memoryItemMaxBytes = 512 * 1024;

const tempPrefix = '.tmp-';

interface Flight<T> {
  promise: Promise<T>;
  controller: AbortController;
  /** Callers still waiting; Infinity once one came without a signal (it can never leave). */
  interest: number;
}

/**
 * One computation per key at a time: later callers get the first caller's result. Callers with a
 * signal may leave; when the last one has, the computation's own signal aborts so it can stop,
 * and the key is free for a fresh computation.
 */
export class SingleFlight<T> {
  readonly #inFlight = new Map<string, Flight<T>>();

  run(key: string, make: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): { promise: Promise<T>; joined: boolean } {
    signal?.throwIfAborted();
    let flight = this.#inFlight.get(key);
    const joined = flight !== undefined;
    if (!flight) {
      const controller = new AbortController();
      const started: Flight<T> = { controller, interest: 0, promise: undefined as unknown as Promise<T> };
      started.promise = make(controller.signal).finally(() => this.#forget(key, started));
      this.#inFlight.set(key, started);
      flight = started;
    }
    if (!signal) {
      flight.interest = Infinity;
      return { promise: flight.promise, joined };
    }
    flight.interest++;
    const shared = flight;
    const promise = new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        if (--shared.interest === 0) {
          this.#forget(key, shared);
          shared.controller.abort(signal.reason);
        }
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      shared.promise.then(
        (value) => {
          signal.removeEventListener('abort', onAbort);
          resolve(value);
        },
        (err: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(err);
        },
      );
    });
    return { promise, joined };
  }

  #forget(key: string, flight: Flight<T>) {
    if (this.#inFlight.get(key) === flight) this.#inFlight.delete(key);
  }

  get size() {
    return this.#inFlight.size;
  }
}

export interface CacheStats {
  hits: number;
  /** Requests that computed the image (cold, and not joining another's computation). */
  misses: number;
  /** Requests that waited for an identical request's computation. */
  joined: number;
  /** Local misses found in the shared tier (another server made them). */
  sharedHits: number;
  evictions: number;
  entries: number;
  bytes: number;
  /** Of those, kept in memory too. */
  memoryEntries: number;
  memoryBytes: number;
}

/** A key's digest names its file and its object in the shared tier; computed once per request. */
const digestOf = (key: string) => createHash('sha256').update(key).digest('hex');

/** The file name of a key: its digest, then the content type (base64url), so no index file is needed. */
const fileNameOf = (digest: string, contentType: string) => `${digest}.${Buffer.from(contentType).toString('base64url')}`;

export class DerivedImageCache {
  /** digest → file name and size; Map order is access order, least recent first. */
  readonly #entries = new Map<string, { file: string; size: number; touched: number }>();
  /** digest → the image itself, for the most recently used small ones; Map order is access order. */
  readonly #memory = new Map<string, CachedImage>();
  readonly #flight = new SingleFlight<CachedImage>();
  #bytes = 0;
  #memoryBytes = 0;
  /** Counts puts and disk touches; an entry's `touched` is this count at its last one. */
  #touches = 0;
  readonly #counts = { hits: 0, misses: 0, joined: 0, sharedHits: 0, evictions: 0 };

  private constructor(
    readonly dir: string,
    readonly maxBytes: number,
    readonly memoryMaxBytes: number,
    readonly shared: SharedImageTier | undefined,
  ) {}

  /** Creates the directory if needed and indexes what is in it, oldest access first. */
  static async open(
    dir: string,
    maxBytes = defaultCacheMaxBytes,
    memoryMaxBytes = Math.min(defaultMemoryMaxBytes, maxBytes),
    shared?: SharedImageTier,
  ): Promise<DerivedImageCache> {
    const cache = new DerivedImageCache(dir, maxBytes, memoryMaxBytes, shared);
    await mkdir(dir, { recursive: true });
    const found: { digest: string; file: string; size: number; atime: number }[] = [];
    for (const file of await readdir(dir)) {
      const full = path.join(dir, file);
      if (file.startsWith(tempPrefix)) {
        // Left by a write that never finished.
        await rm(full, { force: true });
        continue;
      }
      const match = /^([0-9a-f]{64})\.[A-Za-z0-9_-]+$/.exec(file);
      if (!match) continue;
      const info = await stat(full).catch(() => undefined);
      if (info?.isFile()) found.push({ digest: match[1]!, file, size: info.size, atime: info.atimeMs });
    }
    found.sort((a, b) => a.atime - b.atime);
    for (const { digest, file, size } of found) cache.#add(digest, file, size);
    await cache.#evict();
    return cache;
  }

  get stats(): CacheStats {
    return { ...this.#counts, entries: this.#entries.size, bytes: this.#bytes, memoryEntries: this.#memory.size, memoryBytes: this.#memoryBytes };
  }

  /**
   * The cached image for `key`, or the result of `make`, stored for next time. `signal` says the
   * caller has gone; `make`'s signal, that every caller has.
   */
  async getOrCreate(key: string, make: (signal: AbortSignal) => Promise<CachedImage>, signal?: AbortSignal): Promise<CachedImage> {
    const digest = digestOf(key);
    const hit = await this.#get(digest);
    if (hit) return hit;
    const { promise, joined } = this.#flight.run(key, async (shared) => {
      // Another request may have stored it between our look-up and now.
      const late = await this.#get(digest);
      if (late) return late;
      const made = await this.#fromShared(digest);
      if (made) {
        this.#counts.sharedHits++;
        await this.#putLocal(digest, made);
        return made;
      }
      this.#counts.misses++;
      const image = await make(shared);
      await this.#put(digest, image);
      return image;
    }, signal);
    if (joined) this.#counts.joined++;
    return promise;
  }

  get(key: string): Promise<CachedImage | undefined> {
    return this.#get(digestOf(key));
  }

  async #get(digest: string): Promise<CachedImage | undefined> {
    const entry = this.#entries.get(digest);
    if (!entry) return undefined;
    const full = path.join(this.dir, entry.file);
    let image = this.#memory.get(digest);
    if (image) {
      this.#memory.delete(digest);
      this.#memory.set(digest, image);
    } else {
      try {
        image = { data: await readFile(full), contentType: Buffer.from(entry.file.slice(digest.length + 1), 'base64url').toString() };
      } catch {
        // Removed behind our back: forget it, recompute.
        this.#remove(digest);
        return undefined;
      }
      this.#remember(digest, image);
    }
    // Most recently used now: move to the end, and tell the file system for the next start.
    this.#entries.delete(digest);
    this.#entries.set(digest, entry);
    if (this.#touches - entry.touched > this.#entries.size / 4) {
      entry.touched = ++this.#touches;
      const now = new Date();
      utimes(full, now, now).catch(() => {});
    }
    this.#counts.hits++;
    return image;
  }

  /** Stores in the local tiers and the shared one. */
  put(key: string, image: CachedImage): Promise<void> {
    return this.#put(digestOf(key), image);
  }

  async #put(digest: string, image: CachedImage): Promise<void> {
    await Promise.all([this.#putLocal(digest, image), this.shared?.put(digest, image).catch(() => {})]);
  }

  async #fromShared(digest: string): Promise<CachedImage | undefined> {
    if (!this.shared) return undefined;
    try {
      return await this.shared.get(digest);
    } catch {
      // Unreachable store: transform here, as a single server would.
      return undefined;
    }
  }

  async #putLocal(digest: string, image: CachedImage): Promise<void> {
    if (image.data.length > this.maxBytes) return;
    const file = fileNameOf(digest, image.contentType);
    const temp = path.join(this.dir, `${tempPrefix}${randomBytes(8).toString('hex')}`);
    try {
      await writeFile(temp, image.data);
      await rename(temp, path.join(this.dir, file));
    } catch {
      // A full or read-only disk costs the cache, never the response.
      await rm(temp, { force: true });
      return;
    }
    const previous = this.#remove(digest);
    if (previous && previous.file !== file) await rm(path.join(this.dir, previous.file), { force: true });
    this.#add(digest, file, image.data.length);
    this.#remember(digest, image);
    await this.#evict();
  }

  #add(digest: string, file: string, size: number) {
    this.#entries.set(digest, { file, size, touched: ++this.#touches });
    this.#bytes += size;
  }

  #remove(digest: string) {
    this.#forget(digest);
    const entry = this.#entries.get(digest);
    if (!entry) return undefined;
    this.#entries.delete(digest);
    this.#bytes -= entry.size;
    return entry;
  }

  #remember(digest: string, image: CachedImage) {
    if (image.data.length > memoryItemMaxBytes || image.data.length > this.memoryMaxBytes) return;
    this.#forget(digest);
    this.#memory.set(digest, image);
    this.#memoryBytes += image.data.length;
    for (const [oldest, old] of this.#memory) {
      if (this.#memoryBytes <= this.memoryMaxBytes) break;
      this.#memory.delete(oldest);
      this.#memoryBytes -= old.data.length;
    }
  }

  #forget(digest: string) {
    const image = this.#memory.get(digest);
    if (!image) return;
    this.#memory.delete(digest);
    this.#memoryBytes -= image.data.length;
  }

  async #evict() {
    while (this.#bytes > this.maxBytes) {
      const oldest = this.#entries.keys().next();
      if (oldest.done) break;
      const entry = this.#remove(oldest.value)!;
      this.#counts.evictions++;
      await rm(path.join(this.dir, entry.file), { force: true });
    }
  }
}
