/**
 * The media library over real HTTP: search and filters paged by the store, an asset's details
 * with where it is used, replacing its file (the old crops stop answering), delete refused
 * while published entries link to it, uploads held to a media field's mimetype rule by bytes.
 */
import { request as httpRequest } from 'node:http';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, systemActor } from '../../src/auth/index.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/store.js';
import { AdminClient } from './admin-client.js';
import { startTestFolio, type TestFolio } from './folio.js';

const password = 'a long enough password';
const scope = { spaceId: 'folio', environmentId: 'master' };
const usedAsset = 'image-how-to-learn-python';
const article = 'article-how-to-learn-python';
let folio: TestFolio;
let store: Store;
let editor: AdminClient;

const png = (colour: string, width = 64, height = 48) => sharp({ create: { width, height, channels: 3, background: colour } }).png().toBuffer();
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

async function upload(c: AdminClient, name: string, body: Buffer, type: string, field?: string) {
  const res = await c.request('POST', `/admin/media/upload${field ? `?field=${encodeURIComponent(field)}` : ''}`, {
    body: new Uint8Array(body),
    headers: { 'content-type': type, 'x-file-name': encodeURIComponent(name), 'x-csrf-token': c.csrf, accept: 'application/json' },
  });
  return { status: res.status, data: JSON.parse(res.text) as { id?: string; message?: string } };
}

