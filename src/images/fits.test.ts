/** The fits, corners, background, formats, focal point and animation, on real images. */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { parseImageParams } from './params.js';
import { animation, grid, gridImage, near, pixelAt, rgbaAt, type Rgb } from './test-support/images.js';
import { transform } from './transform.js';
import type { ImageFocus } from './types.js';

const params = (query: string) => parseImageParams(query);
const cell = (row: number, col: number): Rgb => grid[row]![col]!;
// 600×300 in a 3×3 grid of 200×100 cells.
const wide = gridImage(600, 300);

async function run(query: string, focus?: ImageFocus, source = wide) {
  const out = await transform(await source, params(query), focus);
  const meta = await sharp(out.data).metadata();
  expect([meta.width, meta.height], 'encoded size').toEqual([out.width, out.height]);
  return out;
}

async function expectColour(image: Buffer, x: number, y: number, colour: Rgb) {
  expect(await pixelAt(image, x, y), `pixel ${x},${y}`).toSatisfy((p: Rgb) => near(p, colour));
}

async function expectAlpha(image: Buffer, x: number, y: number, alpha: number) {
  expect((await rgbaAt(image, x, y))[3], `alpha at ${x},${y}`).toBeCloseTo(alpha, -1);
}

describe('fit=pad', () => {
  it('contains inside w×h and pads with transparency to exactly w×h, centred', async () => {
    // 600×300 → 300×150 inside 300×300: 75 px of padding above and below.
    const out = await run('w=300&h=300&fit=pad&fm=png');
    expect([out.width, out.height]).toEqual([300, 300]);
    await expectAlpha(out.data, 150, 10, 0);
    await expectAlpha(out.data, 150, 290, 0);
    await expectColour(out.data, 150, 150, cell(1, 1));
    await expectColour(out.data, 10, 80, cell(0, 0));
    await expectColour(out.data, 290, 220, cell(2, 2));
  });

  it('places the image by f', async () => {
    const top = await run('w=300&h=300&fit=pad&f=top&fm=png');
    await expectColour(top.data, 150, 10, cell(0, 1));
    await expectAlpha(top.data, 150, 290, 0);
    // 600×300 → 200×100 inside 300×100.
    const left = await run('w=300&h=100&fit=pad&f=left&fm=png');
    expect([left.width, left.height]).toEqual([300, 100]);
    await expectColour(left.data, 10, 50, cell(1, 0));
    await expectAlpha(left.data, 250, 50, 0);
    const right = await run('w=300&h=100&fit=pad&f=right&fm=png');
    await expectAlpha(right.data, 10, 50, 0);
    await expectColour(right.data, 290, 50, cell(1, 2));
  });

  it('pads with bg, and with white for JPEG without bg', async () => {
    const red = await run('w=300&h=300&fit=pad&bg=rgb:ff0000&fm=png');
    expect(await rgbaAt(red.data, 150, 10)).toEqual([255, 0, 0, 255]);
    const jpeg = await run('w=300&h=300&fit=pad&fm=jpg');
    await expectColour(jpeg.data, 150, 10, [255, 255, 255]);
    const blue = await run('w=300&h=300&fit=pad&bg=rgb:00f&fm=jpg');
    await expectColour(blue.data, 150, 10, [0, 0, 255]);
    const halfRed = await run('w=300&h=300&fit=pad&bg=rgba:ff000080&fm=png');
    const [r, , , a] = await rgbaAt(halfRed.data, 150, 10);
    expect(r).toBe(255);
    expect(a).toBeCloseTo(128, -1);
  });

  it('enlarges a small source to fill one side', async () => {
    const out = await run('w=1200&h=1200&fit=pad&fm=png');
    expect([out.width, out.height]).toEqual([1200, 1200]);
    await expectColour(out.data, 20, 320, cell(0, 0));
  });
});

