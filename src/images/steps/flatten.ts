import { imageFormats } from '../formats.js';
import type { PipelineContext } from '../pipeline.js';

/** Formats without alpha get transparent pixels on white, as Contentful does, not black. */
export function flatten(ctx: PipelineContext) {
  if (ctx.source.hasAlpha && !imageFormats[ctx.format].alpha) ctx.image.flatten({ background: '#ffffff' });
}