/** A POST on a fresh connection (no keep-alive pool), answered as status and text. */
function rawPost(url: string, headers: Record<string, string>, body: Buffer): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'POST', agent: false, headers: { ...headers, 'content-length': String(body.length) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The asset ids a library page shows, in order. */
const cardIds = (page: string) => [...page.matchAll(/<a class="card" href="\/admin\/media\/([^"]+)"/g)].map((m) => m[1]!);

beforeAll(async () => {
  folio = await startTestFolio();
  store = await openStore(folio.storeOptions);
  await addUser(store, systemActor, { email: 'ed@example.com', name: 'Ed', role: 'editor', password });
  await addUser(store, systemActor, { email: 'viewer@example.com', name: 'Vi', role: 'viewer', password });
  editor = new AdminClient(folio.url);
  expect((await editor.login('ed@example.com', password)).status).toBe(303);
  await editor.get('/admin/media');
});
afterAll(async () => {
  await store?.close();
  await folio?.destroy();
});

describe('search and filters', () => {
  let sunset: string;
  let terms: string;
  beforeAll(async () => {
    sunset = (await upload(editor, 'Sunset-Beach_2024.png', await png('#f80'), 'image/png')).data.id!;
    terms = (await upload(editor, 'terms-of-use.pdf', pdf, 'application/pdf')).data.id!;
  });

  it('finds files by title words, alt text and a part of the file name', async () => {
    expect(cardIds((await editor.get('/admin/media?q=sunset')).text)).toEqual([sunset]);
    // "beach_2024" is inside the file name only (the title is "Sunset-Beach_2024" too, but "each" starts no word).
    expect(cardIds((await editor.get('/admin/media?q=each_2024')).text)).toEqual([sunset]);
    const alt = String((await store.assets.get(scope, usedAsset))!.fields.description!['en-US']);
    const word = alt.split(/\s+/).find((w) => w.length > 5)!.replace(/[^\p{L}]/gu, '');
    expect(cardIds((await editor.get(`/admin/media?q=${encodeURIComponent(word)}`)).text)).toContain(usedAsset);
    expect(cardIds((await editor.get('/admin/media?q=nothing-is-called-this')).text)).toEqual([]);
  });

  it('filters by type group, size, status and missing alt text, in the database', async () => {
    const all = (await store.assets.list(scope, { limit: 1000 })).items;
    expect(cardIds((await editor.get('/admin/media?kind=pdf')).text)).toEqual([terms]);
    const images = cardIds((await editor.get('/admin/media?kind=image')).text);
    expect(images).toContain(sunset);
    expect(images).not.toContain(terms);
    expect(cardIds((await editor.get('/admin/media?kind=other')).text)).toEqual([]);
    // Drafts: the two uploads; every demo image is published.
    expect(cardIds((await editor.get('/admin/media?status=draft')).text).sort()).toEqual([sunset, terms].sort());
    expect(cardIds((await editor.get('/admin/media?status=published')).text)).toHaveLength(all.length - 2);
    // Images without alt text: the new PNG (a PDF has no alt text to miss).
    expect(cardIds((await editor.get('/admin/media?missing=alt')).text)).toEqual([sunset]);
    const small = cardIds((await editor.get('/admin/media?size=small&kind=image')).text);
    expect(small).toContain(sunset);
    const sizes = all.map((a) => (a.fields.file!['en-US'] as { details: { size: number } }).details.size);
    expect(cardIds((await editor.get('/admin/media?size=huge')).text)).toHaveLength(sizes.filter((s) => s >= 10 * 1024 * 1024).length);
    // Unknown values are ignored, never an error.
    expect((await editor.get('/admin/media?kind=__proto__&size=constructor&status=x&missing=1')).status).toBe(200);
  });

  it('pages with the filters kept in the links', async () => {
    // Made in the store directly: uploading 48 files would only test uploads again, slowly.
    const file = (await store.assets.get(scope, sunset))!.fields.file!;
    for (let i = 0; i < 48; i++) await store.assets.create(scope, { fields: { title: { 'en-US': `Bulk ${i}` }, file } });
    const first = await editor.get('/admin/media?kind=image&status=draft');
    expect(cardIds(first.text)).toHaveLength(48);
    expect(first.text).toContain('href="/admin/media?kind=image&amp;status=draft&amp;page=2"');
    const second = cardIds((await editor.get('/admin/media?kind=image&status=draft&page=2')).text);
    // 49 draft images: the 48 new ones and the sunset, oldest last.
    expect(second).toEqual([sunset]);
  });
});

describe('an asset’s details', () => {
  it('shows dimensions, size, the type read from the bytes, faces found, where it is used and the download', async () => {
    const page = (await editor.get(`/admin/media/${usedAsset}`)).text;
    const stored = (await store.assets.get(scope, usedAsset))!.fields.file!['en-US'] as { fileName: string; contentType: string; details: { size: number; image: { width: number; height: number; faces?: unknown[] } } };
    expect(page).toContain(`${stored.details.image.width} × ${stored.details.image.height} px`);
    expect(page).toContain(stored.contentType);
    expect(page).toContain(`${stored.details.size.toLocaleString('en-GB')} bytes`);
    const faces = stored.details.image.faces ?? [];
    expect(page).toMatch(new RegExp(`id="faces">${faces.length ? faces.length : 'None'}<`));
    expect([...page.matchAll(/<rect x="/g)]).toHaveLength(faces.length);
    expect(page).toContain('Where it is used');
    expect(page).toContain(`href="/admin/articles/${article}"`);
    const download = /href="([^"]+)" download="([^"]+)"/.exec(page)!;
    expect(download[2]).toBe(stored.fileName);
    const original = await fetch(`${folio.url}${download[1]}`);
    expect(original.status).toBe(200);
    expect(Buffer.from(await original.arrayBuffer()).length).toBe(stored.details.size);
  });

  it('edits title and alt text per locale, leaving the others as they were', async () => {
    await store.locales.create(scope, { code: 'de-DE', name: 'German', default: false, fallbackCode: 'en-US', optional: true, contentManagementApi: true, contentDeliveryApi: true });
    const before = (await store.assets.get(scope, usedAsset))!;
    const page = (await editor.get(`/admin/media/${usedAsset}?locale=de-DE`)).text;
    expect(page).toContain('Alt text (de-DE)');
    const res = await editor.post(`/admin/media/${usedAsset}`, { version: String(before.sys.version), locale: 'de-DE', title: 'Python lernen', description: 'Ein Laptop mit Python-Code.' });
    expect(res.location).toBe(`/admin/media/${usedAsset}?done=saved&locale=de-DE`);
    const after = (await store.assets.get(scope, usedAsset))!;
    expect(after.fields.description).toEqual({ ...before.fields.description, 'de-DE': 'Ein Laptop mit Python-Code.' });
    expect(after.fields.title!['en-US']).toBe(before.fields.title!['en-US']);
    expect(after.fields.file).toEqual(before.fields.file);
  });
});

describe('replacing the file', () => {
  it('swaps the file, bumps the version, and the old crops stop answering', async () => {
    const page = (await editor.get(`/admin/media/${usedAsset}`)).text;
    const oldCrop = /<div class="previews" id="previews">\s*<figure><img src="([^"]+)"/.exec(page)![1]!.replaceAll('&amp;', '&');
    expect((await fetch(`${folio.url}${oldCrop}`)).status).toBe(200);
    const before = (await store.assets.get(scope, usedAsset))!;
    const res = await editor.request('POST', `/admin/media/${usedAsset}/file?version=${before.sys.version}`, {
      body: new Uint8Array(await png('#0a0', 300, 200)),
      headers: { 'content-type': 'image/png', 'x-file-name': 'green.png', 'x-csrf-token': editor.csrf, accept: 'application/json' },
    });
    expect(res.status).toBe(200);
    const answer = JSON.parse(res.text) as { version: number; published: boolean; previews: string[] };
    const after = (await store.assets.get(scope, usedAsset))!;
    expect(after.sys.version).toBeGreaterThan(before.sys.version);
    expect(after.fields.file!['en-US']).toMatchObject({ fileName: 'green.png', contentType: 'image/png', details: { image: { width: 300, height: 200 } } });
    // It was live and its alt text is there: published again, so the site shows the new file.
    expect(answer.published).toBe(true);
    expect((await store.assets.getPublished(scope, usedAsset))!.fields.file!['en-US']).toMatchObject({ fileName: 'green.png' });
    expect((await fetch(`${folio.url}${oldCrop}`)).status).toBe(404);
    const fresh = await fetch(`${folio.url}${answer.previews[0]}`);
    expect(fresh.status).toBe(200);
    expect((await sharp(Buffer.from(await fresh.arrayBuffer())).metadata()).width).toBe(330);
  });

  it('refuses a stale version and a viewer, and keeps the file', async () => {
    const before = (await store.assets.get(scope, usedAsset))!;
    const stale = await editor.request('POST', `/admin/media/${usedAsset}/file?version=1`, {
      body: new Uint8Array(await png('#00f')),
      headers: { 'content-type': 'image/png', 'x-file-name': 'blue.png', 'x-csrf-token': editor.csrf, accept: 'application/json' },
    });
    expect(stale.status).toBe(409);
    const viewer = new AdminClient(folio.url);
    await viewer.login('viewer@example.com', password);
    await viewer.get(`/admin/media/${usedAsset}`);
    const denied = await viewer.request('POST', `/admin/media/${usedAsset}/file?version=${before.sys.version}`, {
      body: new Uint8Array(await png('#00f')),
      headers: { 'content-type': 'image/png', 'x-file-name': 'blue.png', 'x-csrf-token': viewer.csrf, accept: 'application/json' },
    });
    expect(denied.status).toBe(403);
    expect((await store.assets.get(scope, usedAsset))!.fields.file).toEqual(before.fields.file);
  });
});

describe('delete and archive', () => {
  it('refuses to delete a file published entries link to, listing them; the file stays', async () => {
    const question = await editor.get(`/admin/media/${usedAsset}/delete`);
    expect(question.text).toContain('This file is in use');
    expect(question.text).toContain(`href="/admin/articles/${article}"`);
    expect(question.text).not.toContain('Delete file</button>');
    const version = (await store.assets.get(scope, usedAsset))!.sys.version;
    const refused = await editor.post(`/admin/media/${usedAsset}/delete`, { version: String(version) });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain(`href="/admin/articles/${article}"`);
    expect(await store.assets.get(scope, usedAsset)).toBeDefined();
    expect((await editor.post(`/admin/media/${usedAsset}/archive`, { version: String(version) })).status).toBe(422);
    expect((await store.assets.get(scope, usedAsset))!.sys.archivedAt).toBeNull();
  });

  it('deletes an unused file after the question, unpublishing it first when it is live', async () => {
    const id = (await upload(editor, 'unused.png', await png('#999'), 'image/png')).data.id!;
    await editor.get(`/admin/media/${id}`);
    const v = (await store.assets.get(scope, id))!.sys.version;
    // Alt text given: the save publishes it.
    expect((await editor.post(`/admin/media/${id}`, { version: String(v), title: 'Unused', description: 'Grey.' })).status).toBe(303);
    expect((await store.assets.get(scope, id))!.sys.publishedVersion).not.toBeNull();
    const question = await editor.get(`/admin/media/${id}/delete`);
    expect(question.text).toContain('It is published: Folio unpublishes it first.');
    expect(question.text).toContain('No entry uses it.');
    const done = await editor.post(`/admin/media/${id}/delete`, { version: String((await store.assets.get(scope, id))!.sys.version) });
    expect(done.location).toBe('/admin/media?removed=1');
    expect(await store.assets.get(scope, id)).toBeUndefined();
    expect(await store.assets.getPublished(scope, id)).toBeUndefined();
  });

  it('archives an unused file and unarchives it', async () => {
    const id = (await upload(editor, 'archive-me.png', await png('#555'), 'image/png')).data.id!;
    await editor.get(`/admin/media/${id}/archive`);
    const v = (await store.assets.get(scope, id))!.sys.version;
    expect((await editor.post(`/admin/media/${id}/archive`, { version: String(v) })).location).toBe(`/admin/media/${id}?done=archived`);
    expect((await store.assets.get(scope, id))!.sys.archivedAt).not.toBeNull();
    expect(cardIds((await editor.get('/admin/media?status=archived')).text)).toEqual([id]);
    await editor.get(`/admin/media/${id}`);
    const archived = (await store.assets.get(scope, id))!.sys.version;
    expect((await editor.post(`/admin/media/${id}/unarchive`, { version: String(archived) })).location).toBe(`/admin/media/${id}?done=unarchived`);
    expect((await store.assets.get(scope, id))!.sys.archivedAt).toBeNull();
  });
});

describe('uploads held to a media field’s rule', () => {
  it('refuses a PDF for an images-only field by its bytes, before anything is stored', async () => {
    const before = (await store.assets.list(scope, { limit: 0 })).total;
    const asPdf = await upload(editor, 'report.pdf', pdf, 'application/pdf', 'article/featuredImage');
    expect(asPdf.status).toBe(422);
    expect(asPdf.data.message).toBe('“report.pdf” is a PDF document (application/pdf); this field takes only images');
    // Declared as an image, the bytes still say PDF.
    const disguised = await upload(editor, 'photo.png', pdf, 'image/png', 'article/featuredImage');
    expect(disguised.status).toBe(422);
    expect(disguised.data.message).toContain('application/pdf');
    expect((await store.assets.list(scope, { limit: 0 })).total).toBe(before);
    expect((await upload(editor, 'fine.png', await png('#123'), 'image/png', 'article/featuredImage')).status).toBe(201);
  });
});

describe('without JavaScript: the upload and replace forms post multipart bodies', () => {
  /** A multipart form as a browser sends it: the page's CSRF token unless told otherwise, then the files. */
  const form = (c: AdminClient, fields: Record<string, string>, files: Array<[string, Buffer, string, string]>) => {
    const body = new FormData();
    if (!('_csrf' in fields)) body.append('_csrf', c.csrf);
    for (const [k, v] of Object.entries(fields)) body.append(k, v);
    for (const [name, data, type, fileName] of files) body.append(name, new Blob([new Uint8Array(data)], { type }), fileName);
    return body;
  };
  const assetCount = async () => (await store.assets.list(scope, { limit: 0 })).total;

  it('uploads from the library’s form, each file typed by its bytes; a refusal names its file on a page', async () => {
    const library = (await editor.get('/admin/media')).text;
    expect(library).toMatch(/<form class="drop" id="drop" data-upload method="post" action="\/admin\/media\/upload" enctype="multipart\/form-data"/);
    const one = await editor.request('POST', '/admin/media/upload', { body: form(editor, {}, [['files', await png('#a0a'), 'image/png', 'Plain Form.png']]) });
    expect(one.status).toBe(303);
    const id = /^\/admin\/media\/([^?]+)\?done=uploaded$/.exec(one.location ?? '')![1]!;
    expect((await store.assets.get(scope, id))!.fields.file!['en-US']).toMatchObject({ fileName: 'Plain Form.png', contentType: 'image/png' });
    expect((await editor.get(one.location!)).text).toContain('Uploaded. Give it alt text');

    const before = await assetCount();
    const mixed = await editor.request('POST', '/admin/media/upload', {
      body: form(editor, {}, [
        ['files', await png('#0aa'), 'image/png', 'teal.png'],
        ['files', pdf, 'image/png', 'scan.png'],
      ]),
    });
    expect(mixed.status).toBe(422);
    expect(mixed.headers.get('content-type')).toContain('text/html');
    expect(mixed.text).toContain('1 of 2 uploaded.');
    expect(mixed.text).toMatch(/<a href="#drop-input">[^<]*scan\.png[^<]*application\/pdf/);
    expect(await assetCount()).toBe(before + 1);

    const several = await editor.request('POST', '/admin/media/upload', {
      body: form(editor, {}, [
        ['files', await png('#111'), 'image/png', 'one.png'],
        ['files', pdf, 'application/pdf', 'two.pdf'],
      ]),
    });
    expect(several.location).toBe('/admin/media?uploaded=2');
    expect((await editor.get(several.location!)).text).toContain('2 files uploaded.');
    const none = await editor.request('POST', '/admin/media/upload', { body: form(editor, {}, [['files', Buffer.alloc(0), 'application/octet-stream', '']]) });
    expect(none.status).toBe(400);
    expect(none.text).toContain('Choose one or more files');
  });

  it('checks the CSRF token inside the multipart body, and answers a too large body with a page', async () => {
    await editor.get('/admin/media');
    const before = await assetCount();
    // Read to its end before the answer: a browser shows the page only once it has sent the body.
    // On a connection of its own, as a browser's form post that closes it would be.
    const bigForm = new Response(form(editor, {}, [['files', Buffer.alloc(51 * 1024 * 1024), 'application/octet-stream', 'huge.bin']]));
    const huge = await rawPost(`${folio.url}/admin/media/upload`, { cookie: [...editor.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': bigForm.headers.get('content-type')! }, Buffer.from(await bigForm.arrayBuffer()));
    expect(huge.status).toBe(413);
    expect(huge.text).toContain('A file may be at most 50 MB');
    const forged = await editor.request('POST', '/admin/media/upload', { body: form(editor, { _csrf: 'forged' }, [['files', await png('#f0f'), 'image/png', 'x.png']]) });
    expect(forged.status).toBe(403);
    expect(forged.text).toContain('This form has expired');
    expect(await assetCount()).toBe(before);
  });

  it('replaces a file from the form; a stale version or a wrong file comes back on the asset’s page', async () => {
    const id = (await upload(editor, 'to-replace.png', await png('#333'), 'image/png')).data.id!;
    const page = (await editor.get(`/admin/media/${id}`)).text;
    expect(page).toMatch(new RegExp(`<form class="replace" id="replace" method="post" action="/admin/media/${id}/file" enctype="multipart/form-data"`));
    const version = String((await store.assets.get(scope, id))!.sys.version);
    const done = await editor.request('POST', `/admin/media/${id}/file`, { body: form(editor, { version }, [['file', await png('#ccc', 120, 90), 'image/png', 'replaced.png']]) });
    expect(done.status).toBe(303);
    expect(done.location).toBe(`/admin/media/${id}?done=replaced`);
    const after = (await store.assets.get(scope, id))!;
    expect(after.fields.file!['en-US']).toMatchObject({ fileName: 'replaced.png', details: { image: { width: 120, height: 90 } } });

    const stale = await editor.request('POST', `/admin/media/${id}/file`, { body: form(editor, { version }, [['file', await png('#ddd'), 'image/png', 'late.png']]) });
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('Someone else changed this file');
    const disguised = await editor.request('POST', `/admin/media/${id}/file`, { body: form(editor, { version: String(after.sys.version) }, [['file', pdf, 'image/png', 'fake.png']]) });
    expect(disguised.status).toBe(422);
    expect(disguised.text).toMatch(/id="f-replace">[^<]*fake\.png/);
    expect((await store.assets.get(scope, id))!.fields.file).toEqual(after.fields.file);
  });
});
