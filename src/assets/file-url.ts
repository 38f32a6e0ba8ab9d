import { createHash } from 'node:crypto';
import type { StoredFile } from '../store/types.js';

/**
 * 32 hex chars, like Contentful's; derived from the content hash so it changes with the file,
 * and with the focal point, which changes crops: image URLs are cached as immutable.
 */
export function fileToken(hash: string, focalPoint?: { x: number; y: number }): string {
  if (!focalPoint) return hash.slice(0, 32);
  return createHash('sha256').update(`${hash}\n${focalPoint.x},${focalPoint.y}`).digest('hex').slice(0, 32);
}

/** The token of a stored file (its focal point counts only when it is a valid one). */
export const storedFileToken = (file: StoredFile) => {
  const point = file.details?.image?.focalPoint;
  const valid = point && [point.x, point.y].every((v) => typeof v === 'number' && v >= 0 && v <= 1);
  return fileToken(file.hash, valid ? point : undefined);
};

/** Images the Images API reads: raster ones it decodes, and SVG, which it rasterises. */
export const isImageType = (contentType: string) => /^image\/(jpeg|png|webp|avif|gif|tiff|svg\+xml)$/.test(contentType);

/** Vector images: served as they are (under a sandboxing policy), rasterised when transformed. */
export const isSvgType = (contentType: string) => contentType === 'image/svg+xml';

/**
 * Protocol-relative URL of an asset file, as Contentful's `fields.file.url`: images under
 * /images (transformable; SVG too, as on images.ctfassets.net), everything else under /files.
 */
export function fileUrl(publicUrl: string, spaceId: string, assetId: string, file: StoredFile): string {
  const base = publicUrl.replace(/^https?:/, '');
  const kind = isImageType(file.contentType) ? 'images' : 'files';
  const parts = [spaceId, assetId, storedFileToken(file), file.fileName].map(encodeURIComponent);
  return `${base}/${kind}/${parts.join('/')}`;
}
