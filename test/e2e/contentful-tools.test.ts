/**
 * Contentful's own tools against Folio, unchanged: the official `contentful-import` loads real
 * exports (with their asset files) into an empty Folio on SQLite, the Delivery API serves what
 * it imported, and `contentful-export` reads it back. The exports are `content-models`'
 * product catalogue and blog (test/fixtures/contentful-exports, see its README).
 */
import * as contentful from 'contentful';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestFolio, type TestFolio } from './folio.js';

// Both tools' ES module builds import date-fns folders, which Node refuses: load their CommonJS builds.
const require = createRequire(import.meta.url);
const contentfulImport = require('contentful-import') as (options: Record<string, unknown>) => Promise<unknown>;
const contentfulExport = require('contentful-export') as (options: Record<string, unknown>) => Promise<unknown>;

const managementToken = 'management-token-for-tools';
const deliveryToken = 'delivery-token-for-tools';
const exportsDir = path.resolve('test/fixtures/contentful-exports');

interface ExportFile {
  contentTypes: Array<{ sys: { id: string }; fields: Array<{ id: string }> }>;
  editorInterfaces: Array<{ sys: { contentType: { sys: { id: string } } }; controls: Array<{ fieldId: string; widgetId?: string }> }>;
  entries: Array<{ sys: { id: string; contentType: { sys: { id: string } } }; fields: Record<string, unknown> }>;
  assets: Array<{ sys: { id: string }; fields: { title?: Record<string, string>; file: Record<string, { url: string; fileName: string; contentType: string }> } }>;
  locales: Array<{ code: string }>;
  roles?: Array<{ name: string }>;
}

const readExport = async (name: string) => JSON.parse(await readFile(path.join(exportsDir, name, 'contentful-export.json'), 'utf8')) as ExportFile;
const sha = (b: Buffer | Uint8Array) => createHash('sha256').update(b).digest('hex');
const byId = <T extends { sys: { id: string } }>(items: T[]) => new Map(items.map((i) => [i.sys.id, i]));

describe('contentful-import and contentful-export against Folio (SQLite)', () => {
  let folio: TestFolio | undefined;
  afterEach(async () => {
    await folio?.destroy();
    folio = undefined;
  });

  for (const name of ['product-catalogue', 'blog']) {
    it(`imports the ${name} export completely, serves it on Delivery and exports it again`, async () => {
      folio = await startTestFolio({ FOLIO_DEMO: '0', FOLIO_MANAGEMENT_TOKEN: managementToken, FOLIO_DELIVERY_TOKEN: deliveryToken });
      const host = new URL(folio.url).host;
      // What a team puts in contentful-import's --config file to point it at Folio.
      const settings = { host, hostUpload: host, insecure: true, basePath: 'management', spaceId: 'folio', managementToken };
      const source = await readExport(name);

      await contentfulImport({
        ...settings,
        contentFile: path.join(exportsDir, name, 'contentful-export.json'),
        uploadAssets: true,
        assetsDirectory: path.join(exportsDir, name),
        errorLogFile: path.join(folio.dataDir, 'import-errors.json'),
      });

      // Delivery shows every entry with the exported fields, and every asset with its own bytes.
      const delivery = contentful.createClient({ space: 'folio', accessToken: deliveryToken, host, insecure: true, basePath: 'delivery' });
      const entries = await delivery.withoutLinkResolution.withAllLocales.getEntries({ limit: 1000, include: 0 });
      expect(entries.items.map((e) => e.sys.id).sort()).toEqual(source.entries.map((e) => e.sys.id).sort());
      const delivered = byId(entries.items);
      for (const entry of source.entries) {
        expect(delivered.get(entry.sys.id)!.sys.contentType.sys.id).toBe(entry.sys.contentType.sys.id);
        expect(delivered.get(entry.sys.id)!.fields).toEqual(entry.fields);
      }
      const assets = await delivery.withAllLocales.getAssets({ limit: 1000 });
      expect(assets.items.map((a) => a.sys.id).sort()).toEqual(source.assets.map((a) => a.sys.id).sort());
      for (const asset of source.assets) {
        const [locale, file] = Object.entries(asset.fields.file)[0]!;
        const served = byId(assets.items).get(asset.sys.id)!.fields.file![locale]!;
        expect(served).toMatchObject({ fileName: file.fileName, contentType: file.contentType });
        const bytes = Buffer.from(await (await fetch(`http:${served.url}`)).arrayBuffer());
        const original = await readFile(path.join(exportsDir, name, file.url.replace(/^\/\//, '')));
        expect(sha(bytes)).toBe(sha(original));
      }

      // contentful-export (library API: its CLI needs a newer Node) reads back the same space.
      const exported = (await contentfulExport({
        ...settings,
        saveFile: false,
        exportDir: folio.dataDir,
        errorLogFile: path.join(folio.dataDir, 'export-errors.json'),
      })) as ExportFile;
      expect(exported.roles!.map((r) => r.name)).toEqual(['Editor', 'Author', 'Viewer']);
      expect(exported.locales.map((l) => l.code)).toEqual(source.locales.map((l) => l.code));
      expect(exported.contentTypes.map((t) => t.sys.id).sort()).toEqual(source.contentTypes.map((t) => t.sys.id).sort());
      for (const type of source.contentTypes) expect(byId(exported.contentTypes).get(type.sys.id)!.fields).toEqual(type.fields);
      const exportedEntries = byId(exported.entries);
      for (const entry of source.entries) expect(exportedEntries.get(entry.sys.id)!.fields).toEqual(entry.fields);
      expect(exported.assets.map((a) => a.sys.id).sort()).toEqual(source.assets.map((a) => a.sys.id).sort());
      // The editor interfaces came across: the exported widgets are the imported ones.
      for (const ui of source.editorInterfaces) {
        const typeId = ui.sys.contentType.sys.id;
        const back = exported.editorInterfaces.find((e) => e.sys.contentType.sys.id === typeId)!;
        expect(back.controls.map((c) => [c.fieldId, c.widgetId])).toEqual(ui.controls.map((c) => [c.fieldId, c.widgetId]));
      }
    }, 120_000);
  }
});
