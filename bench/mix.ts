/**
 * The mixed read load of `npm run bench:load` and `npm run bench:cluster`: wrk requests hub
 * pages, Delivery API requests and image URLs by weight (Lua), while `publisher` updates and
 * publishes one article per second through the Management API and measures how soon each
 * change is visible on the hub, in Delivery and in Sync.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Store } from '../src/store/index.js';

export const threads = 2;
const pollMs = 100;
/** A change not visible after this long counts as this long (and as not visible). */
const giveUpMs = 10_000;
const run = promisify(execFile);

/** Shares of hub, Delivery and image requests, in percent. */
export interface Weights {
  hub: number;
  delivery: number;
}

export interface Article {
  id: string;
  slug: string;
}

/** The published articles (ids and slugs), topic slugs and author slugs the mix asks for. */
export async function siteContent(store: Store): Promise<{ articles: Article[]; topics: string[]; authors: string[] }> {
  const scope = { spaceId: 'folio', environmentId: 'master' };
  const slugs = async (contentTypeId: string) =>
    (await store.entries.listPublished(scope, { contentTypeId, limit: 1000 })).items.map((e) => ({ id: e.sys.id, slug: String(e.fields.slug?.['en-US'] ?? '') }));
  return { articles: await slugs('article'), topics: (await slugs('topic')).map((t) => t.slug), authors: (await slugs('author')).map((a) => a.slug) };
}

/**
 * The URLs of the mix: hub pages (home pages, every article, topic and author, search, feeds),
 * Delivery lists and entries, and the images the hub's pages show, as a reader's browser asks
 * for them. Each is requested once (warming the caches); a failure stops the run.
 */
export async function mixPaths(origin: string, content: { articles: Article[]; topics: string[]; authors: string[] }, deliveryToken: string): Promise<{ hub: string[]; delivery: string[]; images: string[] }> {
  const homePages = Math.ceil(content.articles.length / 6);
  const hub = [
    '/',
    ...Array.from({ length: Math.min(homePages, 10) - 1 }, (_, i) => `/?page=${i + 2}`),
    ...content.articles.map((a) => `/articles/${a.slug}`),
    ...content.topics.map((t) => `/topics/${t}`),
    ...content.authors.map((a) => `/authors/${a}`),
    '/search?q=devops',
    '/rss.xml',
    '/sitemap.xml',
  ];
  const base = '/delivery/spaces/folio/environments/master';
  const deliveryPaths = [
    `${base}/entries?content_type=article&order=-fields.publishDate&limit=10`,
    `${base}/entries?content_type=article&order=-fields.publishDate&limit=10&skip=10`,
    `${base}/entries?content_type=topic`,
    `${base}/assets?limit=20`,
    ...content.articles.slice(0, 40).map((a) => `${base}/entries/${a.id}`),
  ];
  // The images the hub's pages show (cards and heroes), as a reader's browser asks for them.
  const images = new Set<string>();
  for (const page of ['/', '/?page=2', `/articles/${content.articles[0]!.slug}`]) {
    const html = await (await fetch(origin + page)).text();
    for (const m of html.matchAll(/(?:src|srcset)="([^"]+)"/g)) {
      for (const candidate of m[1]!.split(',')) {
        const url = candidate.trim().split(' ')[0]!.replace(/&amp;/g, '&');
        const p = url.startsWith('//') || url.startsWith('http') ? new URL(url, origin).pathname + new URL(url, origin).search : url;
        if (p.startsWith('/images/')) images.add(p);
      }
    }
  }
  if (images.size === 0) throw new Error('found no image URLs on the hub');
  for (const p of [...hub, ...deliveryPaths, ...images]) {
    const res = await fetch(origin + p, p.startsWith('/delivery') ? { headers: { authorization: `Bearer ${deliveryToken}` } } : {});
    if (!res.ok) throw new Error(`${p}: ${res.status}`);
    await res.arrayBuffer();
  }
  return { hub, delivery: deliveryPaths, images: [...images] };
}

