/**
 * Prometheus metrics for one app, on its own prom-client Registry (tests run many apps in one
 * process; nothing leaks between them). Requests are counted on the root instance, so every
 * route of every part is seen; the route label is the route's pattern, never the raw URL, so
 * the label set stays bounded whatever clients send. Gauges read the parts' state when scraped.
 */
import type { CacheStats } from '../images/index.js';
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import type { ReplayRecorder } from '../http/fast-path.js';
import { DurationHistogram, type DurationSeries } from './duration-histogram.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Store } from '../store/store.js';

/** What other parts expose once they are registered; read on each scrape. */
export interface MetricSources {
  pageCache?: { readonly size: number };
  deliveryCache?: { readonly size: number };
  /** Warm answers replayed before Fastify: counted like the requests Fastify answers. */
  fastPath?: { recorder: ReplayRecorder | undefined };
  /** Store calls of Delivery, GraphQL and the hub, by the server that answered them (DATABASE_REPLICA_URL). */
  reads?: { readonly replica: number; readonly primary: number };
  images?: {
    queue: { readonly running: number; readonly waiting: number; readonly concurrency: number; readonly queueLimit: number };
    cache?: { readonly stats: CacheStats };
  };
}

/** Responses without a matching route (404s for any path) share one label. */
const unmatched = '(unmatched)';

/** Caches that tell in a response header whether they answered. */
const cacheHeaders = { hub: 'x-hub-cache', delivery: 'x-folio-cache' } as const;

let processRegistry: Registry | undefined;
/**
 * The process's own metrics (CPU, memory, event loop, GC): one set per process, since each
 * collectDefaultMetrics call starts observers that are never stopped.
 */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

export interface AppMetrics {
  registry: Registry;
  /** The text exposition of the app's and the process's metrics. */
  render(): Promise<string>;
  readonly contentType: string;
}

