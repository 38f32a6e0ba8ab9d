/** r: rounds the corners (r=max: a circle or ellipse) with an SVG mask composited over the output. */
import type { PipelineContext } from '../pipeline.js';
import { fillColour } from './pad.js';

const svg = (width: number, height: number, body: string) =>
  Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${body}</svg>`);

export function round(ctx: PipelineContext) {
  const { radius } = ctx.params;
  if (radius === undefined) return;
  const { width, height } = ctx.size;
  // SVG clamps rx/ry to half the sides, so r=max and any large r give an ellipse.
  const [rx, ry] = radius === 'max' ? [width / 2, height / 2] : [radius, radius];
  const mask = svg(width, height, `<rect width="${width}" height="${height}" rx="${rx}" ry="${ry}" fill="#fff"/>`);
  const layers: { input: Buffer; blend: 'dest-in' | 'dest-over' }[] = [{ input: mask, blend: 'dest-in' }];
  const fill = fillColour(ctx);
  if (fill.alpha > 0) {
    // Fill the cut-off corners underneath: bg, or white where the output has no alpha.
    const colour = `rgb(${fill.r},${fill.g},${fill.b})`;
    layers.push({ input: svg(width, height, `<rect width="${width}" height="${height}" fill="${colour}" fill-opacity="${fill.alpha}"/>`), blend: 'dest-over' });
  }
  ctx.image.composite(layers);
}
