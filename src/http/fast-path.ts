/**
 * Warm answers replayed in front of Fastify. A route that answered from its own cache marks the
 * answer (`offer`); the exact bytes and headers it sent are kept for that URL and what the
 * answer varies on, and the next identical GET is answered with them before routing, hooks,
 * parsing or any database read.
 *
 * Nothing here decides what is valid; the route caches do, and this follows them:
 * - An answer offered with the `standing` of the cached value it was made from (a hub page, a
 *   Delivery answer) is replayed while that value stands: its cache marks it dropped when a
 *   change touches what it shows, when it is evicted, or when the cache is emptied.
 * - When the content version moves (a write in this process at once, another process's when its
 *   NOTIFY arrives, or within ContentVersion's poll while the listener is down), nothing is
 *   replayed until every cache that gives standings (`follow`) has caught up with the change
 *   and marked what it dropped; meanwhile requests go to the routes, which catch up first.
 *   So a publish costs the answers it touched, not every warm answer of every server.
 * - An answer offered without a standing is dropped at every change, and is not kept at all
 *   when the change came after its request arrived (it may be older than the change).
 *
 * Only 200 answers to GETs without conditions (If-None-Match, Range …) are replayed; answers
 * that set cookies are never kept. Per-request headers are made fresh: the request id, and the
 * cache header says `hit`.
 */
import { randomUUID } from 'node:crypto';
// Imported, not the global: `globalThis.performance` is a lazy accessor, a getter call on every use.
import { performance } from 'node:perf_hooks';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { negotiateEncoding } from './encoding.js';

/** Request headers an answer may vary on. Accept-Encoding is reduced to the coding it chose. */
export type VaryOn = 'accept-encoding' | 'accept' | 'authorization';

export interface Offer {
  /** The route pattern, for metrics. */
  route: string;
  vary: readonly VaryOn[];
  /** Which codings the answer had, so Accept-Encoding is reduced the same way on replay. */
  encodings?: { gzip?: unknown; br?: unknown };
  /** Header saying whether a cache answered (set to `hit` on replay). */
  cacheHeader?: string;
  /** The cached value the answer was made from: replayed while it stands (see the top of this file). */
  standing?: Standing;
}

/** A cached value's standing: its cache sets `dropped` when it lets the value go, for good. */
export interface Standing {
  readonly dropped: boolean;
}

/** What a value that was never kept (computed across a change that touched it) stands on. */
export const neverKept: Standing = Object.freeze({ dropped: true });

/** A cache lets a kept value go (an Lru's onDrop: evicted, replaced, deleted or cleared): answers made from it stop. */
export const letGo = (_key: unknown, kept: { dropped: boolean }): void => {
  kept.dropped = true;
};

interface Kept {
  /** Names and values in one flat list, as writeHead takes them; the request id's value last. */
  headers: string[];
  body: Buffer;
  standing: Standing | undefined;
}

interface UrlEntry {
  offer: Offer;
  variants: Map<string, Kept>;
  /** Bound once when the URL is first kept: a replay only adds to it. */
  record: ((seconds: number) => void) | undefined;
}

/**
 * Told once per URL kept, with the route and cache header of its offer; returns what each replay
 * of it calls with its duration (metrics). Called on every warm answer, so it must be plain
 * arithmetic: no label hashing, no look-ups.
 */
export type ReplayRecorder = (route: string, cacheHeader: string | undefined) => (seconds: number) => void;

export interface FastPathOptions {
  /** Bytes kept in all; past it the least recently added URLs go. Default 64 MiB. */
  maxBytes?: number;
  /** Largest body kept; default 2 MiB. */
  maxBody?: number;
}

/** The epoch a request arrived in: only answers to requests that arrived after the last change are kept. */
const arrived = Symbol('fastPathEpoch');
type StampedRequest = IncomingMessage & { [arrived]?: number };

/** Requests that must reach Fastify: conditional, partial, or not a plain GET. */
const replayable = (req: IncomingMessage) =>
  req.method === 'GET' && req.headers['if-none-match'] === undefined && req.headers['if-modified-since'] === undefined && req.headers.range === undefined;

export class FastPath {
  readonly #urls = new Map<string, UrlEntry>();
  #bytes = 0;
  /** Moved by every change of content. */
  #epoch = 0;
  /** Answers kept without a standing: dropped at every change. */
  #unstanding = new Set<string>();
  /** The caches are catching up with a change: nothing is replayed until they have. */
  #following = false;
  readonly #followers = new Set<() => Promise<unknown> | unknown>();
  readonly #maxBytes: number;
  readonly #maxBody: number;
  /** Binds each kept URL to what counts its replays (metrics). */
  recorder: ReplayRecorder | undefined;

  constructor(options: FastPathOptions = {}) {
    this.#maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
    this.#maxBody = options.maxBody ?? 2 * 1024 * 1024;
  }

  get size(): number {
    return this.#urls.size;
  }

  /**
   * Registers a cache that gives standings: `catchUp` brings it up to date with the content
   * version now (marking what it drops). Returns the function that stops following it.
   */
  follow(catchUp: () => Promise<unknown> | unknown): () => void {
    this.#followers.add(catchUp);
    return () => this.#followers.delete(catchUp);
  }

