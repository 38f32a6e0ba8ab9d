import { describe, expect, it } from 'vitest';
import { containSize, coverWindow, fillSize, fitInside, zoomWindow } from './geometry.js';
import { focusBox, placeOnFocus, placeWindow } from './gravity.js';

const src = { width: 400, height: 300 };

describe('fitInside (no fit)', () => {
  it.each([
    [200, undefined, { width: 200, height: 150 }],
    [undefined, 100, { width: 133, height: 100 }],
    [200, 100, { width: 133, height: 100 }],
    [1000, undefined, { width: 400, height: 300 }],
    [4000, 4000, { width: 400, height: 300 }],
    [undefined, undefined, { width: 400, height: 300 }],
    [1, undefined, { width: 1, height: 1 }],
  ])('w=%s h=%s → %o', (w, h, expected) => {
    expect(fitInside(src, w, h)).toEqual(expected);
  });
});

describe('fillSize and coverWindow (fit=fill)', () => {
  it('takes both sides as given, or derives one from the aspect ratio', () => {
    expect(fillSize(src, 4000, 100, 100)).toEqual({ width: 100, height: 100 });
    expect(fillSize(src, 4000, 800)).toEqual({ width: 800, height: 600 });
    expect(fillSize(src, 4000, undefined, 30)).toEqual({ width: 40, height: 30 });
  });

  it('caps a derived side', () => {
    expect(fillSize({ width: 1, height: 50_000 }, 4000, 4000)).toEqual({ width: 4000, height: 4000 });
  });

  it('keeps the full height of a wider source, the full width of a taller one', () => {
    expect(coverWindow(src, { width: 100, height: 100 })).toEqual({ width: 300, height: 300 });
    expect(coverWindow(src, { width: 400, height: 100 })).toEqual({ width: 400, height: 100 });
    expect(coverWindow(src, { width: 800, height: 600 })).toEqual(src);
  });
});

describe('placeWindow', () => {
  const image = { width: 600, height: 600 };
  const tall = { width: 200, height: 600 };

  it('pins named gravities to edges', () => {
    expect(placeWindow(image, tall, 'left')).toMatchObject({ left: 0, top: 0 });
    expect(placeWindow(image, tall, 'center')).toMatchObject({ left: 200 });
    expect(placeWindow(image, tall, 'bottom_right')).toMatchObject({ left: 400 });
  });

  it('centres on the focus box and clamps to the image', () => {
    const faces = [{ x: 400, y: 0, width: 160, height: 100 }];
    expect(placeWindow(image, tall, 'face', faces)).toMatchObject({ left: 380 });
    expect(placeWindow(image, tall, 'face', [{ x: 580, y: 0, width: 20, height: 20 }])).toMatchObject({ left: 400 });
    expect(placeWindow(image, tall, 'face', [{ x: 0, y: 0, width: 10, height: 10 }])).toMatchObject({ left: 0 });
    expect(placeWindow(image, tall, 'faces', [])).toMatchObject({ left: 200 });
  });

  it('picks the largest box for face and the bounding box for faces', () => {
    const faces = [
      { x: 0, y: 0, width: 10, height: 10 },
      { x: 100, y: 100, width: 50, height: 50 },
      { x: 300, y: 20, width: 20, height: 20 },
    ];
    expect(focusBox('face', faces)).toEqual(faces[1]);
    expect(focusBox('faces', faces)).toEqual({ x: 0, y: 0, width: 320, height: 150 });
  });

  it('ignores unusable boxes', () => {
    expect(focusBox('faces', [{ x: Number.NaN, y: 0, width: 5, height: 5 }, { x: 0, y: 0, width: 0, height: 9 }])).toBeUndefined();
  });
});

describe('containSize (fit=pad)', () => {
  it('fits inside the target, enlarging if needed', () => {
    expect(containSize(src, { width: 200, height: 200 })).toEqual({ width: 200, height: 150 });
    expect(containSize(src, { width: 800, height: 300 })).toEqual({ width: 400, height: 300 });
    expect(containSize(src, { width: 4000, height: 4000 })).toEqual({ width: 4000, height: 3000 });
    expect(containSize(src, { width: 400, height: 300 })).toEqual(src);
  });
});

describe('zoomWindow (fit=thumb with faces)', () => {
  it('frames the face box at about 60% with the target aspect ratio, within the cover window', () => {
    const cover = { width: 300, height: 300 };
    expect(zoomWindow({ width: 60, height: 60 }, { width: 100, height: 100 }, cover)).toEqual({ width: 100, height: 100 });
    expect(zoomWindow({ width: 60, height: 30 }, { width: 200, height: 100 }, { width: 400, height: 200 })).toEqual({ width: 100, height: 50 });
    expect(zoomWindow({ width: 250, height: 250 }, { width: 100, height: 100 }, cover)).toEqual(cover);
  });
});

describe('placeOnFocus', () => {
  const image = { width: 600, height: 300 };
  const window = { width: 200, height: 100 };

  it('centres on the focal point without f, clamped', () => {
    expect(placeOnFocus(image, window, undefined, { focalPoint: { x: 0.5, y: 0.5 } })).toMatchObject({ left: 200, top: 100 });
    expect(placeOnFocus(image, window, undefined, { focalPoint: { x: 1, y: 0 } })).toMatchObject({ left: 400, top: 0 });
    expect(placeOnFocus(image, window, undefined, { focalPoint: { x: 0.25, y: 0.75 } })).toMatchObject({ left: 50, top: 175 });
  });

  it('ignores the focal point when f is given, and without one uses the centre', () => {
    expect(placeOnFocus(image, window, 'top_left', { focalPoint: { x: 0.9, y: 0.9 } })).toMatchObject({ left: 0, top: 0 });
    expect(placeOnFocus(image, window, undefined, {})).toMatchObject({ left: 200, top: 100 });
    expect(placeOnFocus(image, window, undefined, { focalPoint: { x: Number.NaN, y: 0 } })).toMatchObject({ left: 200 });
  });
});
