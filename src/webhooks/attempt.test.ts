/**
 * One attempt against real loopback servers: a hanging one, a closed port, a huge answer; and
 * the same servers refused when private targets are not allowed (the default).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebhookCallRecord, WebhookDefinitionRecord } from '../store/index.js';
import { attemptCall, excerptLength } from './attempt.js';
import { freePort } from '../../test/e2e/folio.js';

let server: http.Server;
let base: string;
const seen: string[] = [];
const allowPrivate = { allowPrivate: true };

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push(req.url ?? '');
    if (req.url === '/hang') return; // never answers
    if (req.url === '/internal') return res.writeHead(200).end('internal secret answer');
    if (req.url === '/huge') return res.writeHead(200).end('x'.repeat(1_000_000));
    if (req.url === '/moved') return res.writeHead(301, { location: '/elsewhere' }).end();
    res.writeHead(404).end('no such hook');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(
  () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
);

const hook = (url: string): WebhookDefinitionRecord => ({
  spaceId: 's',
  id: 'h',
  name: 'Hook',
  url,
  topics: ['*.*'],
  filters: [],
  headers: [{ key: 'X-Key', value: 'secret-value', secret: true }],
  httpBasicUsername: 'u',
  httpBasicPassword: 'p',
  active: true,
  secret: 'signing-secret-0123456789',
  version: 1,
  createdAt: '',
  updatedAt: '',
  createdBy: '',
  updatedBy: '',
});
const call: WebhookCallRecord = { id: 'c', spaceId: 's', webhookId: 'h', eventSeq: 1, topic: 'ContentManagement.Entry.publish', body: '{}', state: 'pending', attempts: 1, nextAttemptAt: '', leaseId: 'l', createdAt: '' };

describe('attemptCall', () => {
  it('gives up on a receiver that does not answer in time, and may retry', async () => {
    const outcome = await attemptCall(hook(`${base}/hang`), call, 100, allowPrivate);
    expect([outcome.statusCode, outcome.errors, outcome.ok, outcome.retryable, outcome.response]).toEqual([0, ['Timeout'], false, true, null]);
  });

  it('reports a refused connection', async () => {
    const outcome = await attemptCall(hook(`http://127.0.0.1:${await freePort()}/`), call, 1000, allowPrivate);
    expect([outcome.errors, outcome.retryable]).toEqual([['ConnectionRefused'], true]);
  });

  it('keeps an excerpt of a huge answer, hides secrets in the logged request', async () => {
    const outcome = await attemptCall(hook(`${base}/huge`), call, 5000, allowPrivate);
    expect([outcome.statusCode, outcome.ok, outcome.response?.body.length]).toEqual([200, true, excerptLength]);
    expect(outcome.request.headers).toMatchObject({ 'X-Key': '***', Authorization: '***', 'X-Contentful-Topic': call.topic });
  });

  it('treats 4xx answers and redirects as final failures', async () => {
    const missing = await attemptCall(hook(`${base}/missing`), call, 5000, allowPrivate);
    expect([missing.statusCode, missing.ok, missing.retryable, missing.response?.body]).toEqual([404, false, false, 'no such hook']);
    const moved = await attemptCall(hook(`${base}/moved`), call, 5000, allowPrivate);
    expect([moved.statusCode, moved.retryable]).toEqual([301, false]);
    // Not followed: a redirect cannot lead the call anywhere the check did not see.
    expect(seen).not.toContain('/elsewhere');
  });

  it('by default refuses loopback, private and link-local targets before connecting, and logs no answer', async () => {
    const port = new URL(base).port;
    const targets = [`${base}/internal`, `http://localhost:${port}/internal`, `http://[::ffff:127.0.0.1]:${port}/internal`, `http://[::1]:${port}/internal`, 'http://10.0.0.1/', 'http://169.254.169.254/latest/meta-data/', 'http://0.0.0.0/', 'http://100.64.0.1/', 'http://[fd12::1]/'];
    for (const url of targets) {
      const outcome = await attemptCall(hook(url), call, 2000);
      expect([outcome.statusCode, outcome.errors, outcome.ok, outcome.retryable, outcome.response], url).toEqual([0, ['PrivateAddressRefused'], false, false, null]);
      expect(JSON.stringify(outcome)).not.toContain('internal secret');
    }
    expect(seen).not.toContain('/internal');
    // Allowed, the same receiver is reached by name, through the address that was checked.
    const allowed = await attemptCall(hook(`http://localhost:${port}/internal`), call, 2000, allowPrivate);
    expect([allowed.statusCode, allowed.response?.body]).toEqual([200, 'internal secret answer']);
    // Even then, link-local (cloud metadata) stays refused.
    expect((await attemptCall(hook('http://169.254.169.254/'), call, 2000, allowPrivate)).errors).toEqual(['PrivateAddressRefused']);
  });

  it('reports a name that does not resolve', async () => {
    const outcome = await attemptCall(hook('http://no-such-host.invalid/'), call, 5000);
    expect([outcome.errors, outcome.retryable]).toEqual([['NameResolutionFailed'], true]);
  });
});
