/** `Asset.url(transform: …)`: Contentful's GraphQL transform options as Folio's Images API query. */
import { fileUrl, isImageType } from '../assets/index.js';
import { parseImageParams } from '../images/index.js';
import type { StoredFile } from '../store/index.js';
import { graphqlError } from './errors.js';

export const resizeStrategies = ['FIT', 'PAD', 'FILL', 'SCALE', 'CROP', 'THUMB'] as const;
export const resizeFocuses = ['CENTER', 'TOP', 'TOP_RIGHT', 'RIGHT', 'BOTTOM_RIGHT', 'BOTTOM', 'BOTTOM_LEFT', 'LEFT', 'TOP_LEFT', 'FACE', 'FACES'] as const;
export const imageFormats = ['JPG', 'JPG_PROGRESSIVE', 'PNG', 'PNG8', 'WEBP', 'AVIF'] as const;

export interface ImageTransform {
  width?: number | null;
  height?: number | null;
  quality?: number | null;
  cornerRadius?: number | null;
  resizeStrategy?: (typeof resizeStrategies)[number] | null;
  resizeFocus?: (typeof resizeFocuses)[number] | null;
  backgroundColor?: string | null;
  format?: (typeof imageFormats)[number] | null;
}

/** Images API parameters in the order its normalised form lists them; FIT is the default (no fit). */
export function transformQuery(t: ImageTransform): string {
  const q = new URLSearchParams();
  if (t.width != null) q.set('w', String(t.width));
  if (t.height != null) q.set('h', String(t.height));
  if (t.resizeStrategy && t.resizeStrategy !== 'FIT') q.set('fit', t.resizeStrategy.toLowerCase());
  if (t.resizeFocus) q.set('f', t.resizeFocus.toLowerCase());
  if (t.cornerRadius != null) q.set('r', String(t.cornerRadius));
  if (t.backgroundColor) {
    const hex = t.backgroundColor.slice(1);
    q.set('bg', `rgb:${hex}`);
  }
  if (t.quality != null) q.set('q', String(t.quality));
  if (t.format) {
    q.set('fm', t.format.startsWith('JPG') ? 'jpg' : t.format.startsWith('PNG') ? 'png' : t.format.toLowerCase());
    if (t.format === 'JPG_PROGRESSIVE') q.set('fl', 'progressive');
    if (t.format === 'PNG8') q.set('fl', 'png8');
  }
  return q.toString();
}

/**
 * The file's absolute URL (GraphQL's urls carry a scheme, unlike the REST file.url), with the
 * transform as an Images API query, signed when Folio signs image URLs.
 */
export function assetUrl(options: { publicUrl: string; spaceId: string; assetId: string; file: StoredFile; transform: ImageTransform | null | undefined; signImage: ((pathAndQuery: string) => string) | undefined }): string {
  const { publicUrl, file } = options;
  const url = new URL(`${new URL(publicUrl).protocol}${fileUrl(publicUrl, options.spaceId, options.assetId, file)}`);
  if (!options.transform || !isImageType(file.contentType)) return url.href;
  const query = transformQuery(options.transform);
  if (!query) return url.href;
  try {
    parseImageParams(query);
  } catch (err) {
    throw graphqlError('INVALID_QUERY', `Query execution error. The transform is not valid: ${(err as Error).message}`);
  }
  const pathAndQuery = `${url.pathname}?${query}`;
  return `${url.origin}${options.signImage ? options.signImage(pathAndQuery) : pathAndQuery}`;
}
