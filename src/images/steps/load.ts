/**
 * Opens the source with limits checked from the header, before any pixel is decoded: too many
 * pixels, an unknown format or an unreadable header is a 400 at once, so a decompression bomb
 * costs a header read.
 */
import sharp, { type Metadata } from 'sharp';
import { formatOfMetadata } from '../formats.js';
import type { PipelineContext } from '../pipeline.js';
import { sourceError, unprocessableSource } from '../source-error.js';
import type { ImageFocus, ImageParams } from '../types.js';

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
  limits: SourceLimits = defaultSourceLimits,
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
  if (meta.width * meta.height > limits.maxPixels) throw unprocessableSource('it has too many pixels');

  // rotate() before any extract: crop coordinates are in the upright image.
  const image = sharp(input, options).timeout({ seconds: limits.timeoutSeconds }).rotate();
  return {
    params,
    focus,
    source: { format, width: meta.autoOrient.width, height: meta.autoOrient.height, hasAlpha: meta.hasAlpha },
    image,
    format,
  };
}