export function createMetrics(app: FastifyInstance, store: Store, sources: MetricSources): AppMetrics {
  const registry = new Registry();
  const started = Date.now();
  const registers = [registry];

  const labelNames = ['method', 'route', 'status_code'] as const;
  // Replays are tallied in plain numbers and added to the counters when scraped (each counter's
  // collect drains them; whichever runs first does the work).
  const replays: Array<{ labels: { method: string; route: string; status_code: string }; cache: string | undefined; count: number; counted: number }> = [];
  const countReplays = () => {
    for (const r of replays) {
      const n = r.count - r.counted;
      if (n === 0) continue;
      r.counted = r.count;
      requests.inc(r.labels, n);
      responses.inc({ method: 'GET', status: '2xx' }, n);
      if (r.cache) cacheLookups.inc({ cache: r.cache, result: 'hit' }, n);
    }
  };
  const requests = new Counter({ name: 'http_requests_total', help: 'HTTP requests answered, by method, route pattern and status code.', labelNames, registers, collect: countReplays });
  const duration = new DurationHistogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer HTTP requests, by method, route pattern and status code.',
    labelNames,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  // Kept from the first /metrics: responses by status class.
  const responses = new Counter({ name: 'folio_http_responses_total', help: 'HTTP responses by method and status class.', labelNames: ['method', 'status'], registers, collect: countReplays });
  const cacheLookups = new Counter({ name: 'folio_cache_requests_total', help: 'Answers of the hub page cache and the Delivery response cache: hit or miss.', labelNames: ['cache', 'result'], registers, collect: countReplays });

  new Gauge({
    name: 'folio_process_uptime_seconds',
    help: 'Seconds since this app started.',
    registers,
    collect() {
      this.set((Date.now() - started) / 1000);
    },
  });
  new Gauge({
    name: 'folio_cache_entries',
    help: 'Items held by each in-memory cache.',
    labelNames: ['cache'],
    registers,
    collect() {
      if (sources.pageCache) this.set({ cache: 'hub' }, sources.pageCache.size);
      if (sources.deliveryCache) this.set({ cache: 'delivery' }, sources.deliveryCache.size);
      if (sources.images?.cache) this.set({ cache: 'images' }, sources.images.cache.stats.entries);
    },
  });
  new Gauge({
    name: 'folio_image_queue_tasks',
    help: 'Image transforms running and waiting for a slot, and the limits of each.',
    labelNames: ['state'],
    registers,
    collect() {
      const queue = sources.images?.queue;
      if (!queue) return;
      this.set({ state: 'running' }, queue.running);
      this.set({ state: 'waiting' }, queue.waiting);
      this.set({ state: 'concurrency' }, queue.concurrency);
      this.set({ state: 'queue_limit' }, queue.queueLimit);
    },
  });
  new Gauge({
    name: 'folio_image_cache_bytes',
    help: 'Bytes of derived images kept on disk.',
    registers,
    collect() {
      const cache = sources.images?.cache;
      if (cache) this.set(cache.stats.bytes);
    },
  });
  // The image cache counts for itself; its totals are copied at each scrape.
  new Counter({
    name: 'folio_image_cache_requests_total',
    help: 'Derived image look-ups: hit (from the cache), miss (transformed), joined (waited for an identical transform), shared (made by another server, read from the shared store).',
    labelNames: ['result'],
    registers,
    collect() {
      const cache = sources.images?.cache;
      if (!cache) return;
      this.reset();
      const { hits, misses, joined, sharedHits } = cache.stats;
      this.inc({ result: 'hit' }, hits);
      this.inc({ result: 'miss' }, misses);
      this.inc({ result: 'joined' }, joined);
      this.inc({ result: 'shared' }, sharedHits);
    },
  });
  new Gauge({
    name: 'folio_db_info',
    help: 'The database in use (label dialect); always 1.',
    labelNames: ['dialect'],
    registers,
    collect() {
      this.set({ dialect: store.dialect }, 1);
    },
  });
  new Counter({
    name: 'folio_db_reads_total',
    help: 'Store calls of Delivery, GraphQL and the hub, by the server that answered them: replica, or primary while the replica was behind.',
    labelNames: ['server'],
    registers,
    collect() {
      const reads = sources.reads;
      if (!reads) return;
      this.reset();
      this.inc({ server: 'replica' }, reads.replica);
      this.inc({ server: 'primary' }, reads.primary);
    },
  });
  // PostgreSQL's client pool; SQLite has one connection in this process and nothing to pool.
  new Gauge({
    name: 'folio_db_pool_connections',
    help: 'PostgreSQL pool: connections open (total), idle, requests waiting for one, and the maximum.',
    labelNames: ['state'],
    registers,
    collect() {
      const pool = store.connections?.();
      if (!pool) return;
      for (const [state, n] of Object.entries(pool)) this.set({ state }, n);
    },
  });

  app.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
    const labels = { method: request.method, route: request.routeOptions.url ?? unmatched, status_code: String(reply.statusCode) };
    requests.inc(labels);
    duration.observe(labels, reply.elapsedTime / 1000);
    responses.inc({ method: request.method, status: `${Math.floor(reply.statusCode / 100)}xx` });
    for (const [cache, header] of Object.entries(cacheHeaders)) {
      const result = reply.getHeader(header);
      if (result === 'hit' || result === 'miss') cacheLookups.inc({ cache, result });
    }
  });

  if (sources.fastPath) {
    const cacheOfHeader = new Map(Object.entries(cacheHeaders).map(([cache, header]) => [header as string, cache]));
    // One tally per route and cache, shared by its URLs: a replay adds to two numbers and a bucket.
    const tallies = new Map<string, { series: DurationSeries; tally: (typeof replays)[number] }>();
    sources.fastPath.recorder = (route, cacheHeader) => {
      const id = `${route}\n${cacheHeader ?? ''}`;
      let t = tallies.get(id);
      if (!t) {
        const labels = { method: 'GET', route, status_code: '200' };
        const tally = { labels, cache: cacheHeader && cacheOfHeader.get(cacheHeader), count: 0, counted: 0 };
        replays.push(tally);
        tallies.set(id, (t = { series: duration.series(labels), tally }));
      }
      const { series, tally } = t;
      return (seconds) => {
        tally.count++;
        series.observe(seconds);
      };
    };
  }

  return {
    registry,
    contentType: registry.contentType,
    render: async () => (await registry.metrics()) + (await processMetrics().metrics()),
  };
}
