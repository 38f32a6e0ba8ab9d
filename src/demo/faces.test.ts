/**
 * The face boxes the demo ships (faces.ts) are exactly what Folio's detector finds in the
 * images it ships (images.test.ts proves those are the scenes' renders), so they cannot go
 * stale when a scene or the detector changes.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createFaceDetector } from '../faces/index.js';
import { demoAssets } from './index.js';

const errors: string[] = [];
const detector = createFaceDetector({ onError: (message) => errors.push(message) });
afterAll(() => detector.close());

describe('demo faces', () => {
  it('are the boxes the detector finds in each shipped demo image', async () => {
    const images = await Promise.all(demoAssets.map((a) => a.read()));
    const found = await Promise.all(images.map((image) => detector.detect(image)));
    const boxes = found.map((faces) => faces.map(({ x, y, width, height }) => ({ x, y, width, height })));
    expect(Object.fromEntries(demoAssets.map((a, i) => [a.id, boxes[i]]))).toEqual(Object.fromEntries(demoAssets.map((a) => [a.id, a.faces])));
    expect(errors).toEqual([]);
  });
});
