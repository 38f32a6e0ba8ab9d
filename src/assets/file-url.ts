import type { StoredFile } from '../store/types.js';

/** 32 hex chars, like Contentful's; derived from the content hash so it changes with the file. */
export const fileToken = (hash: string) => hash.slice(0, 32);

export const isImageType = (contentType: string) => /^image\/(jpeg|png|webp|avif|gif|tiff)$/.test(contentType);

/**
 * Protocol-relative URL of an asset file, as Contentful's `fields.file.url`: images under
 * /images (transformable), everything else under /files.
 */
export function fileUrl(publicUrl: string, spaceId: string, assetId: string, file: StoredFile): string {
  const base = publicUrl.replace(/^https?:/, '');
  const kind = isImageType(file.contentType) ? 'images' : 'files';
  const parts = [spaceId, assetId, fileToken(file.hash), file.fileName].map(encodeURIComponent);
  return `${base}/${kind}/${parts.join('/')}`;
}
