/**
 * The editor's focal point of an image: where its subject is, as fractions of the width and
 * height (x from the left, y from the top, 0..1). Crops without `f` centre on it.
 */
import { FolioError, refused, validationFailed } from '../errors/index.js';
import type { Store } from '../store/store.js';
import type { AssetRecord, Json, Scope, StoredFile } from '../store/types.js';
import * as is from '../validate/is.js';
import { isImageType } from './file-url.js';

/** A type, not an interface, so it is assignable to Json. */
export type FocalPoint = { x: number; y: number };

const expected = 'an object {"x", "y"} with numbers from 0 to 1 (x from the left, y from the top), or null';

const fraction = (v: unknown): v is number => is.number(v) && is.inRange(v, 0, 1);

export const isFocalPoint = (v: unknown): v is FocalPoint =>
  is.plainObject(v) && Object.keys(v).length === 2 && fraction(v.x) && fraction(v.y);

/** The value checked at the edge: a focal point, null (none), or a 422 naming what was wrong. */
export function validateFocalPoint(v: unknown): FocalPoint | null {
  if (v === null || v === undefined) return null;
  if (!isFocalPoint(v)) {
    // Shown as JSON: the uniform message of validate/is would show objects as "[object Object]".
    const received = (JSON.stringify(v) ?? String(v)).slice(0, 80);
    const message = `Expected ${expected} for focalPoint but received ${received}`;
    throw refused('invalid', ['focalPoint'], message, received);
  }
  return { x: v.x, y: v.y };
}

/** A copy of `file` with the focal point set, or removed when null. */
function withFocalPoint(file: StoredFile, point: FocalPoint | null): StoredFile {
  const { focalPoint: _old, ...image } = file.details.image!;
  const details = { ...file.details, image: point ? { ...image, focalPoint: point } : image };
  return { ...file, details: details as StoredFile['details'] };
}

const isStored = (v: Json | undefined): v is StoredFile & Record<string, Json> =>
  is.plainObject(v) && is.string(v.hash) && is.string(v.fileName) && is.string(v.contentType) && is.plainObject(v.details);

/**
 * Sets (or with null, clears) the focal point of the asset's image in one locale, as an update
 * of the draft (version + 1; publish to make it public). The image URLs change with it.
 */
export async function setFocalPoint(
  store: Store,
  scope: Scope,
  assetId: string,
  locale: string,
  point: unknown,
  expectedVersion?: number,
): Promise<AssetRecord> {
  const focalPoint = validateFocalPoint(point);
  return store.transaction(async (tx) => {
    const asset = await tx.assets.get(scope, assetId);
    if (!asset) throw new FolioError('NOT_FOUND', `Asset "${assetId}" not found`);
    const file = asset.fields.file?.[locale];
    if (!isStored(file) || !isImageType(file.contentType) || !file.details.image) {
      throw validationFailed([{ name: 'required', path: ['fields', 'file', locale], details: 'a focal point needs an image file' }], `Asset "${assetId}" has no image file in locale "${locale}" to set a focal point on`);
    }
    const fields = { ...asset.fields, file: { ...asset.fields.file, [locale]: withFocalPoint(file, focalPoint) as unknown as Json } };
    return tx.assets.update(scope, assetId, { fields }, expectedVersion);
  });
}

/**
 * For an asset update from a client (the Management API): `client` is the file the client
 * sent, `stored` the one stored before with the same hash. Everything Folio derived from the
 * bytes stays as stored (content type, size, width, height, faces, placeholder, colour); from
 * the client come the file name and the focal point, which must be valid (else a 422). When
 * the hashes differ, or nothing was stored, the client's file is another file: it is returned
 * as it came, for the caller to ingest.
 */
export function mergeClientFile(client: StoredFile, stored: StoredFile | undefined): StoredFile {
  if (!stored || stored.hash !== client.hash) return client;
  const merged = { ...client, contentType: stored.contentType, details: stored.details };
  if (!isImageType(stored.contentType) || !stored.details.image) return merged;
  const sent = is.plainObject(client.details) && is.plainObject(client.details.image) ? client.details.image.focalPoint : undefined;
  return { ...merged, details: withFocalPoint(stored, validateFocalPoint(sent)).details };
}
