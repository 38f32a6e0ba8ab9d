/** Plans, from the params and the source alone, the crop, size and padding: one planner per fit. */
import { containSize, coverWindow, fillSize, fitInside, sameSize, zoomWindow } from '../geometry.js';
import { focusBox, placeOnFocus, placeWindow } from '../gravity.js';
import type { PipelineContext } from '../pipeline.js';
import type { Fit, Size } from '../types.js';

/** Upper bound of a side derived from the aspect ratio (w and h themselves are capped by parsing). */
const maxDerivedSide = 4000;

type Planner = (ctx: PipelineContext) => void;

const targetOf = ({ source, params }: PipelineContext) => fillSize(source, maxDerivedSide, params.width, params.height);

/** Keeps `window` of the source (placed by f or the focal point), then scales it to `target`. */
function cropThenScale(ctx: PipelineContext, window: Size, target: Size, place = () => placeOnFocus(ctx.source, window, ctx.params.gravity, ctx.focus)) {
  // Cropping the source first keeps intermediate images no larger than source or output.
  if (!sameSize(window, ctx.source)) ctx.crop = place();
  if (!sameSize(target, window)) ctx.resize = target;
  ctx.size = target;
}

/** No fit: shrink to fit inside w×h. */
const planInside: Planner = (ctx) => {
  const { source, params } = ctx;
  const size = fitInside(source, params.width, params.height);
  if (!sameSize(size, source)) ctx.resize = size;
  ctx.size = size;
};

/** fit=fill: crop the source to the target's aspect ratio where the gravity says, then scale. */
const planFill: Planner = (ctx) => {
  const target = targetOf(ctx);
  cropThenScale(ctx, coverWindow(ctx.source, target), target);
};

/** fit=scale: exactly w×h, distorting the aspect ratio if need be. */
const planScale: Planner = (ctx) => {
  const target = targetOf(ctx);
  if (!sameSize(target, ctx.source)) ctx.resize = target;
  ctx.size = target;
};

/** fit=pad: contain inside w×h, then pad to exactly w×h; f places the image in the frame. */
const planPad: Planner = (ctx) => {
  const target = targetOf(ctx);
  const inner = containSize(ctx.source, target);
  if (!sameSize(inner, ctx.source)) ctx.resize = inner;
  const { left, top } = placeWindow(target, inner, ctx.params.gravity ?? 'center');
  if (!sameSize(inner, target)) {
    ctx.pad = { left, top, right: target.width - inner.width - left, bottom: target.height - inner.height - top };
  }
  ctx.size = target;
};

/** fit=crop: a w×h window of the unscaled source (a missing side, or one too long, is the source's). */
const planCrop: Planner = (ctx) => {
  const { source, params } = ctx;
  const window = {
    width: Math.min(params.width ?? source.width, source.width),
    height: Math.min(params.height ?? source.height, source.height),
  };
  cropThenScale(ctx, window, window);
};

/** fit=thumb: like fill, but with f=face/faces zoomed in so the face box fills much of the frame. */
const planThumb: Planner = (ctx) => {
  const { params, source } = ctx;
  const box = params.gravity === 'face' || params.gravity === 'faces' ? focusBox(params.gravity, ctx.focus?.faces) : undefined;
  if (!box) return planFill(ctx);
  const target = targetOf(ctx);
  const window = zoomWindow(box, target, coverWindow(source, target));
  cropThenScale(ctx, window, target, () => placeWindow(source, window, params.gravity!, ctx.focus?.faces));
};

const planners: Record<Fit | 'inside', Planner> = {
  inside: planInside,
  fill: planFill,
  scale: planScale,
  pad: planPad,
  crop: planCrop,
  thumb: planThumb,
};

export function prepare(ctx: PipelineContext) {
  planners[ctx.params.fit ?? 'inside'](ctx);
}
