/**
 * npm run bench:load — reads under a steady stream of publishes, in one run:
 *   Folio (its own process, demo content plus 100 articles) is read by wrk with 200 connections
 *   in a mix of hub pages (70 %), Delivery API requests (20 %) and image URLs (10 %), first
 *   without writes, then while a side loop here updates and publishes one article per second
 *   through the Management API.
 * For the publishes it measures the acknowledgement (the publish request) and how long after
 * it the change shows on the hub page, in Delivery and in Sync (polled every 100 ms, which is
 * noise next to the load). Prints one table: throughput with and without publishes and their
 * ratio, p99 latency, errors, publish ack p50/p99, visibility lag and the server's peak RSS.
 * Each phase lasts LOAD_SECONDS (default 60), run as LOAD_ROUNDS (default 4) alternating segments
 * (quiet, busy, quiet, busy, …), so a neighbour's load on the machine weighs on both alike.
 * LOAD_MIX=hub,delivery,images changes the weights (default 70,20,10), e.g. for profiling one
 * kind. BENCH_NODE_ARGS profiles the server (see support.ts). Needs wrk on PATH (Debian: apt-get
 * install wrk).
 * Not a test: nothing here fails on speed.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { loadConfig } from '../src/config/index.js';
import { startFolio } from '../src/server/start.js';
import { openStore } from '../src/store/index.js';
import { addBenchArticles, percentile, startFolioProcess, stop } from './support.js';

const seconds = Number(process.env.LOAD_SECONDS ?? 60);
const rounds = Math.max(1, Number(process.env.LOAD_ROUNDS ?? 4));
const [hubWeight, deliveryWeight] = (process.env.LOAD_MIX ?? '70,20,10').split(',').map(Number) as [number, number, number];
const connections = Number(process.env.LOAD_CONNECTIONS ?? 200);
const threads = 2;
const extraArticles = 100;
const deliveryToken = 'bench-load-delivery-token';
const managementToken = 'bench-load-management-token';
const scope = { spaceId: 'folio', environmentId: 'master' };
const pollMs = 100;
/** A change not visible after this long counts as this long (and as not visible). */
const giveUpMs = 10_000;
const run = promisify(execFile);

interface Article {
  id: string;
  slug: string;
}

async function seed(dataDir: string): Promise<{ articles: Article[]; topics: string[]; authors: string[] }> {
  await addBenchArticles(dataDir, extraArticles, 'Load');
  const store = await openStore({ sqlitePath: path.join(dataDir, 'folio.db') });
  const slugs = async (contentTypeId: string) =>
    (await store.entries.listPublished(scope, { contentTypeId, limit: 1000 })).items.map((e) => ({ id: e.sys.id, slug: String(e.fields.slug?.['en-US'] ?? '') }));
  const result = { articles: await slugs('article'), topics: (await slugs('topic')).map((t) => t.slug), authors: (await slugs('author')).map((a) => a.slug) };
  await store.close();
  return result;
}

