/**
 * Golden answers: a small space like Contentful's example space (cats, a city, locales en-US and
 * tlh falling back to en-US, links in a cycle, a link to an unpublished cat, tags), built through
 * the Management API, then whole Delivery and Preview answers compared with the JSON Contentful's
 * documentation gives for the same queries (test/fixtures/golden/*.json), keys sorted. Times,
 * ports and file tokens vary per run and are masked; everything else must match exactly.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFolio, type TestFolio } from './folio.js';

const management = 'golden-management-token';
const delivery = 'golden-delivery-token';
const preview = 'golden-preview-token';
const goldenDir = path.join(import.meta.dirname, '../fixtures/golden');

let folio: TestFolio;

async function cma(p: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const raw = init.body instanceof Uint8Array;
  const res = await fetch(`${folio.url}/management/spaces/folio${p}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${management}`, 'content-type': raw ? 'application/octet-stream' : 'application/vnd.contentful.management.v1+json', ...init.headers },
    ...(init.body !== undefined ? { body: raw ? (init.body as BodyInit) : JSON.stringify(init.body) } : {}),
  });
  const text = await res.text();
  const json = (text ? JSON.parse(text) : {}) as { sys: { version: number; id: string } };
  if (res.status >= 300) throw new Error(`${init.method ?? 'GET'} ${p}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

const env = '/environments/master';
const en = <T>(v: T) => ({ 'en-US': v });
const entryLink = (id: string) => ({ sys: { type: 'Link', linkType: 'Entry', id } });
const assetLink = (id: string) => ({ sys: { type: 'Link', linkType: 'Asset', id } });
const field = (id: string, type: string, extra: object = {}) => ({ id, name: id, type, localized: false, required: false, ...extra });

async function publish(kind: 'entries' | 'assets' | 'content_types', id: string, version: number) {
  return cma(`${env}/${kind}/${id}/published`, { method: 'PUT', headers: { 'x-contentful-version': String(version) } });
}

async function contentType(id: string, body: object) {
  const created = await cma(`${env}/content_types/${id}`, { method: 'PUT', body });
  await publish('content_types', id, created.sys.version);
}

async function entry(type: string, id: string, fields: object, options: { publish?: boolean; tags?: string[] } = {}) {
  const metadata = { tags: (options.tags ?? []).map((t) => ({ sys: { type: 'Link', linkType: 'Tag', id: t } })) };
  const created = await cma(`${env}/entries/${id}`, { method: 'PUT', body: { fields, metadata }, headers: { 'x-contentful-content-type': type } });
  if (options.publish !== false) await publish('entries', id, created.sys.version);
}

async function asset(id: string, title: string, text: string) {
  const upload = await cma('/uploads', { method: 'POST', body: new TextEncoder().encode(text) });
  const file = { fileName: `${id}.txt`, contentType: 'text/plain', uploadFrom: { sys: { type: 'Link', linkType: 'Upload', id: upload.sys.id } } };
  await cma(`${env}/assets/${id}`, { method: 'PUT', body: { fields: { title: en(title), file: en(file) } } });
  await cma(`${env}/assets/${id}/files/en-US/process`, { method: 'PUT', headers: { 'x-contentful-version': '1' } });
  const processed = await cma(`${env}/assets/${id}`);
  await publish('assets', id, processed.sys.version);
}

async function buildSpace() {
  await cma(`${env}/locales`, { method: 'POST', body: { name: 'Klingon', code: 'tlh', fallbackCode: 'en-US', optional: true } });
  await cma(`${env}/tags/feline`, { method: 'PUT', body: { name: 'Feline', sys: { id: 'feline', visibility: 'public' } } });
  await cma(`${env}/tags/canine`, { method: 'PUT', body: { name: 'Canine', sys: { id: 'canine', visibility: 'public' } } });
  await contentType('cat', {
    name: 'Cat',
    description: 'Meow.',
    displayField: 'name',
    fields: [
      field('name', 'Text', { localized: true, required: true }),
      field('likes', 'Array', { items: { type: 'Symbol' } }),
      field('color', 'Symbol'),
      field('bestFriend', 'Link', { linkType: 'Entry' }),
      field('birthday', 'Date'),
      field('lifes', 'Integer'),
      field('lives', 'Integer'),
      field('image', 'Link', { linkType: 'Asset' }),
    ],
  });
  await contentType('city', { name: 'City', description: null, displayField: 'name', fields: [field('name', 'Symbol', { localized: true }), field('center', 'Location')] });
  // Cross-space references (ResourceLink) are stored and delivered unresolved, as URNs.
  const otherSpace = { type: 'Contentful:Entry', source: 'crn:contentful:::content:spaces/otherSpace', contentTypes: ['dog'] };
  await contentType('shelter', {
    name: 'Shelter',
    displayField: 'name',
    fields: [field('name', 'Symbol'), field('mascot', 'ResourceLink', { allowedResources: [otherSpace] }), field('residents', 'Array', { items: { type: 'ResourceLink' }, allowedResources: [otherSpace] })],
  });
  await asset('nyancat', 'Nyan Cat', 'nyan');
  await asset('happycat', 'Happy Cat', 'happy');
  // nyancat ↔ happycat link each other; garfield's friend is a draft that was never published.
  await entry('cat', 'ghost', { name: en('Ghost'), lives: en(0) }, { publish: false });
  await entry('cat', 'nyancat', {
    name: { 'en-US': 'Nyan Cat', tlh: 'Nyan vIghro\'' },
    likes: en(['rainbows', 'fish']),
    color: en('rainbow'),
    bestFriend: en(entryLink('happycat')),
    birthday: en('2011-04-04T22:00:00+00:00'),
    lifes: en(null),
    lives: en(1337),
    image: en(assetLink('nyancat')),
  }, { tags: ['feline'], publish: false });
  await entry('cat', 'happycat', { name: en('Happy Cat'), likes: en(['cheezburger']), color: en('gray'), bestFriend: en(entryLink('nyancat')), birthday: en('2003-10-28T23:00:00+00:00'), lives: en(1), image: en(assetLink('happycat')) });
  await publish('entries', 'nyancat', 1);
  await entry('cat', 'garfield', { name: en('Garfield'), likes: en(['lasagna']), color: en('orange'), bestFriend: en(entryLink('ghost')), lives: en(9) });
  const dog = (id: string) => ({ sys: { type: 'ResourceLink', linkType: 'Contentful:Entry', urn: `crn:contentful:::content:spaces/otherSpace/entries/${id}` } });
  await entry('shelter', 'shelter', { name: en('Shelter'), mascot: en(dog('rex')), residents: en([dog('rex'), dog('fido')]) });
  await entry('city', 'london', { name: en('London'), center: en({ lat: 51.508515, lon: -0.12548719999995228 }) });
  await entry('city', 'sanFrancisco', { name: en('San Francisco'), center: en({ lat: 37.7749295, lon: -122.4194155 }) });
}

/** Times, the port and file tokens differ per run; keys sorted so order never decides. */
function normalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalize);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().filter((k) => k !== 'requestId').map((k) => [k, normalize((value as Record<string, unknown>)[k])]));
  }
  if (typeof value === 'string') {
    if (/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(value)) return '<time>';
    // Generated ids (locales) are 22 random letters and digits.
    if (/^[A-Za-z0-9]{22}$/.test(value)) return '<generated id>';
    return value.replace(/\/\/localhost:\d+\/files\/folio\/(\w+)\/[0-9a-f]+\//, '//localhost/files/folio/$1/<token>/').replace(/sync_token=[\w-]+/, 'sync_token=<token>');
  }
  return value;
}

