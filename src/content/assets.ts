/**
 * The one asset domain: every door (Management API, editor, scheduler, demo loader, imports)
 * creates, changes and publishes assets here, after the permission check. Files arrive as
 * uploads or bytes, become stored files through src/assets ingest, and keep the details Folio
 * computed: a client may send a file back (with the url Folio issued) but only its focal point
 * counts. Publishing applies the strongest rules every door shares: every file processed, and
 * an image has alt text (its description in the default locale).
 */
import type { Actor } from '../auth/index.js';
import {
  assertSupportedType,
  fileToken,
  ingestFile,
  ingestStoredObject,
  isImageType,
  isStoredFile,
  mimetypeGroupOf,
  sniffBytes,
  storedFiles,
  storedFileToken,
  typeFromBytes,
  validateFocalPoint,
  withFocalPoint,
  type FocalPoint,
  type IncomingFile,
} from '../assets/index.js';
import { link } from '../contentful/index.js';
import { FolioError, refused, validationFailed, type ValidationProblem } from '../errors/index.js';
import type { FileStorage } from '../storage/index.js';
import type { Store } from '../store/store.js';
import type { AssetRecord, EntryRecord, Json, LocalizedFields, ResourceMetadata, Scope, StoredFile } from '../store/types.js';
import * as is from '../validate/is.js';
import { actorId, check } from './actor.js';

