/**
 * `folio import`: a contentful-export file (and the asset folder `--download-assets` wrote)
 * into a Folio environment, through the same operations as the Management API, acting as the
 * system. Each item is compared with what is stored and written only when it differs, so a
 * second import changes nothing and an import killed halfway finishes when run again. One item
 * that cannot be imported is reported and the rest go on.
 *
 * Phases follow contentful-import's order: locales, tags, content types, editor interfaces,
 * assets, entries, then
 * publishing and archiving (entries link to each other, so all exist before any is published).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileToken } from '../assets/index.js';
import { systemActor } from '../auth/index.js';
import {
  archiveEntry,
  archiveAsset,
  createAsset,
  createEntry,
  createLocale,
  createTag,
  createUpload,
  getEditorInterface,
  processAssetFile,
  publishAsset,
  publishContentType,
  publishEntry,
  saveContentType,
  updateAsset,
  updateEditorInterface,
  updateEntry,
} from '../content/index.js';
import { FolioError } from '../errors/index.js';
import { contentTypeBody, editorInterfaceBody, localizedFields, metadataInput } from '../management/index.js';
import type { FileStorage } from '../storage/index.js';
import type { Store } from '../store/index.js';
import type { Scope, VersionedSys } from '../store/types.js';
import * as is from '../validate/is.js';
import { readSection, type ExportItem, type ExportSection } from './export-file.js';

export type ImportPhase = 'locales' | 'tags' | 'contentTypes' | 'editorInterfaces' | 'assets' | 'entries' | 'publishing';
export type Outcome = 'created' | 'updated' | 'unchanged' | 'published' | 'archived' | 'failed';

export interface ImportSummary {
  /** Per phase, how many items ended how. */
  counts: Record<ImportPhase, Partial<Record<Outcome, number>>>;
  failures: Array<{ phase: ImportPhase; type: string; id: string; message: string }>;
}

export interface ImportOptions {
  store: Store;
  storage: FileStorage;
  scope: Scope;
  file: string;
  /** Where contentful-export --download-assets put the files (their URL paths below it). */
  assetsDir?: string;
  /** Largest asset file taken, as the Management API's upload limit. */
  maxFileBytes?: number;
  onProgress?: (phase: ImportPhase, fileFraction: number, done: number) => void;
}

const sysOf = (item: ExportItem) => (is.plainObject(item.sys) ? item.sys : {});
const idOf = (item: ExportItem) => String(sysOf(item).id ?? '');
const wasPublished = (item: ExportItem) => is.number(sysOf(item).publishedVersion);
const wasArchived = (item: ExportItem) => is.number(sysOf(item).archivedVersion);
/** Published, and the draft has not moved on since (Folio's versions: publish adds one). */
const publishedCurrent = (sys: VersionedSys) => sys.publishedVersion !== null && sys.version === sys.publishedVersion + 1;
/** Key order differs between exporters; compare values with sorted keys. */
const canonical = (v: unknown): string => JSON.stringify(v, (_k, value: unknown) => (is.plainObject(value) ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1))) : value));
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

