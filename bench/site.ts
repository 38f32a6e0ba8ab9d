/**
 * npm run bench:site — the hub's page cache against nginx serving the same HTML, in one run:
 *   Folio (its own process, demo content, cache warm) and nginx (saved copies of the very pages
 *   Folio answered), each hit by 64 concurrent clients for `/` and an article page.
 * Prints requests/s (median of alternating runs), p50/p99 and the ratio Folio / nginx per page. Not a test: nothing here
 * fails on speed. Needs nginx on PATH (Debian: apt-get install nginx-light).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
/** Folio and nginx take turns, so a busy neighbour on the machine slows both alike; medians are reported. */
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const connections = 64;
const nginxWorkers = process.env.BENCH_NGINX_WORKERS ?? 'auto';
const pages = ['/', '/articles/what-does-a-devops-engineer-do'];
const cli = new URL('../dist/cli/main.js', import.meta.url).pathname;
const port = () => 39_000 + Math.floor(Math.random() * 1000);

async function startFolio(dataDir: string, listen: number): Promise<ChildProcess> {
  const folio = spawn(process.execPath, [cli, 'serve'], {
    env: { ...process.env, PORT: String(listen), FOLIO_DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    folio.stdout!.on('data', (d: Buffer) => d.toString().includes('ready in') && resolve());
    folio.once('exit', (code) => reject(new Error(`folio exited with ${code}`)));
  });
  return folio;
}

async function startNginx(root: string, listen: number): Promise<ChildProcess> {
  const prefix = path.join(root, '..', 'nginx');
  await fs.mkdir(path.join(prefix, 'logs'), { recursive: true });
  const conf = path.join(prefix, 'nginx.conf');
  await fs.writeFile(
    conf,
    `daemon off;
worker_processes ${nginxWorkers};
pid ${prefix}/nginx.pid;
error_log ${prefix}/logs/error.log warn;
${process.getuid?.() === 0 ? 'user root;' : ''}
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  default_type text/html;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  server {
    listen 127.0.0.1:${listen};
    root ${root};
    location = / { try_files /index.html =404; }
  }
}
`,
  );
  const nginx = spawn('nginx', ['-p', prefix, '-c', conf], { stdio: ['ignore', 'inherit', 'inherit'] });
  nginx.once('error', (err) => {
    console.error(`nginx did not start (${err.message}); install it with: apt-get install -y nginx-light`);
    process.exit(1);
  });
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(`http://127.0.0.1:${listen}/`);
      return nginx;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error('nginx did not answer');
}

async function load(url: string, duration = seconds) {
  const result = await autocannon({ url, connections, duration });
  if (result.non2xx > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, bytes: result.throughput.average };
}

const median = <T extends { rps: number }>(runs: T[]): T => [...runs].sort((a, b) => a.rps - b.rps)[Math.floor(runs.length / 2)]!;

const stop = async (child: ChildProcess) => {
  child.kill('SIGTERM');
  if (child.exitCode === null) await new Promise((resolve) => child.once('exit', resolve));
};

async function main() {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'folio-bench-site-'));
  const dataDir = path.join(work, 'data');
  const www = path.join(work, 'www');
  let folio: ChildProcess | undefined;
  let nginx: ChildProcess | undefined;
  try {
    const folioPort = port();
    folio = await startFolio(dataDir, folioPort);
    // Warm the cache and save exactly what Folio answered for nginx to serve.
    for (const page of pages) {
      const res = await fetch(`http://127.0.0.1:${folioPort}${page}`);
      if (res.status !== 200) throw new Error(`${page}: ${res.status}`);
      const file = page === '/' ? path.join(www, 'index.html') : path.join(www, page);
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, Buffer.from(await res.arrayBuffer()));
    }
    const nginxPort = port() + 1000;
    nginx = await startNginx(www, nginxPort);

    const rows: string[] = [];
    const ratios: string[] = [];
    for (const page of pages) {
      const size = (await fs.stat(page === '/' ? path.join(www, 'index.html') : path.join(www, page))).size;
      const folioUrl = `http://127.0.0.1:${folioPort}${page}`;
      const nginxUrl = `http://127.0.0.1:${nginxPort}${page}`;
      // Warm-up (JIT, connection pools), not counted.
      await load(folioUrl, 2);
      await load(nginxUrl, 2);
      const runsF: Array<Awaited<ReturnType<typeof load>>> = [];
      const ns: typeof runsF = [];
      for (let i = 0; i < rounds; i++) {
        runsF.push(await load(folioUrl));
        ns.push(await load(nginxUrl));
      }
      const f = median(runsF);
      const n = median(ns);
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
