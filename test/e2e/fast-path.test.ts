/**
 * Warm answers over real HTTP (the app listening on loopback): a repeated hub page, Delivery
 * list or derived image is answered without reading the store, yet a change stops the old
 * answer at once; compression is negotiated from Accept-Encoding (q-values included) with
 * Vary; credentials and conditional requests are never answered from what another request got.
 */
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ingestFile, storedFiles, storedFileToken } from '../../src/assets/index.js';
import { hashToken, systemActor } from '../../src/auth/index.js';
import { createAssetFromFile, deleteAsset, publishAsset, publishEntry, unpublishAsset, updateEntry } from '../../src/content/index.js';
import { buildApp } from '../../src/server/app.js';
import { ensureApiKeys } from '../../src/setup/index.js';
import { createFsStorage } from '../../src/storage/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import type { FileStorage } from '../../src/storage/types.js';
import { seedManyArticles, type SeededHub } from '../support/many-articles.js';

const token = 'fast-path-delivery-token-1234';
let dir: string;
let store: Store;
let storage: FileStorage;
let app: FastifyInstance;
let origin: string;
let hub: SeededHub;
/** Store reads the warm path must not make. */
const reads = { latest: 0, getPublished: 0, get: 0 };

const jpeg = (width: number, background: string) => sharp({ create: { width, height: 300, channels: 3, background } }).jpeg().toBuffer();

async function addImage(id: string, width: number, colour: string) {
  await createAssetFromFile(
    store,
    storage,
    hub.scope,
    { id, locale: 'en-US', title: id, description: `${id} picture`, file: { fileName: `${id}.jpg`, contentType: 'image/jpeg', data: await jpeg(width, colour) } },
    systemActor,
  );
  return publishAsset(store, hub.scope, { id }, systemActor);
}

const imageUrl = async (id: string, query = '?w=100&h=60&fit=fill&fm=jpg') => {
  const file = storedFiles((await store.assets.getPublished(hub.scope, id))!)[0]!;
  return `${origin}/images/folio/${id}/${storedFileToken(file)}/${file.fileName}${query}`;
};

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'folio-fast-path-'));
  store = await openStore({ sqlitePath: path.join(dir, 'folio.db') });
  storage = createFsStorage(path.join(dir, 'files'));
  hub = await seedManyArticles(store, 30);
  await ensureApiKeys(store, 'folio', { delivery: token });
  app = await buildApp({
    config: { publicUrl: 'http://127.0.0.1', spaceId: 'folio', deliveryCache: true, imageSigningKeys: [], dataDir: dir },
    store,
    storage,
    scope: hub.scope,
    locale: 'en-US',
    // One process: its own writes are heard at once; no background reads to tell from the requests'.
    versionPollMs: 0,
  });
  origin = await app.listen({ port: 0, host: '127.0.0.1' });
  for (const [name, method] of [['latest', store.changes], ['getPublished', store.assets], ['get', store.assets]] as const) {
    const key = name as 'latest' | 'getPublished' | 'get';
    const target = method as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    const real = target[key]!.bind(method);
    target[key] = (...args: unknown[]) => {
      reads[key]++;
      return real(...args);
    };
  }
});
afterAll(async () => {
  await app?.close();
  await store?.close();
  await fs.rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  reads.latest = reads.getPublished = reads.get = 0;
});

const delivery = (query: string) => `${origin}/delivery/spaces/folio/environments/master/entries?${query}`;
const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());
/** fetch() inflates what it can; this keeps the body as sent. */
const raw = (url: string, headers: Record<string, string>) =>
  new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });

describe('derived images', () => {
  it('answer a warm request without reading the store', async () => {
    await addImage('warm', 400, '#c04040');
    const url = await imageUrl('warm');
    const first = await fetch(url);
    expect(first.status).toBe(200);
    const body = await bytes(first);
    reads.getPublished = reads.get = reads.latest = 0;
    const again = await fetch(url);
    expect(again.status).toBe(200);
    expect(await bytes(again)).toEqual(body);
    expect(again.headers.get('content-security-policy')).toBe('sandbox');
    expect(again.headers.get('x-contentful-request-id')).not.toBe(first.headers.get('x-contentful-request-id'));
    expect(reads).toEqual({ latest: 0, getPublished: 0, get: 0 });
  });

  it('replay an SVG original with its sandboxing policy, and nosniff', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><script>alert(1)</script></svg>');
    const file = { fileName: 'mark.svg', contentType: 'image/svg+xml', data: svg };
    await createAssetFromFile(store, storage, hub.scope, { id: 'mark', locale: 'en-US', title: 'Mark', description: 'Mark', file }, systemActor);
    await publishAsset(store, hub.scope, { id: 'mark' }, systemActor);
    const url = await imageUrl('mark', '');
    const first = await fetch(url);
    expect(await bytes(first)).toEqual(svg);
    reads.getPublished = reads.get = reads.latest = 0;
    const again = await fetch(url);
    expect(await bytes(again)).toEqual(svg);
    expect(reads).toEqual({ latest: 0, getPublished: 0, get: 0 });
    for (const res of [first, again]) {
      expect([res.headers.get('content-type'), res.headers.get('content-security-policy'), res.headers.get('x-content-type-options')]).toEqual([
        'image/svg+xml',
        "default-src 'none'; style-src 'unsafe-inline'; sandbox",
        'nosniff',
      ]);
    }
  });

  it('stop answering at once when the asset is unpublished and deleted', async () => {
    await addImage('gone', 400, '#40c040');
    const url = await imageUrl('gone');
    expect((await fetch(url)).status).toBe(200);
    expect((await fetch(url)).status).toBe(200);
    await unpublishAsset(store, hub.scope, { id: 'gone' }, systemActor);
    await deleteAsset(store, hub.scope, { id: 'gone' }, systemActor);
    expect((await fetch(url)).status).toBe(404);
    // A variant never asked for: the look-up of its file, not a kept answer, must refuse it.
    expect((await fetch(url.replace('w=100', 'w=101'))).status).toBe(404);
  });

  it('keep answering a warm image without a store read when another asset is published', async () => {
    await addImage('steady', 400, '#a0a040');
    const url = await imageUrl('steady');
    const body = await bytes(await fetch(url));
    await addImage('newcomer', 300, '#40a0a0');
    reads.getPublished = reads.get = 0;
    for (const u of [url, url.replace('w=100', 'w=104')]) expect((await fetch(u)).status).toBe(200);
    expect(await bytes(await fetch(url))).toEqual(body);
    // Its file is still the one kept: neither the warm variant nor a new one looked the asset up again.
    expect([reads.getPublished, reads.get]).toEqual([0, 0]);
  });

  it('read the store once for several new variants of a published photo', async () => {
    await addImage('variants', 400, '#c04040');
    const url = await imageUrl('variants');
    reads.getPublished = 0;
    for (const w of [101, 102, 103]) expect((await fetch(url.replace('w=100', `w=${w}`))).status).toBe(200);
    expect(reads.getPublished).toBe(1);
  });

  it('answer the new file, and 404 for the old one, as soon as a replaced file is published', async () => {
    await addImage('swap', 400, '#4040c0');
    const oldUrl = await imageUrl('swap', '');
    const oldBody = await bytes(await fetch(oldUrl));
    expect((await fetch(oldUrl)).status).toBe(200);
    const replacement = await ingestFile(storage, { fileName: 'swap.jpg', contentType: 'image/jpeg', data: await jpeg(500, '#c0c040') });
    const draft = (await store.assets.get(hub.scope, 'swap'))!;
    await store.assets.update(hub.scope, 'swap', { fields: { ...draft.fields, file: { 'en-US': replacement as never } } });
    await publishAsset(store, hub.scope, { id: 'swap' }, systemActor);
    expect((await fetch(oldUrl)).status).toBe(404);
    expect((await fetch(`${oldUrl}?w=90`)).status).toBe(404);
    const newBody = await bytes(await fetch(await imageUrl('swap', '')));
    expect(newBody).not.toEqual(oldBody);
    expect((await sharp(newBody).metadata()).width).toBe(500);
  });

  it('answer a conditional request with 304, never from a kept 200', async () => {
    await addImage('etag', 300, '#808080');
    const url = await imageUrl('etag');
    const first = await fetch(url);
    await fetch(url);
    const conditional = await fetch(url, { headers: { 'if-none-match': first.headers.get('etag')! } });
    expect(conditional.status).toBe(304);
  });
});

