/**
 * Two Folio servers on one PostgreSQL database and one S3 bucket (s3rver): a file uploaded
 * through one is served by the other, and a derived image made by one is not made again by the
 * other. (With the filesystem storage each server had its own files: the second answered 404.)
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/postgres.js';
import { startS3, type TestS3 } from '../support/s3.js';
import { startTestFolio, type TestFolio } from './folio.js';

const token = 'management-token-for-storage-cluster';
let s3: TestS3;
let a: TestFolio;
let b: TestFolio;
let photo: Buffer;

beforeAll(async () => {
  s3 = await startS3();
  const env = { DATABASE_URL: await createTestDatabase(), FOLIO_MANAGEMENT_TOKEN: token, FOLIO_DEMO: '0', ...s3.env };
  a = await startTestFolio(env);
  b = await startTestFolio(env);
  photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#2a6' } }).jpeg().toBuffer();
});
afterAll(async () => {
  await a?.destroy();
  await b?.destroy();
  await s3?.stop();
});

const cma = (server: TestFolio, path: string, init: { method?: string; body?: Uint8Array | string; headers?: Record<string, string> } = {}) =>
  fetch(`${server.url}/management/spaces/folio${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/vnd.contentful.management.v1+json', ...init.headers },
    ...(init.body !== undefined ? { body: init.body as BodyInit } : {}),
  });

/** Uploads through `server` as an API client would; the file's path, without host. */
async function uploadThrough(server: TestFolio, id: string, data: Buffer): Promise<string> {
  const upload = (await (await cma(server, '/uploads', { method: 'POST', body: data, headers: { 'content-type': 'application/octet-stream' } })).json()) as { sys: { id: string } };
  const file = { fileName: `${id}.jpg`, contentType: 'image/jpeg', uploadFrom: { sys: { type: 'Link', linkType: 'Upload', id: upload.sys.id } } };
  expect((await cma(server, `/environments/master/assets/${id}`, { method: 'PUT', body: JSON.stringify({ fields: { title: { 'en-US': id }, file: { 'en-US': file } } }) })).status).toBe(201);
  expect((await cma(server, `/environments/master/assets/${id}/files/en-US/process`, { method: 'PUT', headers: { 'x-contentful-version': '1' } })).status).toBe(204);
  const asset = (await (await cma(server, `/environments/master/assets/${id}`)).json()) as { fields: { file: { 'en-US': { url: string } } } };
  return new URL(`http:${asset.fields.file['en-US'].url}`).pathname;
}

const imageCacheCounts = async (server: TestFolio) => {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const count = (result: string) => Number(new RegExp(`folio_image_cache_requests_total\\{result="${result}"\\} (\\d+)`).exec(text)?.[1] ?? NaN);
  return { miss: count('miss'), shared: count('shared') };
};

describe('Two Folio servers sharing one S3 bucket', () => {
  it('serve the original of an image uploaded through the other', async () => {
    const path = await uploadThrough(a, 'through-a', photo);
    const res = await fetch(`${b.url}${path}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(photo);
  });

  it('do not transform again what the other already made', async () => {
    const path = await uploadThrough(b, 'through-b', photo);
    const query = '?w=32&fm=webp';
    const fromA = await fetch(`${a.url}${path}${query}`);
    expect(fromA.status).toBe(200);
    const made = Buffer.from(await fromA.arrayBuffer());
    expect((await sharp(made).metadata()).width).toBe(32);
    expect(await imageCacheCounts(a)).toMatchObject({ miss: 1 });

    const fromB = await fetch(`${b.url}${path}${query}`);
    expect(fromB.status).toBe(200);
    expect(Buffer.from(await fromB.arrayBuffer())).toEqual(made);
    expect(await imageCacheCounts(b)).toEqual({ miss: 0, shared: 1 });
  });
});