  /**
   * Content changed: answers without a standing go, and nothing is replayed until the followed
   * caches have caught up. If one of them cannot (its store failed), every answer goes.
   */
  contentChanged(): void {
    const epoch = ++this.#epoch;
    for (const url of this.#unstanding) this.#drop(url);
    this.#unstanding.clear();
    this.#following = true;
    void Promise.allSettled([...this.#followers].map((catchUp) => catchUp())).then((caughtUp) => {
      if (caughtUp.some((c) => c.status === 'rejected')) this.clear();
      if (epoch === this.#epoch) this.#following = false;
    });
  }

  /** Drops every kept answer. */
  clear(): void {
    this.#urls.clear();
    this.#unstanding.clear();
    this.#bytes = 0;
  }

  /** The server's request handler: a kept answer, else `next` (Fastify). */
  handle(req: IncomingMessage, res: ServerResponse, next: (req: IncomingMessage, res: ServerResponse) => void): void {
    if (!this.#answer(req, res)) {
      (req as StampedRequest)[arrived] = this.#epoch;
      next(req, res);
    }
  }

  #answer(req: IncomingMessage, res: ServerResponse): boolean {
    if (this.#following || !replayable(req)) return false;
    const url = req.url ?? '';
    const entry = this.#urls.get(url);
    if (!entry) return false;
    const key = variantKey(req, entry.offer);
    const kept = entry.variants.get(key);
    if (!kept) return false;
    if (kept.standing?.dropped) {
      this.#dropVariant(url, entry, key, kept);
      return false;
    }
    const started = performance.now();
    const headers = kept.headers.slice();
    headers[headers.length - 1] = randomUUID();
    res.writeHead(200, headers);
    res.end(kept.body);
    entry.record?.((performance.now() - started) / 1000);
    return true;
  }

  /**
   * Keeps what is about to be sent for `raw`'s URL, if it is a 200 to a replayable request.
   * Call from the route before sending; the bytes are taken as they leave.
   */
  offer(raw: IncomingMessage, res: ServerResponse, offer: Offer): void {
    // Not through handle() (app.inject): not a request this path answers.
    const epoch = (raw as StampedRequest)[arrived];
    if (epoch === undefined || !replayable(raw)) return;
    // Content changed since it arrived: only an answer whose cached value still stands may be kept.
    const current = () => epoch === this.#epoch || (offer.standing !== undefined && !offer.standing.dropped);
    if (!current()) return;
    const url = raw.url ?? '';
    const key = variantKey(raw, offer);
    const writeHead = res.writeHead;
    let headers: OutgoingHttpHeaders | undefined;
    let status = 0;
    res.writeHead = function (this: ServerResponse, code: number, ...rest: unknown[]) {
      status = code;
      const last = rest[rest.length - 1];
      if (last && typeof last === 'object' && !Array.isArray(last)) headers = { ...(last as OutgoingHttpHeaders) };
      return (writeHead as (...args: unknown[]) => ServerResponse).call(this, code, ...rest);
    } as typeof res.writeHead;
    const end = res.end;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (status === 200 && headers && Buffer.isBuffer(chunk) && current()) this.#keep(url, key, offer, headers, chunk);
      return (end as (...args: unknown[]) => ServerResponse).call(res, chunk, ...rest);
    }) as typeof res.end;
  }

  #keep(url: string, key: string, offer: Offer, headers: OutgoingHttpHeaders, body: Buffer) {
    if (body.length > this.#maxBody || headers['set-cookie'] !== undefined) return;
    delete headers['x-contentful-request-id'];
    if (offer.cacheHeader) headers[offer.cacheHeader] = 'hit';
    const flat: string[] = [];
    for (const [name, value] of Object.entries(headers)) {
      if (value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value]) flat.push(name, String(v));
    }
    flat.push('x-contentful-request-id', '');
    let entry = this.#urls.get(url);
    if (!entry) this.#urls.set(url, (entry = { offer, variants: new Map(), record: this.recorder?.(offer.route, offer.cacheHeader) }));
    const previous = entry.variants.get(key);
    if (previous) this.#bytes -= previous.body.length;
    entry.variants.set(key, { headers: flat, body, standing: offer.standing });
    if (!offer.standing) this.#unstanding.add(url);
    this.#bytes += body.length;
    for (const oldest of this.#urls.keys()) {
      if (this.#bytes <= this.#maxBytes) break;
      this.#drop(oldest);
    }
  }

  #drop(url: string): void {
    const entry = this.#urls.get(url);
    if (!entry) return;
    this.#urls.delete(url);
    this.#unstanding.delete(url);
    for (const kept of entry.variants.values()) this.#bytes -= kept.body.length;
  }

  #dropVariant(url: string, entry: UrlEntry, key: string, kept: Kept): void {
    entry.variants.delete(key);
    this.#bytes -= kept.body.length;
    if (entry.variants.size === 0) this.#drop(url);
  }
}

function variantKey(req: IncomingMessage, offer: Offer): string {
  let key = '';
  for (const name of offer.vary) {
    const value = req.headers[name];
    key += `${name === 'accept-encoding' ? negotiateEncoding(value, offer.encodings ?? {}) : String(value ?? '')}\n`;
  }
  return key;
}
