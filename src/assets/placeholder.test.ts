import sharp from 'sharp';
import { thumbHashToAverageRGBA, thumbHashToApproximateAspectRatio } from 'thumbhash';
import { describe, expect, it } from 'vitest';
import { placeholderOf } from './placeholder.js';

describe('placeholderOf', () => {
  it('gives a ThumbHash and the dominant colour of a real image', async () => {
    // Mostly red with a blue stripe, 3:2.
    const image = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#d02020' } })
      .composite([{ input: await sharp({ create: { width: 600, height: 60, channels: 3, background: '#2030d0' } }).png().toBuffer(), top: 0, left: 0 }])
      .jpeg()
      .toBuffer();
    const p = await placeholderOf(image);
    const hash = Buffer.from(p.thumbhash, 'base64');
    expect(hash.length).toBeLessThan(40);
    expect(thumbHashToApproximateAspectRatio(hash)).toBeCloseTo(1.5, 0);
    const avg = thumbHashToAverageRGBA(hash);
    expect(avg.r).toBeGreaterThan(avg.b);
    expect(p.dominantColor).toMatch(/^#[0-9a-f]{6}$/);
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(p.dominantColor.slice(i, i + 2), 16)) as [number, number, number];
    expect(r).toBeGreaterThan(150);
    expect(Math.max(g, b)).toBeLessThan(100);
  });

  it('applies EXIF orientation', async () => {
    const tall = await sharp({ create: { width: 300, height: 100, channels: 3, background: '#888' } }).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    const hash = Buffer.from((await placeholderOf(tall)).thumbhash, 'base64');
    expect(thumbHashToApproximateAspectRatio(hash)).toBeLessThan(1);
  });
});
