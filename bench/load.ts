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
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config/index.js';
import { startFolio } from '../src/server/start.js';
import { openStore } from '../src/store/index.js';
import { combine, luaScript, mixPaths, publisher, siteContent, threads, wrk, type Article, type PublishStats, type WrkResult } from './mix.js';
import { addBenchArticles, percentile, startFolioProcess, stop } from './support.js';

const seconds = Number(process.env.LOAD_SECONDS ?? 60);
const rounds = Math.max(1, Number(process.env.LOAD_ROUNDS ?? 4));
const [hubWeight, deliveryWeight] = (process.env.LOAD_MIX ?? '70,20,10').split(',').map(Number) as [number, number, number];
const connections = Number(process.env.LOAD_CONNECTIONS ?? 200);
const extraArticles = 100;
const deliveryToken = 'bench-load-delivery-token';
const managementToken = 'bench-load-management-token';

async function seed(dataDir: string): Promise<{ articles: Article[]; topics: string[]; authors: string[] }> {
  await addBenchArticles(dataDir, extraArticles, 'Load');
  const store = await openStore({ sqlitePath: path.join(dataDir, 'folio.db') });
  const result = await siteContent(store);
  await store.close();
  return result;
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

    const { hub, delivery: deliveryPaths, images } = await mixPaths(origin, content, deliveryToken);
    const script = path.join(work, 'mix.lua');
    await fs.writeFile(script, luaScript({ hub, delivery: deliveryPaths, images }, { hub: hubWeight, delivery: deliveryWeight }, deliveryToken));
    console.log(
      `${content.articles.length} articles; mix over ${hub.length} hub, ${deliveryPaths.length} delivery and ${images.length} image URLs; ` +
        `wrk -t${threads} -c${connections}, ${seconds} s per phase in ${rounds} alternating segments, ${os.cpus().length} cores shared with wrk`,
    );

    const pid = folio.process.pid!;
    await wrk(origin, script, Math.min(5, seconds), connections);

    const segment = seconds / rounds;
    const quietRuns: WrkResult[] = [];
    const busyRuns: WrkResult[] = [];
    const all: PublishStats[] = [];
    let quietRss = 0;
    let busyRss = 0;
    for (let r = 0; r < rounds; r++) {
      let rss = rssSampler(pid);
      quietRuns.push(await wrk(origin, script, segment, connections));
      quietRss = Math.max(quietRss, await rss.stop());
      rss = rssSampler(pid);
      const [run, stats] = await Promise.all([wrk(origin, script, segment, connections), publisher(origin, content.articles, segment, { delivery: deliveryToken, management: managementToken })]);
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
