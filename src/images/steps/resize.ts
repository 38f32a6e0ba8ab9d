import type { PipelineContext } from '../pipeline.js';

/** Scales to the planned size exactly; prepare already kept the aspect ratio where it must. */
export function resize(ctx: PipelineContext) {
  if (ctx.resize) ctx.image.resize(ctx.resize.width, ctx.resize.height, { fit: 'fill' });
}
