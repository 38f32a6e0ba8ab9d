import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { defaultParams, parseImageParams } from './params.js';
import { grid, gridImage, near, photo, pixelAt, solid, type Rgb } from './test-support/images.js';
import { transform } from './transform.js';
import type { Gravity, ImageParams } from './types.js';

const params = (query: string): ImageParams => parseImageParams(query);
const cell = (row: number, col: number): Rgb => grid[row]![col]!;

async function expectColour(image: Buffer, x: number, y: number, colour: Rgb) {
  expect(await pixelAt(image, x, y), `pixel ${x},${y}`).toSatisfy((p: Rgb) => near(p, colour));
}

describe('transform: gravity with fit=fill', () => {
  // 600×600 in a 3×3 grid of 200 px cells; a wide 150×50 result keeps one row, a tall 50×150 one column.
  const source = gridImage(600, 600);
  const expected: Record<Exclude<Gravity, 'face' | 'faces'>, [row: number, col: number]> = {
    center: [1, 1],
    top: [0, 1],
    bottom: [2, 1],
    left: [1, 0],
    right: [1, 2],
    top_left: [0, 0],
    top_right: [0, 2],
    bottom_left: [2, 0],
    bottom_right: [2, 2],
  };

  it.each(Object.entries(expected))('f=%s keeps the row and column it names', async (f, [row, col]) => {
    const wide = await transform(await source, params(`w=150&h=50&fit=fill&f=${f}&fm=png`));
    expect([wide.width, wide.height]).toEqual([150, 50]);
    for (const x of [10, 75, 140]) await expectColour(wide.data, x, 25, cell(row, Math.floor((x * 3) / 150)));
    const tall = await transform(await source, params(`w=50&h=150&fit=fill&f=${f}&fm=png`));
    expect([tall.width, tall.height]).toEqual([50, 150]);
    for (const y of [10, 75, 140]) await expectColour(tall.data, 25, y, cell(Math.floor((y * 3) / 150), col));
  });

  it.each(['face', 'faces'])('f=%s without face boxes crops the centre', async (f) => {
    const wide = await transform(await source, params(`w=150&h=50&fit=fill&f=${f}&fm=png`), {});
    await expectColour(wide.data, 75, 25, cell(1, 1));
  });
});

describe('transform: face focus', () => {
  const source = gridImage(600, 600);
  // 200×600 windows of the 600×600 source are not scaled: output x = source x − window left.
  const small = { x: 20, y: 250, width: 40, height: 40 };
  const large = { x: 400, y: 250, width: 160, height: 100 };

  it('f=face centres on the largest box', async () => {
    // Largest box centre x=480 → window 380..580: source column 1 for 20 px, then column 2.
    const { data } = await transform(await source, params('w=200&h=600&fit=fill&f=face&fm=png'), { faces: [small, large] });
    await expectColour(data, 5, 300, cell(1, 1));
    await expectColour(data, 100, 300, cell(1, 2));
    await expectColour(data, 195, 300, cell(1, 2));
  });

  it('f=faces centres on the box around all faces', async () => {
    // Union 20..560, centre 290 → window 190..390: 10 px of column 0, then column 1.
    const { data } = await transform(await source, params('w=200&h=600&fit=fill&f=faces&fm=png'), { faces: [small, large] });
    await expectColour(data, 5, 300, cell(1, 0));
    await expectColour(data, 100, 300, cell(1, 1));
  });

  it('keeps a window near the edge inside the image', async () => {
    const { data } = await transform(await source, params('w=200&h=600&fit=fill&f=face&fm=png'), {
      faces: [{ x: 580, y: 0, width: 20, height: 20 }],
    });
    await expectColour(data, 5, 300, cell(1, 2));
    await expectColour(data, 195, 300, cell(1, 2));
  });

  it('centres vertically too, after scaling', async () => {
    // 300×100 from 600×600: window 600×200 scaled by ½. Box centre y=400 → window 300..500.
    const { data } = await transform(await source, params('w=300&h=100&fit=fill&f=face&fm=png'), {
      faces: [{ x: 250, y: 350, width: 100, height: 100 }],
    });
    await expectColour(data, 150, 10, cell(1, 1));
    await expectColour(data, 150, 90, cell(2, 1));
  });

  it('is not used without f=face or f=faces', async () => {
    const { data } = await transform(await source, params('w=200&h=600&fit=fill&fm=png'), { faces: [large] });
    await expectColour(data, 100, 300, cell(1, 1));
  });
});

