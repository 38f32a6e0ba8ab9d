/**
 * Hostile input against a real Folio over HTTP (security issue, holes 1–4 and 10): prototype
 * keys in every JSON path, permission before work, deleted fields, rich text that could break
 * pages, unbounded queries, and the answers Contentful gives to malformed requests.
 * Each test failed on the code before its fix.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/store.js';
import { roleTokens } from '../support/role-tokens.js';
import { startTestFolio, type TestFolio } from './folio.js';

const managementToken = 'security-management-token';
const deliveryToken = 'security-delivery-token';
const previewToken = 'security-preview-token';
let folio: TestFolio;
let store: Store;
const tokens: Record<string, string> = {};
const json = 'application/vnd.contentful.management.v1+json';

beforeAll(async () => {
  folio = await startTestFolio({ FOLIO_MANAGEMENT_TOKEN: managementToken, FOLIO_DELIVERY_TOKEN: deliveryToken, FOLIO_PREVIEW_TOKEN: previewToken });
  store = await openStore(folio.storeOptions);
  Object.assign(tokens, await roleTokens(store), { admin: managementToken });
});
afterAll(async () => {
  await store?.close();
  await folio?.destroy();
});

const cma = (path: string) => `${folio.url}/management/spaces/folio/environments/master${path}`;
const delivery = (path: string) => `${folio.url}/delivery/spaces/folio/environments/master${path}`;

async function call(method: string, path: string, options: { token?: string; body?: unknown; raw?: string; type?: string; version?: number; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { authorization: `Bearer ${options.token ?? managementToken}`, ...options.headers };
  if (options.body !== undefined || options.raw !== undefined) headers['content-type'] = options.type ?? json;
  if (options.version !== undefined) headers['x-contentful-version'] = String(options.version);
  const res = await fetch(cma(path), { method, headers, ...(options.raw !== undefined ? { body: options.raw } : options.body !== undefined ? { body: JSON.stringify(options.body) } : {}) });
  const text = await res.text();
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: res.status, body };
}

const polluted = () => ['public', 'execArgv', 'x', 'polluted', 'isAdmin'].filter((k) => (({}) as Record<string, unknown>)[k] !== undefined);

async function makeEntry(contentType: string, fields: Record<string, unknown>, token = managementToken) {
  const res = await call('POST', '/entries', { token, body: { fields }, headers: { 'x-contentful-content-type': contentType } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { sys: { id: string; version: number } };
}

async function makeType(id: string, fields: unknown[]) {
  const existing = await call('GET', `/content_types/${id}`);
  const version = existing.status === 200 ? (existing.body.sys.version as number) : undefined;
  const saved = await call('PUT', `/content_types/${id}`, { body: { name: id, fields }, ...(version ? { version } : {}) });
  expect(saved.status, JSON.stringify(saved.body)).toBeLessThan(300);
  const published = await call('PUT', `/content_types/${id}/published`, { version: saved.body.sys.version });
  expect(published.status, JSON.stringify(published.body)).toBe(200);
  return published.body as { sys: { version: number }; fields: unknown[] };
}

describe('prototype keys and permission before work (hole 1)', () => {
  it('a viewer patching __proto__ is refused before the patch runs, and nothing is polluted', async () => {
    const entry = await makeEntry('topic', { name: { 'en-US': 'Patch target' }, slug: { 'en-US': 'patch-target' } });
    const res = await call('PATCH', `/entries/${entry.sys.id}`, {
      token: tokens.viewer,
      type: 'application/json-patch+json',
      body: [{ op: 'add', path: '/__proto__/public', value: true }],
      version: entry.sys.version,
    });
    expect(res.status).toBe(403);
    expect(polluted()).toEqual([]);
    expect((await fetch(`${folio.url}/admin/login`)).status).toBe(200);
  });

  it('refuses __proto__, constructor and prototype in every JSON Patch path, for any role, with 422', async () => {
    const entry = await makeEntry('topic', { name: { 'en-US': 'Patch target 2' }, slug: { 'en-US': 'patch-target-2' } });
    const paths = ['/__proto__/public', '/fields/__proto__/x', '/constructor/prototype/polluted', '/fields/name/constructor', '/metadata/__proto__'];
    for (const path of paths) {
      for (const op of ['add', 'replace', 'copy', 'move']) {
        const operation = op === 'copy' || op === 'move' ? { op, from: path, path: '/fields/x' } : { op, path, value: { isAdmin: true } };
        const res = await call('PATCH', `/entries/${entry.sys.id}`, { type: 'application/json-patch+json', body: [operation], version: entry.sys.version });
        expect(res.status, `${op} ${path}`).toBe(422);
        expect(res.body.sys.id).toBe('ValidationFailed');
      }
    }
    // A path to an inherited property does not exist in the document.
    const read = await call('PATCH', `/entries/${entry.sys.id}`, { type: 'application/json-patch+json', body: [{ op: 'copy', from: '/fields/toString', path: '/fields/x' }], version: entry.sys.version });
    expect(read.status).toBe(422);
    expect(polluted()).toEqual([]);
    expect((await call('GET', `/entries/${entry.sys.id}`)).body.sys.version).toBe(entry.sys.version);
  });

  it('refuses prototype keys anywhere in a JSON body (422 naming the path)', async () => {
    for (const raw of [
      '{"fields":{"__proto__":{"en-US":"x"}}}',
      '{"fields":{"name":{"__proto__":{"polluted":1}}}}',
      '{"fields":{"name":{"en-US":"n"}},"metadata":{"constructor":{"prototype":{"polluted":1}}}}',
    ]) {
      const res = await call('POST', '/entries', { raw, headers: { 'x-contentful-content-type': 'topic' } });
      expect(res.status, raw).toBe(422);
      expect(res.body.sys.id).toBe('ValidationFailed');
      expect(res.body.details.errors[0].name).toBe('prohibitedKey');
    }
    const type = await call('PUT', '/content_types/bad', { body: { name: 'Bad', fields: [{ id: 'constructor', name: 'c', type: 'Symbol' }] } });
    expect(type.status).toBe(422);
    expect(polluted()).toEqual([]);
  });

  it('refuses prototype names and hop-by-hop headers as webhook header names', async () => {
    for (const key of ['__proto__', 'constructor', 'Transfer-Encoding', 'Connection']) {
      const res = await fetch(`${folio.url}/management/spaces/folio/webhook_definitions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${managementToken}`, 'content-type': json },
        body: JSON.stringify({ name: 'h', url: 'https://example.com/hook', topics: ['*.*'], headers: [{ key, value: 'v' }] }),
      });
      expect(res.status, key).toBe(422);
    }
  });

  it('refuses prototype names in query parameters and select', async () => {
    for (const q of ['fields.__proto__=1&content_type=topic', 'mimetype_group=constructor', 'select=fields.__proto__', 'sys.constructor=1']) {
      const res = await fetch(delivery(`/entries?${q}`), { headers: { authorization: `Bearer ${deliveryToken}` } });
      expect(res.status, q).toBe(400);
      expect(((await res.json()) as { sys: { id: string } }).sys.id).toBe('InvalidQuery');
    }
  });

  it('an operation called without an actor is refused (fails closed)', async () => {
    const { createEntry } = await import('../../src/content/index.js');
    await expect(createEntry(store, { spaceId: 'folio', environmentId: 'master' }, { contentTypeId: 'topic', fields: {} }, undefined as never)).rejects.toMatchObject({ code: 'ACCESS_DENIED' });
  });
});

describe('deleted fields (hole 2)', () => {
  it('values of a deleted field are never served again, not even under a re-created field of another type', async () => {
    const symbol = { id: 'legacy', name: 'Legacy', type: 'Symbol' };
    const base = [{ id: 'title', name: 'Title', type: 'Symbol' }];
    await makeType('gadget', [...base, symbol]);
    const entry = await makeEntry('gadget', { title: { 'en-US': 'G' }, legacy: { 'en-US': 'secret old value' } });
    const published = await call('PUT', `/entries/${entry.sys.id}/published`, { version: entry.sys.version });
    expect(published.status).toBe(200);

    await makeType('gadget', [...base, { ...symbol, omitted: true }]);
    await makeType('gadget', [...base, { ...symbol, omitted: true, deleted: true }]);
    const served = async () => (await (await fetch(delivery(`/entries/${entry.sys.id}`), { headers: { authorization: `Bearer ${deliveryToken}` } })).json()) as { fields: Record<string, unknown> };
    expect((await served()).fields).toEqual({ title: 'G' });

    await makeType('gadget', [...base, { id: 'legacy', name: 'Legacy', type: 'Integer' }]);
    expect((await served()).fields).toEqual({ title: 'G' });
    const draft = await call('GET', `/entries/${entry.sys.id}`);
    expect(draft.body.fields).not.toHaveProperty('legacy');
    const found = await fetch(delivery('/entries?content_type=gadget&fields.legacy[exists]=true'), { headers: { authorization: `Bearer ${deliveryToken}` } });
    expect(((await found.json()) as { total: number }).total).toBe(0);
  });
});

describe('rich text and stored values that could break pages (hole 3)', () => {
  const paragraph = { nodeType: 'paragraph', data: {}, content: [{ nodeType: 'text', value: 'x', marks: [], data: {} }] };

  it('refuses 500 nested blockquotes with Contentful\'s rich text error, and the site keeps serving', async () => {
    let node: unknown = paragraph;
    for (let i = 0; i < 500; i++) node = { nodeType: 'blockquote', data: {}, content: [node] };
    const body = { nodeType: 'document', data: {}, content: [node] };
    const res = await call('POST', '/entries', { body: { fields: { title: { 'en-US': 'Deep' }, slug: { 'en-US': 'deep' }, body: { 'en-US': body } } }, headers: { 'x-contentful-content-type': 'article' } });
    expect(res.status).toBe(422);
    expect(res.body.sys.id).toBe('ValidationFailed');
    expect(res.body.details.errors[0].path.slice(0, 3)).toEqual(['fields', 'body', 'en-US']);
    expect((await fetch(`${folio.url}/`)).status).toBe(200);
  });

  it('refuses rich text that breaks Contentful\'s schema (a blockquote inside a blockquote)', async () => {
    const body = { nodeType: 'document', data: {}, content: [{ nodeType: 'blockquote', data: {}, content: [{ nodeType: 'blockquote', data: {}, content: [paragraph] }] }] };
    const res = await call('POST', '/entries', { body: { fields: { title: { 'en-US': 'Q' }, body: { 'en-US': body } } }, headers: { 'x-contentful-content-type': 'article' } });
    expect(res.status).toBe(422);
    expect(res.body.details.errors[0]).toMatchObject({ name: 'in', path: ['fields', 'body', 'en-US', 'content', '0', 'content', '0', 'nodeType'] });
  });

  it('a 5,000-deep value is refused in Contentful\'s JSON, never Fastify\'s or a 500', async () => {
    const raw = `{"fields":{"title":{"en-US":"x"},"body":{"en-US":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}}}`;
    const res = await call('POST', '/entries', { raw, headers: { 'x-contentful-content-type': 'article' } });
    expect([400, 422]).toContain(res.status);
    expect(res.body.sys.type).toBe('Error');
    expect(res.body.message).not.toMatch(/call stack/i);
  });

  it('a field value nested deeper than 64 levels is a 422 naming the field', async () => {
    await makeType('blob', [{ id: 'data', name: 'Data', type: 'Object' }]);
    const raw = `{"fields":{"data":{"en-US":${'{"a":'.repeat(100)}1${'}'.repeat(100)}}}}`;
    const res = await call('POST', '/entries', { raw, headers: { 'x-contentful-content-type': 'blob' } });
    expect(res.status).toBe(422);
    expect(res.body.details.errors[0]).toMatchObject({ name: 'size', path: expect.arrayContaining(['fields', 'data', 'en-US']) });
  });

  it('a JSON body over Contentful\'s 1 MB request limit is a 413 in Contentful\'s JSON, before it is parsed', async () => {
    const raw = `{"fields":{"title":{"en-US":"x"},"junk":{"en-US":[${'{},'.repeat(350_000)}{}]}}}`;
    const res = await call('POST', '/entries', { raw, headers: { 'x-contentful-content-type': 'article' } });
    expect(res.status).toBe(413);
    expect(res.body.sys).toMatchObject({ type: 'Error', id: 'BadRequest' });
  });

  it('a deeply nested body is a 400 in Contentful\'s JSON', async () => {
    const raw = '['.repeat(100_000) + ']'.repeat(100_000);
    const res = await call('POST', '/entries', { raw, headers: { 'x-contentful-content-type': 'article' } });
    expect(res.status).toBe(400);
    expect(res.body.sys.id).toBe('BadRequest');
  });
});

describe('bounded queries (hole 4)', () => {
  const get = (q: string) => fetch(delivery(`/entries?${q}`), { headers: { authorization: `Bearer ${deliveryToken}` } });

  it('refuses a full-text query with thousands of words, by name, quickly', async () => {
    const words = Array.from({ length: 3000 }, (_, i) => `w${i}`).join(' ');
    const res = await get(`query=${encodeURIComponent(words.slice(0, 7000))}`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { sys: { id: string }; details: { errors: Array<{ path: string[] }> } };
    expect(body.sys.id).toBe('InvalidQuery');
    expect(body.details.errors[0]!.path).toEqual(['query']);
  });

  it('runs the same word repeated 3,000 times as one word', async () => {
    const res = await get(`query=${encodeURIComponent(Array(3000).fill('python').join(' ').slice(0, 999))}`);
    expect(res.status).toBe(200);
  });

  it('caps [in] lists and the whole query string', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => `id${i}`).join(',');
    expect((await get(`sys.id[in]=${ids}`)).status).toBe(400);
    expect((await get(`sys.id[in]=${Array.from({ length: 100 }, (_, i) => `id${i}`).join(',')}`)).status).toBe(200);
    expect((await get(`content_type=article&fields.title[nin]=${'x'.repeat(9000)}`)).status).toBe(400);
  });
});

describe('malformed requests get Contentful\'s answers (hole 10)', () => {
  it('an entry body that is not JSON is a 415, and nothing is created', async () => {
    const before = (await call('GET', '/entries?limit=0')).body.total;
    const res = await call('POST', '/entries', { raw: 'fields=1', type: 'application/octet-stream', headers: { 'x-contentful-content-type': 'topic' } });
    expect(res.status).toBe(415);
    expect(res.body.sys.type).toBe('Error');
    expect((await call('GET', '/entries?limit=0')).body.total).toBe(before);
  });

  it('publishing needs X-Contentful-Version; unpublish and delete work without it', async () => {
    const entry = await makeEntry('topic', { name: { 'en-US': 'Versioned' }, slug: { 'en-US': 'versioned' } });
    expect((await call('PUT', `/entries/${entry.sys.id}/published`)).status).toBe(409);
    expect((await call('PUT', `/entries/${entry.sys.id}/published`, { version: entry.sys.version + 5 })).status).toBe(409);
    expect((await call('PUT', `/entries/${entry.sys.id}/published`, { version: entry.sys.version })).status).toBe(200);
    expect((await call('DELETE', `/entries/${entry.sys.id}/published`)).status).toBe(200);
    expect((await call('DELETE', `/entries/${entry.sys.id}`)).status).toBe(204);
  });

  it('publishing an entry that links to a missing entry is 422 notResolvable, as Contentful answers', async () => {
    const entry = await makeEntry('article', {
      title: { 'en-US': 'Dangling' },
      slug: { 'en-US': 'dangling' },
      author: { 'en-US': { sys: { type: 'Link', linkType: 'Entry', id: 'nobody-here' } } },
    });
    const res = await call('PUT', `/entries/${entry.sys.id}/published`, { version: entry.sys.version });
    expect(res.status).toBe(422);
    expect(res.body.details.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'notResolvable', path: ['fields', 'author', 'en-US'], link: { type: 'Link', linkType: 'Entry', id: 'nobody-here' } })]),
    );
  });
});