describe('fit=scale', () => {
  it('stretches to exactly w×h', async () => {
    const out = await run('w=300&h=300&fit=scale&fm=png');
    expect([out.width, out.height]).toEqual([300, 300]);
    await expectColour(out.data, 50, 50, cell(0, 0));
    await expectColour(out.data, 150, 150, cell(1, 1));
    await expectColour(out.data, 250, 250, cell(2, 2));
  });

  it('keeps the aspect ratio with one side', async () => {
    const out = await run('w=300&fit=scale&fm=png');
    expect([out.width, out.height]).toEqual([300, 150]);
  });
});

describe('fit=crop', () => {
  it('cuts an unscaled w×h window placed by f', async () => {
    const centre = await run('w=200&h=100&fit=crop&fm=png');
    expect([centre.width, centre.height]).toEqual([200, 100]);
    for (const [x, y] of [[2, 2], [197, 97], [100, 50]] as const) await expectColour(centre.data, x, y, cell(1, 1));
    const corner = await run('w=200&h=100&fit=crop&f=bottom_right&fm=png');
    for (const [x, y] of [[2, 2], [197, 97]] as const) await expectColour(corner.data, x, y, cell(2, 2));
    // 300 px wide from the centre: source 150..450, so 50 px of column 0, 200 of 1, 50 of 2.
    const strip = await run('w=300&h=100&fit=crop&fm=png');
    await expectColour(strip.data, 25, 50, cell(1, 0));
    await expectColour(strip.data, 150, 50, cell(1, 1));
    await expectColour(strip.data, 275, 50, cell(1, 2));
  });

  it('centres on the face box with f=face, clamped to the image', async () => {
    // Box centre (470, 40) → window 370..570 × 0..100.
    const out = await run('w=200&h=100&fit=crop&f=face&fm=png', { faces: [{ x: 450, y: 20, width: 40, height: 40 }] });
    expect([out.width, out.height]).toEqual([200, 100]);
    await expectColour(out.data, 10, 50, cell(0, 1));
    await expectColour(out.data, 100, 50, cell(0, 2));
  });

  it('takes a missing or too long side from the source', async () => {
    const out = await run('w=1000&h=100&fit=crop&fm=png');
    expect([out.width, out.height]).toEqual([600, 100]);
    const tall = await run('w=100&fit=crop&fm=png');
    expect([tall.width, tall.height]).toEqual([100, 300]);
  });
});

describe('fit=thumb', () => {
  const face = { faces: [{ x: 420, y: 120, width: 60, height: 60 }] };

  it('zooms in on the face so it fills the frame, where fill keeps the whole height', async () => {
    const thumb = await run('w=100&h=100&fit=thumb&f=face&fm=png', face);
    expect([thumb.width, thumb.height]).toEqual([100, 100]);
    // The face box is 60% of a 100×100 window centred on it: all of it in cell (1, 2).
    for (const [x, y] of [[3, 3], [96, 96], [50, 50]] as const) await expectColour(thumb.data, x, y, cell(1, 2));
    const fill = await run('w=100&h=100&fit=fill&f=face&fm=png', face);
    await expectColour(fill.data, 3, 3, cell(0, 1));
  });

  it('without faces is fill', async () => {
    const thumb = await run('w=100&h=100&fit=thumb&f=face&fm=png', {});
    const fill = await run('w=100&h=100&fit=fill&fm=png');
    expect(thumb.data.equals(fill.data)).toBe(true);
  });
});

