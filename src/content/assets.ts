/**
 * Asset operations for the Management API: files arrive as uploads, become stored files when a
 * locale is processed (through src/assets ingest), and keep the details Folio computed: a
 * client may send the file back (with the url Folio issued) but only its focal point counts.
 */
import type { Actor } from '../auth/index.js';
import { link } from '../contentful/links.js';
import { ingestStoredObject, isStoredFile, assertSupportedType, storedFiles, fileToken, storedFileToken } from '../assets/index.js';
import { FolioError, refused, validationFailed } from '../errors/index.js';
import type { FileStorage } from '../storage/index.js';
import type { Store } from '../store/store.js';
import type { AssetRecord, Json, LocalizedFields, ResourceMetadata, Scope, StoredFile } from '../store/types.js';
import * as is from '../validate/is.js';
import { actorId, check } from './actor.js';

export interface FocalPoint {
  x: number;
  y: number;
}

/** A file as a client sends it: one to be processed from an upload, or one Folio issued (its url). */
export type IncomingAssetFile =
  | { kind: 'upload'; fileName: string; contentType: string; uploadId: string }
  /** focalPoint: undefined keeps the stored one, null removes it. */
  | { kind: 'issued'; url: string; focalPoint?: FocalPoint | null };

export interface AssetInput {
  title: Record<string, string | null>;
  description: Record<string, string | null>;
  file: Record<string, IncomingAssetFile>;
  /** Undefined keeps the asset's tags (none on create). */
  metadata?: ResourceMetadata;
}

const invalid = (path: string[], details: string): never => {
  throw refused('invalid', path, details);
};

const uploadLink = (id: string) => link('Upload', id);

async function currentAsset(store: Store, scope: Scope, id: string): Promise<AssetRecord> {
  const asset = await store.assets.get(scope, id);
  if (!asset) throw new FolioError('NOT_FOUND', `Asset "${id}" not found`, { details: { type: 'Asset', id } });
  return asset;
}

/** Focal points live in the stored file's image details; only images have one. */
function withFocalPoint(file: StoredFile, focalPoint: FocalPoint | null | undefined, path: string[]): StoredFile {
  const image = file.details.image;
  if (focalPoint === undefined) return file;
  const { focalPoint: _old, ...kept } = (image ?? {}) as Record<string, Json>;
  if (focalPoint === null) return image ? { ...file, details: { ...file.details, image: kept as never } } : file;
  if (!image) return invalid(path, 'Only images have a focal point');
  return { ...file, details: { ...file.details, image: { ...kept, focalPoint: { x: focalPoint.x, y: focalPoint.y } } as never } };
}

/** The asset's fields from what the client sent and what is stored now. */
async function fieldsFrom(store: Store, scope: Scope, input: AssetInput, current: AssetRecord | undefined): Promise<LocalizedFields> {
  const codes = new Set((await store.locales.list(scope)).map((l) => l.code));
  const localeCheck = (field: string) => (code: string) => {
    if (!codes.has(code)) invalid(['fields', field, code], `Unknown locale "${code}"`);
  };
  Object.keys(input.title).forEach(localeCheck('title'));
  Object.keys(input.description).forEach(localeCheck('description'));
  Object.keys(input.file).forEach(localeCheck('file'));
  const file: Record<string, Json> = {};
  for (const [code, incoming] of Object.entries(input.file)) {
    const path = ['fields', 'file', code];
    if (incoming.kind === 'upload') {
      assertSupportedType(incoming.contentType);
      file[code] = { fileName: incoming.fileName, contentType: incoming.contentType, uploadFrom: uploadLink(incoming.uploadId) };
      continue;
    }
    const stored = current?.fields.file?.[code];
    // The URL a client read may predate a focal-point change, which changes the token.
    const issued = isStoredFile(stored) && [storedFileToken(stored), fileToken(stored.hash)].some((token) => incoming.url.includes(`/${token}/`));
    if (!isStoredFile(stored) || !issued) {
      return invalid([...path, 'url'], 'This url does not name the file Folio stored for this asset and locale; to change the file, upload it and link it with uploadFrom');
    }
    // Server-computed details (size, dimensions, placeholder…) always come from what is stored.
    file[code] = withFocalPoint(stored, incoming.focalPoint, [...path, 'details', 'image', 'focalPoint']) as unknown as Json;
  }
  return {
    ...(Object.keys(input.title).length ? { title: input.title } : {}),
    ...(Object.keys(input.description).length ? { description: input.description } : {}),
    ...(Object.keys(file).length ? { file } : {}),
  } as LocalizedFields;
}

const metadataOf = (input: AssetInput) => (input.metadata ? { metadata: input.metadata } : {});

const isPending = (v: Json | undefined): v is Record<string, Json> & { uploadFrom: { sys: { id: string } } } =>
  is.plainObject(v) && is.plainObject(v.uploadFrom) && is.plainObject(v.uploadFrom.sys) && is.string(v.uploadFrom.sys.id);

export async function getAsset(store: Store, scope: Scope, id: string, actor: Actor): Promise<AssetRecord> {
  check(actor, 'read');
  return currentAsset(store, scope, id);
}

