/**
 * Start-up time and resident memory, as an operator meets them (`npm run bench:startup`):
 * `folio serve` from the build with npm start's allocator settings, on a fresh data directory
 * (the demo is made, faces found) and again on the data it left. Timed from spawn to the "ready"
 * line; memory is VmRSS once the process is quiet, and again after the face detector's idle
 * unload. Targets from the speed issue: fresh ≤ 5 s, restart ≤ 1 s, quiet ≤ 200 MB.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { cliPath } from '../test/support/serve-process.js';
import { freePort, stop } from './support.js';

const runs = Number(process.env.BENCH_STARTUP_RUNS ?? 3);
/** Shorter than the default minute, so the unloaded figure comes without a long wait; said in the output. */
const facesIdleMs = 10_000;

const rssMiB = async (pid: number) => Number(/^VmRSS:\s+(\d+) kB/m.exec(await fs.readFile(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;

async function cpuSeconds(pid: number) {
  const fields = (await fs.readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Until the process used under 2 % of a core for two seconds running. */
async function quiet(pid: number) {
  let last = await cpuSeconds(pid);
  for (let calm = 0; calm < 2; ) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = await cpuSeconds(pid);
    calm = now - last < 0.02 ? calm + 1 : 0;
    last = now;
  }
}

async function start(dataDir: string) {
  const began = performance.now();
  const child = spawn(process.execPath, [cliPath, 'serve'], {
    env: { ...process.env, LOG_LEVEL: 'silent', MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072', FOLIO_DATA_DIR: dataDir, PORT: String(await freePort()), FOLIO_FACES_IDLE_MS: String(facesIdleMs) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('ready in') && resolve());
    child.once('exit', (code) => reject(new Error(`folio exited with ${code}`)));
  });
  return { child, ms: performance.now() - began };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const fresh: number[] = [];
  const restart: number[] = [];
  const quietFresh: number[] = [];
  const unloaded: number[] = [];
  const quietRestart: number[] = [];
  for (let i = 0; i < runs; i++) {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'folio-startup-'));
    try {
      const first = await start(dataDir);
      fresh.push(first.ms);
      await quiet(first.child.pid!);
      quietFresh.push(await rssMiB(first.child.pid!));
      await new Promise((r) => setTimeout(r, facesIdleMs + 3000));
      unloaded.push(await rssMiB(first.child.pid!));
      await stop(first.child);
      const again = await start(dataDir);
      restart.push(again.ms);
      await quiet(again.child.pid!);
      quietRestart.push(await rssMiB(again.child.pid!));
      await stop(again.child);
    } finally {
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  }
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const m = (mib: number) => `${mib.toFixed(0)} MiB`;
  console.log(`\nStart-up and memory, median of ${runs} runs (${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)}):\n`);
  console.log('| what | median | all runs | target |\n| --- | --- | --- | --- |');
  console.log(`| start on a fresh data directory (demo made, faces found) | ${s(median(fresh))} | ${fresh.map(s).join(', ')} | ≤ 5 s |`);
  console.log(`| restart on existing data | ${s(median(restart))} | ${restart.map(s).join(', ')} | ≤ 1 s |`);
  console.log(`| RSS, quiet after the fresh start | ${m(median(quietFresh))} | ${quietFresh.map(m).join(', ')} | ≤ 200 MB |`);
  console.log(`| RSS, after the face detector's idle unload (${facesIdleMs / 1000} s here, 60 s by default) | ${m(median(unloaded))} | ${unloaded.map(m).join(', ')} | ≤ 200 MB |`);
  console.log(`| RSS, quiet after the restart | ${m(median(quietRestart))} | ${quietRestart.map(m).join(', ')} | ≤ 200 MB |`);
}

await main();
