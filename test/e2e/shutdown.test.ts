/**
 * `folio serve` on SIGTERM: no new connections, the request in flight completes, exit 0; and a
 * request that never completes cannot hold the process past FOLIO_SHUTDOWN_TIMEOUT (exit 1).
 */
import http from 'node:http';
import fs from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { startServe } from '../support/serve-process.js';
import { freePort, makeDataDir } from './folio.js';

const token = 'management-token-for-shutdown';
const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => fs.rm(d, { recursive: true, force: true }))));

async function serveOnFreePort(env: Record<string, string> = {}) {
  const dataDir = await makeDataDir();
  dirs.push(dataDir);
  const port = await freePort();
  const folio = startServe({ PORT: String(port), FOLIO_DATA_DIR: dataDir, FOLIO_DEMO: '0', FOLIO_MANAGEMENT_TOKEN: token, LOG_LEVEL: 'info', ...env });
  await folio.waitFor('ready in');
  return { folio, port };
}

/**
 * An upload whose body is sent in two halves: resolves `started` once the server has taken the
 * request (its 100 Continue), and `answer` with the response once the second half is sent.
 */
function slowUpload(port: number) {
  const request = http.request({
    host: '127.0.0.1',
    port,
    method: 'POST',
    path: '/management/spaces/folio/uploads',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream', expect: '100-continue' },
  });
  const started = new Promise<void>((resolve) => request.once('continue', () => resolve()));
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request.once('response', (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    request.once('error', reject);
  });
  void started.then(() => request.write(Buffer.alloc(64 * 1024, 1)));
  return { request, started, answer, finish: () => request.end(Buffer.alloc(64 * 1024, 2)) };
}

const refused = (port: number) =>
  fetch(`http://127.0.0.1:${port}/healthz`).then(
    () => false,
    () => true,
  );

describe('folio serve: SIGTERM', () => {
  it('stops accepting, completes the request in flight, and exits 0', async () => {
    const { folio, port } = await serveOnFreePort();
    const upload = slowUpload(port);
    await upload.started;
    folio.child.kill('SIGTERM');
    await folio.waitFor('shutting down');
    expect(await refused(port)).toBe(true);
    upload.finish();
    const { status, body } = await upload.answer;
    expect(status).toBe(201);
    expect((JSON.parse(body) as { sys: { type: string } }).sys.type).toBe('Upload');
    expect(await folio.exited).toBe(0);
    expect(folio.output()).toContain('"msg":"shut down"');
  });

  it('exits 1 at FOLIO_SHUTDOWN_TIMEOUT when a request never completes', async () => {
    const { folio, port } = await serveOnFreePort({ FOLIO_SHUTDOWN_TIMEOUT: '1' });
    const upload = slowUpload(port);
    upload.answer.catch(() => {});
    await upload.started;
    folio.child.kill('SIGTERM');
    expect(await folio.exited).toBe(1);
    expect(folio.output()).toContain('shutdown timed out');
    upload.request.destroy();
  });
});
