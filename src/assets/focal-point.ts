/**
 * The focal point of an image: where its subject is, as fractions of the width and height
 * (x from the left, y from the top, 0..1). Crops without `f` centre on it. This is its one type
 * and one validator; every door (Management API, editor) reads it through `validateFocalPoint`,
 * and the asset operations (src/content/assets.ts) write it through `withFocalPoint`.
 */
import { validationFailed } from '../errors/index.js';
import type { StoredFile } from '../store/types.js';
import * as is from '../validate/is.js';

/** A type, not an interface, so it is assignable to Json. */
export type FocalPoint = { x: number; y: number };

const expected = 'an object {"x", "y"} with numbers from 0 to 1 (x from the left, y from the top), or null';

const fraction = (v: unknown): v is number => is.number(v) && is.inRange(v, 0, 1);

export const isFocalPoint = (v: unknown): v is FocalPoint =>
  is.plainObject(v) && Object.keys(v).length === 2 && fraction(v.x) && fraction(v.y);

/**
 * A focal point, null (none), or Contentful's 422 naming the value's path and what was wrong.
 * `path` is where the value sat in the request, e.g. fields.file.en-US.details.image.focalPoint.
 */
export function validateFocalPoint(v: unknown, path: Array<string | number> = ['focalPoint']): FocalPoint | null {
  if (v === null || v === undefined) return null;
  if (!isFocalPoint(v)) {
    // Shown as JSON: the uniform message of validate/is would show objects as "[object Object]".
    const received = (JSON.stringify(v) ?? String(v)).slice(0, 80);
    const message = `Expected ${expected} for ${path.join('.')} but received ${received}`;
    throw validationFailed([{ name: 'invalid', path, details: message, value: received }], message);
  }
  return { x: v.x, y: v.y };
}

/** A copy of an image file with the focal point set, or removed when null. */
export function withFocalPoint(file: StoredFile, point: FocalPoint | null): StoredFile {
  if (!file.details.image) return file;
  const { focalPoint: _old, ...image } = file.details.image;
  const details = { ...file.details, image: point ? { ...image, focalPoint: point } : image };
  return { ...file, details: details as StoredFile['details'] };
}