export async function importSpace(options: ImportOptions): Promise<ImportSummary> {
  const { store, storage, scope } = options;
  const actor = systemActor;
  const size = (await fs.stat(options.file)).size || 1;
  const summary: ImportSummary = {
    counts: { locales: {}, tags: {}, contentTypes: {}, editorInterfaces: {}, assets: {}, entries: {}, publishing: {} },
    failures: [],
  };

  /** Runs one item's import; a refusal is recorded against it and the import goes on. */
  async function each(phase: ImportPhase, section: ExportSection, fn: (item: ExportItem) => Promise<Outcome | Outcome[]>) {
    let done = 0;
    let fraction = 0;
    for await (const read of readSection(options.file, section, (bytes) => (fraction = bytes / size))) {
      if ('refused' in read) {
        // Reported once, when its own phase read it; the publishing pass re-reads entries.
        if (phase === 'publishing') continue;
        summary.counts[phase].failed = (summary.counts[phase].failed ?? 0) + 1;
        summary.failures.push({ phase, type: section, id: read.id, message: read.refused });
        done++;
        options.onProgress?.(phase, fraction, done);
        continue;
      }
      const { item } = read;
      try {
        for (const outcome of [await fn(item)].flat()) summary.counts[phase][outcome] = (summary.counts[phase][outcome] ?? 0) + 1;
      } catch (err) {
        summary.counts[phase].failed = (summary.counts[phase].failed ?? 0) + 1;
        summary.failures.push({ phase, type: String(sysOf(item).type ?? section), id: idOf(item), message: describe(err) });
      }
      done++;
      options.onProgress?.(phase, fraction, done);
    }
    options.onProgress?.(phase, 1, done);
  }

  await each('locales', 'locales', async (item) => {
    const existing = (await store.locales.list(scope)).find((l) => l.code === item.code);
    if (existing) return 'unchanged';
    if (item.default === true) throw new Error(`The export's default locale is ${String(item.code)}; this environment's is another. Folio cannot change an environment's default locale`);
    await createLocale(store, scope, {
      code: String(item.code),
      name: String(item.name ?? item.code),
      fallbackCode: is.string(item.fallbackCode) ? item.fallbackCode : null,
      optional: item.optional === true,
      contentDeliveryApi: item.contentDeliveryApi !== false,
      contentManagementApi: item.contentManagementApi !== false,
    }, actor);
    return 'created';
  });

  await each('tags', 'tags', async (item) => {
    const id = idOf(item);
    if (await store.tags.get(scope, id)) return 'unchanged';
    await createTag(store, scope, { id, name: String(item.name ?? id), visibility: sysOf(item).visibility === 'public' ? 'public' : 'private' }, actor);
    return 'created';
  });

  await each('contentTypes', 'contentTypes', async (item) => {
    const id = idOf(item);
    const body = contentTypeBody(item);
    const current = await store.contentTypes.get(scope, id);
    const changed = !current || !same({ ...body, sys: undefined }, { name: current.name, description: current.description, displayField: current.displayField, fields: current.fields });
    const saved = changed ? await saveContentType(store, scope, { id, body, version: current?.sys.version }, actor) : current;
    const outcomes: Outcome[] = [current ? (changed ? 'updated' : 'unchanged') : 'created'];
    if (wasPublished(item) && !publishedCurrent(saved.sys)) {
      await publishContentType(store, scope, { id, version: saved.sys.version }, actor);
      outcomes.push('published');
    }
    return outcomes;
  });

  await each('editorInterfaces', 'editorInterfaces', async (item) => {
    const contentType = sysOf(item).contentType;
    const contentTypeId = is.plainObject(contentType) && is.plainObject(contentType.sys) ? String(contentType.sys.id) : '';
    const input = editorInterfaceBody(item);
    const current = await getEditorInterface(store, scope, contentTypeId, actor);
    if (same(current.body, input)) return 'unchanged';
    await updateEditorInterface(store, scope, contentTypeId, input, current.version, actor);
    return 'updated';
  });

  await each('assets', 'assets', (item) => importAsset(item));

  await each('entries', 'entries', async (item) => {
    const id = idOf(item);
    const contentType = sysOf(item).contentType;
    const contentTypeId = is.plainObject(contentType) && is.plainObject(contentType.sys) ? String(contentType.sys.id) : '';
    const fields = localizedFields(item.fields);
    const metadata = metadataInput(item.metadata);
    const current = await store.entries.get(scope, id);
    if (!current) {
      await createEntry(store, scope, { id, contentTypeId, fields, ...(metadata ? { metadata } : {}) }, actor);
      return 'created';
    }
    if (current.sys.contentTypeId !== contentTypeId) throw new Error(`Entry ${id} exists here with content type ${current.sys.contentTypeId}, not ${contentTypeId}`);
    if (same(current.fields, fields) && (!metadata || same(current.metadata?.tags ?? [], metadata.tags))) return 'unchanged';
    await updateEntry(store, scope, { id, fields, version: current.sys.version, metadata }, actor);
    return 'updated';
  });

  // Second pass: every entry exists now, so links resolve when an entry is published.
  await each('publishing', 'entries', async (item) => {
    const id = idOf(item);
    let entry = await store.entries.get(scope, id);
    if (!entry) return [];
    const outcomes: Outcome[] = [];
    if (wasPublished(item) && !publishedCurrent(entry.sys)) {
      entry = await publishEntry(store, scope, { id, version: entry.sys.version }, actor);
      outcomes.push('published');
    }
    if (wasArchived(item) && !entry.sys.archivedVersion) {
      await archiveEntry(store, scope, { id, version: entry.sys.version }, actor);
      outcomes.push('archived');
    }
    return outcomes;
  });

  return summary;

  async function importAsset(item: ExportItem): Promise<Outcome[]> {
    const id = idOf(item);
    const fields = is.plainObject(item.fields) ? item.fields : {};
    const files = is.plainObject(fields.file) ? fields.file : {};
    const title = textByLocale(fields.title);
    const description = textByLocale(fields.description);
    let asset = await store.assets.get(scope, id);
    const existed = asset !== undefined;

    // Which locales' files differ from what is stored (by content hash).
    const uploads: Record<string, { fileName: string; contentType: string; uploadId: string }> = Object.create(null);
    for (const [locale, file] of Object.entries(files)) {
      if (!is.plainObject(file) || !is.string(file.url) || !is.string(file.fileName) || !is.string(file.contentType)) {
        throw new Error(`fields.file.${locale} has no url, fileName and contentType`);
      }
      const local = localFile(file.url);
      const stored = asset?.fields.file?.[locale];
      if (is.plainObject(stored) && is.string(stored.hash) && stored.fileName === file.fileName && (await hashOf(local)) === stored.hash) continue;
      const upload = await createUpload(store, storage, scope.spaceId, createReadStream(local), options.maxFileBytes ?? 1024 * 1024 * 1024, actor);
      uploads[locale] = { fileName: file.fileName, contentType: file.contentType, uploadId: upload.id };
    }

    const textSame = asset && same(asset.fields.title ?? {}, title) && same(asset.fields.description ?? {}, description);
    const outcomes: Outcome[] = [];
    if (!asset || !textSame || Object.keys(uploads).length > 0) {
      // Files that did not change are sent back by the url Folio issued, as a CMA client would.
      const file: Record<string, { kind: 'upload'; fileName: string; contentType: string; uploadId: string } | { kind: 'issued'; url: string }> = Object.create(null);
      for (const locale of Object.keys(files)) {
        const upload = uploads[locale];
        const stored = asset?.fields.file?.[locale];
        file[locale] = upload ? { kind: 'upload', ...upload } : { kind: 'issued', url: `/${fileToken(is.plainObject(stored) ? String(stored.hash) : '')}/` };
      }
      asset = asset
        ? await updateAsset(store, scope, { id, version: asset.sys.version, title, description, file }, actor)
        : await createAsset(store, scope, { id, title, description, file }, actor);
      for (const locale of Object.keys(uploads)) asset = await processAssetFile(store, storage, scope, { id, locale }, actor);
      outcomes.push(existed ? 'updated' : 'created');
    } else {
      outcomes.push('unchanged');
    }
    if (wasPublished(item) && !publishedCurrent(asset.sys)) {
      asset = await publishAsset(store, scope, { id, version: asset.sys.version }, actor);
      outcomes.push('published');
    }
    if (wasArchived(item) && !asset.sys.archivedVersion) {
      await archiveAsset(store, scope, { id, version: asset.sys.version }, actor);
      outcomes.push('archived');
    }
    return outcomes;
  }

  /** The downloaded file for an asset URL: its path below the assets folder, never outside it. */
  function localFile(url: string): string {
    if (!options.assetsDir) throw new Error('The export names asset files; give the folder contentful-export --download-assets wrote (--assets-dir)');
    const root = path.resolve(options.assetsDir);
    const relative = decodeURIComponent(url.replace(/^(https?:)?\/\//, '').split('?')[0]!);
    const full = path.resolve(root, relative);
    if (!full.startsWith(root + path.sep)) throw new Error(`The asset url ${url} points outside the assets folder`);
    return full;
  }
}

function textByLocale(value: unknown): Record<string, string | null> {
  const out: Record<string, string | null> = Object.create(null);
  if (!is.plainObject(value)) return out;
  for (const [locale, text] of Object.entries(value)) out[locale] = is.string(text) ? text : null;
  return out;
}

async function hashOf(file: string): Promise<string | undefined> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  } catch {
    return undefined;
  }
  return hash.digest('hex');
}

function describe(err: unknown): string {
  if (err instanceof FolioError) {
    const errors = (err.details as { errors?: Array<{ details?: string; path?: unknown[] }> } | undefined)?.errors;
    const first = errors?.[0];
    if (!first?.details) return err.message;
    const where = first.path ? ` (${first.path.join('.')})` : '';
    return first.details === err.message ? `${err.message}${where}` : `${err.message}: ${first.details}${where}`;
  }
  return err instanceof Error ? err.message : String(err);
}
