/** Sources that must not be decoded, or cannot be: always a 4xx, never a 5xx. Own file: the bomb takes seconds to make. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFileServer, type FileServer } from './test-support/file-server.js';
import { decompressionBomb, gridImage, photo } from './test-support/images.js';

let server: FileServer;
let bomb: Buffer;

beforeAll(async () => {
  const jpeg = await photo(800, 600, 'jpg');
  const png = await gridImage(300, 300, 'png');
  const broken = Buffer.from(png);
  // Scramble the middle of the pixel data; the header stays readable.
  for (let i = Math.floor(png.length / 2); i < png.length - 20; i++) broken[i] = (broken[i]! * 7 + 13) & 0xff;
  bomb = await decompressionBomb();
  server = await startFileServer([
    { assetId: 'truncated', fileName: 't.jpg', contentType: 'image/jpeg', data: jpeg.subarray(0, Math.floor(jpeg.length * 0.6)) },
    { assetId: 'scrambled', fileName: 's.png', contentType: 'image/png', data: broken },
    { assetId: 'noise', fileName: 'n.jpg', contentType: 'image/jpeg', data: Buffer.from('definitely not a jpeg') },
    { assetId: 'svg', fileName: 'v.png', contentType: 'image/png', data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"/>') },
    { assetId: 'empty', fileName: 'e.png', contentType: 'image/png', data: Buffer.alloc(0) },
    { assetId: 'bomb', fileName: 'b.png', contentType: 'image/png', data: bomb },
  ]);
}, 60_000);
afterAll(() => server?.close());

describe('unprocessable sources', () => {
  it.each(['truncated', 'scrambled', 'noise', 'svg', 'empty'])('%s → 400 Contentful JSON', async (assetId) => {
    const res = await fetch(server.url(assetId, 'w=100&fm=webp'));
    expect(res.status).toBe(400);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as { sys: { id: string }; message: string };
    expect(body.sys.id).toBe('BadRequest');
    expect(body.message).toMatch(/^The image could not be processed: /);
  });

  it('refuses a decompression bomb (20000×20000 declared) quickly, from its header', async () => {
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const started = performance.now();
    const res = await fetch(server.url('bomb', 'w=100'));
    const elapsed = performance.now() - started;
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toBe('The image could not be processed: it has too many pixels.');
    expect(elapsed).toBeLessThan(1000);
  });

  it('still serves the untouched original without parameters', async () => {
    const res = await fetch(server.url('truncated'));
    expect(res.status).toBe(200);
    await res.arrayBuffer();
  });
});
