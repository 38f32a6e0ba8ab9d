import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFileServer, tokenOf, type FileServer } from './test-support/file-server.js';
import { gridImage, photo } from './test-support/images.js';

let server: FileServer;
let sources: Record<'jpg' | 'png' | 'webp', Buffer>;
const pdf = Buffer.from('%PDF-1.4\n% not really a pdf, just bytes to serve\n');

beforeAll(async () => {
  sources = { jpg: await photo(1920, 1280, 'jpg'), png: await gridImage(1920, 1280, 'png'), webp: await photo(1920, 1280, 'webp') };
  server = await startFileServer([
    { assetId: 'hero-jpg', fileName: 'hero.jpg', contentType: 'image/jpeg', data: sources.jpg },
    { assetId: 'hero-png', fileName: 'hero.png', contentType: 'image/png', data: sources.png },
    { assetId: 'hero-webp', fileName: 'hero.webp', contentType: 'image/webp', data: sources.webp },
    { assetId: 'doc', fileName: 'terms of use.pdf', contentType: 'application/pdf', data: pdf },
    { assetId: 'page', fileName: 'page.html', contentType: 'text/html', data: Buffer.from('<script>alert(1)</script>') },
    { assetId: 'drawing', fileName: 'drawing.svg', contentType: 'image/svg+xml', data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') },
    { assetId: 'feed', fileName: 'feed.xml', contentType: 'application/xml', data: Buffer.from('<?xml version="1.0"?><x/>') },
    { assetId: 'notes', fileName: 'notes.txt', contentType: 'text/plain; charset=utf-8', data: Buffer.from('notes') },
  ]);
});
afterAll(() => server?.close());

const jsonType = 'application/vnd.contentful.delivery.v1+json; charset=utf-8';

async function expectError(res: Response, status: number, id: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe(jsonType);
  expect(res.headers.get('cache-control')).toBe('no-store');
  expect(res.headers.get('etag')).toBeNull();
  const body = (await res.json()) as { sys: { type: string; id: string }; message: string; requestId: string; details?: Record<string, unknown> };
  expect(body.sys).toEqual({ type: 'Error', id });
  expect(body.requestId).toEqual(expect.any(String));
  return body;
}

describe('GET /images: the seed query', () => {
  it.each(['jpg', 'png', 'webp'] as const)('turns a 1920×1280 %s into a 330×216 progressive JPEG', async (format) => {
    const res = await fetch(server.url(`hero-${format}`, 'w=330&h=216&q=60&fit=fill&f=faces&fm=jpg&fl=progressive'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    const body = Buffer.from(await res.arrayBuffer());
    expect(res.headers.get('content-length')).toBe(String(body.length));
    const meta = await sharp(body).metadata();
    expect({ format: meta.format, width: meta.width, height: meta.height, isProgressive: meta.isProgressive }).toEqual({
      format: 'jpeg',
      width: 330,
      height: 216,
      isProgressive: true,
    });
  });
});

describe('GET /images: parameters', () => {
  const invalid: Array<[query: string, parameter: string]> = [
    ...['0', '4001', '1.5', '-1', '', 'abc', '1e3', '+5', ' 5', '0x10', '10px'].map((v): [string, string] => [`w=${encodeURIComponent(v)}`, 'w']),
    ...['0', '4001', '1.5', '-1', '', 'abc'].map((v): [string, string] => [`h=${encodeURIComponent(v)}`, 'h']),
    ...['0', '101', '1.5', '-1', '', 'abc'].map((v): [string, string] => [`q=${encodeURIComponent(v)}`, 'q']),
    ...['', 'cover', 'FILL', 'Pad'].map((v): [string, string] => [`fit=${v}`, 'fit']),
    ...['', 'middle', 'Center', 'top-left', 'north'].map((v): [string, string] => [`f=${v}`, 'f']),
    ...['', 'jpeg', 'JPG', 'bmp', 'svg'].map((v): [string, string] => [`fm=${v}`, 'fm']),
    ...['', 'interlace', 'PNG8'].map((v): [string, string] => [`fl=${v}`, 'fl']),
    ...['0', '2001', 'MAX', '', '1.5', '-3', 'full'].map((v): [string, string] => [`r=${v}`, 'r']),
    ...['ffffff', 'rgb:fffff', 'rgb:gggggg', 'rgba:ffffff', '#ffffff', 'rgb:ffffff00'].map((v): [string, string] => [`bg=${encodeURIComponent(v)}`, 'bg']),
    ['fl=png8&fm=jpg', 'fl'],
    ['fl=png8&fm=webp', 'fl'],
    ['fl=png8&fm=auto', 'fl'],
    ['fl=png8', 'fl'],
    ['fl=progressive&fm=gif', 'fl'],
    ['s=abc&w=10', 's'],
    ['foo=1', 'foo'],
    ['W=100', 'W'],
    ['access_token=abc', 'access_token'],
    ['w', 'w'],
    ['w=100&w=200', 'w'],
    ['w=100&w=100', 'w'],
    ['fm=jpg&fm=jpg', 'fm'],
    ['fl=progressive&fm=png', 'fl'],
    ['fl=progressive&fm=webp', 'fl'],
    ['fm=avif&fl=progressive', 'fl'],
  ];

  it.each(invalid)('?%s → 400 naming %s', async (query, parameter) => {
    const body = await expectError(await fetch(server.url('hero-jpg', query)), 400, 'BadRequest');
    expect(body.message).toMatch(new RegExp(`^Expected .+ for ${parameter} but received`));
    expect(body.details).toMatchObject({ parameter });
  });

  it('refuses fl=progressive for a PNG source without fm, before reading it', async () => {
    const before = server.reads.get('hero-png') ?? 0;
    const body = await expectError(await fetch(server.url('hero-png', 'w=100&fl=progressive')), 400, 'BadRequest');
    expect(body.message).toBe('Expected JPEG output (fm=jpg, or a JPEG source without fm) for fl but received "progressive with png output"');
    expect(server.reads.get('hero-png') ?? 0).toBe(before);
  });

  it('accepts fl=progressive for a JPEG source without fm', async () => {
    const res = await fetch(server.url('hero-jpg', 'w=100&fl=progressive'));
    expect(res.status).toBe(200);
    expect((await sharp(Buffer.from(await res.arrayBuffer())).metadata()).isProgressive).toBe(true);
  });

  it('names an unknown parameter and lists the known ones', async () => {
    const body = await expectError(await fetch(server.url('hero-jpg', 'width=100')), 400, 'BadRequest');
    expect(body.message).toBe('Expected one of the parameters w, h, fit, f, r, bg, q, fm, fl for width but received "100"');
  });
});

describe('GET /images and /files: not found', () => {
  it('404s an unknown asset', async () => {
    const body = await expectError(await fetch(`${server.origin}/images/folio/nope/${'a'.repeat(32)}/x.jpg?w=10`), 404, 'NotFound');
    expect(body.message).toBe('The file could not be found.');
  });

  it.each(['images', 'files'] as const)('404s a wrong token on /%s', async (kind) => {
    const good = server.url('hero-jpg', '', kind);
    await expectError(await fetch(good.replace(tokenOf(sources.jpg), 'f'.repeat(32))), 404, 'NotFound');
  });

  it('404s another space', async () => {
    await expectError(await fetch(server.url('hero-jpg').replace('/folio/', '/other/')), 404, 'NotFound');
  });

  it.each(['', '/'])('404s a path without a file name (%j)', async (end) => {
    await expectError(await fetch(`${server.origin}/images/folio/hero-jpg/${tokenOf(sources.jpg)}${end}`), 404, 'NotFound');
  });

  it('accepts a long file name, and any name: the token selects the file', async () => {
    const url = server.url('hero-jpg', 'w=20').replace('hero.jpg', `${'n'.repeat(300)}%20%2F.jpg`);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    await res.arrayBuffer();
  });
});

describe('GET /images: caching', () => {
  const seed = 'w=330&h=216&q=60&fit=fill&f=faces&fm=jpg&fl=progressive';

  it('sends immutable caching headers and a strong ETag', async () => {
    const res = await fetch(server.url('hero-jpg', seed));
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    await res.arrayBuffer();
  });

  it('keeps the ETag across requests and parameter order, and changes it with the request', async () => {
    const etag = async (query: string, asset = 'hero-jpg') => {
      const res = await fetch(server.url(asset, query), { method: 'HEAD' });
      return res.headers.get('etag');
    };
    const a = await etag(seed);
    expect(await etag(seed)).toBe(a);
    expect(await etag('fl=progressive&fm=jpg&f=faces&fit=fill&q=60&h=216&w=330')).toBe(a);
    expect(await etag(seed.replace('q=60', 'q=61'))).not.toBe(a);
    expect(await etag(seed, 'hero-png')).not.toBe(a);
    expect(await etag('')).not.toBe(await etag('f=center'));
  });

  it('answers If-None-Match with 304 without reading or transforming', async () => {
    const first = await fetch(server.url('hero-webp', seed));
    await first.arrayBuffer();
    const etag = first.headers.get('etag')!;
    const reads = server.reads.get('hero-webp');
    for (const header of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const res = await fetch(server.url('hero-webp', seed), { headers: { 'if-none-match': header } });
      expect(res.status).toBe(304);
      expect(res.headers.get('etag')).toBe(etag);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(await res.text()).toBe('');
    }
    expect(server.reads.get('hero-webp')).toBe(reads);
    const miss = await fetch(server.url('hero-webp', seed), { headers: { 'if-none-match': '"other"' } });
    expect(miss.status).toBe(200);
    await miss.arrayBuffer();
  });

  it('still checks parameters and the token before answering 304', async () => {
    const res = await fetch(server.url('hero-jpg', 'w=0'), { headers: { 'if-none-match': '*' } });
    await expectError(res, 400, 'BadRequest');
  });
});

describe('HEAD /images and /files', () => {
  it.each([
    ['images', 'w=200&fm=webp'],
    ['images', ''],
    ['files', ''],
  ] as const)('HEAD /%s?%s has the GET headers and no body', async (kind, query) => {
    const get = await fetch(server.url('hero-png', query, kind));
    const body = Buffer.from(await get.arrayBuffer());
    const head = await fetch(server.url('hero-png', query, kind), { method: 'HEAD' });
    expect(head.status).toBe(200);
    for (const name of ['content-type', 'content-length', 'etag', 'cache-control']) {
      expect(head.headers.get(name), name).toBe(get.headers.get(name));
    }
    expect(head.headers.get('content-length')).toBe(String(body.length));
    expect((await head.arrayBuffer()).byteLength).toBe(0);
  });

  it('HEAD of an unknown asset is a 404', async () => {
    const res = await fetch(`${server.origin}/images/folio/nope/${'a'.repeat(32)}/x.jpg`, { method: 'HEAD' });
    expect(res.status).toBe(404);
  });
});

describe('originals', () => {
  it('serves an image unchanged on /images without parameters', async () => {
    const res = await fetch(server.url('hero-png'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await res.arrayBuffer()).equals(sources.png)).toBe(true);
  });

  it('serves a non-image unchanged on /images without parameters and on /files', async () => {
    for (const kind of ['images', 'files'] as const) {
      const res = await fetch(server.url('doc', '', kind));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(res.headers.get('content-length')).toBe(String(pdf.length));
      expect(Buffer.from(await res.arrayBuffer()).equals(pdf)).toBe(true);
    }
  });

  it('refuses transformation parameters for a non-image, naming the parameter', async () => {
    const body = await expectError(await fetch(server.url('doc', 'w=100')), 400, 'BadRequest');
    expect(body.message).toBe('Expected no parameters: this file is application/pdf, not an image for w but received "100"');
  });

  it('never transforms on /files', async () => {
    const res = await fetch(server.url('hero-jpg', 'w=10', 'files'));
    expect(Buffer.from(await res.arrayBuffer()).equals(sources.jpg)).toBe(true);
  });

  it('sends files that could run script (HTML, SVG, XML) as sandboxed downloads that may load nothing', async () => {
    for (const [asset, kind] of [['page', 'files'], ['drawing', 'files'], ['feed', 'files']] as const) {
      const res = await fetch(server.url(asset, '', kind));
      const headers = ['content-security-policy', 'content-disposition', 'x-content-type-options'].map((h) => res.headers.get(h));
      expect(headers, `${kind} ${asset}`).toEqual(["sandbox; default-src 'none'", 'attachment', 'nosniff']);
      await res.arrayBuffer();
    }
  });

  it('shows an SVG under /images as it is, under a policy that runs no script and loads nothing', async () => {
    const res = await fetch(server.url('drawing'));
    const headers = ['content-type', 'content-security-policy', 'content-disposition', 'x-content-type-options'].map((h) => res.headers.get(h));
    expect(headers).toEqual(['image/svg+xml', "default-src 'none'; style-src 'unsafe-inline'; sandbox", null, 'nosniff']);
    expect(await res.text()).toContain('<script>');
  });

  it('shows what a browser only displays inline, sandboxed and never sniffed; PDF without the sandbox its viewer breaks under', async () => {
    for (const [asset, kind, csp] of [['hero-jpg', 'images', 'sandbox'], ['hero-png', 'files', 'sandbox'], ['notes', 'files', 'sandbox'], ['doc', 'files', null], ['hero-webp', 'images?w=10', 'sandbox']] as const) {
      const [path, query = ''] = kind.split('?');
      const res = await fetch(server.url(asset, query, path as 'images' | 'files'));
      const headers = ['content-security-policy', 'content-disposition', 'x-content-type-options'].map((h) => res.headers.get(h));
      expect(headers, `${kind} ${asset}`).toEqual([csp, null, 'nosniff']);
      await res.arrayBuffer();
    }
  });
});

describe('GET /images: originals', () => {
  it('reads a photo once for several new variants of it', async () => {
    const before = server.reads.get('hero-webp') ?? 0;
    for (const w of [101, 102, 103]) expect((await fetch(server.url('hero-webp', `w=${w}`))).status).toBe(200);
    expect((server.reads.get('hero-webp') ?? 0) - before).toBeLessThanOrEqual(1);
  });
});