/** The request mix as wrk's Lua: each request picks hub, delivery or image paths by weight. */
export function luaScript(mix: { hub: string[]; delivery: string[]; images: string[] }, weights: Weights, deliveryToken: string) {
  const list = (paths: string[]) => `{${paths.map((p) => JSON.stringify(p)).join(',')}}`;
  return `
local hub = ${list(mix.hub)}
local delivery = ${list(mix.delivery)}
local images = ${list(mix.images)}
local plain = { ["Accept-Encoding"] = "gzip" }
local authed = { ["Accept-Encoding"] = "gzip", ["Authorization"] = "Bearer ${deliveryToken}" }
function setup(thread) thread:set("seed", math.random(1, 1000000)) end
function init(args) math.randomseed(seed) end
request = function()
  local r = math.random(100)
  if r <= ${weights.hub} then return wrk.format("GET", hub[math.random(#hub)], plain) end
  if r <= ${weights.hub + weights.delivery} then return wrk.format("GET", delivery[math.random(#delivery)], authed) end
  return wrk.format("GET", images[math.random(#images)], plain)
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d %d %d %d %d %d\\n", summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(99)))
end
`;
}

export interface WrkResult {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  detail: string;
}

export async function wrk(origin: string, script: string, duration: number, connections: number): Promise<WrkResult> {
  const { stdout } = await run('wrk', [`-t${threads}`, `-c${connections}`, `-d${duration}s`, '--timeout', '10s', '-s', script, origin], { maxBuffer: 1 << 20 });
  const line = /^RESULT (.*)$/m.exec(stdout)?.[1];
  if (!line) throw new Error(`wrk printed no result:\n${stdout}`);
  const [requests, micros, connect, read, write, status, timeout, p50, p99] = line.split(' ').map(Number) as number[];
  return {
    requests: requests!,
    seconds: micros! / 1e6,
    rps: requests! / (micros! / 1e6),
    p50: p50! / 1000,
    p99: p99! / 1000,
    errors: connect! + read! + write! + status! + timeout!,
    detail: `connect ${connect}, read ${read}, write ${write}, non-2xx/3xx ${status}, timeout ${timeout}`,
  };
}

/** Segments of one phase as one: requests over time; latencies the worst segment's. */
export function combine(runs: WrkResult[]): WrkResult {
  const requests = runs.reduce((n, r) => n + r.requests, 0);
  const secs = runs.reduce((n, r) => n + r.seconds, 0);
  return {
    requests,
    seconds: secs,
    rps: requests / secs,
    p50: Math.max(...runs.map((r) => r.p50)),
    p99: Math.max(...runs.map((r) => r.p99)),
    errors: runs.reduce((n, r) => n + r.errors, 0),
    detail: runs.map((r) => r.detail).join(' | '),
  };
}

export interface PublishStats {
  acks: number[];
  saves: number[];
  lag: { hub: number[]; delivery: number[]; sync: number[] };
  failures: string[];
  count: number;
}

