/**
 * gen:content's fast path copies a seed article's rows instead of running the operations per
 * article. What it writes must be what the operations write: an article it made reads the same
 * through the Management and Delivery APIs (and is found by search and delivered by sync) as
 * one created and published through the Management API with the same fields.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateArticles } from '../../bench/gen-content.js';
import { openStore } from '../../src/store/index.js';
import { startTestFolio, type TestFolio } from './folio.js';

const managementToken = 'gen-content-management-token';
const deliveryToken = 'gen-content-delivery-token';
const scope = { spaceId: 'folio', environmentId: 'master' };
let folio: TestFolio;

beforeAll(async () => {
  folio = await startTestFolio({ FOLIO_MANAGEMENT_TOKEN: managementToken, FOLIO_DELIVERY_TOKEN: deliveryToken });
}, 120_000);
afterAll(() => folio?.destroy());

const call = async (token: string, path: string, init: RequestInit = {}) => {
  const res = await fetch(`${folio.url}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/vnd.contentful.management.v1+json', ...init.headers } });
  expect(res.status, `${path}: ${res.status}`).toBeLessThan(300);
  return (await res.json()) as Record<string, any>;
};
const management = (path: string, init?: RequestInit) => call(managementToken, `/management/spaces/folio/environments/master${path}`, init);
const delivery = (path: string) => call(deliveryToken, `/delivery/spaces/folio/environments/master${path}`);

/** sys without what differs between any two items: id, times, and who acted (the generator is Folio itself, the API a user). */
const differing = ['id', 'createdAt', 'updatedAt', 'publishedAt', 'firstPublishedAt', 'createdBy', 'updatedBy', 'publishedBy'];
const sysShape = (sys: Record<string, unknown>) => Object.fromEntries(Object.entries(sys).filter(([k]) => !differing.includes(k)));

it('writes an article the APIs show as they show one the Management API created and published', async () => {
  const { token: before } = { token: new URL((await delivery('/sync?initial=true&limit=1000')).nextSyncUrl).searchParams.get('sync_token')! };
  const store = await openStore(folio.storeOptions);
  try {
    // Three articles: the first through the operations, the other two copied from its rows.
    await generateArticles(store, scope, 3, 'Gen', undefined, folio.storeOptions.sqlitePath);
  } finally {
    await store.close();
  }
  const copied = await management('/entries/gen-2');
  const fields = { ...copied.fields, title: { 'en-US': 'Api article 2' }, slug: { 'en-US': 'api-article-2' } };
  const created = await management('/entries/api-2', { method: 'PUT', body: JSON.stringify({ fields }), headers: { 'x-contentful-content-type': 'article' } });
  await management('/entries/api-2/published', { method: 'PUT', headers: { 'x-contentful-version': String(created.sys.version) } });

  const viaApi = await management('/entries/api-2');
  expect(sysShape(copied.sys)).toEqual(sysShape(viaApi.sys));
  expect({ ...copied.fields, title: null, slug: null }).toEqual({ ...viaApi.fields, title: null, slug: null });
  expect(copied.fields.title).toEqual({ 'en-US': 'Gen article 2' });

  const deliveredCopy = await delivery('/entries/gen-2');
  const deliveredApi = await delivery('/entries/api-2');
  expect(sysShape(deliveredCopy.sys)).toEqual(sysShape(deliveredApi.sys));
  expect({ ...deliveredCopy.fields, title: null, slug: null }).toEqual({ ...deliveredApi.fields, title: null, slug: null });

  // Its links, search words and change log rows are there too.
  const page = await delivery('/entries?content_type=article&fields.slug=gen-article-2&include=1');
  expect(page.items.map((e: any) => e.sys.id)).toEqual(['gen-2']);
  expect(page.includes.Entry.length + page.includes.Asset.length).toBeGreaterThan(0);
  expect((await delivery('/entries?content_type=article&sys.id[in]=gen-1,gen-2&links_to_entry=' + copied.fields.topics['en-US'][0].sys.id)).total).toBe(2);
  expect((await delivery('/entries?content_type=article&query=gen article 2')).items.map((e: any) => e.sys.id)).toContain('gen-2');
  const delta = await delivery(`/sync?sync_token=${before}`);
  expect(delta.items.map((e: any) => e.sys.id).sort()).toEqual(['api-2', 'gen-0', 'gen-1', 'gen-2']);
});
