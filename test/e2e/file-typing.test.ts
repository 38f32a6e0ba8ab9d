/**
 * Files are typed by their bytes, end to end: the Management API's process step and the
 * editor's upload refuse a declared type the bytes contradict and take the sniffed type for a
 * generic declaration; what is served carries nosniff, and script-capable types are downloads.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, systemActor } from '../../src/auth/index.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/store.js';
import { AdminClient } from './admin-client.js';
import { startTestFolio, type TestFolio } from './folio.js';

const token = 'file-typing-token';
const password = 'a long enough password';
let folio: TestFolio;
let store: Store;
let jpeg: Buffer;

beforeAll(async () => {
  folio = await startTestFolio({ FOLIO_MANAGEMENT_TOKEN: token, FOLIO_DEMO: '0' });
  store = await openStore(folio.storeOptions);
  await addUser(store, systemActor, { email: 'ed@example.com', name: 'Ed', role: 'editor', password });
  jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c33' } }).jpeg().toBuffer();
});
afterAll(async () => {
  await store?.close();
  await folio?.destroy();
});

const cma = (path: string, init: { method?: string; body?: Uint8Array | string; headers?: Record<string, string> } = {}) =>
  fetch(`${folio.url}/management/spaces/folio${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/vnd.contentful.management.v1+json', ...init.headers },
    ...(init.body !== undefined ? { body: init.body as BodyInit } : {}),
  });

/** Uploads `data`, creates an asset declaring `contentType`, processes it: the process answer and the asset. */
async function processAs(id: string, contentType: string, data: Buffer, fileName: string) {
  const upload = (await (await cma('/uploads', { method: 'POST', body: data, headers: { 'content-type': 'application/octet-stream' } })).json()) as { sys: { id: string } };
  const file = { fileName, contentType, uploadFrom: { sys: { type: 'Link', linkType: 'Upload', id: upload.sys.id } } };
  const created = await cma(`/environments/master/assets/${id}`, { method: 'PUT', body: JSON.stringify({ fields: { title: { 'en-US': id }, file: { 'en-US': file } } }) });
  expect(created.status).toBe(201);
  const processed = await cma(`/environments/master/assets/${id}/files/en-US/process`, { method: 'PUT', headers: { 'x-contentful-version': '1' } });
  const asset = (await (await cma(`/environments/master/assets/${id}`)).json()) as { fields: { file: { 'en-US': { contentType: string; url?: string } } } };
  return { processed, file: asset.fields.file['en-US'] };
}

describe('files typed by their bytes', () => {
  it('refuses JPEG bytes declared image/png with 422 on fields.file naming both types; the asset gets no file', async () => {
    const { processed, file } = await processAs('liar', 'image/png', jpeg, 'liar.png');
    expect(processed.status).toBe(422);
    const body = (await processed.json()) as { sys: { id: string }; message: string; details: { errors: Array<{ path: string[]; details: string }> } };
    expect(body.sys.id).toBe('ValidationFailed');
    expect(body.details.errors[0]!.path).toEqual(['fields', 'file']);
    expect(body.details.errors[0]!.details).toContain('image/jpeg');
    expect(body.details.errors[0]!.details).toContain('image/png');
    expect(file.url).toBeUndefined();
  });

  it('gives a generic application/octet-stream the type its bytes show', async () => {
    const { processed, file } = await processAs('generic', 'application/octet-stream', jpeg, 'photo');
    expect(processed.status).toBe(204);
    expect(file.contentType).toBe('image/jpeg');
    expect(file.url).toMatch(/^\/\/[^/]+\/images\//);
    const res = await fetch(`http:${file.url}`);
    expect([res.status, res.headers.get('content-type'), res.headers.get('x-content-type-options')]).toEqual([200, 'image/jpeg', 'nosniff']);
  });

  it('refuses HTML declared as a PDF, and serves HTML declared as HTML as a sandboxed download', async () => {
    const page = Buffer.from('<!doctype html><script>fetch("/admin")</script>');
    expect((await processAs('fake-pdf', 'application/pdf', page, 'terms.pdf')).processed.status).toBe(422);
    const { processed, file } = await processAs('html', 'text/html', page, 'page.html');
    expect(processed.status).toBe(204);
    const res = await fetch(`http:${file.url}`);
    expect([res.headers.get('content-security-policy'), res.headers.get('content-disposition'), res.headers.get('x-content-type-options')]).toEqual(["sandbox; default-src 'none'", 'attachment', 'nosniff']);
  });

  it('the editor refuses an upload whose bytes contradict its type', async () => {
    const c = new AdminClient(folio.url);
    expect((await c.login('ed@example.com', password)).status).toBe(303);
    await c.get('/admin/media');
    const res = await c.request('POST', '/admin/media/upload', { body: new Uint8Array(jpeg), headers: { 'content-type': 'image/png', 'x-csrf-token': c.csrf, accept: 'application/json', 'x-file-name': 'sky.png' } });
    expect(res.status).toBe(422);
    expect(JSON.parse(res.text).message).toBe("sky.png: The file's bytes are image/jpeg, not image/png as declared");
    const ok = await c.request('POST', '/admin/media/upload', { body: new Uint8Array(jpeg), headers: { 'content-type': 'image/jpeg', 'x-csrf-token': c.csrf, accept: 'application/json', 'x-file-name': 'sky.jpg' } });
    expect(ok.status).toBe(201);
  });
});
