import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createS3Client, createS3SharedBlobs } from '../storage/s3-storage.js';
import { startS3 } from '../../test/support/s3.js';
import { DerivedImageCache, SingleFlight } from './cache.js';
import { startFileServer, type FileServer } from './test-support/file-server.js';
import { photo } from './test-support/images.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'folio-cache-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const image = (size: number, fill = 1) => ({ data: Buffer.alloc(size, fill), contentType: 'image/webp' });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('DerivedImageCache', () => {
  it('misses, then hits from disk with the same bytes and content type', async () => {
    const cache = await DerivedImageCache.open(dir, 1000);
    let made = 0;
    const make = async () => (made++, image(10, 7));
    expect((await cache.getOrCreate('a', make)).data).toEqual(Buffer.alloc(10, 7));
    const again = await cache.getOrCreate('a', make);
    expect(again).toEqual({ data: Buffer.alloc(10, 7), contentType: 'image/webp' });
    expect(made).toBe(1);
    expect(cache.stats).toMatchObject({ hits: 1, misses: 1, entries: 1, bytes: 10 });
    // Written atomically: no temp file is left behind.
    expect((await readdir(dir)).filter((f) => f.startsWith('.tmp-'))).toEqual([]);
  });

  it('evicts the least recently used entry when over the cap', async () => {
    const cache = await DerivedImageCache.open(dir, 250);
    await cache.put('a', image(100));
    await cache.put('b', image(100));
    expect(await cache.get('a')).toBeDefined();
    await cache.put('c', image(100));
    expect(await cache.get('b')).toBeUndefined();
    expect(await cache.get('a')).toBeDefined();
    expect(await cache.get('c')).toBeDefined();
    expect(cache.stats).toMatchObject({ evictions: 1, entries: 2, bytes: 200 });
    expect(await readdir(dir)).toHaveLength(2);
  });

  it('rebuilds sizes and access order from the directory, and drops unfinished writes', async () => {
    const first = await DerivedImageCache.open(dir, 250);
    await first.put('x', image(100));
    await pause(30);
    await first.put('y', image(100));
    await pause(30);
    await first.get('x');
    await pause(30);
    await writeFile(path.join(dir, '.tmp-deadbeef'), 'half');
    const second = await DerivedImageCache.open(dir, 250);
    expect(second.stats).toMatchObject({ entries: 2, bytes: 200 });
    expect((await readdir(dir)).some((f) => f.startsWith('.tmp-'))).toBe(false);
    await second.put('z', image(100));
    expect(await second.get('y')).toBeUndefined();
    expect(await second.get('x')).toBeDefined();
  });

  it('keeps the most recently used small images in memory too, within its own cap', async () => {
    const cache = await DerivedImageCache.open(dir, 10 * 1024 * 1024, 250);
    const fileOf = (key: string) => path.join(dir, `${createHash('sha256').update(key).digest('hex')}.${Buffer.from('image/webp').toString('base64url')}`);
    await cache.put('a', image(100, 1));
    await cache.put('b', image(100, 2));
    await cache.put('c', image(100, 3));
    // The memory cap (250 bytes) holds two: 'a' is on disk only, and still a hit from there.
    expect(cache.stats).toMatchObject({ entries: 3, memoryEntries: 2, memoryBytes: 200 });
    expect((await cache.get('a'))?.data).toEqual(Buffer.alloc(100, 1));
    // Reading 'a' put it back in memory and pushed out 'b', the least recently used there.
    await rm(fileOf('a'));
    await rm(fileOf('b'));
    expect((await cache.get('a'))?.data).toEqual(Buffer.alloc(100, 1));
    expect(await cache.get('b')).toBeUndefined();
    // An image over the per-item limit (512 KiB) is served from disk only.
    await cache.put('big', image(600 * 1024));
    expect(cache.stats.memoryBytes).toBeLessThanOrEqual(250);
    await rm(fileOf('big'));
    expect(await cache.get('big')).toBeUndefined();
  });

  it('computes once for identical concurrent misses (single-flight)', async () => {
    const cache = await DerivedImageCache.open(dir, 1000);
    let made = 0;
    const make = async () => {
      made++;
      await pause(50);
      return image(10);
    };
    const results = await Promise.all(Array.from({ length: 8 }, () => cache.getOrCreate('k', make)));
    expect(made).toBe(1);
    expect(results.every((r) => r.data.equals(Buffer.alloc(10, 1)))).toBe(true);
    expect(cache.stats).toMatchObject({ misses: 1, joined: 7 });
  });

  it('does not cache a failure', async () => {
    const cache = await DerivedImageCache.open(dir, 1000);
    await expect(cache.getOrCreate('bad', () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect((await cache.getOrCreate('bad', async () => image(3))).data.length).toBe(3);
  });
});

describe('DerivedImageCache with a shared tier (S3)', () => {
  it('a second server (own directory, same bucket) takes what the first made, without making it', async () => {
    const s3 = await startS3();
    const client = createS3Client(s3.settings);
    try {
      const shared = createS3SharedBlobs(client, s3.settings.bucket);
      const otherDir = await mkdtemp(path.join(tmpdir(), 'folio-cache-b-'));
      const a = await DerivedImageCache.open(dir, 1000, 1000, shared);
      const b = await DerivedImageCache.open(otherDir, 1000, 1000, shared);
      let made = 0;
      const make = async () => (made++, image(10, 9));
      await a.getOrCreate('k', make);
      expect(await b.getOrCreate('k', make)).toEqual(image(10, 9));
      expect(made).toBe(1);
      expect(b.stats).toMatchObject({ sharedHits: 1, misses: 0, entries: 1 });
      // Now local to b: the next request does not ask the store.
      await b.getOrCreate('k', make);
      expect(b.stats).toMatchObject({ sharedHits: 1, hits: 1 });
      await rm(otherDir, { recursive: true, force: true });
    } finally {
      client.destroy();
      await s3.stop();
    }
  });

  it('an unreachable shared tier costs the sharing, never the image', async () => {
    const s3 = await startS3();
    const client = createS3Client(s3.settings);
    await s3.stop();
    try {
      const cache = await DerivedImageCache.open(dir, 1000, 1000, createS3SharedBlobs(client, s3.settings.bucket));
      expect(await cache.getOrCreate('k', async () => image(4, 2))).toEqual(image(4, 2));
      expect(await cache.getOrCreate('k', async () => image(4, 3))).toEqual(image(4, 2));
    } finally {
      client.destroy();
    }
  });
});

describe('derived-image cache over HTTP', () => {
  let server: FileServer;
  let transforms = 0;
  let cacheDir: string;
  const servers: FileServer[] = [];

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });

  it('transforms N identical concurrent cold requests once, then serves from disk', async () => {
    cacheDir = await mkdtemp(path.join(tmpdir(), 'folio-cache-http-'));
    const data = await photo(800, 600, 'jpg');
    server = await startFileServer([{ assetId: 'p', fileName: 'p.jpg', contentType: 'image/jpeg', data }], {
      cacheDir,
      cacheMaxBytes: 10 * 1024 * 1024,
      onTransform: () => transforms++,
    });
    servers.push(server);
    const query = 'w=300&fm=webp';
    const bodies = await Promise.all(
      Array.from({ length: 6 }, async () => Buffer.from(await (await fetch(server.url('p', query))).arrayBuffer())),
    );
    expect(transforms).toBe(1);
    expect(bodies.every((b) => b.equals(bodies[0]!))).toBe(true);
    expect((await sharp(bodies[0]!).metadata()).width).toBe(300);

    const reads = server.reads.get('p');
    const res = await fetch(server.url('p', 'fm=webp&w=0300'));
    expect(res.headers.get('content-type')).toBe('image/webp');
    expect(Buffer.from(await res.arrayBuffer()).equals(bodies[0]!)).toBe(true);
    expect(server.reads.get('p')).toBe(reads);
    expect(transforms).toBe(1);
    expect(await readdir(cacheDir)).toHaveLength(1);

    // A restarted server finds it on disk.
    let restartedTransforms = 0;
    const restarted = await startFileServer([{ assetId: 'p', fileName: 'p.jpg', contentType: 'image/jpeg', data }], {
      cacheDir,
      onTransform: () => restartedTransforms++,
    });
    servers.push(restarted);
    const again = await fetch(restarted.url('p', query));
    expect(Buffer.from(await again.arrayBuffer()).equals(bodies[0]!)).toBe(true);
    expect(restartedTransforms).toBe(0);
    await rm(cacheDir, { recursive: true, force: true });
  });

  it('shares one transform between identical concurrent requests without a cache dir', async () => {
    let count = 0;
    const data = await photo(400, 300, 'jpg');
    const plain = await startFileServer([{ assetId: 'q', fileName: 'q.jpg', contentType: 'image/jpeg', data, readDelayMs: 100 }], {
      onTransform: () => count++,
    });
    servers.push(plain);
    await Promise.all(Array.from({ length: 5 }, async () => (await fetch(plain.url('q', 'w=100&fm=png'))).arrayBuffer()));
    expect(count).toBe(1);
  });
});