describe('focal point', () => {
  it('centres fill on the focal point when f is absent, clamped to the image', async () => {
    // 200×300 windows of the 600×300 source; focal x 0.9 → centre 540 → window 400..600.
    const right = await run('w=200&h=300&fit=fill&fm=png', { focalPoint: { x: 0.9, y: 0.5 } });
    await expectColour(right.data, 5, 150, cell(1, 2));
    await expectColour(right.data, 195, 150, cell(1, 2));
    const left = await run('w=200&h=300&fit=fill&fm=png', { focalPoint: { x: 0.1, y: 0.5 } });
    await expectColour(left.data, 100, 150, cell(1, 0));
  });

  it('centres fill after scaling too', async () => {
    // 100×150 from 600×300: window 200×300 scaled by ½; focal x 0.5 y any → centre column.
    const out = await run('w=100&h=150&fit=fill&fm=png', { focalPoint: { x: 0.5, y: 0.9 } });
    expect([out.width, out.height]).toEqual([100, 150]);
    await expectColour(out.data, 50, 75, cell(1, 1));
  });

  it('places crop and thumb too', async () => {
    const crop = await run('w=200&h=100&fit=crop&fm=png', { focalPoint: { x: 0.05, y: 0.05 } });
    await expectColour(crop.data, 100, 50, cell(0, 0));
    const thumb = await run('w=200&h=300&fit=thumb&fm=png', { focalPoint: { x: 0.9, y: 0.5 } });
    await expectColour(thumb.data, 100, 150, cell(1, 2));
  });

  it('gives way to an explicit f, and to faces', async () => {
    const focus = { focalPoint: { x: 0.9, y: 0.5 }, faces: [{ x: 10, y: 140, width: 20, height: 20 }] };
    const centre = await run('w=200&h=300&fit=fill&f=center&fm=png', focus);
    await expectColour(centre.data, 100, 150, cell(1, 1));
    const faces = await run('w=200&h=300&fit=fill&f=faces&fm=png', focus);
    await expectColour(faces.data, 100, 150, cell(1, 0));
  });
});

describe('r: rounded corners', () => {
  const square = gridImage(300, 300);

  it('r=max cuts a circle: transparent corners on PNG', async () => {
    const out = await run('w=200&h=200&fit=fill&r=max&fm=png', undefined, square);
    expect([out.width, out.height]).toEqual([200, 200]);
    for (const [x, y] of [[1, 1], [198, 1], [1, 198], [198, 198]] as const) await expectAlpha(out.data, x, y, 0);
    await expectAlpha(out.data, 100, 100, 255);
    await expectAlpha(out.data, 100, 3, 255);
    await expectColour(out.data, 100, 100, cell(1, 1));
  });

  it('r=max on a wide image is an ellipse', async () => {
    const out = await run('w=300&h=100&fit=fill&r=max&fm=png');
    await expectAlpha(out.data, 2, 2, 0);
    await expectAlpha(out.data, 150, 3, 255);
    await expectAlpha(out.data, 3, 50, 255);
  });

  it('r in px rounds only the corners', async () => {
    const out = await run('w=200&h=200&fit=fill&r=30&fm=png', undefined, square);
    await expectAlpha(out.data, 1, 1, 0);
    await expectAlpha(out.data, 40, 1, 255);
    await expectAlpha(out.data, 1, 40, 255);
  });

  it('fills the corners with white on JPEG, with bg when given', async () => {
    const white = await run('w=200&h=200&fit=fill&r=max&fm=jpg', undefined, square);
    await expectColour(white.data, 2, 2, [255, 255, 255]);
    const blue = await run('w=200&h=200&fit=fill&r=max&bg=rgb:0000ff&fm=jpg', undefined, square);
    await expectColour(blue.data, 2, 2, [0, 0, 255]);
    const green = await run('w=200&h=200&fit=fill&r=max&bg=rgb:00ff00&fm=png', undefined, square);
    expect(await rgbaAt(green.data, 1, 1)).toEqual([0, 255, 0, 255]);
  });
});

describe('formats', () => {
  it.each([
    ['gif', 'gif', 'image/gif'],
    ['tiff', 'tiff', 'image/tiff'],
  ])('fm=%s writes %s', async (fm, format, contentType) => {
    const out = await run(`w=60&fm=${fm}`);
    expect(out.contentType).toBe(contentType);
    expect((await sharp(out.data).metadata()).format).toBe(format);
  });

  it('fl=png8 writes a palette PNG and ignores q', async () => {
    const out = await run('w=120&fm=png&fl=png8&q=10');
    const meta = await sharp(out.data).metadata();
    expect(meta.format).toBe('png');
    expect(meta.isPalette).toBe(true);
    expect((await run('w=120&fm=png&fl=png8')).data.equals(out.data)).toBe(true);
    expect((await sharp((await run('w=120&fm=png')).data).metadata()).isPalette).toBe(false);
  });

  it('fm=auto follows Accept: AVIF, then WebP, then JPEG (PNG for a source with alpha)', async () => {
    const auto = async (accept: string | undefined, source = wide) =>
      (await transform(await source, params('w=50&fm=auto'), undefined, undefined, { accept })).contentType;
    expect(await auto('image/avif,image/webp,*/*')).toBe('image/avif');
    expect(await auto('image/webp,*/*')).toBe('image/webp');
    expect(await auto('image/avif;q=0,image/webp')).toBe('image/webp');
    expect(await auto('*/*')).toBe('image/jpeg');
    expect(await auto(undefined)).toBe('image/jpeg');
    const clear = sharp({ create: { width: 20, height: 20, channels: 4, background: '#0000' } }).png().toBuffer();
    expect(await auto('image/*', clear)).toBe('image/png');
  });
});

