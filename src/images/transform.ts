/** Runs the image pipeline: independent of HTTP, so imports and prewarming can reuse it. */
import { FolioError } from '../errors/index.js';
import type { PipelineContext, Step } from './pipeline.js';
import { colourspace } from './steps/colourspace.js';
import { crop } from './steps/crop.js';
import { flatten } from './steps/flatten.js';
import { load, type SourceLimits } from './steps/load.js';
import { pad } from './steps/pad.js';
import { output } from './steps/output.js';
import { prepare } from './steps/prepare.js';
import { resize } from './steps/resize.js';
import { round } from './steps/round.js';
import type { ImageFocus, ImageParams, TransformResult } from './types.js';

export interface TransformOptions {
  /** The request's Accept header, for fm=auto. */
  accept?: string | undefined;
  /** The type the file is stored as (a vector source is rasterised only when stored as one). */
  sourceType?: string | undefined;
}

/** After load, in order; sharp applies each operation lazily and decodes once, in output. */
export const steps: readonly Step[] = [prepare, crop, resize, flatten, pad, round, colourspace, output];

/**
 * Reads the source's header and plans the geometry and format, without decoding a pixel: what
 * the transform will cost is known from the result (source, size, format) before it runs.
 */
export async function planTransform(
  input: Buffer,
  params: ImageParams,
  focus?: ImageFocus,
  limits?: SourceLimits,
  options: TransformOptions = {},
): Promise<PipelineContext> {
  const ctx = await load(input, params, focus, { limits, accept: options.accept, sourceType: options.sourceType });
  prepare(ctx);
  return ctx;
}

/** Runs a planned transform: decodes, applies the plan, encodes. */
export async function render(ctx: PipelineContext): Promise<TransformResult> {
  for (const step of steps) if (step !== prepare) await step(ctx);
  if (!ctx.result) throw new FolioError('SERVER_ERROR', 'The image pipeline produced no output');
  return ctx.result;
}

export async function transform(
  input: Buffer,
  params: ImageParams,
  focus?: ImageFocus,
  limits?: SourceLimits,
  options: TransformOptions = {},
): Promise<TransformResult> {
  return render(await planTransform(input, params, focus, limits, options));
}