/** Which asset, at which version (undefined: whatever is current, for callers that hold none). */
export interface AssetTarget {
  id: string;
  version?: number | undefined;
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
function focusedFile(file: StoredFile, focalPoint: FocalPoint | null | undefined, path: string[]): StoredFile {
  if (focalPoint === undefined) return file;
  if (focalPoint !== null && !file.details.image) return invalid(path, 'Only images have a focal point');
  return withFocalPoint(file, focalPoint);
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
    file[code] = focusedFile(stored, incoming.focalPoint, [...path, 'details', 'image', 'focalPoint']) as unknown as Json;
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

export async function createAsset(store: Store, scope: Scope, input: AssetInput & { id: string }, actor: Actor): Promise<AssetRecord> {
  check(actor, 'create');
  return store.transaction(async (tx) => tx.assets.create(scope, { id: input.id, fields: await fieldsFrom(tx, scope, input, undefined), ...metadataOf(input) }, actorId(actor)));
}

/** The Management API's PUT: the fields sent replace the asset's fields. */
export async function updateAsset(store: Store, scope: Scope, input: AssetInput & AssetTarget, actor: Actor): Promise<AssetRecord> {
  return store.transaction(async (tx) => {
    const current = await currentAsset(tx, scope, input.id);
    check(actor, 'update', current.sys);
    return tx.assets.update(scope, input.id, { fields: await fieldsFrom(tx, scope, input, current), ...metadataOf(input) }, input.version, actorId(actor));
  });
}

export interface NewAssetFromFile {
  id?: string;
  locale: string;
  title: string;
  /** Contentful uses the description as the image's alt text. */
  description: string;
  /** Bytes to ingest, or a file ingested before (bulk loaders ingest outside their transaction). */
  file: IncomingFile | StoredFile;
  /** Mimetype groups the file must belong to (a media field's `linkMimetypeGroup`), judged by its bytes. */
  allowedGroups?: readonly string[] | undefined;
}

const groupNames: Record<string, [string, string]> = {
  image: ['an image', 'images'],
  video: ['a video', 'videos'],
  audio: ['an audio file', 'audio files'],
  pdfdocument: ['a PDF document', 'PDF documents'],
  attachment: ['a file of unknown kind', 'files of any kind'],
};
const groupName = (group: string, plural = false) => (Object.hasOwn(groupNames, group) ? groupNames[group]![plural ? 1 : 0] : plural ? `${group} files` : `a ${group} file`);

/** Refuses bytes outside the allowed groups, before anything is stored, naming what they are. */
async function assertAllowedKind(file: IncomingFile, groups: readonly string[] | undefined): Promise<void> {
  if (!groups) return;
  const type = await typeFromBytes(file.contentType, file.data.subarray(0, sniffBytes));
  const group = mimetypeGroupOf(type);
  if (groups.includes(group)) return;
  const allowed = groups.map((g) => groupName(g, true)).join(' or ');
  throw refused('linkMimetypeGroup', ['fields', 'file'], `“${file.fileName}” is ${groupName(group)} (${type}); this field takes only ${allowed}`, { type, group, allowed: [...groups] });
}

/** An asset from a file in hand (the editor's upload, the demo loader, imports): ingested, then created. */
export async function createAssetFromFile(store: Store, storage: FileStorage, scope: Scope, input: NewAssetFromFile, actor: Actor): Promise<AssetRecord> {
  // Refused before the file is even looked at: ingest (decoding, face detection) is the costly part.
  check(actor, 'create');
  if ('data' in input.file) await assertAllowedKind(input.file, input.allowedGroups);
  const file = 'data' in input.file ? await ingestFile(storage, input.file) : input.file;
  const { locale } = input;
  const fields: LocalizedFields = {
    title: { [locale]: input.title },
    description: { [locale]: input.description },
    file: { [locale]: file as unknown as Json },
  };
  return store.assets.create(scope, { ...(input.id ? { id: input.id } : {}), fields }, actorId(actor));
}

export interface AssetLocaleChange extends AssetTarget {
  locale: string;
  title?: string;
  description?: string;
  /** Validated here (any value a door received); null removes it, undefined keeps it. */
  focalPoint?: unknown;
  /**
   * A new file for this locale (the editor's replace): typed by its bytes and ingested into
   * storage, so its size, dimensions and faces are its own; the old focal point does not carry over.
   */
  replace?: { file: IncomingFile; storage: FileStorage } | undefined;
}

/**
 * Changes one locale of an asset (the editor's details form, a focal point set on its own):
 * other locales and fields stay as they are. A focal point needs an image in that locale.
 */
export async function updateAssetLocale(store: Store, scope: Scope, change: AssetLocaleChange, actor: Actor): Promise<AssetRecord> {
  const { id, locale } = change;
  const path = ['fields', 'file', locale, 'details', 'image', 'focalPoint'];
  const focalPoint = change.focalPoint === undefined ? undefined : validateFocalPoint(change.focalPoint, path);
  let replacement: StoredFile | undefined;
  if (change.replace) {
    // Ingest (decoding, face detection) is the costly part: refused before it, outside the transaction.
    check(actor, 'update', (await currentAsset(store, scope, id)).sys);
    replacement = await ingestFile(change.replace.storage, change.replace.file);
  }
  return store.transaction(async (tx) => {
    const current = await currentAsset(tx, scope, id);
    check(actor, 'update', current.sys);
    const fields: LocalizedFields = { ...current.fields };
    if (replacement) fields.file = { ...current.fields.file, [locale]: replacement as unknown as Json };
    if (change.title !== undefined) fields.title = { ...current.fields.title, [locale]: change.title };
    if (change.description !== undefined) fields.description = { ...current.fields.description, [locale]: change.description };
    const file = fields.file?.[locale];
    const isImage = isStoredFile(file) && isImageType(file.contentType) && !!file.details.image;
    // Removing a focal point from a file that cannot have one leaves nothing to do.
    if (focalPoint !== undefined && (focalPoint !== null || isImage)) {
      if (!isStoredFile(file) || !isImageType(file.contentType) || !file.details.image) {
        throw validationFailed([{ name: 'required', path: ['fields', 'file', locale], details: 'A focal point needs an image file' }], `Asset "${id}" has no image file in locale "${locale}" to set a focal point on`);
      }
      fields.file = { ...fields.file, [locale]: withFocalPoint(file, focalPoint) as unknown as Json };
    }
    return tx.assets.update(scope, id, { fields }, change.version, actorId(actor));
  });
}

/**
 * Turns a locale's uploaded file into a stored file: the upload's bytes go through ingest (type,
 * size, image dimensions, placeholder); a file that claims to be an image must decode. Processing
 * a locale that is already processed changes nothing, so processForAllLocales can repeat.
 */
export async function processAssetFile(store: Store, storage: FileStorage, scope: Scope, { id, locale }: { id: string; locale: string }, actor: Actor): Promise<AssetRecord> {
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

/** Why an asset may not be published yet: unprocessed or missing files, an image without alt text. */
async function publishProblems(store: Store, scope: Scope, asset: AssetRecord): Promise<ValidationProblem[]> {
  const unprocessed = Object.entries(asset.fields.file ?? {}).filter(([, f]) => !isStoredFile(f));
  if (unprocessed.length) return [{ name: 'notProcessed', path: ['fields', 'file', unprocessed[0]![0]], details: 'Process the asset\'s files before publishing it: every file must be uploaded and processed' }];
  const files = storedFiles(asset);
  if (files.length === 0) return [{ name: 'required', path: ['fields', 'file'], details: 'An asset needs a file before it can be published' }];
  if (!files.some((f) => isImageType(f.contentType))) return [];
  const defaultLocale = (await store.locales.list(scope)).find((l) => l.default)?.code ?? 'en-US';
  if (hasAltText(asset, defaultLocale)) return [];
  return [{ name: 'altText', path: ['fields', 'description', defaultLocale], details: altTextMessage(asset, defaultLocale) }];
}

/** Folio's alt-text rule (Contentful keeps an image's alt text in its description), for assets and the entries that show them. */
export function hasAltText(asset: AssetRecord, defaultLocale: string): boolean {
  const alt = asset.fields.description?.[defaultLocale];
  return is.string(alt) && alt.trim() !== '';
}

/** The refusal in the words every door shows; the image is named by its title. */
export const altTextMessage = (asset: AssetRecord, defaultLocale: string) =>
  `The image “${String(asset.fields.title?.[defaultLocale] || asset.sys.id)}” has no alt text: give the asset a description in ${defaultLocale} before publishing`;

export async function publishAsset(store: Store, scope: Scope, { id, version }: AssetTarget, actor: Actor): Promise<AssetRecord> {
  return store.transaction(async (tx) => {
    const asset = await currentAsset(tx, scope, id);
    check(actor, 'publish', asset.sys);
    // A stale version is a conflict before it is a validation question; archived is the store's refusal.
    if ((version === undefined || version === asset.sys.version) && !asset.sys.archivedAt) {
      const problems = await publishProblems(tx, scope, asset);
      if (problems.length) throw validationFailed(problems, problems[0]!.details);
    }
    return tx.assets.publish(scope, id, version, actorId(actor));
  });
}

/** Entries linking to the asset, drafts and published versions apart (at most `limit` of each), with how many there are. */
export async function assetUsage(store: Store, scope: Scope, id: string, actor: Actor, limit = 100) {
  check(actor, 'read');
  const query = { where: [{ op: 'linksTo' as const, linkType: 'Asset' as const, ids: [id] }], order: [{ sys: 'updatedAt' as const, direction: 'desc' as const }], limit };
  const [drafts, published] = await Promise.all([store.entries.list(scope, query), store.entries.listPublished(scope, query)]);
  return { drafts, published };
}

/**
 * The editor's guard before an asset leaves the site (delete, archive): refused while published
 * entries link to it, naming them; a published asset is unpublished first, in the same
 * transaction. Returns the version to act on. Contentful's API (so Folio's) lets a client delete
 * any unpublished asset, however linked: the guard is asked for, not imposed.
 */
async function withdrawn(tx: Store, scope: Scope, asset: AssetRecord, version: number | undefined, actor: Actor): Promise<number | undefined> {
  const using = await tx.entries.listPublished(scope, { where: [{ op: 'linksTo', linkType: 'Asset', ids: [asset.sys.id] }], limit: 20 });
  if (using.total > 0) throw assetInUse(asset, using.items, using.total);
  if (asset.sys.publishedVersion === null) return version;
  check(actor, 'unpublish', asset.sys);
  return (await tx.assets.unpublish(scope, asset.sys.id, version, actorId(actor))).sys.version;
}

function assetInUse(asset: AssetRecord, entries: EntryRecord[], total: number): FolioError {
  const listed = entries.map((e) => ({ id: e.sys.id, contentTypeId: e.sys.contentTypeId }));
  return new FolioError('ASSET_IN_USE', `Asset "${asset.sys.id}" is linked from ${total} published ${total === 1 ? 'entry' : 'entries'}: unpublish them or remove the link first`, {
    details: { type: 'Asset', id: asset.sys.id, total, entries: listed },
  });
}

export interface AssetRemoval extends AssetTarget {
  /** The editor's guard (see withdrawn): refuse while published entries link to it, unpublish first. */
  guarded?: boolean;
}

function simple(action: 'unpublish' | 'archive' | 'unarchive') {
  return (store: Store, scope: Scope, { id, version, guarded }: AssetRemoval, actor: Actor): Promise<AssetRecord> =>
    store.transaction(async (tx) => {
      const asset = await currentAsset(tx, scope, id);
      check(actor, action === 'unarchive' ? 'archive' : action, asset.sys);
      const at = guarded && action === 'archive' ? await withdrawn(tx, scope, asset, version, actor) : version;
      return tx.assets[action](scope, id, at, actorId(actor));
    });
}

export const unpublishAsset = simple('unpublish');
export const archiveAsset = simple('archive');
export const unarchiveAsset = simple('unarchive');

/** Removes the asset; its bytes stay in storage, where other assets or uploads may share them. */
export const deleteAsset = (store: Store, scope: Scope, { id, version, guarded }: AssetRemoval, actor: Actor) =>
  store.transaction(async (tx) => {
    const asset = await currentAsset(tx, scope, id);
    check(actor, 'delete', asset.sys);
    return tx.assets.delete(scope, id, guarded ? await withdrawn(tx, scope, asset, version, actor) : version);
  });
