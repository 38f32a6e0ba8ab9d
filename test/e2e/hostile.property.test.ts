/**
 * Property-based hostile input (fast-check) against a real Folio over HTTP: thousands of random
 * Management bodies, JSON Patches and Delivery queries, sent as every role. After every request:
 * never a 5xx, never a write that the role may not make, never a polluted Object.prototype, and
 * the server still answers its health check.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/store.js';
import { roleTokens } from '../support/role-tokens.js';
import { startTestFolio, type TestFolio } from './folio.js';

const managementToken = 'hostile-management-token';
const deliveryToken = 'hostile-delivery-token';
const roles = ['viewer', 'author', 'editor', 'admin'] as const;
type Role = (typeof roles)[number];
let folio: TestFolio;
let store: Store;
const tokens = {} as Record<Role, string>;
const entryIds: string[] = ['article-how-to-learn-python'];

beforeAll(async () => {
  folio = await startTestFolio({ FOLIO_MANAGEMENT_TOKEN: managementToken, FOLIO_DELIVERY_TOKEN: deliveryToken });
  store = await openStore(folio.storeOptions);
  Object.assign(tokens, await roleTokens(store), { admin: managementToken });
});
afterAll(async () => {
  await store?.close();
  await folio?.destroy();
});

const prototypeProbe = ['polluted', 'public', 'execArgv', 'isAdmin', 'x', 'en-US', 'title'];
const polluted = () => prototypeProbe.filter((k) => (({}) as Record<string, unknown>)[k] !== undefined);

/** Keys a hostile client would try, mixed with the model's own. */
const key = fc.oneof(
  { arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype'), weight: 3 },
  { arbitrary: fc.constantFrom('toString', 'hasOwnProperty', 'fields', 'sys', 'metadata', 'en-US', 'de-DE', 'title', 'slug', 'body', 'name', 'tags', 'nodeType', 'content', 'value', 'polluted', 'isAdmin'), weight: 4 },
  { arbitrary: fc.string({ maxLength: 8 }), weight: 1 },
);
const json: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(null, true, false, 0, -1, 1e308, 'x', '', 'en-US'),
    fc.string({ maxLength: 20 }),
    fc.double(),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** A JSON body whose keys may include __proto__ as an own key (JSON.stringify writes it so). */
const body = fc.oneof(
  fc.record({ fields: fc.dictionary(key, fc.dictionary(key, json, { maxKeys: 3 }), { maxKeys: 4 }) }, { requiredKeys: [] }),
  fc.record({ fields: fc.dictionary(key, json, { maxKeys: 3 }), metadata: json }, { requiredKeys: [] }),
  json,
);
const segment = fc.oneof(key, fc.constantFrom('0', '-', '1', '~1', '~0'));
const pointer = fc.array(segment, { minLength: 0, maxLength: 4 }).map((s) => `/${s.join('/')}`);
const patchOp = fc.record(
  { op: fc.constantFrom('add', 'remove', 'replace', 'move', 'copy', 'test', 'bogus'), path: fc.oneof(pointer, fc.constantFrom('', 'fields', 5 as unknown as string)), from: pointer, value: json },
  { requiredKeys: ['op'] },
);

const entryId = fc.oneof(fc.constantFrom(...entryIds, 'author-ada', 'missing'), fc.constantFrom('__proto__', 'constructor', '..', '%2e%2e', 'a'.repeat(70)));
const version = fc.option(fc.oneof(fc.integer({ min: -1, max: 12 }), fc.constantFrom('abc', '1e3', '')), { nil: undefined });

interface Sent {
  role: Role;
  method: string;
  path: string;
  body?: string;
  type?: string;
  headers: Record<string, string>;
  write: boolean;
}

const management = fc.oneof(
  fc.record({ m: fc.constant('POST /entries'), ct: fc.constantFrom('article', 'topic', 'author', 'nope', '__proto__'), body }),
  fc.record({ m: fc.constant('PUT /entries/:id'), id: entryId, body, version }),
  fc.record({ m: fc.constant('PATCH /entries/:id'), id: entryId, body: fc.oneof(fc.array(patchOp, { maxLength: 4 }), json), version }),
  fc.record({ m: fc.constantFrom('PUT /entries/:id/published', 'DELETE /entries/:id/published', 'PUT /entries/:id/archived', 'DELETE /entries/:id'), id: entryId, version }),
  fc.record({ m: fc.constant('PUT /content_types/:id'), id: fc.constantFrom('topic', 'fuzzed', '__proto__'), body, version }),
  fc.record({ m: fc.constantFrom('POST /tags', 'PUT /locales/:id', 'POST /webhook_definitions'), id: fc.constantFrom('x', '__proto__'), body }),
);

function toRequest(role: Role, op: { m: string; id?: string; ct?: string; body?: unknown; version?: unknown }): Sent {
  const [method, template] = op.m.split(' ') as [string, string];
  const path = template.replace(':id', encodeURIComponent(op.id ?? 'x'));
  const headers: Record<string, string> = { authorization: `Bearer ${tokens[role]}` };
  if (op.ct) headers['x-contentful-content-type'] = op.ct;
  if (op.version !== undefined) headers['x-contentful-version'] = String(op.version);
  const sent: Sent = { role, method, path, headers, write: method !== 'GET' };
  if (op.body !== undefined) {
    sent.body = JSON.stringify(op.body) ?? 'null';
    sent.type = method === 'PATCH' ? 'application/json-patch+json' : 'application/vnd.contentful.management.v1+json';
  }
  return sent;
}

const spacePath = (path: string) => (path.startsWith('/webhook_definitions') ? `/management/spaces/folio${path}` : `/management/spaces/folio/environments/master${path}`);

async function send(sent: Sent): Promise<number> {
  const res = await fetch(`${folio.url}${spacePath(sent.path)}`, {
    method: sent.method,
    headers: { ...sent.headers, ...(sent.type ? { 'content-type': sent.type } : {}) },
    ...(sent.body !== undefined ? { body: sent.body } : {}),
  });
  await res.arrayBuffer();
  return res.status;
}

/** What each role may never get a 2xx for. */
function forbiddenSuccess(role: Role, sent: Sent): boolean {
  if (role === 'viewer') return sent.write;
  if (role === 'author') return /published|archived|content_types|locales|webhook_definitions/.test(sent.path) && sent.method !== 'GET';
  if (role === 'editor') return /content_types|locales|webhook_definitions/.test(sent.path) && sent.method !== 'GET';
  return false;
}

async function stillServing() {
  expect(polluted()).toEqual([]);
  expect((await fetch(`${folio.url}/healthz`)).status).toBe(200);
}

describe('hostile Management API input, as every role', () => {
  it('never answers 5xx, never lets a role write what it may not, never pollutes a prototype', async () => {
    const seen: Array<{ sent: Sent; status: number }> = [];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...roles), management, async (role, op) => {
        const sent = toRequest(role, op);
        const status = await send(sent);
        seen.push({ sent, status });
        expect(status, `${role} ${sent.method} ${sent.path} ${sent.body?.slice(0, 200)}`).toBeLessThan(500);
        if (status < 300) expect(forbiddenSuccess(role, sent), `${role} ${sent.method} ${sent.path} got ${status}`).toBe(false);
        expect(polluted()).toEqual([]);
      }),
      { numRuns: 1500, seed: Number(process.env.FUZZ_SEED ?? 20261206) },
    );
    await stillServing();
    // The run did exercise the API: successes and refusals of each kind.
    expect(seen.some((s) => s.status < 300)).toBe(true);
    expect(seen.some((s) => s.status === 422)).toBe(true);
    expect(seen.some((s) => s.status === 403)).toBe(true);
  }, 300_000);
});