const queries: Record<string, string> = {
  'entry-nyancat': '/delivery/spaces/folio/entries/nyancat',
  'entry-nyancat-tlh': '/delivery/spaces/folio/entries/nyancat?locale=tlh',
  'entry-nyancat-all-locales': '/delivery/spaces/folio/entries/nyancat?locale=*',
  'entries-nyancat-includes': '/delivery/spaces/folio/entries?sys.id=nyancat',
  'entries-garfield-unresolvable': '/delivery/spaces/folio/entries?sys.id=garfield&include=1',
  'entries-select-no-links': '/delivery/spaces/folio/entries?content_type=cat&select=sys.id,sys.type,fields.name,fields.lives&order=fields.lives',
  'entries-order-sys': '/delivery/spaces/folio/entries?order=sys.contentType.sys.id,-sys.revision,sys.id&select=sys.id',
  'entries-within-either-corner': '/delivery/spaces/folio/entries?content_type=city&fields.center[within]=40,-124,36,-120&select=fields.name',
  'entries-cursor': '/delivery/spaces/folio/entries?content_type=cat&order=sys.id&limit=2&cursor=true&select=sys.id',
  'content-types': '/delivery/spaces/folio/content_types?order=sys.id',
  'content-types-query': '/delivery/spaces/folio/content_types?name[match]=cit&sys.revision[gte]=1',
  'locales': '/delivery/spaces/folio/locales',
  'entry-resource-links': '/delivery/spaces/folio/entries?sys.id=shelter',
  'content-type-resource-links': '/delivery/spaces/folio/content_types/shelter',
  'tags': '/delivery/spaces/folio/tags?name=Feline',
  'tags-ordered': '/delivery/spaces/folio/tags?order=-name&sys.visibility=public&name[ne]=Nothing',
  'error-unknown-locale': '/delivery/spaces/folio/entries/nyancat?locale=invalidLocale',
  'error-unknown-parameter': '/delivery/spaces/folio/entries?name=0',
  'error-not-found': '/delivery/spaces/folio/entries/not-existing',
  'preview-entry-ghost': '/preview/spaces/folio/entries/ghost',
  'preview-entries-draft-link': '/preview/spaces/folio/entries?sys.id=garfield',
};

describe('golden answers: an example space through the Management API, read through Delivery and Preview', () => {
  beforeAll(async () => {
    folio = await startTestFolio({ FOLIO_DEMO: '0', FOLIO_MANAGEMENT_TOKEN: management, FOLIO_DELIVERY_TOKEN: delivery, FOLIO_PREVIEW_TOKEN: preview });
    await buildSpace();
  }, 60_000);
  afterAll(() => folio?.destroy());

  for (const [name, url] of Object.entries(queries)) {
    it(`${name}: ${url}`, async () => {
      const token = url.startsWith('/preview/') ? preview : delivery;
      const res = await fetch(`${folio.url}${url}`, { headers: { authorization: `Bearer ${token}` } });
      const answer = { status: res.status, body: normalize(await res.json()) };
      const file = path.join(goldenDir, `${name}.json`);
      if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(file, `${JSON.stringify(answer, null, 2)}\n`);
      expect(answer).toEqual(JSON.parse(fs.readFileSync(file, 'utf8')));
    });
  }
});
