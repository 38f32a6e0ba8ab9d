import { imageFormats } from '../formats.js';
import type { PipelineContext } from '../pipeline.js';
import type { Rgba } from '../types.js';

export const transparent: Rgba = { r: 0, g: 0, b: 0, alpha: 0 };
export const white: Rgba = { r: 255, g: 255, b: 255, alpha: 1 };

/** bg when given; otherwise transparent where the output has alpha, white where it has none. */
export const fillColour = (ctx: PipelineContext): Rgba => ctx.background ?? (imageFormats[ctx.format].alpha ? transparent : white);

/** fit=pad: extends the resized image to the exact size with the fill colour. */
export function pad(ctx: PipelineContext) {
  if (ctx.pad) ctx.image.extend({ ...ctx.pad, background: fillColour(ctx) });
}