/** The request mix as wrk's Lua: each request picks hub, delivery or image paths by weight. */
function luaScript(mix: { hub: string[]; delivery: string[]; images: string[] }) {
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
  if r <= ${hubWeight} then return wrk.format("GET", hub[math.random(#hub)], plain) end
  if r <= ${hubWeight + deliveryWeight} then return wrk.format("GET", delivery[math.random(#delivery)], authed) end
  return wrk.format("GET", images[math.random(#images)], plain)
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d %d %d %d %d %d\\n", summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(99)))
end
`;
}

interface WrkResult {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  detail: string;
}

async function wrk(origin: string, script: string, duration: number): Promise<WrkResult> {
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
function combine(runs: WrkResult[]): WrkResult {
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

/** The server's resident memory, sampled while a phase runs; the most it reached. */
function rssSampler(pid: number) {
  let peak = 0;
  const sample = async () => {
    const status = await fs.readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
    const hwm = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) / 1024;
    peak = Math.max(peak, hwm);
  };
  const timer = setInterval(() => void sample(), 500);
  return {
    async stop() {
      clearInterval(timer);
      await sample();
      return peak;
    },
  };
}

interface PublishStats {
  acks: number[];
  saves: number[];
  lag: { hub: number[]; delivery: number[]; sync: number[] };
  failures: string[];
  count: number;
}

/** One article updated and published per second through the Management API, with its visibility measured. */
async function publisher(origin: string, articles: Article[], duration: number): Promise<PublishStats> {
  const mgmt = `${origin}/management/spaces/folio/environments/master/entries`;
  const delivery = `${origin}/delivery/spaces/folio/environments/master`;
  const mgmtHeaders = { authorization: `Bearer ${managementToken}`, 'content-type': 'application/vnd.contentful.management.v1+json' };
  const stats: PublishStats = { acks: [], saves: [], lag: { hub: [], delivery: [], sync: [] }, failures: [], count: 0 };
  const targets = articles.filter((a) => a.id.startsWith('load-'));
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  // Sync: one cursor followed all along; each published title is looked for in the deltas.
  const seenInSync = new Map<string, number>();
  let syncUrl = '';
  {
    let res = (await (await fetch(`${delivery}/sync?initial=true`, { headers: { authorization: `Bearer ${deliveryToken}` } })).json()) as { nextPageUrl?: string; nextSyncUrl?: string };
    while (res.nextPageUrl) res = (await (await fetch(res.nextPageUrl, { headers: { authorization: `Bearer ${deliveryToken}` } })).json()) as typeof res;
    syncUrl = res.nextSyncUrl!;
  }
  let syncing = true;
  const syncLoop = (async () => {
    while (syncing) {
      try {
        let res = (await (await fetch(syncUrl, { headers: { authorization: `Bearer ${deliveryToken}` } })).json()) as {
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
          res = (await (await fetch(res.nextPageUrl, { headers: { authorization: `Bearer ${deliveryToken}` } })).json()) as typeof res;
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
        const res = await fetch(`${delivery}/entries/${article.id}`, { headers: { authorization: `Bearer ${deliveryToken}` } });
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

async function main() {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'folio-bench-load-'));
  const dataDir = path.join(work, 'data');
  let folio: Awaited<ReturnType<typeof startFolioProcess>> | undefined;
  try {
    const env = { FOLIO_DATA_DIR: dataDir, FOLIO_DELIVERY_TOKEN: deliveryToken, FOLIO_MANAGEMENT_TOKEN: managementToken };
    // First start loads the demo; then more articles, so lists and related links have choice.
    await (await startFolio(loadConfig({ PORT: '0', LOG_LEVEL: 'silent', ...env }))).close();
    const content = await seed(dataDir);
    folio = await startFolioProcess(env);
    const { origin } = folio;

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
    const script = path.join(work, 'mix.lua');
    await fs.writeFile(script, luaScript({ hub, delivery: deliveryPaths, images: [...images] }));
    console.log(
      `${content.articles.length} articles; mix over ${hub.length} hub, ${deliveryPaths.length} delivery and ${images.size} image URLs; ` +
        `wrk -t${threads} -c${connections}, ${seconds} s per phase in ${rounds} alternating segments, ${os.cpus().length} cores shared with wrk`,
    );

    const pid = folio.process.pid!;
    await wrk(origin, script, Math.min(5, seconds));

    const segment = seconds / rounds;
    const quietRuns: WrkResult[] = [];
    const busyRuns: WrkResult[] = [];
    const all: PublishStats[] = [];
    let quietRss = 0;
    let busyRss = 0;
    for (let r = 0; r < rounds; r++) {
      let rss = rssSampler(pid);
      quietRuns.push(await wrk(origin, script, segment));
      quietRss = Math.max(quietRss, await rss.stop());
      rss = rssSampler(pid);
      const [run, stats] = await Promise.all([wrk(origin, script, segment), publisher(origin, content.articles, segment)]);
      busyRuns.push(run);
      all.push(stats);
      busyRss = Math.max(busyRss, await rss.stop());
    }
    const quiet = combine(quietRuns);
    const busy = combine(busyRuns);
    const pubs: PublishStats = {
      acks: all.flatMap((s) => s.acks),
      saves: all.flatMap((s) => s.saves),
      lag: { hub: all.flatMap((s) => s.lag.hub), delivery: all.flatMap((s) => s.lag.delivery), sync: all.flatMap((s) => s.lag.sync) },
      failures: all.flatMap((s) => s.failures),
      count: all.reduce((n, s) => n + s.count, 0),
    };

    const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
    const acks = sorted(pubs.acks);
    const saves = sorted(pubs.saves);
    const lag = (xs: number[]) => {
      const s = sorted(xs);
      const late = s.filter((x) => x > 1000).length;
      return `p50 ${percentile(s, 50).toFixed(0)} ms, p99 ${percentile(s, 99).toFixed(0)} ms, max ${(s.at(-1) ?? 0).toFixed(0)} ms, ${late} of ${s.length} later than 1 s`;
    };
    // p50 and p99 are of the worst segment.
    const row = (name: string, r: WrkResult, mib: number) =>
      `| ${name} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(1)} ms | ${r.p99.toFixed(1)} ms | ${r.errors} | ${mib.toFixed(0)} MiB |`;
    console.log('\n| phase | req/s | p50 | p99 | errors | peak RSS |\n| --- | --- | --- | --- | --- | --- |');
    console.log(row('without publishes', quiet, quietRss));
    console.log(row(`with ${pubs.count} publishes (1/s)`, busy, busyRss));
    console.log(`\nratio with / without: ${(busy.rps / quiet.rps).toFixed(2)} (target ≥ 0.9)`);
    console.log(`errors: without ${quiet.errors}, with ${busy.errors} (target 0)${quiet.errors + busy.errors ? `\n  without: ${quiet.detail}\n  with: ${busy.detail}` : ''}`);
    console.log(`publish ack: p50 ${percentile(acks, 50).toFixed(1)} ms, p99 ${percentile(acks, 99).toFixed(1)} ms, max ${(acks.at(-1) ?? 0).toFixed(1)} ms (target p99 < 100 ms); save before it: p50 ${percentile(saves, 50).toFixed(1)} ms, p99 ${percentile(saves, 99).toFixed(1)} ms`);
    console.log(`visible on the hub: ${lag(pubs.lag.hub)}`);
    console.log(`visible in Delivery: ${lag(pubs.lag.delivery)}`);
    console.log(`visible in Sync: ${lag(pubs.lag.sync)}`);
    console.log(`peak RSS: ${Math.max(quietRss, busyRss).toFixed(0)} MiB (target ≤ 400 MiB)`);
    if (pubs.failures.length) console.log(`publisher failures (${pubs.failures.length}):\n  ${pubs.failures.slice(0, 10).join('\n  ')}`);
  } finally {
    if (folio) await stop(folio.process);
    await fs.rm(work, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
