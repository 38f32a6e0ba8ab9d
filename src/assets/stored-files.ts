/**
 * An asset's stored files: what a stored file looks like and how an /images or /files URL
 * finds one. Writing assets is src/content/assets.ts's job (the one asset domain).
 */
import { FolioError } from '../errors/index.js';
import type { Readable } from 'node:stream';
import type { ByteRange, FileStorage } from '../storage/types.js';
import type { Store } from '../store/store.js';
import type { AssetRecord, Json, Scope, StoredFile } from '../store/types.js';
import * as is from '../validate/is.js';
import type { ImageFocus } from '../images/index.js';
import type { Standing } from '../http/fast-path.js';
import { storedFileToken } from './file-url.js';
import { isFocalPoint } from './focal-point.js';

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
  size?: number;
  stream(range?: ByteRange): Promise<Readable | undefined>;
  /** Faces found at ingest and the editor's focal point, for crops. */
  focus?: ImageFocus;
  /** While this is the file its URL names (published-files.ts); unset for a file looked up each time. */
  standing?: Standing;
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
  const size = file.details.size;
  return {
    published: file === published,
    fileName: file.fileName,
    contentType: file.contentType,
    hash: file.hash,
    ...(focus ? { focus } : {}),
    ...(is.integer(size) && size >= 0 ? { size } : {}),
    stream: (range) => storage.stream(file.hash, range),
    read: async () => {
      const data = await storage.get(file.hash);
      if (!data) throw new FolioError('NOT_FOUND', 'The file of this asset is missing from storage');
      return data;
    },
  };
}
