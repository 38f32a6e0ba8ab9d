/**
 * Request logs: one pino JSON line per request with its id, route, status and milliseconds;
 * credentials (query tokens, Authorization, cookies, draft-link signatures) never appear; a
 * sample of 0 logs no successful request; the start-up summary is one structured line.
 */
import fs from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { startServe } from '../support/serve-process.js';
import { freePort, makeDataDir } from './folio.js';

const deliveryToken = 'delivery-token-SECRET-in-query';
const secrets = [deliveryToken, 'bearer-SECRET-in-header', 'cookie-SECRET', 'sig-SECRET', 'hunter2-SECRET'];
const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => fs.rm(d, { recursive: true, force: true }))));

async function run(env: Record<string, string>, requests: (base: string) => Promise<void>) {
  const dataDir = await makeDataDir();
  dirs.push(dataDir);
  const port = await freePort();
  const folio = startServe({ PORT: String(port), FOLIO_DATA_DIR: dataDir, FOLIO_DEMO: '0', FOLIO_DELIVERY_TOKEN: deliveryToken, LOG_LEVEL: 'info', ...env });
  await folio.waitFor('ready in');
  await requests(`http://127.0.0.1:${port}`);
  folio.child.kill('SIGTERM');
  expect(await folio.exited).toBe(0);
  const output = folio.output();
  const lines = output
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { output, lines, requests: lines.filter((l) => l.msg === 'request') };
}

const visit = async (base: string) => {
  await (await fetch(`${base}/delivery/spaces/folio/entries?limit=1&access_token=${deliveryToken}`)).text();
  await (await fetch(`${base}/delivery/spaces/folio/entries?limit=2`, { headers: { authorization: 'Bearer bearer-SECRET-in-header', cookie: 'folio_session=cookie-SECRET' } })).text();
  await (await fetch(`${base}/drafts/some-entry?expires=1&sig=sig-SECRET`)).text();
  await (await fetch(`${base}/admin/sign-in?password=hunter2-SECRET`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'email=a%40example.com&password=hunter2-SECRET' })).text();
};

describe('request logs', () => {
  it('log every request as JSON with id, route, status and time, and never a credential', async () => {
    const { output, requests } = await run({}, visit);
    for (const secret of secrets) expect(output).not.toContain(secret);
    expect(requests.length).toBeGreaterThanOrEqual(4);
    const [first, second] = requests;
    expect(first).toMatchObject({
      level: 30,
      method: 'GET',
      url: '/delivery/spaces/folio/entries?limit=1&access_token=[redacted]',
      route: expect.stringContaining('/entries'),
      status: 200,
      ms: expect.any(Number),
      reqId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(second).toMatchObject({ status: 401, url: '/delivery/spaces/folio/entries?limit=2' });
    expect(new Set(requests.map((r) => r.reqId)).size).toBe(requests.length);
    expect(requests.find((r) => String(r.url).startsWith('/drafts/'))?.url).toBe('/drafts/some-entry?expires=1&sig=[redacted]');
  });

  it('log no successful request at FOLIO_LOG_SAMPLE=0, and say how Folio started in one line', async () => {
    const { lines, requests } = await run({ FOLIO_LOG_SAMPLE: '0' }, visit);
    expect(requests).toEqual([]);
    const started = lines.filter((l) => l.msg === 'folio started');
    expect(started).toHaveLength(1);
    expect(started[0]).toMatchObject({ database: 'sqlite', storage: { kind: 'fs' }, logSample: 0, version: expect.any(String), startupMs: expect.any(Number) });
    // Where the start-up time went, step by step, from Node's own start.
    expect(Object.keys(started[0]!.startupSteps as object)).toEqual(['modules', 'dataDir', 'database', 'storage', 'space', 'apiKeys', 'settle', 'app', 'listen']);
  });

  it('name the client behind a trusted proxy (FOLIO_TRUST_PROXY), and believe no one else', async () => {
    const viaProxy = async (base: string) => void (await (await fetch(`${base}/healthz`, { headers: { 'x-forwarded-for': '203.0.113.9' } })).text());
    const trusted = await run({ FOLIO_TRUST_PROXY: '127.0.0.1' }, viaProxy);
    expect(trusted.requests.map((r) => r.ip)).toEqual(['203.0.113.9']);
    const untrusted = await run({}, viaProxy);
    expect(untrusted.requests.map((r) => r.ip)).toEqual(['127.0.0.1']);
  });
});
