/**
 * Start-up time and resident memory, as an operator meets them (`npm run bench:startup`):
 * `folio serve` from the build with npm start's allocator settings, on a fresh data directory
 * (the demo loaded from its shipped images and face boxes) and again on the data it left. Timed
 * from spawn until /readyz answers 200, and by the CPU time used until then (which a busy
 * machine inflates far less than the wall time); memory is VmRSS once the process is quiet, and
 * the peak (VmHWM) the start reached. Each start's own step timings (the summary log line) are printed
 * for the last run. Targets from the speed issue: fresh ≤ 5 s, restart ≤ 1 s, quiet ≤ 200 MB.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { cliPath } from '../test/support/serve-process.js';
import { freePort, peakRssMiB, stop } from './support.js';

const runs = Number(process.env.BENCH_STARTUP_RUNS ?? 3);

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

/** Polls /readyz every 10 ms until it answers 200; refused connections mean not listening yet. */
async function ready(base: string, child: ChildProcess) {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`folio exited with ${child.exitCode}`);
    const status = await fetch(`${base}/readyz`).then((r) => r.status, () => 0);
    if (status === 200) return;
    await new Promise((r) => setTimeout(r, 10));
  }
}

interface Start {
  child: ChildProcess;
  ms: number;
  /** CPU time (all threads) the process used until ready: what the start costs, whatever the neighbours' load. */
  cpu: number;
  /** The start-up summary's step timings (ms), as the server measured them. */
  steps: Promise<Record<string, number>>;
}

async function start(dataDir: string): Promise<Start> {
  const port = await freePort();
  const began = performance.now();
  const child = spawn(process.execPath, [cliPath, 'serve'], {
    env: { ...process.env, LOG_LEVEL: 'info', FOLIO_LOG_SAMPLE: '0', MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072', FOLIO_DATA_DIR: dataDir, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  const steps = new Promise<Record<string, number>>((resolve) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.includes('"folio started"'));
      if (line) resolve((JSON.parse(line) as { startupSteps: Record<string, number> }).startupSteps);
    });
  });
  await ready(`http://127.0.0.1:${port}`, child);
  return { child, ms: performance.now() - began, cpu: await cpuSeconds(child.pid!), steps };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const fresh: number[] = [];
  const restart: number[] = [];
  const freshCpu: number[] = [];
  const restartCpu: number[] = [];
  const quietFresh: number[] = [];
  const peakFresh: number[] = [];
  const quietRestart: number[] = [];
  let lastSteps: Array<[string, Record<string, number>]> = [];
  for (let i = 0; i < runs; i++) {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'folio-startup-'));
    try {
      const first = await start(dataDir);
      fresh.push(first.ms);
      freshCpu.push(first.cpu);
      await quiet(first.child.pid!);
      quietFresh.push(await rssMiB(first.child.pid!));
      peakFresh.push(await peakRssMiB(first.child.pid!));
      await stop(first.child);
      const again = await start(dataDir);
      restart.push(again.ms);
      restartCpu.push(again.cpu);
      await quiet(again.child.pid!);
      quietRestart.push(await rssMiB(again.child.pid!));
      await stop(again.child);
      lastSteps = [['fresh', await first.steps], ['restart', await again.steps]];
    } finally {
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  }
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const m = (mib: number) => `${mib.toFixed(0)} MiB`;
  const cpuS = (seconds: number) => `${seconds.toFixed(2)} s CPU`;
  console.log(`\nStart-up and memory, median of ${runs} runs (${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)}):\n`);
  console.log('| what | median | all runs | target |\n| --- | --- | --- | --- |');
  console.log(`| spawn to /readyz 200 on a fresh data directory (demo loaded) | ${s(median(fresh))} | ${fresh.map(s).join(', ')} | ≤ 5 s |`);
  console.log(`| spawn to /readyz 200 on existing data (restart) | ${s(median(restart))} | ${restart.map(s).join(', ')} | ≤ 1 s |`);
  console.log(`| CPU time to ready, fresh | ${cpuS(median(freshCpu))} | ${freshCpu.map(cpuS).join(', ')} | |`);
  console.log(`| CPU time to ready, restart | ${cpuS(median(restartCpu))} | ${restartCpu.map(cpuS).join(', ')} | |`);
  console.log(`| RSS, quiet after the fresh start | ${m(median(quietFresh))} | ${quietFresh.map(m).join(', ')} | ≤ 200 MB |`);
  console.log(`| peak RSS during the fresh start (demo images ingested) | ${m(median(peakFresh))} | ${peakFresh.map(m).join(', ')} | ≤ 400 MB |`);
  console.log(`| RSS, quiet after the restart | ${m(median(quietRestart))} | ${quietRestart.map(m).join(', ')} | ≤ 200 MB |`);
  console.log('\nSteps of the last run, ms (the server\'s start-up summary; "modules" is Node and module loading):\n');
  for (const [name, steps] of lastSteps) console.log(`${name}: ${Object.entries(steps).map(([k, v]) => `${k} ${v}`).join(', ')}`);
}

await main();
