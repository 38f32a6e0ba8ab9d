/**
 * The fast path on a real node:http server on loopback, with a route that counts what reaches
 * it: which answers a change leaves standing, and that nothing is replayed while the caches it
 * follows catch up.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FastPath, neverKept } from './fast-path.js';

/** A cached value as a cache keeps it: the cache flips `dropped` when it lets it go. */
const standingValue = () => ({ dropped: false });

let server: http.Server;
let origin: string;
let fastPath: FastPath;
/** URLs the route answered (what the fast path did not). */
let routed: string[];
/** What the route sends and offers, per URL. */
let answers: Map<string, { body: string; standing?: { dropped: boolean } }>;

beforeEach(async () => {
  fastPath = new FastPath();
  routed = [];
  answers = new Map();
  const route = (req: http.IncomingMessage, res: http.ServerResponse) => {
    routed.push(req.url!);
    const answer = answers.get(req.url!)!;
    fastPath.offer(req, res, { route: req.url!, vary: [], ...(answer.standing ? { standing: answer.standing } : {}) });
    const body = Buffer.from(answer.body);
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(body.length) });
    res.end(body);
  };
  server = http.createServer((req, res) => fastPath.handle(req, res, route));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

const get = async (url: string) => (await fetch(origin + url)).text();
/** Settles the follow-up a change started (its promises run on later turns). */
const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('FastPath', () => {
  it('replays a warm answer without reaching the route', async () => {
    answers.set('/a', { body: 'a1', standing: standingValue() });
    expect([await get('/a'), await get('/a'), await get('/a')]).toEqual(['a1', 'a1', 'a1']);
    expect(routed).toEqual(['/a']);
  });

  it('keeps answering what a change left standing, and only that', async () => {
    const a = standingValue();
    const b = standingValue();
    answers.set('/a', { body: 'a1', standing: a });
    answers.set('/b', { body: 'b1', standing: b });
    answers.set('/plain', { body: 'p1' });
    for (const url of ['/a', '/b', '/plain']) await get(url);
    routed.length = 0;

    // The cache drops b's value while catching up; a's stands.
    fastPath.follow(() => {
      b.dropped = true;
      answers.set('/b', { body: 'b2', standing: standingValue() });
    });
    answers.set('/plain', { body: 'p2' });
    fastPath.contentChanged();
    await settled();

    expect(await get('/a')).toBe('a1');
    expect(await get('/b')).toBe('b2');
    // An answer without a standing goes at every change.
    expect(await get('/plain')).toBe('p2');
    expect(routed).toEqual(['/b', '/plain']);
    // Kept again once answered after the change.
    expect([await get('/b'), await get('/plain')]).toEqual(['b2', 'p2']);
    expect(routed).toEqual(['/b', '/plain']);
  });

  it('replays nothing until every cache it follows has caught up', async () => {
    answers.set('/a', { body: 'a1', standing: standingValue() });
    await get('/a');
    let caughtUp!: () => void;
    fastPath.follow(() => new Promise<void>((resolve) => (caughtUp = resolve)));
    fastPath.contentChanged();
    routed.length = 0;
    await get('/a');
    await get('/a');
    expect(routed).toEqual(['/a', '/a']);
    caughtUp();
    await settled();
    await get('/a');
    expect(routed).toEqual(['/a', '/a']);
  });

  it('waits for the latest change when another arrives while caches catch up', async () => {
    answers.set('/a', { body: 'a1', standing: standingValue() });
    await get('/a');
    const pending: Array<() => void> = [];
    fastPath.follow(() => new Promise<void>((resolve) => pending.push(resolve)));
    fastPath.contentChanged();
    fastPath.contentChanged();
    pending[0]!();
    await settled();
    routed.length = 0;
    await get('/a');
    expect(routed).toEqual(['/a']);
    pending[1]!();
    await settled();
    await get('/a');
    expect(routed).toEqual(['/a']);
  });

  it('drops every answer when a cache cannot catch up (its store failed)', async () => {
    answers.set('/a', { body: 'a1', standing: standingValue() });
    await get('/a');
    fastPath.follow(() => Promise.reject(new Error('database gone')));
    fastPath.contentChanged();
    await settled();
    await settled();
    routed.length = 0;
    await get('/a');
    expect(routed).toEqual(['/a']);
    expect(fastPath.size).toBe(1);
  });

  it('never keeps an answer made from a value its cache did not keep', async () => {
    answers.set('/a', { body: 'a1', standing: neverKept });
    await get('/a');
    await get('/a');
    expect(routed).toEqual(['/a', '/a']);
  });

  it('keeps an answer to a request from before a change only while its value stands', async () => {
    const value = standingValue();
    answers.set('/slow', { body: 's1', standing: value });
    answers.set('/slow-plain', { body: 'q1' });
    // The change lands between the request's arrival and its answer.
    const route = server.listeners('request')[0] as (req: http.IncomingMessage, res: http.ServerResponse) => void;
    server.removeAllListeners('request');
    server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) =>
      fastPath.handle(req, res, (r, s) => {
        fastPath.contentChanged();
        const answer = answers.get(r.url!)!;
        routed.push(r.url!);
        fastPath.offer(r, s, { route: r.url!, vary: [], ...(answer.standing ? { standing: answer.standing } : {}) });
        s.writeHead(200, { 'content-length': String(answer.body.length) });
        s.end(Buffer.from(answer.body));
      }),
    );
    await get('/slow');
    await get('/slow-plain');
    server.removeAllListeners('request');
    server.on('request', route);
    await settled();
    routed.length = 0;
    await get('/slow');
    await get('/slow-plain');
    expect(routed).toEqual(['/slow-plain']);
  });
});
