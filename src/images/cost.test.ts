import { describe, expect, it } from 'vitest';
import { checkCost, costOf, leastOutputPixels, transformCostLimit } from './cost.js';
import type { ImageFormat } from './formats.js';
import { defaultSourceLimits } from './steps/load.js';

/** The largest source the pipeline opens: every legitimate size must pass even from it. */
const largestSource = defaultSourceLimits.maxPixels;
const costFor = (width: number, height: number, format: ImageFormat, sourcePixels = largestSource) =>
  costOf({ sourcePixels, outputPixels: width * height, format });

describe('transform cost limit', () => {
  // The hub's srcset widths (src/site/models.ts: hero 16:9, cards 330:216, inline at the image's
  // own ratio, here a 2:3 portrait), the seed card, and a 2560 px wide srcset, in each format fm=auto picks.
  const legitimate: [number, number][] = [
    ...[480, 640, 960, 1280, 1760].map((w): [number, number] => [w, Math.round((w * 9) / 16)]),
    ...[400, 660, 960, 1320].map((w): [number, number] => [w, Math.round((w * 216) / 330)]),
    ...[480, 720, 960, 1440].map((w): [number, number] => [w, Math.round((w * 3) / 2)]),
    [330, 216],
    [2560, 1440],
    [2560, 1600],
  ];
  it.each(['avif', 'webp', 'jpg', 'png'] as const)('admits every size the hub and a 2560 px srcset ask for as %s, from a 50 MP source', (format) => {
    for (const [w, h] of legitimate) expect(costFor(w, h, format), `${w}×${h}`).toBeLessThanOrEqual(transformCostLimit);
  });

  it.each(['jpg', 'png', 'webp', 'tiff'] as const)("admits Contentful's largest size, 4000×4000, as %s", (format) => {
    expect(costFor(4000, 4000, format)).toBeLessThanOrEqual(transformCostLimit);
  });

  it('refuses a 4000×4000 or 2560×2560 AVIF, and a 4000×4000 GIF', () => {
    expect(costFor(4000, 4000, 'avif', 0)).toBeGreaterThan(transformCostLimit);
    expect(costFor(2560, 2560, 'avif', 0)).toBeGreaterThan(transformCostLimit);
    expect(costFor(4000, 4000, 'gif', 0)).toBeGreaterThan(transformCostLimit);
  });

  it('counts every frame of an animation', () => {
    const frame = 480 * 270;
    expect(costOf({ sourcePixels: frame * 60, outputPixels: frame * 60, format: 'webp' })).toBeLessThanOrEqual(transformCostLimit);
    expect(costOf({ sourcePixels: frame * 200, outputPixels: frame * 200, format: 'gif' })).toBeGreaterThan(transformCostLimit);
  });

  it('is a 400 InvalidQuery naming w, h and fm, the cost and the limit', () => {
    let error: unknown;
    try {
      checkCost({ sourcePixels: 0, outputPixels: 16_000_000, format: 'avif' }, { width: 4000, height: 4000, frames: 1 });
    } catch (err) {
      error = err;
    }
    expect(error).toMatchObject({
      status: 400,
      id: 'InvalidQuery',
      details: { parameters: ['w', 'h', 'fm'], cost: 400, limit: transformCostLimit, output: { width: 4000, height: 4000, format: 'avif' } },
    });
    expect((error as Error).message).toContain(`the limit is ${transformCostLimit}`);
  });

  it('knows the output size from the query alone only for fits that give exactly w×h', () => {
    expect(leastOutputPixels({ width: 100, height: 50, fit: 'fill' })).toBe(5000);
    expect(leastOutputPixels({ width: 100, height: 50, fit: 'pad' })).toBe(5000);
    expect(leastOutputPixels({ width: 100, height: 50 })).toBe(0);
    expect(leastOutputPixels({ width: 100, height: 50, fit: 'crop' })).toBe(0);
    expect(leastOutputPixels({ width: 100, fit: 'fill' })).toBe(0);
  });
});
