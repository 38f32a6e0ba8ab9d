/**
 * npm run bench:delivery — the Delivery API's speed, measured against its own limit in one run:
 *   (a) the read operation in-process (no HTTP): what the store and serializer can do;
 *   (b) Folio over HTTP on loopback with 64 concurrent clients, response cache off;
 *   (c) the same with the cache on (the default), and (d) nginx sending the same gzip bytes as a
 *       static file: the cost of the transfer itself on this machine, the ceiling for (c).
 * Prints requests/s, p50/p99 latencies, and the ratios b/a and c/d. Not a test: nothing here fails.
 * HTTP clients send Accept-Encoding: gzip, as the contentful SDK does.
 */
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { loadConfig } from '../src/config/index.js';
import { createReader } from '../src/delivery/reader.js';
import { startFolio } from '../src/server/start.js';
import { openStore } from '../src/store/index.js';
import { addBenchArticles, alternate, formatRow, inProcess, load, randomPort, startFolioProcess, startNginx, stop, type Row } from './support.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = 64;
const extraArticles = 100;
const query = { content_type: 'article', order: '-fields.publishDate', limit: '100', include: '2' };
const token = 'bench-delivery-token';
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const headers = { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip' };
const entriesPath = `/delivery/spaces/folio/environments/master/entries`;

const seed = (dataDir: string) => addBenchArticles(dataDir, extraArticles, 'Bench');

/** The body as sent, still compressed (fetch would inflate it). */
function rawBody(url: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        if (res.statusCode !== 200 || res.headers['content-encoding'] !== 'gzip') reject(new Error(`${url}: ${res.statusCode} ${res.headers['content-encoding']}`));
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks)));
      })
      .on('error', reject);
  });
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
      return JSON.stringify(await reader.entries(scope, ctx, query, entriesPath));
    };
    const body = await op();
    console.log(`response: ${(body.length / 1024).toFixed(0)} KiB, ${JSON.parse(body).items.length} items with includes`);

    const a = await inProcess(op, 1, seconds);
    await store.close();
    const pathAndQuery = `${entriesPath}?${new URLSearchParams(query)}`;

    // Folio runs in its own process, as in production, so the load generator does not share its event loop.
    let folio: ChildProcess | undefined;
    let nginx: ChildProcess | undefined;
    try {
      const uncached = await startFolioProcess({ FOLIO_DATA_DIR: dataDir, FOLIO_DELIVERY_TOKEN: token, FOLIO_DELIVERY_CACHE: '0' });
      folio = uncached.process;
      const b = await load(uncached.origin + pathAndQuery, { seconds, connections, headers });
      await stop(folio);

      const cached = await startFolioProcess({ FOLIO_DATA_DIR: dataDir, FOLIO_DELIVERY_TOKEN: token });
      folio = cached.process;
      // nginx gets the very bytes Folio sends on a hit (gzip), so (d) is the cost of sending them.
      const www = path.join(dataDir, 'www');
      const gzip = await rawBody(cached.origin + pathAndQuery);
      await fs.mkdir(www, { recursive: true });
      await fs.writeFile(path.join(www, 'entries.json.gz'), gzip);
      const nginxPort = randomPort();
      nginx = await startNginx(
        www,
        nginxPort,
        `location = ${entriesPath} { default_type application/vnd.contentful.delivery.v1+json; add_header Content-Encoding gzip; try_files /entries.json.gz =404; }`,
      );
      const [c, d] = await alternate([cached.origin + pathAndQuery, `http://127.0.0.1:${nginxPort}${pathAndQuery}`], { seconds, connections, rounds, headers });

      console.log(`\nquery: ${new URLSearchParams(query)} (${seconds}s per run, SQLite, ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)})`);
      console.log(`answer: ${(body.length / 1024).toFixed(0)} KiB JSON, ${(gzip.length / 1024).toFixed(0)} KiB gzipped`);
      console.log(formatRow('(a) in-process read operation, 1 caller', a));
      console.log(formatRow(`(b) HTTP, ${connections} connections, no cache`, b));
      console.log(formatRow(`(c) HTTP, ${connections} connections, cache on`, c));
      console.log(formatRow(`(d) nginx, the same gzip bytes as a static file`, d));
      console.log(`(c) and (d): median of ${rounds} alternating runs`);
      console.log(`\nratio b/a: ${(b.rps / a.rps).toFixed(2)} (target ≥ 0.5); cache on: ${c.rps.toFixed(0)} req/s (target ≥ 5000); c/d: ${(c.rps / d.rps).toFixed(2)}`);
    } finally {
      if (folio) await stop(folio);
      if (nginx) await stop(nginx);
    }
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