export async function createAsset(store: Store, scope: Scope, id: string, input: AssetInput, actor: Actor): Promise<AssetRecord> {
  check(actor, 'create');
  return store.transaction(async (tx) => tx.assets.create(scope, { id, fields: await fieldsFrom(tx, scope, input, undefined), ...metadataOf(input) }, actorId(actor)));
}

export async function updateAsset(store: Store, scope: Scope, id: string, input: AssetInput, expectedVersion: number | undefined, actor: Actor): Promise<AssetRecord> {
  return store.transaction(async (tx) => {
    const current = await currentAsset(tx, scope, id);
    check(actor, 'update', current.sys);
    return tx.assets.update(scope, id, { fields: await fieldsFrom(tx, scope, input, current), ...metadataOf(input) }, expectedVersion, actorId(actor));
  });
}

/**
 * Turns a locale's uploaded file into a stored file: the upload's bytes go through ingest (type,
 * size, image dimensions, placeholder); a file that claims to be an image must decode. Processing
 * a locale that is already processed changes nothing, so processForAllLocales can repeat.
 */
export async function processAssetFile(
  store: Store,
  storage: FileStorage,
  scope: Scope,
  id: string,
  locale: string,
  actor: Actor,
): Promise<AssetRecord> {
  const before = await currentAsset(store, scope, id);
  check(actor, 'update', before.sys);
  const pending = before.fields.file?.[locale];
  if (isStoredFile(pending)) return before;
  if (!isPending(pending)) return invalid(['fields', 'file', locale], `The asset has no uploaded file for locale "${locale}" to process`);
  const upload = await store.uploads.get(scope.spaceId, pending.uploadFrom.sys.id);
  if (!upload || upload.expiresAt < new Date().toISOString()) {
    return invalid(['fields', 'file', locale, 'uploadFrom'], `Upload "${pending.uploadFrom.sys.id}" does not exist or has expired; upload the file again`);
  }
  const stored = await ingestStoredObject(storage, {
    fileName: String(pending.fileName),
    contentType: String(pending.contentType),
    hash: upload.hash,
    size: upload.size,
  });
  // Other locales may be processed at the same time: re-read and retry on a lost race.
  for (let attempt = 0; ; attempt++) {
    try {
      return await store.transaction(async (tx) => {
        const current = await currentAsset(tx, scope, id);
        if (JSON.stringify(current.fields.file?.[locale]) !== JSON.stringify(pending)) {
          throw new FolioError('VERSION_MISMATCH', `The file of asset "${id}" in ${locale} changed while it was processed; process it again`);
        }
        const fields = { ...current.fields, file: { ...current.fields.file, [locale]: stored as unknown as Json } };
        return tx.assets.update(scope, id, { fields }, current.sys.version, actorId(actor));
      });
    } catch (err) {
      if (attempt >= 3 || !(err instanceof FolioError) || err.code !== 'VERSION_MISMATCH' || err.message.includes('while it was processed')) throw err;
    }
  }
}

export async function publishAssetAs(store: Store, scope: Scope, id: string, expectedVersion: number | undefined, actor: Actor): Promise<AssetRecord> {
  return store.transaction(async (tx) => {
    const asset = await currentAsset(tx, scope, id);
    check(actor, 'publish', asset.sys);
    if (expectedVersion === undefined || expectedVersion === asset.sys.version) {
      const unprocessed = Object.entries(asset.fields.file ?? {}).filter(([, f]) => !isStoredFile(f));
      if (unprocessed.length || storedFiles(asset).length === 0) {
        const path = unprocessed.length ? ['fields', 'file', unprocessed[0]![0]] : ['fields', 'file'];
        const message = unprocessed.length ? 'Process the asset\'s files before publishing it' : 'An asset needs a file before it can be published';
        throw validationFailed([{ name: unprocessed.length ? 'notProcessed' : 'required', path, details: 'Every file must be uploaded and processed' }], message);
      }
    }
    return tx.assets.publish(scope, id, expectedVersion, actorId(actor));
  });
}

function simple(action: 'unpublish' | 'archive' | 'unarchive') {
  return (store: Store, scope: Scope, id: string, expectedVersion: number | undefined, actor: Actor): Promise<AssetRecord> =>
    store.transaction(async (tx) => {
      check(actor, action === 'unarchive' ? 'archive' : action, (await currentAsset(tx, scope, id)).sys);
      return tx.assets[action](scope, id, expectedVersion, actorId(actor));
    });
}

export const unpublishAsset = simple('unpublish');
export const archiveAsset = simple('archive');
export const unarchiveAsset = simple('unarchive');

/** Removes the asset; its bytes stay in storage, where other assets or uploads may share them. */
export const deleteAsset = (store: Store, scope: Scope, id: string, expectedVersion: number | undefined, actor: Actor) =>
  store.transaction(async (tx) => {
    check(actor, 'delete', (await currentAsset(tx, scope, id)).sys);
    return tx.assets.delete(scope, id, expectedVersion);
  });
