/**
 * npm run bench:loop — how long one big read holds the event loop. Folio runs in this process
 * (so the loop it measures is Folio's) over SQLite with LOOP_ARTICLES (default 1200) published
 * articles; each query runs LOOP_RUNS times (default 5), one at a time, with
 * a 2 ms interval timer that keeps the longest gap between its own ticks (perf_hooks'
 * monitorEventLoopDelay records too few samples to catch one long request here: often none).
 * Prints per query the medians of the total time and of the largest loop delay, and the body
 * size. The client only counts bytes, so the figures are the server's. LOOP_ONLY=text runs only
 * the queries whose name holds text (e.g. to profile one with node --cpu-prof).
 * Not a test: nothing here fails on speed.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config/index.js';
import { startFolio } from '../src/server/start.js';
import { openStore } from '../src/store/index.js';
import { seedManyArticles } from '../test/support/many-articles.js';
import { randomPort } from './support.js';

const articles = Number(process.env.LOOP_ARTICLES ?? 1200);
const runs = Number(process.env.LOOP_RUNS ?? 5);
const deliveryToken = 'bench-loop-delivery-token-0123456789';
const previewToken = 'bench-loop-preview-token-0123456789';
const managementToken = 'bench-loop-management-token-0123456789';

const queries: Array<{ name: string; path: string; token: string }> = [
  { name: 'entries limit=1000 include=10', path: '/delivery/spaces/folio/entries?limit=1000&include=10', token: deliveryToken },
  { name: 'entries article order=-publishDate include=2', path: '/delivery/spaces/folio/entries?content_type=article&limit=1000&include=2&order=-fields.publishDate', token: deliveryToken },
  { name: 'entries query=story limit=1000', path: '/delivery/spaces/folio/entries?query=story&limit=1000', token: deliveryToken },
  { name: 'entries select=sys.id,fields.title limit=1000', path: '/delivery/spaces/folio/entries?select=sys.id,fields.title&limit=1000&include=0', token: deliveryToken },
  { name: 'sync initial limit=1000', path: '/delivery/spaces/folio/sync?initial=true&limit=1000', token: deliveryToken },
  { name: 'preview entries limit=1000 include=10', path: '/preview/spaces/folio/entries?limit=1000&include=10', token: previewToken },
  { name: 'CMA entries limit=1000', path: '/management/spaces/folio/environments/master/entries?limit=1000', token: managementToken },
  { name: 'entries limit=10 (small)', path: '/delivery/spaces/folio/entries?limit=10', token: deliveryToken },
];

/** The longest time between two ticks of a 2 ms timer since `reset`: how long the loop was held. */
function loopProbe() {
  let last = performance.now();
  let max = 0;
  const timer = setInterval(() => {
    const t = performance.now();
    max = Math.max(max, t - last);
    last = t;
  }, 2);
  return {
    reset: () => {
      last = performance.now();
      max = 0;
    },
    max: () => Math.max(max, performance.now() - last),
    stop: () => clearInterval(timer),
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'folio-bench-loop-'));
  try {
    const store = await openStore({ sqlitePath: path.join(dataDir, 'folio.db') });
    await seedManyArticles(store, articles);
    await store.close();
    const folio = await startFolio(
      loadConfig({
        PORT: String(randomPort()),
        FOLIO_DATA_DIR: dataDir,
        FOLIO_DEMO: '0',
        FOLIO_DELIVERY_CACHE: '0',
        FOLIO_DELIVERY_TOKEN: deliveryToken,
        FOLIO_PREVIEW_TOKEN: previewToken,
        FOLIO_MANAGEMENT_TOKEN: managementToken,
      }),
      { logger: false },
    );
    const probe = loopProbe();
    console.log(`${articles} published articles, ${runs} runs each; medians\n`);
    console.log(`${'query'.padEnd(48)} ${'total ms'.padStart(9)} ${'max loop delay ms'.padStart(18)} ${'KB'.padStart(7)}`);
    try {
      for (const q of queries.filter((q) => !process.env.LOOP_ONLY || q.name.includes(process.env.LOOP_ONLY))) {
        const totals: number[] = [];
        const delays: number[] = [];
        let bytes = 0;
        // One warm-up, so the first figures are not the JIT's.
        await fetch(folio.url + q.path, { headers: { authorization: `Bearer ${q.token}` } }).then((r) => r.arrayBuffer());
        for (let i = 0; i < runs; i++) {
          await new Promise((r) => setTimeout(r, 50));
          probe.reset();
          const start = performance.now();
          const res = await fetch(folio.url + q.path, { headers: { authorization: `Bearer ${q.token}` } });
          if (res.status !== 200) throw new Error(`${q.path}: ${res.status} ${await res.text()}`);
          bytes = (await res.arrayBuffer()).byteLength;
          totals.push(performance.now() - start);
          delays.push(probe.max());
        }
        console.log(`${q.name.padEnd(48)} ${median(totals).toFixed(0).padStart(9)} ${median(delays).toFixed(0).padStart(18)} ${(bytes / 1024).toFixed(0).padStart(7)}`);
      }
    } finally {
      probe.stop();
      await folio.close();
    }
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

await main();
