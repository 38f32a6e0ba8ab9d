/**
 * What a transform will cost, known before any pixel is decoded: time in "JPEG megapixels" (the
 * work of encoding one megapixel as JPEG) and memory in bytes. The factors were measured with
 * sharp 0.35 / libvips 8.18 encoding the same 2000×2000 photo: per output pixel AVIF (effort 4)
 * took about 25× as long as JPEG, GIF (palette quantisation) about 15×, WebP 2–3×; decoding a
 * source pixel costs about a quarter of encoding one as JPEG. Memory is the growth of peak RSS
 * per output pixel in the same runs (AVIF 30–45 bytes, plus libaom's own buffers).
 */
import { FolioError } from '../errors/index.js';
import type { ImageFormat } from './formats.js';
import type { PipelineContext } from './pipeline.js';

/** Relative time to encode one output pixel (per frame). */
const encodeTime: Record<ImageFormat, number> = { jpg: 1, tiff: 1, png: 2, webp: 3, gif: 15, avif: 25 };
const decodeTime = 0.25;

/** Bytes held per output pixel while encoding (peak RSS growth, measured). */
const encodeBytes: Record<ImageFormat, number> = { jpg: 4, tiff: 4, png: 6, webp: 10, gif: 28, avif: 44 };
/** Bytes per source pixel: a crop decodes the whole source into memory (3 bands, plus headroom). */
const decodeBytes = 4;

/**
 * The most a transform may cost, in JPEG megapixels. It admits AVIF up to about 4.5 MP (2560×1600,
 * 2560×1440 from a 50 MP source), WebP, PNG and JPEG up to Contentful's 4000×4000, and every
 * size the hub asks for; it refuses what takes tens of seconds and gigabytes, such as a
 * 4000×4000 AVIF (400).
 */
export const transformCostLimit = 120;

export interface TransformPlan {
  /** Pixels decoded: source width × height × frames kept. */
  sourcePixels: number;
  /** Size of the compressed source in bytes (held while transforming). */
  sourceBytes: number;
  /** Pixels written: output width × height × frames. */
  outputPixels: number;
  format: ImageFormat;
}

/** The plan of a transform whose geometry is planned (planTransform), every frame counted. */
export function planOf(ctx: Pick<PipelineContext, 'source' | 'size' | 'format'>, sourceBytes: number): TransformPlan {
  const { source, size, format } = ctx;
  return {
    sourcePixels: source.width * source.height * source.frames,
    sourceBytes,
    outputPixels: size.width * size.height * source.frames,
    format,
  };
}

const mega = (n: number) => n / 1_000_000;

/** Time, in JPEG megapixels. */
export const costOf = (plan: Pick<TransformPlan, 'sourcePixels' | 'outputPixels' | 'format'>) =>
  mega(plan.sourcePixels) * decodeTime + mega(plan.outputPixels) * encodeTime[plan.format];

/** Estimated peak bytes, for the work queue's memory budget. */
export const memoryOf = (plan: TransformPlan) =>
  plan.sourceBytes + plan.sourcePixels * decodeBytes + plan.outputPixels * encodeBytes[plan.format];

const round1 = (n: number) => Math.round(n * 10) / 10;

/** A 400 naming w, h and fm, what the transform would cost and the limit; nothing when within it. */
export function checkCost(plan: Pick<TransformPlan, 'sourcePixels' | 'outputPixels' | 'format'>, output: { width: number; height: number; frames: number }) {
  const cost = costOf(plan);
  if (cost <= transformCostLimit) return;
  const frames = output.frames > 1 ? ` × ${output.frames} frames` : '';
  throw new FolioError(
    'INVALID_QUERY',
    `The transform asked for by w, h and fm is too costly: ${output.width}×${output.height}${frames} px as ${plan.format} costs ${round1(cost)}, ` +
      `the limit is ${transformCostLimit} (AVIF up to about 2560×1600 px; JPEG, PNG and WebP up to 4000×4000 px). Ask for a smaller w or h, or another fm.`,
    {
      details: {
        parameters: ['w', 'h', 'fm'],
        cost: round1(cost),
        limit: transformCostLimit,
        output: { width: output.width, height: output.height, frames: output.frames, format: plan.format },
      },
    },
  );
}

/** Fits that always give exactly w×h when both are set. */
const exactFits = new Set(['fill', 'scale', 'pad', 'thumb']);

/** The output pixels the query alone implies (0 when they depend on the source). */
export const leastOutputPixels = ({ width, height, fit }: { width?: number; height?: number; fit?: string }) =>
  width !== undefined && height !== undefined && fit !== undefined && exactFits.has(fit) ? width * height : 0;
