/**
 * npm run bench:delivery — the Delivery API's speed, measured against its own limit in one run:
 *   (a) the read operation in-process (no HTTP): what the store and serializer can do;
 *   (b) Folio over HTTP on loopback with 64 concurrent clients.
 * Prints requests/s, p50/p99 latencies, and the ratio b/a. Not a test: nothing here fails.
 * HTTP clients send Accept-Encoding: gzip, as the contentful SDK does.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { createEntry, publishEntry } from '../src/content/index.js';
import { loadConfig } from '../src/config/index.js';
import { createReader } from '../src/delivery/reader.js';
import { startFolio } from '../src/server/start.js';
import { openStore } from '../src/store/index.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = 64;
const extraArticles = 100;
const query = { content_type: 'article', order: '-fields.publishDate', limit: '100', include: '2' };
const token = 'bench-delivery-token';
const cli = new URL('../dist/cli/main.js', import.meta.url).pathname;

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function seed(dataDir: string) {
  const store = await openStore({ sqlitePath: path.join(dataDir, 'folio.db') });
  const scope = { spaceId: 'folio', environmentId: 'master' };
  const template = (await store.entries.listPublished(scope, { contentTypeId: 'article', limit: 1 })).items[0]!;
  for (let i = 0; i < extraArticles; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((i % 12) + 1).padStart(2, '0');
    const fields = {
      ...template.fields,
      title: { 'en-US': `Bench article ${i}` },
      slug: { 'en-US': `bench-article-${i}` },
      publishDate: { 'en-US': `20${10 + (i % 10)}-${month}-${day}` },
    };
    await createEntry(store, scope, { id: `bench-${i}`, contentTypeId: 'article', fields });
    await publishEntry(store, scope, `bench-${i}`);
  }
  await store.close();
}

/** Runs `op` with `concurrency` callers for `seconds`; returns requests/s and latencies. */
async function inProcess(op: () => Promise<unknown>, concurrency: number) {
  const latencies: number[] = [];
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        await op();
        latencies.push(performance.now() - t);
      }
    }),
  );
  latencies.sort((x, y) => x - y);
  return { rps: latencies.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

async function main() {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'folio-bench-'));
  try {
    const config = loadConfig({ PORT: '0', FOLIO_DATA_DIR: dataDir, FOLIO_DELIVERY_TOKEN: token, LOG_LEVEL: 'silent' });
    // First start loads the demo; then more articles so a page holds 100 with includes.
    await (await startFolio(config)).close();
    await seed(dataDir);

    const store = await openStore({ sqlitePath: config.sqlitePath });
    const reader = createReader(store, config.publicUrl, 'delivery');
    const scope = { spaceId: 'folio', environmentId: 'master' };
    const op = async () => {
      const { ctx } = await reader.context(scope, undefined);
      return JSON.stringify(await reader.entries(scope, ctx, query));
    };
    const body = await op();
    console.log(`response: ${(body.length / 1024).toFixed(0)} KiB, ${JSON.parse(body).items.length} items with includes`);
    const a = await inProcess(op, 1);
    await store.close();

    // Folio runs in its own process, as in production, so the load generator does not share its CPU time.
    const overHttp = async (cache: boolean) => {
      const port = 39_000 + Math.floor(Math.random() * 1000);
      const folio = spawn(process.execPath, [cli, 'serve'], {
        env: { ...process.env, PORT: String(port), FOLIO_DATA_DIR: dataDir, FOLIO_DELIVERY_TOKEN: token, FOLIO_DELIVERY_CACHE: cache ? '1' : '0', LOG_LEVEL: 'silent' },
      });
      await new Promise<void>((resolve, reject) => {
        folio.stdout.on('data', (d: Buffer) => d.toString().includes('ready in') && resolve());
        folio.once('exit', (code) => reject(new Error(`folio exited with ${code}`)));
      });
      const url = `http://127.0.0.1:${port}/delivery/spaces/folio/environments/master/entries?${new URLSearchParams(query)}`;
      const result = await autocannon({ url, connections, duration: seconds, headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip' } });
      folio.kill('SIGTERM');
      await new Promise((resolve) => folio.once('exit', resolve));
      if (result.non2xx > 0) throw new Error(`HTTP run had ${result.non2xx} non-2xx answers`);
      // Client timeouts (10 s) are reported, not hidden: they mean the server is saturated.
      return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, timeouts: result.timeouts };
    };
    const b = await overHttp(false);
    const c = await overHttp(true);

    const row = (name: string, r: { rps: number; p50: number; p99: number; timeouts?: number }) =>
      `${name.padEnd(44)} ${r.rps.toFixed(0).padStart(7)} req/s   p50 ${r.p50.toFixed(1).padStart(6)} ms   p99 ${r.p99.toFixed(1).padStart(6)} ms` +
      (r.timeouts ? `   ${r.timeouts} timeouts` : '');
    console.log(`\nquery: ${new URLSearchParams(query)} (${seconds}s each, SQLite, ${os.cpus().length} cores)`);
    console.log(row('(a) in-process read operation, 1 caller', a));
    console.log(row(`(b) HTTP, ${connections} connections, no cache`, b));
    console.log(row(`(c) HTTP, ${connections} connections, cache on`, c));
    console.log(`\nratio b/a: ${(b.rps / a.rps).toFixed(2)} (target ≥ 0.5); cache on: ${c.rps.toFixed(0)} req/s (target ≥ 5000)`);
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
