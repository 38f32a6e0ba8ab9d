/**
 * wrk (Debian: apt-get install wrk), a load generator in C that outruns the server on the same
 * machine, where autocannon (Node) saturates near Folio's own speed. One thread, as the server
 * under test has one event loop; the answer is parsed from a `done` hook in Lua.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface WrkResult {
  /** 200 answers per second: the throughput (a 429 or an error is not). */
  rps: number;
  requests: number;
  ok: number;
  p50: number;
  p99: number;
  /** Answers other than 200, and socket errors and time-outs. */
  failed: number;
}

export interface WrkOptions {
  seconds: number;
  connections?: number;
  headers?: Record<string, string>;
  /** Lua returning the next request path (a function body; `n` counts requests of this run from `offset`). */
  pathOf?: string;
  offset?: number;
}

const counting = `
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) ok = 0 end
function response(status, headers, body) if status == 200 then ok = ok + 1 end end
`;

const done = (okExpr: string) => `
function done(summary, latency, requests)
  local ok = ${okExpr}
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d %d %d\\n", summary.requests, summary.duration, ok,
    e.connect + e.read + e.write + e.status + e.timeout, latency:percentile(50), latency:percentile(99)))
end
`;

/** Every answer but a 200 counts as failed; with `pathOf`, each request asks for its own path. */
export async function wrk(url: string, opts: WrkOptions): Promise<WrkResult> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'folio-wrk-'));
  const script = path.join(dir, 'run.lua');
  const lua = opts.pathOf
    ? `${counting}
local n = ${opts.offset ?? 0}
request = function()
  n = n + 1
  ${opts.pathOf}
end
${done('(function() local k = 0 for _, t in ipairs(threads) do k = k + t:get("ok") end return k end)()')}`
    : done('summary.requests - summary.errors.status');
  await fs.writeFile(script, lua);
  const headerArgs = Object.entries(opts.headers ?? {}).flatMap(([k, v]) => ['-H', `${k}: ${v}`]);
  try {
    const { stdout } = await run('wrk', ['-t1', `-c${opts.connections ?? 64}`, `-d${opts.seconds}s`, '--timeout', '10s', ...headerArgs, '-s', script, url], { maxBuffer: 1 << 20 });
    const line = /^RESULT (.*)$/m.exec(stdout)?.[1];
    if (!line) throw new Error(`wrk printed no result:\n${stdout}`);
    const [requests, micros, ok, failed, p50, p99] = line.split(' ').map(Number) as [number, number, number, number, number, number];
    return { requests, ok, rps: ok / (micros / 1e6), failed: opts.pathOf ? Math.max(failed, requests - ok) : failed, p50: p50 / 1000, p99: p99 / 1000 };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

const median = (runs: WrkResult[]) => [...runs].sort((a, b) => a.rps - b.rps)[Math.floor(runs.length / 2)]!;

/**
 * Servers taking turns: a warm-up each, then `rounds` runs each, alternated, so a busy
 * neighbour on the machine slows all alike. The median run of each, in the order given.
 */
export async function alternateWrk<T extends readonly string[]>(urls: T, opts: WrkOptions & { rounds: number; warmUp: number }): Promise<{ [K in keyof T]: WrkResult }> {
  for (const url of urls) await wrk(url, { ...opts, seconds: opts.warmUp });
  const runs: WrkResult[][] = urls.map(() => []);
  for (let i = 0; i < opts.rounds; i++) {
    for (const [k, url] of urls.entries()) runs[k]!.push(await wrk(url, opts));
  }
  return runs.map(median) as { [K in keyof T]: WrkResult };
}
