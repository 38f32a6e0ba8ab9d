/**
 * An images server in its own process, so a test can read its memory from /proc without the
 * test runner's own: `node --import tsx server-process.ts '<Setup JSON>'`. The sources are made
 * by the caller (writeSources) so making them does not count towards the server's peak memory.
 * Prints `ready {"<asset id>": "<its /images URL>", …}` on stdout.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { demoAssets } from '../../demo/index.js';
import type { ImagesRoutesOptions } from '../route.js';
import { startFileServer, type FixtureFile } from './file-server.js';

interface Setup {
  dir: string;
  options: Omit<ImagesRoutesOptions, 'resolveFile'>;
}

const sources = [
  { assetId: 'photo-24mp', fileName: 'big.jpg', contentType: 'image/jpeg' },
  { assetId: 'alpha-png', fileName: 'alpha.png', contentType: 'image/png' },
  { assetId: 'photo', fileName: 'photo.jpg', contentType: 'image/jpeg' },
] as const;

export const sourceIds: readonly string[] = sources.map((s) => s.assetId);

/** A 6000×4000 JPEG, a 2000×2000 PNG with alpha and a 1920×1280 JPEG of a demo scene, into a new directory. */
export async function writeSources(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'folio-images-sources-'));
  const scene = await demoAssets[0]!.render();
  const data = [
    await sharp(scene).resize(6000, 4000, { fit: 'fill' }).jpeg({ quality: 85 }).toBuffer(),
    await sharp(scene).resize(2000, 2000, { fit: 'fill' }).ensureAlpha(0.6).png().toBuffer(),
    scene,
  ];
  await Promise.all(sources.map((s, i) => writeFile(path.join(dir, s.assetId), data[i]!)));
  return dir;
}

async function main() {
  const { dir, options } = JSON.parse(process.argv[2]!) as Setup;
  const files: FixtureFile[] = await Promise.all(sources.map(async (s) => ({ ...s, data: await readFile(path.join(dir, s.assetId)) })));
  const server = await startFileServer(files, { cacheDir: path.join(dir, 'cache'), ...options });
  // The test stops it with SIGTERM: remove the server's temp files then.
  process.once('SIGTERM', () => void server.close().finally(() => process.exit(0)));
  process.stdout.write(`ready ${JSON.stringify(Object.fromEntries(sourceIds.map((id) => [id, server.url(id)])))}\n`);
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
