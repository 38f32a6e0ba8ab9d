/** Real images made with sharp for the tests, plus helpers to look inside results. */
import sharp, { type Color, type Sharp } from 'sharp';

export type Rgb = readonly [number, number, number];

/** 3×3 distinct colours, far enough apart that resampling and JPEG cannot confuse them. */
export const grid: readonly (readonly Rgb[])[] = [
  [[255, 0, 0], [0, 255, 0], [0, 0, 255]],
  [[255, 255, 0], [0, 255, 255], [255, 0, 255]],
  [[0, 0, 0], [255, 255, 255], [128, 128, 128]],
];

type Encoding = 'jpg' | 'png' | 'webp' | 'avif';

function encode(image: Sharp, format: Encoding): Promise<Buffer> {
  switch (format) {
    case 'jpg':
      return image.jpeg({ quality: 95 }).toBuffer();
    case 'png':
      return image.png().toBuffer();
    case 'webp':
      return image.webp({ lossless: true }).toBuffer();
    case 'avif':
      return image.avif({ lossless: true }).toBuffer();
  }
}

/** width×height split into a 3×3 grid of `grid` colours. */
export async function gridImage(width: number, height: number, format: Encoding = 'png'): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    const row = grid[Math.min(2, Math.floor((y * 3) / height))]!;
    for (let x = 0; x < width; x++) {
      const [r, g, b] = row[Math.min(2, Math.floor((x * 3) / width))]!;
      raw.set([r, g, b], (y * width + x) * 3);
    }
  }
  return encode(sharp(raw, { raw: { width, height, channels: 3 } }), format);
}

/** Detailed content (noise over a gradient), so encoder quality visibly changes the size. */
export async function photo(width: number, height: number, format: Encoding = 'jpg'): Promise<Buffer> {
  const noise = await sharp({
    create: { width, height, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 40 } },
  })
    .png()
    .toBuffer();
  return encode(sharp(noise).blur(1.2), format);
}

export async function solid(width: number, height: number, background: Color, format: Encoding = 'png'): Promise<Buffer> {
  return encode(sharp({ create: { width, height, channels: 4, background } }), format);
}

/** The RGB of one pixel of an encoded image. */
export async function pixelAt(image: Buffer, x: number, y: number): Promise<Rgb> {
  const { data, info } = await sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return [data[at]!, data[at + 1]!, data[at + 2]!];
}

/** True when two colours are within `tolerance` on every channel. */
export const near = (a: Rgb, b: Rgb, tolerance = 12) => a.every((v, i) => Math.abs(v - b[i]!) <= tolerance);

/**
 * A PNG that declares 20000×20000 pixels (400 MP) yet is about 1 MB: a solid colour deflates
 * to almost nothing. sharp must be told to make it; the server must refuse to open it.
 */
export function decompressionBomb(): Promise<Buffer> {
  return sharp({ create: { width: 20_000, height: 20_000, channels: 3, background: '#ffffff' }, limitInputPixels: false })
    .png({ compressionLevel: 6, adaptiveFiltering: false })
    .toBuffer();
}

/** The RGBA of one pixel of an encoded image (alpha 255 where the image has none). */
export async function rgbaAt(image: Buffer, x: number, y: number): Promise<readonly [number, number, number, number]> {
  const { data, info } = await sharp(image).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return [data[at]!, data[at + 1]!, data[at + 2]!, data[at + 3]!];
}

/** An animated WebP (or GIF) of solid frames, one per colour. */
export async function animation(width: number, height: number, colours: readonly string[], format: 'webp' | 'gif' = 'webp'): Promise<Buffer> {
  const frames = await Promise.all(
    colours.map((background) => sharp({ create: { width, height, channels: 4, background } }).png().toBuffer()),
  );
  const joined = sharp(frames, { join: { animated: true } });
  return (format === 'gif' ? joined.gif() : joined.webp({ lossless: true })).toBuffer();
}
