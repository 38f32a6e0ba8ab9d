/**
 * Contentful's paths at the root of the origin, answered as the API of the token presented, for
 * tools that only let you change the host; and HTTPS served directly from PEM files, which
 * contentful-migration needs (it always speaks https to root paths).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import https from 'node:https';
import { promisify } from 'node:util';
import * as contentful from 'contentful';
import * as contentfulManagement from 'contentful-management';
import type { PlainClientAPI } from 'contentful-management';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/postgres.js';
import { makeDataDir, startTestFolio, type TestFolio } from './folio.js';

const run = promisify(execFile);
const tokens = { delivery: 'root-delivery-token', preview: 'root-preview-token', management: 'root-management-token' };
const tokenEnv = { FOLIO_DELIVERY_TOKEN: tokens.delivery, FOLIO_PREVIEW_TOKEN: tokens.preview, FOLIO_MANAGEMENT_TOKEN: tokens.management, FOLIO_DEMO: '0' };
const space = 'folio';

describe('root paths, routed by token', () => {
  let folio: TestFolio;
  let host: string;

  beforeAll(async () => {
    folio = await startTestFolio(tokenEnv);
    host = new URL(folio.url).host;
  });
  afterAll(() => folio?.destroy());

  const raw = (pathAndQuery: string, init: RequestInit & { token?: string } = {}) =>
    fetch(`${folio.url}${pathAndQuery}`, { ...init, headers: { ...(init.token ? { authorization: `Bearer ${init.token}` } : {}), ...(init.headers as Record<string, string> | undefined) } });

  it('lets the official clients work with only a host: management writes, delivery reads published, preview reads drafts', async () => {
    const cma = contentfulManagement.createClient({ accessToken: tokens.management, host, hostUpload: host, insecure: true }, { type: 'plain', defaults: { spaceId: space, environmentId: 'master' } });
    const type = await cma.contentType.createWithId(
      { contentTypeId: 'note' },
      { name: 'Note', displayField: 'title', fields: [{ id: 'title', name: 'Title', type: 'Symbol', localized: false, required: true }] },
    );
    await cma.contentType.publish({ contentTypeId: 'note' }, type);
    const published = await cma.entry.create({ contentTypeId: 'note' }, { fields: { title: { 'en-US': 'Published note' } } });
    await cma.entry.publish({ entryId: published.sys.id }, published);
    const draft = await cma.entry.create({ contentTypeId: 'note' }, { fields: { title: { 'en-US': 'Draft note' } } });
    const upload = await cma.upload.create({}, { file: 'plain words\n' });
    expect(upload.sys.type).toBe('Upload');

    const cda = contentful.createClient({ space, accessToken: tokens.delivery, host, insecure: true });
    expect((await cda.getSpace()).sys.id).toBe(space);
    const delivered = await cda.getEntries({ content_type: 'note' });
    expect(delivered.items.map((e) => e.fields.title)).toEqual(['Published note']);

    const cpa = contentful.createClient({ space, accessToken: tokens.preview, host, insecure: true });
    const previewed = await cpa.getEntries({ content_type: 'note', order: ['fields.title'] });
    expect(previewed.items.map((e) => e.sys.id).sort()).toEqual([draft.sys.id, published.sys.id].sort());
  });

  it('answers GraphQL at Contentful\'s path, /content/v1/spaces/…', async () => {
    const res = await raw(`/content/v1/spaces/${space}/environments/master`, {
      method: 'POST',
      token: tokens.delivery,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ noteCollection { total items { title } } }' }),
    });
    expect(res.status).toBe(200);
    expect((await res.json()).data.noteCollection).toEqual({ total: 1, items: [{ title: 'Published note' }] });
  });

  it('takes the token from ?access_token= as well as the header', async () => {
    const res = await raw(`/spaces/${space}/environments/master/content_types?access_token=${tokens.delivery}`);
    expect(res.status).toBe(200);
    expect((await res.json()).sys.type).toBe('Array');
  });

  it('refuses a write with a read token as the Management API refuses it, and writes nothing', async () => {
    for (const token of [tokens.delivery, tokens.preview]) {
      const res = await raw(`/spaces/${space}/environments/master/entries`, {
        method: 'POST',
        token,
        headers: { 'content-type': 'application/vnd.contentful.management.v1+json', 'x-contentful-content-type': 'note' },
        body: JSON.stringify({ fields: { title: { 'en-US': 'Should not exist' } } }),
      });
      expect(res.status).toBe(401);
      expect((await res.json()).sys.id).toBe('AccessTokenInvalid');
    }
    const list = await (await raw(`/preview/spaces/${space}/entries?content_type=note&fields.title=Should%20not%20exist`, { token: tokens.preview })).json();
    expect(list.total).toBe(0);
  });

  it('answers an unknown or missing token with 401 in Contentful error JSON', async () => {
    for (const init of [{ token: 'no-such-token' }, {}]) {
      const res = await raw(`/spaces/${space}/entries`, init);
      expect(res.status).toBe(401);
      expect((await res.json()).sys.id).toBe('AccessTokenInvalid');
    }
  });

  it('keeps the prefixed paths, and leaves other root paths to the hub', async () => {
    expect((await raw(`/delivery/spaces/${space}/entries`, { token: tokens.delivery })).status).toBe(200);
    const hub = await raw('/spacesX');
    expect(hub.status).toBe(404);
    expect(hub.headers.get('content-type')).toMatch(/text\/html/);
  });
});

describe.each([
  ['SQLite', async () => ({})],
  ['PostgreSQL', async () => ({ DATABASE_URL: await createTestDatabase() })],
] as const)('HTTPS from FOLIO_TLS_CERT and FOLIO_TLS_KEY, with contentful-migration changing only the host, on %s', (_db, database) => {
  let folio: TestFolio;
  let dir: string;
  let certFile: string;
  let host: string;
  let cma: PlainClientAPI;

  beforeAll(async () => {
    dir = await makeDataDir();
    certFile = path.join(dir, 'cert.pem');
    const keyFile = path.join(dir, 'key.pem');
    await run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1']);
    folio = await startTestFolio({ ...tokenEnv, ...(await database()), FOLIO_TLS_CERT: certFile, FOLIO_TLS_KEY: keyFile, FOLIO_DATA_DIR: path.join(dir, 'data') });
    host = new URL(folio.url).host;
    // This process trusts the test's certificate through an agent; the tools' processes through NODE_EXTRA_CA_CERTS.
    const httpsAgent = new https.Agent({ ca: await fs.readFile(certFile) });
    cma = contentfulManagement.createClient({ accessToken: tokens.management, host, httpsAgent }, { type: 'plain', defaults: { spaceId: space, environmentId: 'master' } });
  });
  afterAll(async () => {
    await folio?.destroy();
    await fs.rm(dir, { recursive: true, force: true });
  });

  /**
   * Runs a migration as Contentful's CLI (`contentful space migration`) runs it: runMigration
   * with the host from ~/.contentfulrc.json and nothing else Folio-specific. (The bare
   * contentful-migration 4 CLI has no host option, and its empty --host overwrites the rc file's.)
   */
  async function migrate(name: string, source: string): Promise<string> {
    const script = path.join(dir, `${name}.cjs`);
    await fs.writeFile(script, source);
    const options = { filePath: script, spaceId: space, environmentId: 'master', accessToken: tokens.management, host, yes: true };
    const program = `require(${JSON.stringify(path.resolve('node_modules/contentful-migration'))}).runMigration(${JSON.stringify(options)}).then(() => console.log('MIGRATED'), (err) => { console.error(err); process.exit(1); })`;
    // NODE_ENV=test would make the tool look for /tmp/.contentfulrc.json instead of the home directory's.
    const env = { PATH: process.env.PATH ?? '', HOME: dir, NODE_ENV: 'production', NODE_EXTRA_CA_CERTS: certFile };
    const { stdout } = await run(process.execPath, ['-e', program], { env, timeout: 90_000 });
    return stdout;
  }

  it('serves HTTPS on the port, says so in its URL, and does not speak plain HTTP there', async () => {
    expect(folio.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect((await cma.space.get({})).sys.id).toBe(space);
    await expect(fetch(folio.url.replace('https:', 'http:'))).rejects.toThrow();
  });

  it('runs migration scripts: create and edit content types, transform entries, change a field control, move a field, derive linked entries, delete a field', async () => {
    expect(
      await migrate(
        'create-event',
        `module.exports = function (migration) {
          const event = migration.createContentType('event').name('Event').displayField('title');
          event.createField('title').name('Title').type('Symbol').required(true);
          event.createField('venue').name('Venue').type('Symbol');
        };`,
      ),
    ).toMatch(/MIGRATED/);
    const type = await cma.contentType.get({ contentTypeId: 'event' });
    expect(type.fields.map((f) => f.id)).toEqual(['title', 'venue']);
    expect(type.sys.publishedVersion).toBeGreaterThan(0);

    const first = await cma.entry.create({ contentTypeId: 'event' }, { fields: { title: { 'en-US': 'Opening' }, venue: { 'en-US': 'main hall' } } });
    await cma.entry.publish({ entryId: first.sys.id }, first);
    const second = await cma.entry.create({ contentTypeId: 'event' }, { fields: { title: { 'en-US': 'Closing' }, venue: { 'en-US': 'garden' } } });

    await migrate(
      'venue-to-city',
      `module.exports = function (migration) {
        const event = migration.editContentType('event');
        event.createField('place').name('Place').type('Symbol');
        migration.transformEntries({
          contentType: 'event',
          from: ['venue'],
          to: ['place'],
          transformEntryForLocale: (fields, locale) => ({ place: fields.venue[locale].toUpperCase() }),
        });
      };`,
    );
    const places = await Promise.all([first, second].map(async (e) => (await cma.entry.get({ entryId: e.sys.id })).fields.place?.['en-US']));
    expect(places).toEqual(['MAIN HALL', 'GARDEN']);

    await migrate(
      'cities',
      `module.exports = function (migration) {
        const event = migration.editContentType('event');
        event.changeFieldControl('venue', 'builtin', 'dropdown', { helpText: 'Where it happens' });
        event.moveField('place').afterField('title');
        const city = migration.createContentType('city').name('City').displayField('name');
        city.createField('name').name('Name').type('Symbol');
        event.createField('city').name('City').type('Link').linkType('Entry');
        migration.deriveLinkedEntries({
          contentType: 'event',
          derivedContentType: 'city',
          from: ['place'],
          toReferenceField: 'city',
          derivedFields: ['name'],
          identityKey: async (from) => from.place['en-US'].toLowerCase().replace(/[^a-z]+/g, '-'),
          shouldPublish: true,
          deriveEntryForLocale: async (from, locale) => ({ name: from.place[locale] }),
        });
      };`,
    );
    const event = await cma.contentType.get({ contentTypeId: 'event' });
    expect(event.fields.map((f) => f.id)).toEqual(['title', 'place', 'venue', 'city']);
    const controls = (await cma.editorInterface.get({ contentTypeId: 'event' })).controls!;
    expect(controls.find((c) => c.fieldId === 'venue')).toMatchObject({ widgetId: 'dropdown', widgetNamespace: 'builtin', settings: { helpText: 'Where it happens' } });
    const cities = await cma.entry.getMany({ query: { content_type: 'city', order: 'fields.name' } });
    expect(cities.items.map((c) => c.fields.name['en-US'])).toEqual(['GARDEN', 'MAIN HALL']);
    const linked = await cma.entry.get({ entryId: first.sys.id });
    expect(linked.fields.city['en-US'].sys.id).toBe(cities.items.find((c) => c.fields.name['en-US'] === 'MAIN HALL')!.sys.id);

    await migrate('drop-venue', `module.exports = function (migration) { migration.editContentType('event').deleteField('venue'); };`);
    expect((await cma.contentType.get({ contentTypeId: 'event' })).fields.map((f) => f.id)).toEqual(['title', 'place', 'city']);
    expect((await cma.entry.get({ entryId: first.sys.id })).fields.venue).toBeUndefined();

  });
});
