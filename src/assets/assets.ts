/** Asset operations: store the file, then write the asset through the store. */
import { FolioError } from '../errors/index.js';
import type { FileStorage } from '../storage/types.js';
import type { Store } from '../store/store.js';
import type { AssetRecord, Json, Scope, StoredFile } from '../store/types.js';
import * as is from '../validate/is.js';
import type { ImageFocus } from '../images/index.js';
import { storedFileToken } from './file-url.js';
import { isFocalPoint } from './focal-point.js';
import { ingestFile, type IncomingFile } from './ingest.js';

export interface NewAsset {
  id?: string;
  locale: string;
  title: string;
  /** Contentful uses the description as the image's alt text. */
  description: string;
  file: IncomingFile;
  /** Who uploaded it (user or API key id), recorded as sys.createdBy: authors own their uploads. */
  createdBy?: string;
}

export async function createAssetWithFile(store: Store, storage: FileStorage, scope: Scope, input: NewAsset): Promise<AssetRecord> {
  return createAsset(store, scope, { ...input, file: await ingestFile(storage, input.file) });
}

/**
 * createAssetWithFile for a file ingested before: ingest is the slow part (decoding, face
 * detection), so bulk loaders do it outside their transaction.
 */
export async function createAsset(store: Store, scope: Scope, input: Omit<NewAsset, 'file'> & { file: StoredFile }): Promise<AssetRecord> {
  const { locale, file } = input;
  return store.assets.create(scope, {
    ...(input.id ? { id: input.id } : {}),
    fields: {
      title: { [locale]: input.title },
      description: { [locale]: input.description },
      file: { [locale]: file as unknown as Json },
    },
  }, input.createdBy);
}

export async function publishAsset(store: Store, scope: Scope, id: string, expectedVersion?: number): Promise<AssetRecord> {
  return store.transaction(async (tx) => {
    const asset = await tx.assets.get(scope, id);
    if (!asset) throw new FolioError('NOT_FOUND', `Asset "${id}" not found`);
    if (storedFiles(asset).length === 0) {
      throw new FolioError('VALIDATION_FAILED', 'An asset needs a file before it can be published', {
        details: { errors: [{ name: 'required', path: ['fields', 'file'] }] },
      });
    }
    return tx.assets.publish(scope, id, expectedVersion);
  });
}

export function isStoredFile(v: Json | undefined): v is StoredFile & Record<string, Json> {
  return is.plainObject(v) && is.string(v.hash) && is.string(v.fileName) && is.string(v.contentType);
}

/** The stored files of an asset, one per locale that has one. */
export function storedFiles(asset: AssetRecord): StoredFile[] {
  return Object.values(asset.fields.file ?? {}).filter(isStoredFile);
}

export interface ResolvedFile {
  /** Found in the published version (not only in the draft). */
  published: boolean;
  fileName: string;
  contentType: string;
  hash: string;
  read(): Promise<Buffer>;
  /** Faces found at ingest and the editor's focal point, for crops. */
  focus?: ImageFocus;
}

const isBox = (v: unknown): v is { x: number; y: number; width: number; height: number } =>
  is.plainObject(v) && [v.x, v.y, v.width, v.height].every(is.number);

/** What crops need from the stored details; absent parts are left out (crops centre then). */
function focusOf(file: StoredFile): ImageFocus | undefined {
  const image = file.details.image;
  if (!image) return undefined;
  const faces = Array.isArray(image.faces) ? image.faces.filter(isBox) : [];
  const focus: ImageFocus = {
    ...(faces.length > 0 ? { faces } : {}),
    ...(isFocalPoint(image.focalPoint) ? { focalPoint: image.focalPoint } : {}),
  };
  return focus.faces || focus.focalPoint ? focus : undefined;
}

/**
 * Finds the file an /images or /files URL names. Draft files count too (previews show them);
 * the token must match one of the asset's files, so old and guessed URLs are 404.
 */
export async function resolveAssetFile(
  store: Store,
  storage: FileStorage,
  scope: Scope,
  assetId: string,
  token: string,
): Promise<ResolvedFile | undefined> {
  // The published version first: pages link to it, so most requests need this one query only.
  const inVersion = (asset: AssetRecord | undefined) => (asset ? storedFiles(asset).find((f) => storedFileToken(f) === token) : undefined);
  const published = inVersion(await store.assets.getPublished(scope, assetId));
  const file = published ?? inVersion(await store.assets.get(scope, assetId));
  if (!file) return undefined;
  const focus = focusOf(file);
  return {
    published: file === published,
    fileName: file.fileName,
    contentType: file.contentType,
    hash: file.hash,
    ...(focus ? { focus } : {}),
    read: async () => {
      const data = await storage.get(file.hash);
      if (!data) throw new FolioError('NOT_FOUND', 'The file of this asset is missing from storage');
      return data;
    },
  };
}
