/**
 * Decodes, orients and shrinks an image with sharp into the raw RGB the detector takes.
 * SSD MobileNet v1 looks at a 512 × 512 square whatever it is given, so a larger input only
 * costs transfer and tensor work; sharp's downscale is also better than the model's bilinear one.
 */
import { loadSharp } from '../images/index.js';
import type { DetectorInput } from './types.js';

export const detectorSide = 512;

/** Same cap as ingest: a larger image is refused there before it gets here. */
const limitInputPixels = 50_000_000;

export async function detectorInput(image: Buffer): Promise<DetectorInput> {
  const sharp = await loadSharp();
  const oriented = sharp(image, { limitInputPixels }).rotate();
  const meta = await sharp(image, { limitInputPixels }).metadata();
  const original = { width: meta.autoOrient?.width ?? meta.width ?? 0, height: meta.autoOrient?.height ?? meta.height ?? 0 };
  const { data, info } = await oriented
    .resize(detectorSide, detectorSide, { fit: 'inside', withoutEnlargement: true })
    // Transparent areas become white rather than whatever colour their invisible pixels hold.
    .flatten({ background: '#ffffff' })
    .removeAlpha()
    .toColourspace('srgb')
    // 8 bits per channel, as the tensor below is built, whatever the source's depth.
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 3) throw new Error(`expected 3 channels after conversion but got ${info.channels}`);
  return {
    data: new Uint8Array(data.buffer, data.byteOffset, data.length),
    width: info.width,
    height: info.height,
    scale: original.width / info.width,
    original,
  };
}