describe('hub pages', () => {
  it('answer a warm page without reading the store and show a publish on the next request', async () => {
    const first = await fetch(`${origin}/`);
    expect(first.status).toBe(200);
    await first.text();
    reads.latest = 0;
    const again = await fetch(`${origin}/`);
    expect(again.headers.get('x-hub-cache')).toBe('hit');
    const html = await again.text();
    expect(reads.latest).toBe(0);

    const newest = hub.articles[0]!;
    expect(html).toContain(newest.title);
    const entry = (await store.entries.get(hub.scope, newest.id))!;
    await updateEntry(store, hub.scope, { id: newest.id, fields: { ...entry.fields, title: { 'en-US': 'A title changed just now' } } }, systemActor);
    await publishEntry(store, hub.scope, { id: newest.id }, systemActor);
    const after = await (await fetch(`${origin}/`)).text();
    expect(after).toContain('A title changed just now');
  });

  it('after a publish, show it on every page that shows the article, warm or not', async () => {
    const retitled = hub.articles[2]!;
    const pages = [`/articles/${retitled.slug}`, `/articles/${hub.articles[20]!.slug}`, '/'];
    for (let i = 0; i < 2; i++) for (const page of pages) expect((await fetch(`${origin}${page}`)).status).toBe(200);
    const entry = (await store.entries.get(hub.scope, retitled.id))!;
    await updateEntry(store, hub.scope, { id: retitled.id, fields: { ...entry.fields, title: { 'en-US': 'Retitled on a warm hub' } } }, systemActor);
    await publishEntry(store, hub.scope, { id: retitled.id }, systemActor);
    for (let i = 0; i < 2; i++) {
      expect(await (await fetch(`${origin}/articles/${retitled.slug}`)).text()).toContain('Retitled on a warm hub');
      expect(await (await fetch(`${origin}/`)).text()).toContain('Retitled on a warm hub');
      expect(await (await fetch(`${origin}/articles/${hub.articles[20]!.slug}`)).text()).toContain(hub.articles[20]!.title);
    }
  });
});

describe('Delivery with the cache on', () => {
  const query = 'content_type=article&limit=20&include=1';
  const auth = { authorization: `Bearer ${token}` };

  it('negotiates brotli and gzip by q-value, with Vary: Accept-Encoding, from one cached answer', async () => {
    const identity = await raw(delivery(query), { ...auth, 'accept-encoding': 'identity' });
    expect(identity.headers['content-encoding']).toBeUndefined();
    const cases: Array<[string, 'br' | 'gzip' | null]> = [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
      ['br;q=0.5, gzip', 'gzip'],
      ['br;q=0, gzip;q=0', null],
      ['*', 'br'],
      ['gzip;q=0, *;q=0.1', 'br'],
      ['identity', null],
    ];
    for (let round = 0; round < 2; round++) {
      for (const [accept, expected] of cases) {
        const res = await raw(delivery(query), { ...auth, 'accept-encoding': accept });
        const { body } = res;
        expect(res.status, accept).toBe(200);
        expect(res.headers['content-encoding'], accept).toBe(expected ?? undefined);
        expect(res.headers.vary, accept).toBe('Accept-Encoding');
        const decoded = expected === 'br' ? brotliDecompressSync(body) : expected === 'gzip' ? gunzipSync(body) : body;
        expect(decoded.equals(identity.body), accept).toBe(true);
      }
    }
  });

  it('never answers another token, or none, with what a valid token was sent', async () => {
    const url = delivery('content_type=article&limit=5');
    for (let i = 0; i < 2; i++) expect((await fetch(url, { headers: auth })).status).toBe(200);
    reads.latest = 0;
    const warm = await fetch(url, { headers: auth });
    expect(warm.headers.get('x-folio-cache')).toBe('hit');
    expect(reads.latest).toBe(0);
    expect((await fetch(url, { headers: { authorization: 'Bearer not-a-real-token-at-all' } })).status).toBe(401);
    expect((await fetch(url)).status).toBe(401);
  });

  it('after a publish, answers the new entry at once and keeps answering the others right', async () => {
    const [changed, other] = [hub.articles[5]!, hub.articles[6]!];
    const entryUrl = (id: string) => `${origin}/delivery/spaces/folio/environments/master/entries/${id}`;
    const titleOf = async (id: string) => ((await (await fetch(entryUrl(id), { headers: auth })).json()) as { fields: { title: string } }).fields.title;
    for (let i = 0; i < 2; i++) expect([await titleOf(changed.id), await titleOf(other.id)]).toEqual([changed.title, other.title]);
    const entry = (await store.entries.get(hub.scope, changed.id))!;
    await updateEntry(store, hub.scope, { id: changed.id, fields: { ...entry.fields, title: { 'en-US': 'Retitled while warm' } } }, systemActor);
    await publishEntry(store, hub.scope, { id: changed.id }, systemActor);
    for (let i = 0; i < 3; i++) expect([await titleOf(changed.id), await titleOf(other.id)]).toEqual(['Retitled while warm', other.title]);
  });

  it('stops answering with a revoked token at once', async () => {
    const other = 'fast-path-second-token-5678';
    const key = await store.apiKeys.create({ spaceId: 'folio', kind: 'delivery', name: 'second', tokenHash: hashToken(other), environments: ['master'] } as Parameters<Store['apiKeys']['create']>[0]);
    const url = delivery('content_type=article&limit=3');
    const headers = { authorization: `Bearer ${other}` };
    for (let i = 0; i < 2; i++) expect((await fetch(url, { headers })).status).toBe(200);
    await store.apiKeys.delete('folio', key.id);
    expect((await fetch(url, { headers })).status).toBe(401);
  });
});
