/**
 * The memory ceiling over real HTTP: 64 concurrent cold requests of random sizes and formats
 * against an images server in its own process (so its peak RSS is its own), from 16 client
 * addresses. Every answer is a 200, a 429 with Retry-After, or the cost limit's 400; the
 * server's peak resident memory stays under the README's 400 MiB. The first requests are the
 * worst the parameters allow (4000×4000 AVIF and GIF: refused now, 850 MiB before the cost limit).
 * FOLIO_IMAGES_OPTIONS='{"concurrency":8}' runs the server as on a host with 8 cores.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { get, type Answer } from './test-support/http-client.js';
import { randomQueries } from './test-support/random-queries.js';
import { writeSources } from './test-support/server-process.js';

const ceilingMiB = 400;
const script = fileURLToPath(new URL('./test-support/server-process.ts', import.meta.url));

export async function startImagesProcess(dir: string, options: Record<string, unknown> = {}): Promise<{ child: ChildProcess; urls: Record<string, string> }> {
  // The allocator settings every way of running Folio sets (`npm start`, the Dockerfile, the
  // systemd unit): with glibc's default arenas the same 64 requests peaked anywhere from 282 to
  // 423 MiB across CI runs, a measure of a configuration nobody runs.
  const env = { ...process.env, MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2', MALLOC_MMAP_THRESHOLD_: process.env.MALLOC_MMAP_THRESHOLD_ ?? '131072' };
  const child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify({ dir, options })], { stdio: ['ignore', 'pipe', 'inherit'], env });
  const urls = await new Promise<Record<string, string>>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = /^ready (.*)$/m.exec(out);
      if (line) resolve(JSON.parse(line[1]!) as Record<string, string>);
    });
    child.once('exit', (code) => reject(new Error(`images process exited with ${code}`)));
  });
  return { child, urls };
}

/** The most resident memory the process has had (Linux VmHWM), in MiB. */
export async function peakRssMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmHWM:\s+(\d+) kB/m.exec(status)![1]) / 1024;
}

const dir = await writeSources();
const { child, urls } = await startImagesProcess(dir, JSON.parse(process.env.FOLIO_IMAGES_OPTIONS ?? '{}') as Record<string, unknown>);
afterAll(async () => {
  child.kill('SIGTERM');
  await rm(dir, { recursive: true, force: true });
});

describe('memory ceiling', () => {
  it(`keeps peak RSS under ${ceilingMiB} MiB with 64 concurrent cold random requests; answers are 200, 429 or the cost 400`, async () => {
    const started = await peakRssMiB(child.pid!);
    const requests = randomQueries(64).map(({ asset, query }, i) => ({ query, answer: get(`${urls[asset]}?${query}`, `127.0.0.${1 + (i % 16)}`).answer }));
    const answers: (Answer & { query: string })[] = [];
    for (const { query, answer } of requests) answers.push({ query, ...(await answer) });
    const peak = await peakRssMiB(child.pid!);
    const count = (status: number) => answers.filter((a) => a.status === status).length;
    console.log(`peak RSS ${peak.toFixed(0)} MiB (${started.toFixed(0)} at start); 200: ${count(200)}, 429: ${count(429)}, 400: ${count(400)}`);
    for (const { query, status, headers, body } of answers) {
      if (status === 200) continue;
      if (status === 429) {
        expect(headers['retry-after'], query).toBe('1');
        continue;
      }
      expect(status, `${query}: ${body.toString()}`).toBe(400);
      expect((JSON.parse(body.toString()) as { sys: { id: string } }).sys.id, query).toBe('InvalidQuery');
    }
    expect(count(200)).toBeGreaterThan(0);
    expect(peak).toBeLessThan(ceilingMiB);
  }, 180_000);
});
