/** fm=auto negotiation, URL signing and the work queue, over real HTTP. */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSigningKeys, signImageUrl } from './signing.js';
import { startFileServer, type FileServer, type FixtureFile } from './test-support/file-server.js';
import { animation, gridImage, photo, solid } from './test-support/images.js';

let files: FixtureFile[];

beforeAll(async () => {
  files = [
    { assetId: 'photo', fileName: 'photo.jpg', contentType: 'image/jpeg', data: await photo(800, 600, 'jpg') },
    { assetId: 'clear', fileName: 'clear.png', contentType: 'image/png', data: await solid(40, 40, { r: 0, g: 0, b: 0, alpha: 0 }) },
    { assetId: 'grid', fileName: 'grid.png', contentType: 'image/png', data: await gridImage(300, 300, 'png') },
    { assetId: 'anim', fileName: 'anim.webp', contentType: 'image/webp', data: await animation(60, 40, ['#f00', '#0f0', '#00f']) },
  ];
  files.push({ ...files[2]!, assetId: 'slow', readDelayMs: 400 });
});

const get = async (url: string, headers: Record<string, string> = {}) => {
  const res = await fetch(url, { headers });
  const body = Buffer.from(await res.arrayBuffer());
  return { res, body };
};

describe('fm=auto', () => {
  let server: FileServer;
  beforeAll(async () => {
    server = await startFileServer(files);
  });
  afterAll(() => server?.close());

  it.each([
    ['image/avif,image/webp,image/apng,*/*;q=0.8', 'image/avif', 'heif'],
    ['image/webp,*/*', 'image/webp', 'webp'],
    ['text/html,*/*;q=0.8', 'image/jpeg', 'jpeg'],
  ])('Accept %s → %s, with Vary: Accept', async (accept, contentType, format) => {
    const { res, body } = await get(server.url('photo', 'w=100&fm=auto'), { accept });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(contentType);
    expect(res.headers.get('vary')).toBe('Accept');
    expect((await sharp(body).metadata()).format).toBe(format);
  });

  it('writes PNG instead of JPEG for a source with alpha', async () => {
    const { res } = await get(server.url('clear', 'fm=auto'), { accept: '*/*' });
    expect(res.headers.get('content-type')).toBe('image/png');
  });

  it('gives each chosen format its own ETag, and 304s carry Vary', async () => {
    const etag = async (accept: string) => (await fetch(server.url('photo', 'w=100&fm=auto'), { method: 'HEAD', headers: { accept } })).headers.get('etag');
    const avif = await etag('image/avif');
    const webp = await etag('image/webp');
    const jpeg = await etag('*/*');
    expect(new Set([avif, webp, jpeg]).size).toBe(3);
    expect(await etag('image/avif,image/webp')).toBe(avif);
    const res = await fetch(server.url('photo', 'w=100&fm=auto'), { headers: { accept: 'image/webp', 'if-none-match': webp! } });
    expect(res.status).toBe(304);
    expect(res.headers.get('vary')).toBe('Accept');
  });

  it('sends no Vary without fm=auto', async () => {
    const { res } = await get(server.url('photo', 'w=100&fm=webp'));
    expect(res.headers.get('vary')).toBeNull();
  });

  it('keeps an animated WebP animated over HTTP', async () => {
    const { res, body } = await get(server.url('anim', 'w=30'));
    expect(res.headers.get('content-type')).toBe('image/webp');
    expect((await sharp(body).metadata()).pages).toBe(3);
  });

  it('answers fl=png8 with a palette PNG', async () => {
    const { res, body } = await get(server.url('grid', 'w=100&fm=png&fl=png8'));
    expect(res.status).toBe(200);
    expect((await sharp(body).metadata()).isPalette).toBe(true);
  });
});

describe('URL signing', () => {
  let server: FileServer;
  const [current, previous] = ['new-key-0123456789', 'old-key-9876543210'];
  beforeAll(async () => {
    server = await startFileServer(files, { signingKeys: [current, previous] });
  });
  afterAll(() => server?.close());

  const signed = (query: string, key: string) => {
    const url = new URL(server.url('photo', query));
    return `${server.origin}${signImageUrl(`${url.pathname}${url.search}`, key)}`;
  };

  it('accepts a URL signed with any of the keys (rotation)', async () => {
    for (const key of [current, previous]) {
      const { res } = await get(signed('w=100&fm=webp', key));
      expect(res.status, key).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/webp');
    }
  });

  it('signs the normalised query: order and spelling do not matter', async () => {
    const url = new URL(signed('w=100&fm=webp', current));
    const s = url.searchParams.get('s')!;
    const { res } = await get(server.url('photo', `fm=webp&s=${s}&w=0100`));
    expect(res.status).toBe(200);
  });

  it.each([
    ['missing', (q: string) => server.url('photo', q)],
    ['under another key', (q: string) => signed(q, 'some-other-key')],
    ['for another query', (q: string) => signed(q, current).replace('w=100', 'w=101')],
    ['for another asset', (q: string) => signed(q, current).replace('/photo/', '/grid/')],
  ])('refuses a signature %s with 403 AccessDenied', async (_, url) => {
    const { res, body } = await get(url('w=100&fm=webp'));
    expect(res.status).toBe(403);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(JSON.parse(body.toString()).sys.id).toBe('AccessDenied');
  });

  it('still names a bad parameter with 400 before the signature', async () => {
    const { res } = await get(signed('w=100', current).replace('w=100', 'w=0'));
    expect(res.status).toBe(400);
  });

  it('reads the keys from the comma-separated setting', () => {
    expect(parseSigningKeys(' a, b ,,')).toEqual(['a', 'b']);
    expect(parseSigningKeys(undefined)).toEqual([]);
  });

  it('serves the original without a signature', async () => {
    const { res, body } = await get(server.url('photo'));
    expect(res.status).toBe(200);
    expect(body.equals(files[0]!.data)).toBe(true);
  });
});

describe('work queue', () => {
  let server: FileServer;
  let started = 0;
  beforeAll(async () => {
    server = await startFileServer(files, { concurrency: 1, queueLimit: 1, onTransform: () => started++ });
  });
  afterAll(() => server?.close());

  it('refuses with 429 and Retry-After beyond concurrency + queueLimit, then recovers', async () => {
    // Distinct requests (so none share a transform) whose transform holds its slot for 400 ms:
    // one runs, one waits, four are refused.
    const results = await Promise.all([10, 11, 12, 13, 14, 15].map((w) => get(server.url('slow', `w=${w}&fm=png`))));
    const statuses = results.map((r) => r.res.status);
    expect(statuses.filter((s) => s === 200).length).toBe(2);
    const refused = results.filter((r) => r.res.status === 429);
    expect(refused.length).toBe(4);
    for (const { res, body } of refused) {
      expect(res.headers.get('retry-after')).toBe('1');
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(JSON.parse(body.toString()).sys.id).toBe('RateLimitExceeded');
    }
    expect(started).toBe(statuses.filter((s) => s === 200).length);
    const { res } = await get(server.url('photo', 'w=50&fm=avif'));
    expect(res.status).toBe(200);
  });
});
