/**
 * npx tsx bench/graphql.ts — the seed's cards through the GraphQL Content API next to the same
 * page through the REST Delivery API, with the response cache on and off, in one run:
 *   (a) server time: sequential requests through Fastify's inject (no sockets): wall-clock mean and
 *       p99, and CPU time per request (user + system), which a busy neighbour on the machine inflates less;
 *   (b) throughput over loopback with 32 concurrent clients (Folio in its own process: npm run build first).
 * Not a test: nothing here fails.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config/index.js';
import { startFolio } from '../src/server/start.js';
import { formatRow, load, percentile, startFolioProcess, stop } from './support.js';

const token = 'bench-graphql-token';
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const cardsQuery = `{ articleCollection(order: publishDate_DESC, limit: 7) { items { sys { id } title slug description publishDate type
  featuredImage { url(transform: { width: 330, height: 216, resizeStrategy: FILL, resizeFocus: FACES, quality: 60, format: JPG_PROGRESSIVE }) description } } } }`;
const graphqlPath = `/graphql/content/v1/spaces/folio/environments/master?${new URLSearchParams({ query: cardsQuery })}`;
const restPath = `/delivery/spaces/folio/environments/master/entries?${new URLSearchParams({ content_type: 'article', order: '-fields.publishDate', limit: '7', include: '1' })}`;
const headers = { authorization: `Bearer ${token}` };

async function serverTime(dataDir: string, cache: boolean) {
  const config = loadConfig({ PORT: '0', FOLIO_DATA_DIR: dataDir, FOLIO_DELIVERY_TOKEN: token, FOLIO_DELIVERY_CACHE: cache ? '1' : '0', LOG_LEVEL: 'silent' });
  const folio = await startFolio(config);
  try {
    const out: Record<string, { mean: number; p99: number; cpu: number }> = {};
    // /healthz answers from memory: what inject and Fastify cost by themselves, to subtract.
    for (const [name, url] of [['/healthz', '/healthz'], ['GraphQL cards', graphqlPath], ['REST cards', restPath]] as const) {
      const n = cache || name === '/healthz' ? 3000 : 400;
      for (let i = 0; i < 50; i++) await folio.app.inject({ url, headers });
      const times: number[] = [];
      const cpu0 = process.cpuUsage();
      for (let i = 0; i < n; i++) {
        const t0 = process.hrtime.bigint();
        const res = await folio.app.inject({ url, headers });
        times.push(Number(process.hrtime.bigint() - t0) / 1e6);
        if (res.statusCode !== 200) throw new Error(`${name}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
      const cpu = process.cpuUsage(cpu0);
      times.sort((a, b) => a - b);
      out[name] = { mean: times.reduce((a, b) => a + b, 0) / n, p99: percentile(times, 99), cpu: (cpu.user + cpu.system) / 1000 / n };
    }
    return out;
  } finally {
    await folio.close();
  }
}

async function main() {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'folio-bench-graphql-'));
  try {
    const cached = await serverTime(dataDir, true);
    const uncached = await serverTime(dataDir, false);
    console.log('(a) server time per request (inject, sequential)');
    for (const name of Object.keys(cached)) {
      const show = (r: { mean: number; p99: number; cpu: number }) => `${r.mean.toFixed(3)} ms (p99 ${r.p99.toFixed(3)}, CPU ${r.cpu.toFixed(3)} ms)`;
      console.log(`  ${name.padEnd(14)} cached ${show(cached[name]!)}   uncached ${show(uncached[name]!)}`);
    }
    if (process.env.BENCH_HTTP === '0') return;
    console.log(`(b) over loopback, 32 connections, ${seconds}s each`);
    for (const cache of ['1', '0']) {
      const folio = await startFolioProcess({ FOLIO_DATA_DIR: dataDir, FOLIO_DELIVERY_TOKEN: token, FOLIO_DELIVERY_CACHE: cache });
      try {
        for (const [name, url] of [['GraphQL cards', graphqlPath], ['REST cards', restPath]] as const) {
          await load(folio.origin + url, { seconds: 1, connections: 32, headers });
          console.log(`  ${formatRow(`${name}, cache ${cache === '1' ? 'on' : 'off'}`, await load(folio.origin + url, { seconds, connections: 32, headers }), 28)}`);
        }
      } finally {
        await stop(folio.process);
      }
    }
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

await main();