describe('animation', () => {
  const colours = ['#ff0000', '#00ff00', '#0000ff'];

  it.each(['webp', 'gif'] as const)('keeps an animated %s source animated in WebP and GIF', async (sourceFormat) => {
    const source = animation(60, 40, colours, sourceFormat);
    for (const fm of ['webp', 'gif']) {
      const out = await run(`w=30&fm=${fm}`, undefined, source);
      const meta = await sharp(out.data).metadata();
      expect([meta.format, meta.pages, meta.width, meta.pageHeight ?? meta.height]).toEqual([fm, 3, 30, 20]);
      expect([out.width, out.height]).toEqual([30, 20]);
    }
    const same = await run('w=30', undefined, source);
    expect((await sharp(same.data).metadata()).pages).toBe(3);
  });

  it('crops and pads every frame', async () => {
    const out = await run('w=40&h=40&fit=pad&bg=rgb:ffffff&fm=webp', undefined, animation(60, 40, colours));
    const meta = await sharp(out.data).metadata();
    expect([meta.pages, meta.width, meta.pageHeight ?? meta.height]).toEqual([3, 40, 40]);
    const frames = await Promise.all([0, 1, 2].map((page) => sharp(out.data, { page }).png().toBuffer()));
    for (const [i, frame] of frames.entries()) {
      await expectColour(frame, 20, 2, [255, 255, 255]);
      const [r, g, b] = [1, 3, 5].map((at) => parseInt(colours[i]!.slice(at, at + 2), 16)) as [number, number, number];
      await expectColour(frame, 20, 20, [r, g, b]);
    }
  });

  it('crops every frame for fit=fill', async () => {
    const out = await run('w=20&h=40&fit=fill&f=left&fm=gif', undefined, animation(60, 40, colours));
    const meta = await sharp(out.data).metadata();
    expect([meta.pages, meta.width, meta.pageHeight ?? meta.height]).toEqual([3, 20, 40]);
    await expectColour(await sharp(out.data, { page: 2 }).png().toBuffer(), 10, 20, [0, 0, 255]);
  });

  it('uses the first frame for JPEG, PNG and AVIF output', async () => {
    for (const fm of ['jpg', 'png', 'avif']) {
      const out = await run(`w=30&fm=${fm}`, undefined, animation(60, 40, colours));
      expect([out.width, out.height]).toEqual([30, 20]);
      expect((await sharp(out.data).metadata()).pages ?? 1).toBe(1);
      await expectColour(out.data, 15, 10, [255, 0, 0]);
    }
  });

  it('fm=auto keeps an animation: WebP when accepted, else GIF', async () => {
    const source = await animation(60, 40, colours);
    for (const [accept, contentType] of [['image/avif,image/webp', 'image/webp'], ['*/*', 'image/gif']] as const) {
      const out = await transform(source, params('w=30&fm=auto'), undefined, undefined, { accept });
      expect(out.contentType).toBe(contentType);
      expect((await sharp(out.data).metadata()).pages).toBe(3);
    }
  });

  it('counts every frame against the pixel limit', async () => {
    const source = await animation(60, 40, colours);
    const limits = { maxPixels: 60 * 40 * 2, timeoutSeconds: 5 };
    await expect(transform(source, params('w=30&fm=webp'), undefined, limits)).rejects.toThrow('it has too many pixels');
    expect((await transform(source, params('w=30&fm=png'), undefined, limits)).width).toBe(30);
  });
});
