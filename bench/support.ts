/**
 * What the benchmark scripts share: Folio in its own process, nginx as the static baseline,
 * autocannon runs, in-process loops, percentiles and the peak memory of a process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import autocannon from 'autocannon';
import { openStore } from '../src/store/index.js';
import { generateArticles } from './gen-content.js';

const cli = new URL('../dist/cli/main.js', import.meta.url).pathname;

export const randomPort = () => 39_000 + Math.floor(Math.random() * 2000);

export interface Row {
  rps: number;
  p50: number;
  p99: number;
  /** Requests autocannon gave up on after 10 s: the server is saturated. */
  timeouts?: number;
}

export function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Runs `op` with `concurrency` callers for `seconds`. */
export async function inProcess(op: () => Promise<unknown>, concurrency: number, seconds: number): Promise<Row> {
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

/** Folio from dist/ in its own process, as in production, so it does not share the load generator's event loop. */
export async function startFolioProcess(env: Record<string, string>, port = randomPort()): Promise<{ process: ChildProcess; origin: string }> {
  // BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server during a run.
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = await spawnUntil([...nodeArgs, cli, 'serve'], 'ready in', { ...process.env, LOG_LEVEL: 'silent', ...env, PORT: String(port) });
  return { process: child, origin: `http://127.0.0.1:${port}` };
}

/** Node running `args` in its own process, once it has printed `marker` on stdout. */
export async function spawnUntil(args: string[], marker: string, env: NodeJS.ProcessEnv = process.env): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes(marker) && resolve());
    child.once('exit', (code) => reject(new Error(`${args.at(-1)} exited with ${code} before printing "${marker}"`)));
  });
  return child;
}

export async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** CPU seconds (user + system, every thread) the process has used so far (Linux /proc). */
export async function cpuSecondsOf(pid: number): Promise<number> {
  const fields = (await fs.readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** The most resident memory the process has had (Linux VmHWM), in MiB. */
export async function peakRssMiB(pid: number): Promise<number> {
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

export const nginxWorkers = process.env.BENCH_NGINX_WORKERS ?? 'auto';

/**
 * The start of an nginx config that keeps everything (pid, logs, temp files) under `prefix` and
 * runs in the foreground; it opens the `http {` block for the caller to fill and close.
 */
export const nginxPreamble = (prefix: string, workers: string) => `daemon off;
worker_processes ${workers};
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
  scgi_temp_path ${prefix}/scgi;`;

/**
 * Debian's nginx serving `root` as static files: the baseline for sending the same bytes.
 * `locations` adds nginx config inside the server block (types, headers).
 */
export async function startNginx(root: string, listen: number, locations = '', workers: string = nginxWorkers): Promise<ChildProcess> {
  const prefix = path.join(root, '..', 'nginx');
  await fs.mkdir(path.join(prefix, 'logs'), { recursive: true });
  const conf = path.join(prefix, 'nginx.conf');
  await fs.writeFile(
    conf,
    `${nginxPreamble(prefix, workers)}
  default_type text/html;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  server {
    listen 127.0.0.1:${listen};
    root ${root};
    location = / { try_files /index.html =404; }
    ${locations}
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

/** `connections` clients on one URL for `seconds`; any non-2xx answer is an error, not a result. */
export async function load(url: string, opts: { seconds: number; connections: number; headers?: Record<string, string> }): Promise<Row & { bytes: number }> {
  const result = await autocannon({ url, connections: opts.connections, duration: opts.seconds, ...(opts.headers ? { headers: opts.headers } : {}) });
  if (result.non2xx > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, bytes: result.throughput.average, timeouts: result.timeouts };
}

export const median = <T extends { rps: number }>(runs: T[]): T => [...runs].sort((a, b) => a.rps - b.rps)[Math.floor(runs.length / 2)]!;

/**
 * Two servers taking turns on the same URL path, `rounds` times, after a short warm-up each:
 * a busy neighbour on the machine slows both alike. Returns the median run of each.
 */
export async function alternate(urls: [string, string], opts: { seconds: number; connections: number; rounds: number; headers?: Record<string, string> }) {
  for (const url of urls) await load(url, { ...opts, seconds: 2 });
  const runs: [Array<Awaited<ReturnType<typeof load>>>, Array<Awaited<ReturnType<typeof load>>>] = [[], []];
  for (let i = 0; i < opts.rounds; i++) {
    runs[0].push(await load(urls[0], opts));
    runs[1].push(await load(urls[1], opts));
  }
  return [median(runs[0]), median(runs[1])] as const;
}

export const formatRow = (name: string, r: Row, width = 46) =>
  `${name.padEnd(width)} ${r.rps.toFixed(0).padStart(7)} req/s   p50 ${r.p50.toFixed(1).padStart(6)} ms   p99 ${r.p99.toFixed(1).padStart(6)} ms` +
  (r.timeouts ? `   ${r.timeouts} timeouts` : '');

/** Adds `count` published articles to the SQLite store in `dataDir` (see gen-content.ts). */
export async function addBenchArticles(dataDir: string, count: number, prefix: string): Promise<void> {
  const store = await openStore({ sqlitePath: path.join(dataDir, 'folio.db') });
  try {
    await generateArticles(store, { spaceId: 'folio', environmentId: 'master' }, count, prefix);
  } finally {
    await store.close();
  }
}

export { freePort } from '../test/e2e/folio.js';
