/**
 * The work queue over real HTTP: clients that leave free their places, clients share the queue
 * fairly, and a transform beyond the cost limit is a 400 before any work. Transforms are made slow
 * by a slow read of the source (readDelayMs), which happens inside the queue slot.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { get } from './test-support/http-client.js';
import { startFileServer, type FileServer, type FixtureFile } from './test-support/file-server.js';
import { gridImage, solid } from './test-support/images.js';
import { transformCostLimit } from './cost.js';

let small: Buffer;
let large: Buffer;
beforeAll(async () => {
  small = await gridImage(120, 90, 'png');
  large = await solid(3000, 3000, '#3366aa', 'png');
});

let server: FileServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const slow = (readDelayMs: number): FixtureFile => ({ assetId: 'slow', fileName: 'slow.png', contentType: 'image/png', data: small, readDelayMs });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('clients that leave', () => {
  it('free their places in the queue: after a full queue is abandoned, a new variant is served, not 429', async () => {
    let transformed = 0;
    server = await startFileServer([slow(1500)], { concurrency: 1, queueLimit: 2, clientLimit: 2, onTransform: () => transformed++ });
    // One runs (reading for 1.5 s), two wait: the queue is full. Then all three clients leave.
    const abandoned = [11, 12, 13].map((w) => get(server!.url('slow', `w=${w}&fm=png`)));
    await pause(300);
    for (const request of abandoned) request.close();
    await pause(100);
    const fresh = await get(server.url('slow', 'w=14&fm=png')).answer;
    expect(fresh.status).toBe(200);
    expect(fresh.headers['content-type']).toBe('image/png');
    // Only the new variant was transformed: the waiting ones never ran, the running one stopped after its read.
    expect(transformed).toBe(1);
  });
});

describe('fair sharing', () => {
  it("serves another client's request after at most one of a flooding client's", async () => {
    server = await startFileServer([slow(500)], { concurrency: 1, queueLimit: 8 });
    const done: string[] = [];
    const track = (name: string, url: string, from: string) =>
      get(url, from).answer.then((answer) => {
        if (answer.status === 200) done.push(name);
        return answer;
      });
    // Client A asks for 8 variants at once: 1 runs, 4 wait (its share of 8), 3 are refused.
    const flood = Array.from({ length: 8 }, (_, i) => track(`a${i}`, server!.url('slow', `w=${20 + i}&fm=png`), '127.0.0.1'));
    // All of A's requests are in (loopback) before B's; A's first is still reading.
    await pause(300);
    const other = await track('b', server.url('slow', 'w=40&fm=png'), '127.0.0.2');
    const answers = await Promise.all(flood);
    expect(other.status).toBe(200);
    const refused = answers.filter((a) => a.status === 429);
    expect(refused.length).toBe(3);
    for (const answer of refused) expect(answer.headers['retry-after']).toBe('1');
    expect(done.length).toBe(6);
    // A's first (already running) and at most one more of A's before B.
    expect(done.indexOf('b')).toBeLessThanOrEqual(2);
  });
});

describe('cost limit', () => {
  const files: FixtureFile[] = [];
  beforeAll(() => {
    files.push({ assetId: 'small', fileName: 'small.png', contentType: 'image/png', data: small });
    files.push({ assetId: 'large', fileName: 'large.png', contentType: 'image/png', data: large });
  });

  const expectTooCostly = (answer: { status: number; body: Buffer }) => {
    expect(answer.status).toBe(400);
    const body = JSON.parse(answer.body.toString()) as { sys: { id: string }; message: string; details: { parameters: string[]; limit: number; cost: number } };
    expect(body.sys.id).toBe('InvalidQuery');
    expect(body.details.parameters).toEqual(['w', 'h', 'fm']);
    expect(body.details.limit).toBe(transformCostLimit);
    expect(body.details.cost).toBeGreaterThan(transformCostLimit);
    expect(body.message).toContain(`the limit is ${transformCostLimit}`);
    return body;
  };

  it('refuses 4000×4000 AVIF from the query alone, before reading the file', async () => {
    server = await startFileServer(files);
    const answer = await get(server.url('small', 'w=4000&h=4000&fit=fill&fm=avif')).answer;
    const body = expectTooCostly(answer);
    expect(body.message).toMatch(/^The transform asked for by w, h and fm is too costly: 4000×4000 px as avif/);
    expect(server.reads.get('small') ?? 0).toBe(0);
  });

  it('refuses an AVIF whose size comes from a large source, after its header and before decoding', async () => {
    let transformed = 0;
    server = await startFileServer(files, { onTransform: () => transformed++ });
    // No fit: the output is the 3000×3000 source, 9 MP of AVIF.
    const body = expectTooCostly(await get(server.url('large', 'w=4000&h=4000&fm=avif')).answer);
    expect(body.message).toContain('3000×3000 px as avif');
    expect(transformed).toBe(0);
  });

  it('serves the same size as JPEG and WebP, and a small AVIF', async () => {
    server = await startFileServer(files);
    for (const query of ['w=4000&h=4000&fit=fill&fm=jpg', 'w=3000&h=3000&fm=webp', 'w=600&h=400&fit=fill&fm=avif']) {
      const answer = await get(server.url(query.includes('fit') ? 'small' : 'large', query)).answer;
      expect(answer.status, query).toBe(200);
    }
  });
});
