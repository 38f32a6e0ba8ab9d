import type { PipelineContext } from '../pipeline.js';

/** Browsers assume sRGB once the ICC profile is stripped, so convert CMYK, P3, 16-bit … to it. */
export function colourspace(ctx: PipelineContext) {
  ctx.image.toColourspace('srgb');
}