describe('transform: sizes', () => {
  const source = photo(400, 300);

  it.each([
    ['w=1000', 400, 300],
    ['w=4000&h=4000', 400, 300],
    ['w=200', 200, 150],
    ['h=100', 133, 100],
    ['w=200&h=100', 133, 100],
    ['fm=png', 400, 300],
  ])('no fit: %s → %i×%i, never enlarged', async (query, width, height) => {
    const out = await transform(await source, params(query));
    expect([out.width, out.height]).toEqual([width, height]);
    const meta = await sharp(out.data).metadata();
    expect([meta.width, meta.height]).toEqual([width, height]);
  });

  it.each([
    ['w=100&h=100&fit=fill', 100, 100],
    ['w=800&fit=fill', 800, 600],
    ['h=60&fit=fill', 80, 60],
    ['w=1000&h=1000&fit=fill', 1000, 1000],
    ['fit=fill', 400, 300],
  ])('fit=fill: %s → exactly %i×%i, enlarging if needed', async (query, width, height) => {
    const out = await transform(await source, params(query));
    expect([out.width, out.height]).toEqual([width, height]);
  });
});

describe('transform: output', () => {
  const source = photo(320, 240, 'jpg');

  it.each([
    ['jpg', 'jpeg', 'image/jpeg'],
    ['png', 'png', 'image/png'],
    ['webp', 'webp', 'image/webp'],
    ['avif', 'heif', 'image/avif'],
  ])('fm=%s writes %s', async (fm, sharpFormat, contentType) => {
    const out = await transform(await source, params(`w=100&fm=${fm}`));
    expect(out.contentType).toBe(contentType);
    const meta = await sharp(out.data).metadata();
    expect(meta.format).toBe(sharpFormat);
    if (fm === 'avif') expect(meta.compression).toBe('av1');
  });

  it.each(['png', 'webp', 'avif', 'jpg'] as const)('keeps the source format (%s) without fm', async (format) => {
    const out = await transform(await gridImage(60, 60, format), params('w=30'));
    expect(out.contentType).toBe(format === 'jpg' ? 'image/jpeg' : `image/${format}`);
  });

  it.each(['jpg', 'webp', 'avif'])('q changes the size of %s', async (fm) => {
    const low = await transform(await source, params(`fm=${fm}&q=10`));
    const high = await transform(await source, params(`fm=${fm}&q=95`));
    expect(high.data.length).toBeGreaterThan(low.data.length * 1.5);
  });

  it('writes JPEG at quality 80 without q', async () => {
    const none = await transform(await source, params('fm=jpg'));
    const q80 = await transform(await source, params('fm=jpg&q=80'));
    expect(none.data.equals(q80.data)).toBe(true);
  });

  it('writes progressive JPEG only for fl=progressive', async () => {
    const progressive = await transform(await source, params('fm=jpg&fl=progressive'));
    expect((await sharp(progressive.data).metadata()).isProgressive).toBe(true);
    const baseline = await transform(await source, params('fm=jpg'));
    expect((await sharp(baseline.data).metadata()).isProgressive).toBe(false);
    const fromJpegSource = await transform(await source, params('w=100&fl=progressive'));
    expect((await sharp(fromJpegSource.data).metadata()).isProgressive).toBe(true);
  });

  it('refuses fl=progressive for non-JPEG output, naming fl', async () => {
    await expect(transform(await source, params('fm=png&fl=progressive'))).rejects.toMatchObject({
      status: 400,
      details: { parameter: 'fl' },
    });
    await expect(transform(await gridImage(30, 30, 'png'), params('fl=progressive'))).rejects.toThrow(/for fl/);
  });

  it('flattens transparency onto white for JPEG', async () => {
    const clear = await solid(40, 40, { r: 0, g: 0, b: 0, alpha: 0 });
    const out = await transform(clear, params('fm=jpg'));
    expect(near(await pixelAt(out.data, 20, 20), [255, 255, 255], 3)).toBe(true);
    const png = await transform(clear, params('fm=png'));
    expect((await sharp(png.data).metadata()).hasAlpha).toBe(true);
  });

  it('applies EXIF orientation and strips metadata', async () => {
    const rotated = await sharp(await gridImage(300, 150, 'png'))
      .jpeg()
      .withExif({ IFD0: { Copyright: 'someone' } })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    expect((await sharp(rotated).metadata()).orientation).toBe(6);
    const out = await transform(rotated, params('w=150'));
    expect([out.width, out.height]).toEqual([150, 300]);
    const meta = await sharp(out.data).metadata();
    expect(meta.orientation).toBeUndefined();
    expect(meta.exif).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    // Orientation 6 turns the source's top-left (red) to the top-right.
    await expectColour(out.data, 140, 10, cell(0, 0));
  });

  it('converts CMYK to sRGB', async () => {
    const cmyk = await sharp(await gridImage(90, 90, 'png')).toColourspace('cmyk').jpeg().toBuffer();
    expect((await sharp(cmyk).metadata()).space).toBe('cmyk');
    const out = await transform(cmyk, params('w=60'));
    const meta = await sharp(out.data).metadata();
    expect(meta.space).toBe('srgb');
    expect(meta.channels).toBe(3);
  });

  it('works with default params as a plain conversion', async () => {
    const out = await transform(await source, defaultParams());
    expect([out.width, out.height, out.contentType]).toEqual([320, 240, 'image/jpeg']);
  });
});

