/**
 * npm run docs:images — draws docs/images-grid.jpg, the README's picture of what each fit and
 * focus does to one photo. Every cell is a real answer of the Images API: a Folio with the demo
 * content starts in a temp folder, the cells are fetched over HTTP, and sharp lays them out.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp, { type OverlayOptions } from 'sharp';
import { loadConfig } from '../src/config/index.js';
import { startFolio } from '../src/server/start.js';

const assetId = 'image-devops-team-roles-and-responsibilities';
const cell = { width: 240, height: 160 };
const caption = 38;
const gap = 12;
const columns = 4;
const out = new URL('../docs/images-grid.jpg', import.meta.url).pathname;

/** Query → caption. Square boxes on the 3:2 photo make pad, scale and fill tell apart. */
const cells: Array<[string, string]> = [
  ['w=240', 'no fit: inside, ratio kept'],
  ['w=160&h=160&fit=pad&bg=rgb:c7d7ee', 'fit=pad&bg=rgb:c7d7ee'],
  ['w=160&h=160&fit=scale', 'fit=scale (stretched)'],
  ['w=160&h=160&fit=fill', 'fit=fill (centre)'],
  ['w=160&h=160&fit=fill&f=left', 'fit=fill&f=left'],
  ['w=160&h=160&fit=fill&f=faces', 'fit=fill&f=faces'],
  ['w=240&h=160&fit=crop', 'fit=crop (unscaled)'],
  ['w=240&h=160&fit=crop&f=face', 'fit=crop&f=face'],
  ['w=160&h=160&fit=thumb&f=face', 'fit=thumb&f=face'],
  ['w=240&h=160&fit=thumb&f=faces', 'fit=thumb&f=faces'],
  ['w=160&h=160&fit=thumb&f=face&r=max', 'thumb, f=face, r=max'],
  ['w=160&h=160&fit=fill&f=faces&r=24&fm=png', 'f=faces, r=24, fm=png'],
];

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

async function main() {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'folio-grid-'));
  const folio = await startFolio(loadConfig({ PORT: '0', FOLIO_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }));
  try {
    const token = folio.generatedTokens.find((t) => t.kind === 'delivery')!.token;
    const asset = (await (
      await fetch(`${folio.url}/delivery/spaces/folio/environments/master/assets/${assetId}`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { fields: { file: { url: string } } };
    const imageUrl = new URL(`http:${asset.fields.file.url}`);
    const base = `${folio.url}${imageUrl.pathname}`;

    const rows = Math.ceil(cells.length / columns);
    const width = columns * cell.width + (columns + 1) * gap;
    const height = rows * (cell.height + caption) + (rows + 1) * gap;
    const layers: OverlayOptions[] = [];
    for (const [i, [query, label]] of cells.entries()) {
      const res = await fetch(`${base}?${query}`);
      if (res.status !== 200) throw new Error(`${query}: ${res.status} ${await res.text()}`);
      const image = Buffer.from(await res.arrayBuffer());
      const meta = await sharp(image).metadata();
      const left = gap + (i % columns) * (cell.width + gap);
      const top = gap + Math.floor(i / columns) * (cell.height + caption + gap);
      // Smaller answers sit centred in their cell, so the sizes compare at a glance.
      layers.push({ input: image, left: left + Math.floor((cell.width - meta.width!) / 2), top: top + Math.floor((cell.height - meta.height!) / 2) });
      const text = `<svg width="${cell.width}" height="${caption}" xmlns="http://www.w3.org/2000/svg"><text x="${cell.width / 2}" y="24" font-family="DejaVu Sans, sans-serif" font-size="14" text-anchor="middle" fill="#1f2937">${escapeXml(label)}</text></svg>`;
      layers.push({ input: Buffer.from(text), left, top: top + cell.height });
    }
    await fs.mkdir(path.dirname(out), { recursive: true });
    await sharp({ create: { width, height, channels: 3, background: '#ffffff' } })
      .composite(layers)
      .jpeg({ quality: 82, progressive: true })
      .toFile(out);
    console.log(`wrote ${path.relative(process.cwd(), out)} (${width}×${height}) from ${cells.length} Images API answers`);
  } finally {
    await folio.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
