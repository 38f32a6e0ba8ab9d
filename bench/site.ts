/**
 * npm run bench:site — the hub's page cache against nginx serving the same HTML, in one run:
 *   Folio (its own process, demo content, cache warm) and nginx (saved copies of the very pages
 *   Folio answered), each hit by 64 concurrent clients for `/` and an article page.
 * Prints requests/s (median of alternating runs), p50/p99 and the ratio Folio / nginx per page. Not a test: nothing here
 * fails on speed. Needs nginx on PATH (Debian: apt-get install nginx-light).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { alternate, nginxWorkers, randomPort, startFolioProcess, startNginx, stop } from './support.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
/** Folio and nginx take turns, so a busy neighbour on the machine slows both alike; medians are reported. */
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const connections = 64;
const pages = ['/', '/articles/what-does-a-devops-engineer-do'];

async function main() {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'folio-bench-site-'));
  const dataDir = path.join(work, 'data');
  const www = path.join(work, 'www');
  let folio: ChildProcess | undefined;
  let nginx: ChildProcess | undefined;
  try {
    const started = await startFolioProcess({ FOLIO_DATA_DIR: dataDir });
    folio = started.process;
    // Warm the cache and save exactly what Folio answered for nginx to serve.
    for (const page of pages) {
      const res = await fetch(`${started.origin}${page}`);
      if (res.status !== 200) throw new Error(`${page}: ${res.status}`);
      const file = page === '/' ? path.join(www, 'index.html') : path.join(www, page);
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, Buffer.from(await res.arrayBuffer()));
    }
    const nginxPort = randomPort();
    nginx = await startNginx(www, nginxPort);

    const rows: string[] = [];
    const ratios: string[] = [];
    for (const page of pages) {
      const size = (await fs.stat(page === '/' ? path.join(www, 'index.html') : path.join(www, page))).size;
      const [f, n] = await alternate([`${started.origin}${page}`, `http://127.0.0.1:${nginxPort}${page}`], { seconds, connections, rounds });
      const row = (who: string, r: typeof f) =>
        `| ${page} | ${who} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(1)} ms | ${r.p99.toFixed(1)} ms |`;
      rows.push(row('Folio (warm cache)', f), row(`nginx (${nginxWorkers} workers, static copy)`, n));
      ratios.push(`${page} (${(size / 1024).toFixed(1)} KiB): Folio / nginx = ${(f.rps / n.rps).toFixed(2)} (target ≥ 0.5)`);
    }
    console.log(`\n${connections} connections, median of ${rounds} alternating ${seconds} s runs, ${os.cpus().length} cores, autocannon in this process\n`);
    console.log('| page | server | req/s | p50 | p99 |\n| --- | --- | --- | --- | --- |');
    console.log(rows.join('\n'));
    console.log(`\n${ratios.join('\n')}`);
  } finally {
    if (folio) await stop(folio);
    if (nginx) await stop(nginx);
    await fs.rm(work, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
