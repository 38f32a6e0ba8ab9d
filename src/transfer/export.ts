/**
 * `folio export`: an environment as contentful-export writes it (one JSON file with
 * contentTypes, editorInterfaces, entries, assets, locales, tags, webhooks, roles, each item in
 * the Management API's shape) and, with downloadAssets, each asset file at its URL's path below
 * the output folder, as `--download-assets` lays them out. Read in one snapshot, a page at a
 * time, and written as it is read: memory does not grow with the size of the space.
 *
 * As contentful-export does by default, drafts (never published) and archived items are left
 * out unless asked for.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { storedFiles } from '../assets/index.js';
import { systemActor } from '../auth/index.js';
import { listEditorInterfaces } from '../content/index.js';
import { assetJson, contentTypeJson, editorInterfaceJson, entryJson, localeJson, tagJson } from '../management/index.js';
import type { FileStorage } from '../storage/index.js';
import type { Store } from '../store/index.js';
import type { AssetRecord, Page, Scope, VersionedSys } from '../store/types.js';
import type { ExportSection } from './export-file.js';

export interface ExportOptions {
  store: Store;
  storage: FileStorage;
  scope: Scope;
  publicUrl: string;
  /** The folder to write into (created); the file is named as contentful-export names it. */
  out: string;
  includeDrafts?: boolean;
  includeArchived?: boolean;
  downloadAssets?: boolean;
  onProgress?: (section: ExportSection | 'files', done: number) => void;
}

export interface ExportResult {
  file: string;
  counts: Record<ExportSection, number>;
  files: number;
  bytes: number;
}

const pageSize = 500;

export async function exportSpace(options: ExportOptions): Promise<ExportResult> {
  const { store, storage, scope } = options;
  await fs.mkdir(options.out, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.join(options.out, `contentful-export-${scope.spaceId}-${scope.environmentId}-${stamp}.json`);
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  const counts = Object.create(null) as Record<ExportSection, number>;
  let filesWritten = 0;
  const keep = (sys: VersionedSys) => (options.includeArchived || !sys.archivedVersion) && (options.includeDrafts || sys.publishedVersion !== null || !!sys.archivedVersion);

  try {
    // Read before the snapshot: reading one may first write its defaults (a type older than
    // editor interfaces), which a read-only snapshot cannot.
    const editorInterfaces = await listEditorInterfaces(store, scope, systemActor);
    await store.snapshot(async (view) => {
      let firstSection = true;
      async function section(name: ExportSection, items: AsyncIterable<unknown>) {
        await write(`${firstSection ? '{\n' : ',\n'}  ${JSON.stringify(name)}: [`);
        firstSection = false;
        let n = 0;
        for await (const item of items) {
          await write(`${n === 0 ? '\n' : ',\n'}    ${JSON.stringify(item)}`);
          n++;
          options.onProgress?.(name, n);
        }
        await write(n === 0 ? ']' : '\n  ]');
        counts[name] = n;
      }
      async function* paged<T extends { sys: VersionedSys }>(list: (q: { limit: number; skip: number }) => Promise<Page<T>>, toJson: (r: T) => unknown) {
        for (let skip = 0; ; skip += pageSize) {
          const page = await list({ limit: pageSize, skip });
          for (const record of page.items) if (keep(record.sys)) yield toJson(record);
          if (page.items.length < pageSize) return;
        }
      }
      const byId = [{ sys: 'id' as const, direction: 'asc' as const }];

      await section('contentTypes', paged((q) => view.contentTypes.list(scope, { ...q, order: byId }), (t) => contentTypeJson(scope, t)));
      await section('editorInterfaces', (async function* () {
        for (const doc of editorInterfaces) yield editorInterfaceJson(scope, doc);
      })());
      await section('entries', paged((q) => view.entries.list(scope, { ...q, order: byId }), (e) => entryJson(scope, e)));
      const assets = paged((q) => view.assets.list(scope, { ...q, order: byId }), (a) => a);
      await section('assets', (async function* () {
        for await (const asset of assets) {
          if (options.downloadAssets) await downloadFiles(asset as AssetRecord);
          yield assetJson(options.publicUrl, scope, asset as AssetRecord);
        }
      })());
      await section('locales', (async function* () {
        for (const locale of await view.locales.list(scope)) yield localeJson(scope, locale);
      })());
      await section('tags', (async function* () {
        for (let skip = 0; ; skip += pageSize) {
          const page = await view.tags.list(scope, { skip, limit: pageSize });
          for (const tag of page.items) yield tagJson(scope, tag);
          if (page.items.length < pageSize) return;
        }
      })());
      // Webhooks hold secrets and roles are Folio's own: neither is exported, as with contentful-export's --skip-webhooks/--skip-roles.
      await section('webhooks', (async function* () {})());
      await section('roles', (async function* () {})());
      await write('\n}\n');
    });
    out.end();
    await once(out, 'close');
  } catch (err) {
    out.destroy();
    await fs.rm(file, { force: true });
    throw err;
  }
  return { file, counts, files: filesWritten, bytes: (await fs.stat(file)).size };

  /** Each locale's file, at the path its URL names below the output folder (contentful-export's layout). */
  async function downloadFiles(asset: AssetRecord): Promise<void> {
    const json = assetJson(options.publicUrl, scope, asset) as { fields: { file?: Record<string, { url?: string }> } };
    const root = path.resolve(options.out);
    for (const [locale, file] of Object.entries(asset.fields.file ?? {})) {
      const stored = storedFiles({ ...asset, fields: { file: { [locale]: file } } })[0];
      const url = json.fields.file?.[locale]?.url;
      if (!stored || !url) continue;
      const target = path.resolve(root, decodeURIComponent(url.replace(/^(https?:)?\/\//, '')));
      // A file name is the uploader's choice: one like "../x" must not write outside the folder.
      if (!target.startsWith(root + path.sep)) throw new Error(`Asset ${asset.sys.id}: its file name leads outside the export folder`);
      const source = await storage.stream(stored.hash);
      if (!source) continue;
      await fs.mkdir(path.dirname(target), { recursive: true });
      await pipeline(source, createWriteStream(target));
      filesWritten++;
      options.onProgress?.('files', filesWritten);
    }
  }
}