describe('hostile Delivery queries', () => {
  const param = fc.oneof(
    fc.constantFrom('content_type', 'sys.id', 'sys.id[in]', 'fields.title', 'fields.title[match]', 'fields.slug[in]', 'fields.publishDate[gte]', 'query', 'order', 'limit', 'skip', 'include', 'select', 'locale', 'mimetype_group', 'links_to_entry', 'metadata.tags.sys.id[in]', 'fields.topics.sys.id', 'fields.author.fields.name', 'fields.author.sys.contentType.sys.id', 'fields.location[near]', 'fields.location[within]'),
    fc.constantFrom('__proto__', 'constructor', 'fields.__proto__', 'sys.constructor', 'toString', 'fields.title[constructor]'),
    fc.string({ maxLength: 12 }),
  );
  const value = fc.oneof(
    fc.constantFrom('article', 'topic', '-sys.createdAt', 'fields.title,-sys.id', '1000', '0', '-1', '10', '11', 'fields.title,sys.id', '__proto__', 'constructor', 'en-US', '*', 'image', 'true', ''),
    fc.string({ maxLength: 40 }),
    fc.array(fc.string({ maxLength: 5 }), { maxLength: 150 }).map((a) => a.join(',')),
  );
  const query = fc.dictionary(param, value, { maxKeys: 5 });

  it('never answers 5xx to any query on any endpoint', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('entries', 'assets', 'content_types', 'locales', 'tags', 'sync'), query, async (endpoint, q) => {
        const search = new URLSearchParams(q as Record<string, string>).toString();
        const res = await fetch(`${folio.url}/delivery/spaces/folio/environments/master/${endpoint}?${search}`, { headers: { authorization: `Bearer ${deliveryToken}` } });
        await res.arrayBuffer();
        expect(res.status, `${endpoint}?${search}`).toBeLessThan(500);
        expect(polluted()).toEqual([]);
      }),
      { numRuns: 1500, seed: Number(process.env.FUZZ_SEED ?? 20261206) },
    );
    await stillServing();
  }, 300_000);
});
