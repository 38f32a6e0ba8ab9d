import type { PipelineContext } from '../pipeline.js';

/** Keeps the planned region; runs before resize, so sharp extracts from the upright source. */
export function crop(ctx: PipelineContext) {
  if (ctx.crop) ctx.image.extract(ctx.crop);
}