describe('transform: source limits', () => {
  it('refuses a source over the pixel limit before decoding', async () => {
    await expect(transform(await gridImage(100, 100), params('w=10'), undefined, { maxPixels: 5000, timeoutSeconds: 5 })).rejects.toMatchObject({
      status: 400,
      message: 'The image could not be processed: it has too many pixels.',
    });
  });

  it('refuses bytes that are not an image', async () => {
    await expect(transform(Buffer.from('not an image at all'), params('w=10'))).rejects.toMatchObject({ status: 400 });
  });

  it('refuses SVG bytes unless the file is stored as SVG', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>');
    await expect(transform(svg, params('w=10'))).rejects.toThrow('The image could not be processed: its format is not supported.');
    await expect(transform(svg, params('w=10'), undefined, undefined, { sourceType: 'image/png' })).rejects.toThrow('its format is not supported');
  });

  describe('SVG, stored as SVG', () => {
    const svg = (body: string, size = 'width="40" height="20"') => Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" ${size}>${body}</svg>`);
    const rasterise = (data: Buffer, query: string) => transform(data, params(query), undefined, undefined, { sourceType: 'image/svg+xml' });

    it('is rasterised sharp at the size asked for, larger than it declares, as PNG without fm', async () => {
      const out = await rasterise(svg('<rect width="40" height="20" fill="#0a0"/>'), 'w=400');
      expect([out.contentType, out.width, out.height]).toEqual(['image/png', 400, 200]);
      expect(near(await pixelAt(out.data, 399, 199), [0, 170, 0])).toBe(true);
    });

    it('declaring a huge size, is rasterised within the pixel limit rather than refused', async () => {
      const out = await rasterise(svg('<rect width="100%" height="100%"/>', 'width="200000" height="100000"'), 'w=300&fm=webp');
      expect([out.contentType, out.width, out.height]).toEqual(['image/webp', 300, 150]);
    });

    it('loads nothing it links to: local files and URLs stay blank', async () => {
      const red = await solid(10, 10, '#f00');
      const dir = await mkdtemp(path.join(tmpdir(), 'folio-svg-'));
      await writeFile(path.join(dir, 'red.png'), red);
      for (const href of [`file://${dir}/red.png`, `${dir}/red.png`, 'http://127.0.0.1:9/red.png']) {
        const out = await rasterise(svg(`<image xlink:href="${href}" href="${href}" width="40" height="20"/>`), 'fm=png');
        const { data } = await sharp(out.data).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
        expect(data.some((v) => v !== 0), href).toBe(false);
      }
      await rm(dir, { recursive: true });
    });
  });

  it('refuses a truncated JPEG', async () => {
    const whole = await photo(400, 300, 'jpg');
    await expect(transform(whole.subarray(0, whole.length >> 1), params('w=100'))).rejects.toMatchObject({ status: 400 });
  });
});
