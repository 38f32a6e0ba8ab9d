/** Pure size arithmetic for the fits; pixels are whole numbers, never below 1. */
import type { Size } from './types.js';

const atLeastOne = (n: number) => Math.max(1, Math.round(n));

/** No fit: the largest size inside w×h with the source's aspect ratio, never enlarged. */
export function fitInside(source: Size, width?: number, height?: number): Size {
  const scale = Math.min(1, width ? width / source.width : Infinity, height ? height / source.height : Infinity);
  if (scale === 1) return { width: source.width, height: source.height };
  return {
    width: width && scale === width / source.width ? width : atLeastOne(source.width * scale),
    height: height && scale === height / source.height ? height : atLeastOne(source.height * scale),
  };
}

/**
 * fit=fill: exactly w×h, enlarging if needed. With one side given, the other follows the aspect
 * ratio, capped at `maxSide` so a thin source cannot ask for an enormous output.
 */
export function fillSize(source: Size, maxSide: number, width?: number, height?: number): Size {
  const derive = (n: number) => Math.min(maxSide, atLeastOne(n));
  if (width && height) return { width, height };
  if (width) return { width, height: derive((width * source.height) / source.width) };
  if (height) return { width: derive((height * source.width) / source.height), height };
  return { width: source.width, height: source.height };
}

/** The largest part of the source with the target's aspect ratio: what a cover resize keeps. */
export function coverWindow(source: Size, target: Size): Size {
  if (source.width * target.height > source.height * target.width) {
    // Source is wider than the target: keep the full height.
    return { width: Math.min(source.width, atLeastOne((source.height * target.width) / target.height)), height: source.height };
  }
  return { width: source.width, height: Math.min(source.height, atLeastOne((source.width * target.height) / target.width)) };
}

export const sameSize = (a: Size, b: Size) => a.width === b.width && a.height === b.height;

/** fit=pad: the largest size inside the target with the source's aspect ratio, enlarging if needed. */
export function containSize(source: Size, target: Size): Size {
  if (source.width * target.height > source.height * target.width) {
    return { width: target.width, height: Math.min(target.height, atLeastOne((target.width * source.height) / source.width)) };
  }
  return { width: Math.min(target.width, atLeastOne((target.height * source.width) / source.height)), height: target.height };
}

/**
 * fit=thumb with a face: a window of the target's aspect ratio in which the face box takes
 * about `share` of each side, never larger than the cover window (the whole usable image).
 */
export function zoomWindow(box: Size, target: Size, cover: Size, share = 0.6): Size {
  const width = Math.max(box.width / share, ((box.height / share) * target.width) / target.height);
  if (width >= cover.width) return cover;
  return { width: atLeastOne(width), height: Math.min(cover.height, atLeastOne((width * target.height) / target.width)) };
}
