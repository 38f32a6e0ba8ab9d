import { imageFormats } from '../formats.js';
import type { PipelineContext } from '../pipeline.js';
import { white } from './pad.js';

/** Formats without alpha get transparent pixels on bg, else white, as Contentful does; not black. */
export function flatten(ctx: PipelineContext) {
  if (ctx.source.hasAlpha && !imageFormats[ctx.format].alpha) ctx.image.flatten({ background: ctx.background ?? white });
}
