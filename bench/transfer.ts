/**
 * `npm run bench:transfer -- [entries] [assets]`: how fast `folio import` and `folio export`
 * move a generated contentful-export (default 10,000 entries linking to 1,000 small JPEG
 * assets), and their peak memory (GNU time's maximum resident set size). Each command runs in
 * its own process on a fresh SQLite data dir, exactly as a person would run it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { ensureSpace } from '../src/setup/index.js';
import { openStore } from '../src/store/index.js';

const entries = Number(process.argv[2] ?? 10_000);
const assets = Number(process.argv[3] ?? 1_000);
const cli = new URL('../dist/cli/main.js', import.meta.url).pathname;
const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'folio-transfer-'));
const link = (linkType: string, id: string) => ({ sys: { type: 'Link', linkType, id } });
const published = (id: string, type: string, extra: object = {}) => ({ id, type, version: 2, publishedVersion: 1, ...extra });

/** The export file, written as a stream of lines so the generator's memory stays flat too. */
async function writeExport(file: string, assetsDir: string) {
  const out = await fs.open(file, 'w');
  const write = (s: string) => out.write(s);
  await write(`{"contentTypes": [${JSON.stringify({
    sys: published('story', 'ContentType'),
    name: 'Story',
    displayField: 'title',
    fields: [
      { id: 'title', name: 'Title', type: 'Symbol', localized: false, required: true, validations: [] },
      { id: 'body', name: 'Body', type: 'Text', localized: false, required: false, validations: [] },
      { id: 'image', name: 'Image', type: 'Link', linkType: 'Asset', localized: false, required: false, validations: [] },
    ],
  })}],\n"editorInterfaces": [],\n"locales": [{"code": "en-US", "name": "English", "default": true, "fallbackCode": null, "sys": {"id": "en", "type": "Locale"}}],\n"tags": [],\n"assets": [\n`);
  for (let i = 0; i < assets; i++) {
    const fileName = `photo-${i}.jpg`;
    const url = `//images.example.net/space/asset-${i}/token/${fileName}`;
    const bytes = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: i % 256, g: (i * 7) % 256, b: (i * 13) % 256 } } }).jpeg().toBuffer();
    await fs.mkdir(path.join(assetsDir, path.dirname(url.slice(2))), { recursive: true });
    await fs.writeFile(path.join(assetsDir, url.slice(2)), bytes);
    const asset = { sys: published(`asset-${i}`, 'Asset'), fields: { title: { 'en-US': `Photo ${i}` }, description: { 'en-US': `Photo number ${i}` }, file: { 'en-US': { url, fileName, contentType: 'image/jpeg', details: { size: bytes.length } } } } };
    await write(`${i ? ',\n' : ''}${JSON.stringify(asset)}`);
  }
  await write('],\n"entries": [\n');
  const body = 'A paragraph of words that a story would hold. '.repeat(20);
  for (let i = 0; i < entries; i++) {
    const entry = { sys: published(`story-${i}`, 'Entry', { contentType: link('ContentType', 'story') }), fields: { title: { 'en-US': `Story ${i}` }, body: { 'en-US': body }, image: { 'en-US': link('Asset', `asset-${i % assets}`) } } };
    await write(`${i ? ',\n' : ''}${JSON.stringify(entry)}`);
  }
  await write('],\n"webhooks": [], "roles": []}\n');
  await out.close();
}

/** Runs the CLI under GNU time: seconds and peak RSS in MB. */
function timed(args: string[], dataDir: string) {
  const t0 = performance.now();
  const run = spawnSync('/usr/bin/time', ['-v', process.execPath, cli, ...args], { env: { ...process.env, FOLIO_DATA_DIR: dataDir, FOLIO_DEMO: '0', LOG_LEVEL: 'silent' }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - t0) / 1000;
  if (run.status !== 0) throw new Error(`folio ${args[0]} failed (${run.status}): ${run.stderr.slice(-2000)}`);
  const rssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr)?.[1] ?? 0);
  return { seconds, peakMb: rssKb / 1024, stdout: run.stdout };
}

async function freshDataDir(name: string) {
  const dataDir = path.join(dir, name);
  await fs.mkdir(dataDir, { recursive: true });
  const store = await openStore({ sqlitePath: path.join(dataDir, 'folio.db') });
  await ensureSpace(store, 'folio');
  await store.close();
  return dataDir;
}

try {
  const file = path.join(dir, 'export.json');
  const assetsDir = path.join(dir, 'assets');
  await writeExport(file, assetsDir);
  const mb = (await fs.stat(file)).size / 1024 / 1024;
  const dataDir = await freshDataDir('data');

  const imported = timed(['import', file, '--assets-dir', assetsDir], dataDir);
  const again = timed(['import', file, '--assets-dir', assetsDir], dataDir);
  const out = path.join(dir, 'out');
  const exported = timed(['export', '--out', out, '--download-assets'], dataDir);
  const outFile = (await fs.readdir(out)).find((f) => f.endsWith('.json'))!;
  const outMb = (await fs.stat(path.join(out, outFile))).size / 1024 / 1024;

  const rows = [
    ['folio import (first run)', imported, mb],
    ['folio import (again: nothing to change)', again, mb],
    ['folio export --download-assets', exported, outMb],
  ] as const;
  console.log(`${entries} entries, ${assets} assets; export file ${mb.toFixed(1)} MB\n`);
  console.log('| run | seconds | entries/s | MB/s (JSON) | peak RSS MB |\n| --- | --- | --- | --- | --- |');
  for (const [name, r, size] of rows) console.log(`| ${name} | ${r.seconds.toFixed(1)} | ${Math.round(entries / r.seconds)} | ${(size / r.seconds).toFixed(2)} | ${Math.round(r.peakMb)} |`);
} finally {
  await fs.rm(dir, { recursive: true, force: true });
}
