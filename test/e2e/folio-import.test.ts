/**
 * `folio import` on real contentful-export files: everything arrives and is delivered as
 * exported, a second import changes nothing, and an item that cannot be imported is reported
 * while the rest goes in.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFsStorage } from '../../src/storage/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { exportSpace, importSpace } from '../../src/transfer/index.js';
import { makeDataDir, startTestFolio, type TestFolio } from './folio.js';

const exports = path.resolve('test/fixtures/contentful-exports');
const token = 'import-delivery-token';
const managementToken = 'import-management-token';
const scope = { spaceId: 'folio', environmentId: 'master' };

interface ExportFile {
  entries: Array<{ sys: { id: string; publishedVersion?: number }; fields: Record<string, unknown> }>;
  assets: Array<{ sys: { id: string }; fields: { title: Record<string, string>; file: Record<string, { fileName: string }> } }>;
  contentTypes: Array<{ sys: { id: string } }>;
  editorInterfaces: Array<{ sys: { contentType: { sys: { id: string } } }; controls: unknown[] }>;
}

describe.each(['blog', 'product-catalogue'])('folio import of %s', (name) => {
  const folder = path.join(exports, name);
  const file = path.join(folder, 'contentful-export.json');
  let folio: TestFolio;
  let store: Store;
  let exported: ExportFile;

  beforeAll(async () => {
    folio = await startTestFolio({ FOLIO_DEMO: '0', FOLIO_DELIVERY_TOKEN: token, FOLIO_MANAGEMENT_TOKEN: managementToken });
    store = await openStore(folio.storeOptions);
    exported = JSON.parse(await fs.readFile(file, 'utf8')) as ExportFile;
  });
  afterAll(async () => {
    await store?.close();
    await folio?.destroy();
  });

  const run = () => importSpace({ store, storage: createFsStorage(path.join(folio.dataDir, 'files')), scope, file, assetsDir: folder });
  const deliver = async (p: string) => (await fetch(`${folio.url}/delivery/spaces/folio${p}`, { headers: { authorization: `Bearer ${token}` } })).json();

  it('imports every content type, asset and entry, published as exported', async () => {
    const summary = await run();
    expect(summary.failures).toEqual([]);
    expect(summary.counts.contentTypes).toEqual({ created: exported.contentTypes.length, published: exported.contentTypes.length });
    // The export's own widgets replace the defaults made with each type.
    expect(summary.counts.editorInterfaces).toEqual({ updated: exported.editorInterfaces.length });
    const [ei] = exported.editorInterfaces;
    const stored = await (await fetch(`${folio.url}/management/spaces/folio/environments/master/content_types/${ei!.sys.contentType.sys.id}/editor_interface`, { headers: { authorization: `Bearer ${managementToken}` } })).json();
    expect(stored.controls).toEqual(ei!.controls);
    expect(summary.counts.assets).toEqual({ created: exported.assets.length, published: exported.assets.length });
    expect(summary.counts.entries).toEqual({ created: exported.entries.length });
    expect(summary.counts.publishing.published).toBe(exported.entries.filter((e) => e.sys.publishedVersion).length);

    const entries = await deliver('/entries?locale=*&limit=1000');
    expect(entries.total).toBe(exported.entries.length);
    for (const entry of exported.entries) {
      const delivered = entries.items.find((e: { sys: { id: string } }) => e.sys.id === entry.sys.id);
      expect(delivered.fields).toEqual(entry.fields);
    }
    const assets = await deliver('/assets?locale=*&limit=1000');
    expect(assets.items.map((a: { sys: { id: string } }) => a.sys.id).sort()).toEqual(exported.assets.map((a) => a.sys.id).sort());
    for (const asset of exported.assets) {
      const delivered = assets.items.find((a: { sys: { id: string } }) => a.sys.id === asset.sys.id);
      expect(delivered.fields.title).toEqual(asset.fields.title);
      expect(delivered.fields.file['en-US'].fileName).toBe(asset.fields.file['en-US']!.fileName);
      const res = await fetch(`${folio.url}${new URL(`http:${delivered.fields.file['en-US'].url}`).pathname}?w=50`);
      expect(res.status).toBe(200);
    }
  });

  it('changes nothing when run again', async () => {
    const versions = async () => (await store.entries.list(scope, { limit: 1000 })).items.map((e) => `${e.sys.id}@${e.sys.version}`).sort();
    const assetVersions = async () => (await store.assets.list(scope, { limit: 1000 })).items.map((a) => `${a.sys.id}@${a.sys.version}`).sort();
    const before = [await versions(), await assetVersions()];
    const summary = await run();
    expect(summary.failures).toEqual([]);
    for (const phase of ['contentTypes', 'editorInterfaces', 'assets', 'entries'] as const) expect(Object.keys(summary.counts[phase])).toEqual(['unchanged']);
    expect(summary.counts.publishing).toEqual({});
    expect([await versions(), await assetVersions()]).toEqual(before);
  });
});

describe('folio export', () => {
  const cleanup: Array<() => Promise<unknown>> = [];
  afterAll(async () => {
    for (const fn of cleanup.reverse()) await fn();
  });

  async function folioWithStore() {
    const folio = await startTestFolio({ FOLIO_DEMO: '0', FOLIO_DELIVERY_TOKEN: token });
    const store = await openStore(folio.storeOptions);
    cleanup.push(() => folio.destroy(), () => store.close());
    return { folio, store, storage: createFsStorage(path.join(folio.dataDir, 'files')) };
  }

  it('writes contentful-export\'s file and asset layout, which folio import takes back unchanged', async () => {
    const source = await folioWithStore();
    const blog = path.join(exports, 'blog');
    await importSpace({ ...source, scope, file: path.join(blog, 'contentful-export.json'), assetsDir: blog });
    const out = await makeDataDir();
    cleanup.push(() => fs.rm(out, { recursive: true, force: true }));
    const result = await exportSpace({ ...source, scope, publicUrl: new URL(source.folio.url).origin, out, downloadAssets: true });
    const written = JSON.parse(await fs.readFile(result.file, 'utf8')) as Record<string, unknown[]>;
    expect(Object.keys(written)).toEqual(['contentTypes', 'editorInterfaces', 'entries', 'assets', 'locales', 'tags', 'webhooks', 'roles']);
    expect(written.editorInterfaces).toHaveLength(2);
    expect(result.counts).toMatchObject({ contentTypes: 2, entries: 4, assets: 4, locales: 1 });
    expect(result.files).toBe(4);

    const target = await folioWithStore();
    const summary = await importSpace({ ...target, scope, file: result.file, assetsDir: out });
    expect(summary.failures).toEqual([]);
    const read = async (folio: TestFolio) =>
      (await (await fetch(`${folio.url}/delivery/spaces/folio/entries?locale=*&order=sys.id`, { headers: { authorization: `Bearer ${token}` } })).json()).items.map((e: { sys: { id: string }; fields: unknown }) => [e.sys.id, e.fields]);
    const withoutPorts = (v: unknown) => JSON.stringify(v).replace(/localhost:\d+/g, 'HOST');
    expect(withoutPorts(await read(target.folio))).toEqual(withoutPorts(await read(source.folio)));
  });
});

describe('folio import with items it cannot take', () => {
  let folio: TestFolio;
  let store: Store;
  let dir: string;

  beforeAll(async () => {
    folio = await startTestFolio({ FOLIO_DEMO: '0' });
    store = await openStore(folio.storeOptions);
    dir = await makeDataDir();
  });
  afterAll(async () => {
    await store?.close();
    await folio?.destroy();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('reports each refused item by type and id, and imports the rest', async () => {
    const exported = JSON.parse(await fs.readFile(path.join(exports, 'blog', 'contentful-export.json'), 'utf8')) as ExportFile & { entries: Array<{ sys: { contentType: { sys: { id: string } } } }> };
    const [broken] = exported.entries;
    broken!.sys.contentType.sys.id = 'noSuchType';
    const file = path.join(dir, 'export.json');
    await fs.writeFile(file, JSON.stringify(exported));
    const summary = await importSpace({ store, storage: createFsStorage(path.join(folio.dataDir, 'files')), scope, file, assetsDir: path.join(exports, 'blog') });
    expect(summary.failures[0]).toEqual({ phase: 'entries', type: 'Entry', id: broken!.sys.id, message: 'Content type "noSuchType" does not exist or is not published (sys.contentType)' });
    expect(summary.counts.entries).toEqual({ created: exported.entries.length - 1, failed: 1 });
    // The entries that link to it are imported as drafts, and say why they were not published.
    const linking = summary.failures.slice(1);
    expect(linking.length).toBeGreaterThan(0);
    for (const failure of linking) expect(failure).toMatchObject({ phase: 'publishing', message: expect.stringContaining(`"${broken!.sys.id}" does not exist`) });
    expect(summary.counts.publishing.published ?? 0).toBe(exported.entries.length - 1 - linking.length);
    expect(summary.counts.publishing.failed).toBe(linking.length);
  });

  it('refuses an item with a prototype key and an asset path outside the assets folder', async () => {
    const file = path.join(dir, 'hostile.json');
    await fs.writeFile(
      file,
      `{"locales": [], "assets": [{"sys": {"id": "escape", "type": "Asset"}, "fields": {"title": {"en-US": "x"}, "file": {"en-US": {"url": "//../../../../etc/passwd", "fileName": "passwd", "contentType": "text/plain"}}}}],
        "entries": [{"sys": {"id": "proto", "type": "Entry", "contentType": {"sys": {"id": "x"}}}, "fields": {"__proto__": {"en-US": 1}}}]}`,
    );
    const summary = await importSpace({ store, storage: createFsStorage(path.join(folio.dataDir, 'files')), scope, file, assetsDir: dir });
    expect(summary.failures.map((f) => f.id)).toEqual(['escape', 'proto']);
    expect(summary.failures[0]!.message).toMatch(/outside the assets folder/);
    expect(summary.failures[1]!.message).toMatch(/the key "__proto__"/);
    expect(({} as Record<string, unknown>).en_US).toBeUndefined();
  });
});