describe('SingleFlight: callers that leave', () => {
  it('keeps computing while one caller waits; aborts and frees the key when the last has left', async () => {
    const flight = new SingleFlight<string>();
    let shared: AbortSignal | undefined;
    let finish!: (value: string) => void;
    const make = (signal: AbortSignal) => {
      shared = signal;
      return new Promise<string>((resolve) => (finish = resolve));
    };
    const first = new AbortController();
    const second = new AbortController();
    const a = flight.run('k', make, first.signal);
    const b = flight.run('k', make, second.signal);
    expect([a.joined, b.joined]).toEqual([false, true]);
    first.abort(new Error('first gone'));
    await expect(a.promise).rejects.toThrow('first gone');
    expect(shared!.aborted).toBe(false);
    second.abort(new Error('second gone'));
    await expect(b.promise).rejects.toThrow('second gone');
    expect(shared!.aborted).toBe(true);
    // A newcomer starts afresh instead of joining the abandoned computation.
    const c = flight.run('k', async () => 'fresh');
    expect(c.joined).toBe(false);
    expect(await c.promise).toBe('fresh');
    finish('late');
  });

  it('never aborts for a caller without a signal', async () => {
    const flight = new SingleFlight<string>();
    let shared: AbortSignal | undefined;
    const leaving = new AbortController();
    const a = flight.run('k', async (signal) => ((shared = signal), await pause(20), 'done'), leaving.signal);
    const b = flight.run('k', async () => 'unused');
    leaving.abort(new Error('gone'));
    await expect(a.promise).rejects.toThrow('gone');
    expect(await b.promise).toBe('done');
    expect(shared!.aborted).toBe(false);
  });
});
