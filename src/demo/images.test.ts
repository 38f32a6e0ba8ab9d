/** The demo's featured images: real sharp renders of the SVG scenes, checked as decoded files. */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { demoAssets } from './index.js';

const formats: Record<string, string> = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/webp': 'webp' };

describe('demo images', () => {
  it.each(demoAssets.map((a) => [a.id, a] as const))('%s decodes to its declared size and format, the same bytes every time', async (_id, asset) => {
    const [a, b] = await Promise.all([asset.render(), asset.render()]);
    expect(a.equals(b)).toBe(true);
    const meta = await sharp(a).metadata();
    expect(meta).toMatchObject({ format: formats[asset.contentType], width: asset.width, height: asset.height });
    expect(asset.width).toBeGreaterThanOrEqual(1800);
    expect(asset.width).toBeLessThanOrEqual(2000);
    // A real illustration, not a blank canvas: plenty of colour variation across the image.
    const stats = await sharp(a).stats();
    for (const channel of stats.channels.slice(0, 3)) expect(channel.stdev).toBeGreaterThan(20);
    // The file the demo ships is this render: same format and size, the same pixels (a little
    // leeway for another platform's encoder), so it cannot go stale when the scene changes.
    const shipped = await asset.read();
    expect(await sharp(shipped).metadata()).toMatchObject({ format: formats[asset.contentType], width: asset.width, height: asset.height });
    const [mine, theirs] = await Promise.all([a, shipped].map((image) => sharp(image).removeAlpha().raw().toBuffer()));
    let diff = 0;
    for (let k = 0; k < mine!.length; k++) diff += Math.abs(mine![k]! - theirs![k]!);
    expect(diff / mine!.length, 'mean difference per channel; `npx tsx scripts/demo-data.ts` makes the files again').toBeLessThan(1);
  });

  it('draws each scene differently', async () => {
    const thumbs = await Promise.all(
      demoAssets.map((a) => a.render().then((buf) => sharp(buf).resize(48, 32, { fit: 'fill' }).removeAlpha().raw().toBuffer())),
    );
    for (let i = 0; i < thumbs.length; i++)
      for (let j = i + 1; j < thumbs.length; j++) {
        let diff = 0;
        for (let k = 0; k < thumbs[i]!.length; k++) diff += Math.abs(thumbs[i]![k]! - thumbs[j]![k]!);
        expect(diff / thumbs[i]!.length, `${demoAssets[i]!.id} vs ${demoAssets[j]!.id}`).toBeGreaterThan(10);
      }
  });
});
