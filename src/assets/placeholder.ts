/**
 * What a page can paint before an image arrives: a ThumbHash (about 25 bytes, decodes to a
 * blurred preview) and the image's dominant colour.
 */
import { rgbaToThumbHash } from 'thumbhash';
import { loadSharp } from '../images/index.js';

export interface Placeholder {
  /** base64 ThumbHash */
  thumbhash: string;
  /** #rrggbb */
  dominantColor: string;
}

const hex = (n: number) => n.toString(16).padStart(2, '0');

export async function placeholderOf(data: Buffer): Promise<Placeholder> {
  // ThumbHash takes at most 100×100; EXIF orientation applied so the preview matches the image.
  const sharp = await loadSharp();
  const image = sharp(data, { limitInputPixels: 50_000_000 }).rotate();
  const [{ data: rgba, info }, stats] = await Promise.all([
    image.clone().resize(100, 100, { fit: 'inside' }).ensureAlpha().raw().toBuffer({ resolveWithObject: true }),
    image.clone().stats(),
  ]);
  const { r, g, b } = stats.dominant;
  return {
    thumbhash: Buffer.from(rgbaToThumbHash(info.width, info.height, rgba)).toString('base64'),
    dominantColor: `#${hex(r)}${hex(g)}${hex(b)}`,
  };
}
