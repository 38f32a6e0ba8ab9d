/** Decides, from the params and the source alone, the output format, crop and size. */
import { coverWindow, fillSize, fitInside, sameSize } from '../geometry.js';
import { placeWindow } from '../gravity.js';
import { chooseOutputFormat } from '../output-format.js';
import type { PipelineContext } from '../pipeline.js';
import type { Fit } from '../types.js';

/** Upper bound of a side derived from the aspect ratio (w and h themselves are capped by parsing). */
const maxDerivedSide = 4000;

type Planner = (ctx: PipelineContext) => void;

/** No fit: shrink to fit inside w×h. */
const planInside: Planner = (ctx) => {
  const { source, params } = ctx;
  const size = fitInside(source, params.width, params.height);
  if (!sameSize(size, source)) ctx.resize = size;
};

/** fit=fill: crop the source to the target's aspect ratio where the gravity says, then scale. */
const planFill: Planner = (ctx) => {
  const { source, params } = ctx;
  const target = fillSize(source, maxDerivedSide, params.width, params.height);
  const window = coverWindow(source, target);
  // Cropping the source first keeps intermediate images no larger than source or output.
  if (!sameSize(window, source)) ctx.crop = placeWindow(source, window, params.gravity, ctx.focus?.faces);
  if (!sameSize(target, window)) ctx.resize = target;
};

const planners: Record<Fit | 'inside', Planner> = { inside: planInside, fill: planFill };

export function prepare(ctx: PipelineContext) {
  ctx.format = chooseOutputFormat(ctx.params, ctx.source.format);
  planners[ctx.params.fit ?? 'inside'](ctx);
}
