/**
 * Opens the source with limits checked from the header, before any pixel is decoded: too many
 * pixels, an unknown format or an unreadable header is a 400 at once, so a decompression bomb
 * costs a header read.
 */
import type { Metadata, SharpOptions } from 'sharp';
import { loadSharp } from '../sharp-settings.js';
import { formatOfContentType, formatOfMetadata, imageFormats, isVectorType, type ImageFormat } from '../formats.js';
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
  /** The type the file is stored as: SVG bytes are rasterised only when it says image/svg+xml. */
  sourceType?: string | undefined;
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

const metadataOf = async (input: Buffer, options: SharpOptions) => {
  try {
    return await (await loadSharp())(input, options).metadata();
  } catch (cause) {
    throw sourceError(cause);
  }
};

/**
 * The header of a source Buffer, read once per Buffer: the originals kept in memory
 * (originals.ts) come back as the same Buffer, and their header cannot change under it.
 */
const headers = new WeakMap<Buffer, Promise<Metadata>>();
const headerOf = (input: Buffer): Promise<Metadata> => {
  let header = headers.get(input);
  if (!header) {
    header = metadataOf(input, { failOn, limitInputPixels: false });
    headers.set(input, header);
    // A failure is not kept: it is cheap to find again, and the Buffer may be refused for good anyway.
    header.catch(() => {
      if (headers.get(input) === header) headers.delete(input);
    });
  }
  return header;
};

/** sharp's largest density. */
const maxDensity = 100_000;

/**
 * The density to rasterise a vector source at: large enough that the asked width and height
 * need no upscaling (a vector has no pixels to lose), small enough that the raster stays
 * within the pixel limit, however large the size the SVG declares. Slightly over, so rounding
 * never leaves the raster a pixel short.
 */
function vectorDensity(meta: Metadata, params: ImageParams, maxPixels: number): number {
  const density = meta.density ?? 72;
  const { width, height } = meta;
  if (!width || !height) return density;
  const wanted = Math.max(1, (params.width ?? 0) / width, (params.height ?? 0) / height) * 1.001;
  const allowed = Math.sqrt(maxPixels / (width * height)) * 0.999;
  return Math.min(maxDensity, density * Math.min(wanted, allowed));
}

export async function load(
  input: Buffer,
  params: ImageParams,
  focus: ImageFocus | undefined,
  { limits = defaultSourceLimits, accept, sourceType }: LoadOptions = {},
): Promise<PipelineContext> {
  let options: SharpOptions = { failOn, limitInputPixels: limits.maxPixels };
  // The header alone, unlimited: a vector's declared size is no cost (it is rasterised at the
  // density chosen below); a raster's pixel count is checked below, and by sharp on decoding.
  let meta = await headerOf(input);
  const vector = meta.format === 'svg' && sourceType !== undefined && isVectorType(sourceType);
  if (vector) {
    // Rasterised at the density the request needs, and described at that density from here on.
    options = { ...options, density: vectorDensity(meta, params, limits.maxPixels) };
    meta = await metadataOf(input, options);
  }
  const format = vector ? formatOfContentType(sourceType!) : formatOfMetadata(meta);
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
  const sharp = await loadSharp();
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
