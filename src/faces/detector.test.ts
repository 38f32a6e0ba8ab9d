/** The real detector: face-api's SSD MobileNet on the WASM backend, in a real worker thread. */
import sharp from 'sharp';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { photo } from '../images/test-support/images.js';
import { createFaceDetector } from './index.js';
import { readSample, samples, score } from './test-support/samples.js';

const errors: string[] = [];
const detector = createFaceDetector({ onError: (message) => errors.push(message) });
afterAll(() => detector.close());

describe('face detector', () => {
  it('finds the faces a person counts in the face-api samples, with no false ones', async () => {
    let hits = 0;
    let falsePositives = 0;
    for (const sample of samples) {
      const image = await readSample(sample.file);
      const { width = 0, height = 0 } = await sharp(image).metadata();
      const found = await detector.detect(image);
      const s = score(sample, found);
      hits += s.hits;
      falsePositives += s.falsePositives;
      // Every sample: at most one face missed (measured: none).
      expect(s.hits, sample.file).toBeGreaterThanOrEqual(sample.faces - 1);
      for (const f of found) {
        expect(f.score).toBeGreaterThanOrEqual(0.5);
        expect(f.score).toBeLessThanOrEqual(1);
        expect([f.x, f.y, f.width, f.height].every(Number.isInteger)).toBe(true);
        expect(f.x >= 0 && f.y >= 0 && f.x + f.width <= width && f.y + f.height <= height).toBe(true);
      }
    }
    const counted = samples.reduce((n, s) => n + s.faces, 0);
    // Measured 22 of 22 and no false positives; the bounds leave room for backend rounding.
    expect(hits / counted).toBeGreaterThanOrEqual(0.9);
    expect(falsePositives).toBeLessThanOrEqual(1);
    expect(errors).toEqual([]);
  });

  it('gives boxes in pixels of the image as displayed, after EXIF orientation', async () => {
    const upright = await readSample('sample1.jpg');
    // Stored turned a quarter left, with the EXIF tag that turns it back for display.
    const turned = await sharp(upright).rotate(-90).withMetadata({ orientation: 6 }).jpeg({ quality: 92 }).toBuffer();
    const [a, b] = await Promise.all([detector.detect(upright), detector.detect(turned)]);
    expect(b).toHaveLength(a.length);
    const byX = (list: typeof a) => [...list].sort((p, q) => p.x - q.x);
    for (const [p, q] of byX(a).map((p, i) => [p, byX(b)[i]!] as const)) {
      expect(Math.abs(p.x - q.x)).toBeLessThan(25);
      expect(Math.abs(p.y - q.y)).toBeLessThan(25);
    }
    expect(score(samples[0]!, b).hits).toBe(3);
  });

  it('reads greyscale and 16-bit images too', async () => {
    const grey16 = await sharp(await readSample('sample3.jpg')).greyscale().toColourspace('grey16').png().toBuffer();
    expect((await sharp(grey16).metadata()).depth).toBe('ushort');
    const found = await detector.detect(grey16);
    expect(score(samples[2]!, found).hits).toBeGreaterThanOrEqual(2);
    expect(errors).toEqual([]);
  });

  it('finds nothing where there are no faces', async () => {
    expect(await detector.detect(await photo(800, 600))).toEqual([]);
    const plain = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#3a7bd5' } }).png().toBuffer();
    expect(await detector.detect(plain)).toEqual([]);
    // A transparent PNG is flattened onto white, not read as black.
    const clear = await sharp({ create: { width: 300, height: 200, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer();
    expect(await detector.detect(clear)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('answers the same bytes again from memory, as copies', async () => {
    const image = await readSample('sample4.jpg');
    const first = await detector.detect(image);
    first[0]!.x = -1;
    const again = await detector.detect(image);
    expect(again).toHaveLength(4);
    expect(again[0]!.x).toBeGreaterThanOrEqual(0);
  });

  it('gives no faces for bytes that are not an image, and says so', async () => {
    const before = errors.length;
    expect(await detector.detect(Buffer.from('not an image'))).toEqual([]);
    expect(errors.length).toBe(before + 1);
    expect(errors.at(-1)).toMatch(/could not decode/);
  });

  it('when the model cannot load: logs that once, and every image gets no faces', async () => {
    const problems: string[] = [];
    const broken = createFaceDetector({ modelDir: '/nonexistent/face-model', onError: (m) => problems.push(m) });
    try {
      const image = await readSample('sample1.jpg');
      expect(await Promise.all([broken.detect(image), broken.detect(await photo(100, 100))])).toEqual([[], []]);
      expect(await broken.detect(image)).toEqual([]);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/face detection is off: the model did not load/);
    } finally {
      await broken.close();
    }
  });

  it('loads on first use, unloads after idleMs without work, and loads again when needed', async () => {
    const idle = createFaceDetector({ idleMs: 200, onError: (m) => errors.push(m) });
    try {
      expect(idle.loaded).toBe(false);
      expect(score(samples[0]!, await idle.detect(await readSample('sample1.jpg'))).hits).toBe(3);
      expect(idle.loaded).toBe(true);
      await vi.waitFor(() => expect(idle.loaded).toBe(false), { timeout: 10_000, interval: 50 });
      expect(score(samples[1]!, await idle.detect(await readSample(samples[1]!.file))).hits).toBeGreaterThanOrEqual(samples[1]!.faces - 1);
      expect(idle.loaded).toBe(true);
    } finally {
      await idle.close();
    }
  });
});