/** One article updated and published per second through the Management API, with its visibility measured. */
export async function publisher(origin: string, articles: Article[], duration: number, tokens: { delivery: string; management: string }, articlePrefix = 'load-'): Promise<PublishStats> {
  const mgmt = `${origin}/management/spaces/folio/environments/master/entries`;
  const delivery = `${origin}/delivery/spaces/folio/environments/master`;
  const mgmtHeaders = { authorization: `Bearer ${tokens.management}`, 'content-type': 'application/vnd.contentful.management.v1+json' };
  const stats: PublishStats = { acks: [], saves: [], lag: { hub: [], delivery: [], sync: [] }, failures: [], count: 0 };
  const targets = articles.filter((a) => a.id.startsWith(articlePrefix));
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  // Sync: one cursor followed all along; each published title is looked for in the deltas.
  const seenInSync = new Map<string, number>();
  let syncUrl = '';
  {
    let res = (await (await fetch(`${delivery}/sync?initial=true`, { headers: { authorization: `Bearer ${tokens.delivery}` } })).json()) as { nextPageUrl?: string; nextSyncUrl?: string };
    while (res.nextPageUrl) res = (await (await fetch(res.nextPageUrl, { headers: { authorization: `Bearer ${tokens.delivery}` } })).json()) as typeof res;
    syncUrl = res.nextSyncUrl!;
  }
  let syncing = true;
  const syncLoop = (async () => {
    while (syncing) {
      try {
        let res = (await (await fetch(syncUrl, { headers: { authorization: `Bearer ${tokens.delivery}` } })).json()) as {
          items?: Array<{ fields?: { title?: Record<string, string> } }>;
          nextPageUrl?: string;
          nextSyncUrl?: string;
        };
        const t = performance.now();
        for (;;) {
          for (const item of res.items ?? []) {
            const title = item.fields?.title?.['en-US'];
            if (title && !seenInSync.has(title)) seenInSync.set(title, t);
          }
          if (!res.nextPageUrl) break;
          res = (await (await fetch(res.nextPageUrl, { headers: { authorization: `Bearer ${tokens.delivery}` } })).json()) as typeof res;
        }
        if (res.nextSyncUrl) syncUrl = res.nextSyncUrl;
      } catch (err) {
        stats.failures.push(`sync: ${(err as Error).message}`);
      }
      await sleep(pollMs);
    }
  })();

  const watches: Array<Promise<void>> = [];
  const start = performance.now();
  for (let i = 0; performance.now() - start < duration * 1000; i++) {
    const due = start + i * 1000;
    await sleep(Math.max(0, due - performance.now()));
    if (performance.now() - start >= duration * 1000) break;
    const article = targets[i % targets.length]!;
    const title = `Load article ${article.id} revision ${i}`;
    try {
      const entry = (await (await fetch(`${mgmt}/${article.id}`, { headers: mgmtHeaders })).json()) as { sys: { version: number }; fields: Record<string, unknown> };
      const version = entry.sys.version;
      let t = performance.now();
      const saved = await fetch(`${mgmt}/${article.id}`, {
        method: 'PUT',
        headers: { ...mgmtHeaders, 'x-contentful-version': String(version) },
        body: JSON.stringify({ fields: { ...entry.fields, title: { 'en-US': title } } }),
      });
      if (!saved.ok) throw new Error(`save ${saved.status}: ${await saved.text()}`);
      const savedVersion = ((await saved.json()) as { sys: { version: number } }).sys.version;
      stats.saves.push(performance.now() - t);
      t = performance.now();
      const published = await fetch(`${mgmt}/${article.id}/published`, { method: 'PUT', headers: { ...mgmtHeaders, 'x-contentful-version': String(savedVersion) } });
      if (!published.ok) throw new Error(`publish ${published.status}: ${await published.text()}`);
      const ackedAt = performance.now();
      stats.acks.push(ackedAt - t);
      await published.arrayBuffer();
      stats.count++;
      watches.push(watch(article, title, ackedAt));
    } catch (err) {
      stats.failures.push(`${article.id}: ${(err as Error).message}`);
    }
  }
  await Promise.all(watches);
  syncing = false;
  await syncLoop;
  return stats;

  async function watch(article: Article, title: string, ackedAt: number) {
    const escaped = title.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const checks = {
      hub: async () => (await (await fetch(`${origin}/articles/${article.slug}`)).text()).includes(escaped),
      delivery: async () => {
        const res = await fetch(`${delivery}/entries/${article.id}`, { headers: { authorization: `Bearer ${tokens.delivery}` } });
        return ((await res.json()) as { fields?: { title?: string } }).fields?.title === title;
      },
      sync: async () => seenInSync.has(title),
    };
    const pending = new Set(Object.keys(checks) as Array<keyof typeof checks>);
    while (pending.size > 0) {
      for (const which of [...pending]) {
        let visible = false;
        try {
          visible = await checks[which]();
        } catch (err) {
          stats.failures.push(`${which} poll: ${(err as Error).message}`);
        }
        if (visible) {
          const at = which === 'sync' ? seenInSync.get(title)! : performance.now();
          stats.lag[which].push(Math.max(0, at - ackedAt));
          pending.delete(which);
        }
      }
      if (performance.now() - ackedAt > giveUpMs) {
        for (const which of pending) stats.lag[which].push(giveUpMs);
        return;
      }
      await sleep(pollMs);
    }
  }
}

