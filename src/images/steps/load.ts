/**
 * Opens the source with limits checked from the header, before any pixel is decoded: too many
 * pixels, an unknown format or an unreadable header is a 400 at once, so a decompression bomb
 * costs a header read.
 */
import sharp, { type Metadata } from 'sharp';
import { formatOfMetadata, imageFormats, type ImageFormat } from '../formats.js';
import { chooseOutputFormat } from '../output-format.js';
import type { PipelineContext } from '../pipeline.js';
import { sourceError, unprocessableSource } from '../source-error.js';
import type { ImageFocus, ImageParams, Rgba } from '../types.js';

/** Output formats that keep every frame of an animated source. */
const animatedFormats: ReadonlySet<ImageFormat> = new Set(['gif', 'webp']);

/** A colour over white, for outputs without alpha. */
const opaque = (c: Rgba): Rgba => ({
  r: Math.round(c.r * c.alpha + 255 * (1 - c.alpha)),
  g: Math.round(c.g * c.alpha + 255 * (1 - c.alpha)),
  b: Math.round(c.b * c.alpha + 255 * (1 - c.alpha)),
  alpha: 1,
});

export interface LoadOptions {
  limits?: SourceLimits | undefined;
  /** The request's Accept header, for fm=auto. */
  accept?: string | undefined;
}

export interface SourceLimits {
  /** Largest width × height decoded (per frame). */
  maxPixels: number;
  /** Wall-clock budget for one transform, so a pathological file cannot hold a worker. */
  timeoutSeconds: number;
}

export const defaultSourceLimits: SourceLimits = { maxPixels: 50_000_000, timeoutSeconds: 20 };

// 'error' rejects truncated and invalid pixel data but tolerates the harmless warnings many
// camera JPEGs raise (sharp's default 'warning' would refuse those).
const failOn = 'error';

export async function load(
  input: Buffer,
  params: ImageParams,
  focus: ImageFocus | undefined,
  { limits = defaultSourceLimits, accept }: LoadOptions = {},
): Promise<PipelineContext> {
  const options = { failOn, limitInputPixels: limits.maxPixels } as const;
  let meta: Metadata;
  try {
    meta = await sharp(input, options).metadata();
  } catch (cause) {
    throw sourceError(cause);
  }
  const format = formatOfMetadata(meta);
  if (!format) throw unprocessableSource('its format is not supported');
  if (!meta.width || !meta.height) throw unprocessableSource('it has no dimensions');
  // Round corners are a composite, which sharp does not apply per frame: those get one frame.
  const pages = meta.pages ?? 1;
  const canAnimate = pages > 1 && params.radius === undefined;
  const output = chooseOutputFormat(params, format, { hasAlpha: meta.hasAlpha, accept, animated: canAnimate });
  const animated = canAnimate && animatedFormats.has(output);
  const frames = animated ? pages : 1;
  const frameHeight = animated ? (meta.pageHeight ?? meta.height) : meta.height;
  // Every decoded frame counts against the limit.
  if (meta.width * frameHeight * frames > limits.maxPixels) throw unprocessableSource('it has too many pixels');

  // rotate() before any extract: crop coordinates are in the upright image.
  const image = sharp(input, { ...options, ...(animated ? { animated: true } : {}) })
    .timeout({ seconds: limits.timeoutSeconds })
    .rotate();
  const upright = animated ? { width: meta.width, height: frameHeight } : meta.autoOrient;
  const background = params.background && !imageFormats[output].alpha ? opaque(params.background) : params.background;
  return {
    params,
    focus,
    source: { format, width: upright.width, height: upright.height, hasAlpha: meta.hasAlpha, frames },
    image,
    format: output,
    size: { width: upright.width, height: upright.height },
    background,
  };
}
