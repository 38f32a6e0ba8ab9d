/** Encodes to the chosen format; sharp strips all metadata unless asked to keep it. */
import type { Sharp } from 'sharp';
import { imageFormats, type ImageFormat } from '../formats.js';
import type { PipelineContext } from '../pipeline.js';
import { sourceError } from '../source-error.js';
import type { ImageParams } from '../types.js';

type Encoder = (image: Sharp, params: ImageParams) => void;

const encoders: Record<ImageFormat, Encoder> = {
  // mozjpeg off: several times faster, and q=80 libjpeg is what Contentful-sized images need.
  jpg: (image, p) => image.jpeg({ quality: p.quality ?? 80, progressive: p.progressive, mozjpeg: false }),
  // q does not apply to PNG, 24-bit or palette (Contentful ignores it too).
  png: (image, p) => image.png(p.png8 ? { palette: true } : {}),
  webp: (image, p) => image.webp({ quality: p.quality ?? 80 }),
  avif: (image, p) => image.avif({ quality: p.quality ?? 50, effort: 4 }),
  gif: (image) => image.gif(),
  tiff: (image, p) => image.tiff({ quality: p.quality ?? 80 }),
};

export async function output(ctx: PipelineContext) {
  encoders[ctx.format](ctx.image, ctx.params);
  try {
    const { data, info } = await ctx.image.toBuffer({ resolveWithObject: true });
    ctx.result = { data, contentType: imageFormats[ctx.format].contentType, width: info.width, height: info.pageHeight ?? info.height };
  } catch (cause) {
    // Pixel data is only decoded here, so this is where corrupt and truncated sources fail.
    throw sourceError(cause);
  }
}
