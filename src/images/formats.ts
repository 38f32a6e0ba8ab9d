/** The image formats Folio reads and writes, by Contentful's `fm` names. */
import type { Metadata } from 'sharp';

export const imageFormats = {
  jpg: { contentType: 'image/jpeg', alpha: false },
  png: { contentType: 'image/png', alpha: true },
  webp: { contentType: 'image/webp', alpha: true },
  avif: { contentType: 'image/avif', alpha: true },
  gif: { contentType: 'image/gif', alpha: true },
  tiff: { contentType: 'image/tiff', alpha: true },
} as const;

export type ImageFormat = keyof typeof imageFormats;

const byContentType = new Map<string, ImageFormat>(
  Object.entries(imageFormats).map(([format, { contentType }]) => [contentType, format as ImageFormat]),
);

/**
 * Vector sources, by stored type and libvips' name, with the raster format they become when
 * no fm is given: PNG, which keeps their transparency and sharp edges.
 */
const vectorSources: Record<string, ImageFormat> = { 'image/svg+xml': 'png' };

const bareType = (contentType: string) => contentType.split(';')[0]!.trim().toLowerCase();

/** Whether a stored type is a vector image, which the pipeline rasterises. */
export const isVectorType = (contentType: string) => Object.hasOwn(vectorSources, bareType(contentType));

/**
 * The format a stored file is read as (a vector source: the format it is rasterised to);
 * undefined for anything the pipeline must not open.
 */
export const formatOfContentType = (contentType: string): ImageFormat | undefined => {
  const bare = bareType(contentType);
  return byContentType.get(bare) ?? (isVectorType(bare) ? vectorSources[bare] : undefined);
};

/**
 * The format the bytes really are, from their header. HEIC (HEVC in HEIF) is refused: the
 * bundled libvips cannot decode it. SVG, PDF and the rest are refused too: a vector source is
 * read only when it is stored as one (steps/load.ts).
 */
export function formatOfMetadata(meta: Pick<Metadata, 'format' | 'compression'>): ImageFormat | undefined {
  switch (meta.format) {
    case 'jpeg':
      return 'jpg';
    case 'png':
    case 'webp':
    case 'gif':
    case 'tiff':
      return meta.format;
    case 'heif':
      return meta.compression === 'av1' ? 'avif' : undefined;
    default:
      return undefined;
  }
}
