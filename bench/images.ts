/**
 * npm run bench:images — the Images API's speed against its own limit, in one run:
 *   (a) sharp alone, in-process: the same crop, resize and progressive JPEG the card URL asks for;
 *   (a2) Folio's image pipeline in-process (parse, plan, sharp): (a) plus Folio's own steps;
 *   (b) Folio over HTTP, cold: every request a new variant (w and q vary), so each one transforms;
 *   (b2) the same with only as many connections as the work queue admits (running + waiting);
 *   (c) Folio over HTTP, warm: the seed card URL itself, served from the disk cache.
 *   (e) memory: new variants of a 24 MP photo; (f) the same with random sizes, fits and formats
 *   (the cost limit's 400s counted apart), and the worst transform the cost limit admits, alone.
 * Folio runs in its own process; autocannon keeps 64 connections busy. Cold requests beyond the
 * work queue are answered 429 by design: 2xx and 429 are counted apart, latencies are of 2xx.
 * Then the face detector: worker start, and time and faces found per image. Not a test.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import sharp from 'sharp';
import { storedFiles, storedFileToken } from '../src/assets/index.js';
import { systemActor } from '../src/auth/index.js';
import { createAssetFromFile, publishAsset } from '../src/content/index.js';
import { parseImageParams, transform } from '../src/images/index.js';
import { loadConfig } from '../src/config/index.js';
import { demoAssets } from '../src/demo/index.js';
import { createFaceDetector } from '../src/faces/index.js';
import { readSample, samples, score } from '../src/faces/test-support/samples.js';
import { randomQueries } from '../src/images/test-support/random-queries.js';
import { startFolio } from '../src/server/start.js';
import { createFsStorage } from '../src/storage/index.js';
import { openStore } from '../src/store/index.js';
import { assetId, card, cardQuery, cardWindow } from './card.js';
import { alternate, inProcess as inProcessFor, peakRssMiB, percentile, randomPort, startFolioProcess, startNginx, stop, type Row as BaseRow } from './support.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = 64;
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const scope = { spaceId: 'folio', environmentId: 'master' };

interface Row extends BaseRow {
  rejected?: number;
  /** Answered 400 by the cost limit, per second. */
  tooCostly?: number;
}

const inProcess = (op: () => Promise<unknown>, concurrency: number) => inProcessFor(op, concurrency, seconds);

/** Transforms Folio runs at once plus those it lets one client address have waiting (the WorkQueue defaults). */
const admitted = os.availableParallelism() * 3;

async function overHttp(url: string, path: (i: number) => string, clients = connections): Promise<Row> {
  const latencies: number[] = [];
  let rejected = 0;
  let tooCostly = 0;
  let other = 0;
  let i = 0;
  const result = await autocannon({
    url,
    connections: clients,
    duration: seconds,
    requests: [{ setupRequest: (req) => ({ ...req, path: path(i++) }) }],
    setupClient: (client) => {
      client.on('response', (status: number, _bytes: number, ms: number) => {
        if (status === 200) latencies.push(ms);
        else if (status === 429) rejected++;
        else if (status === 400) tooCostly++;
        else other++;
      });
    },
  });
  if (other > 0) throw new Error(`HTTP run had ${other} answers that were neither 200, 429 nor 400`);
  latencies.sort((x, y) => x - y);
  return {
    rps: latencies.length / result.duration,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    rejected: rejected / result.duration,
    ...(tooCostly ? { tooCostly: tooCostly / result.duration } : {}),
    timeouts: result.timeouts,
  };
}

async function detectorTimes() {
  const detector = createFaceDetector({ onError: (m) => console.error(m) });
  let t = performance.now();
  detector.warmUp();
  // The worker answers after model load and its warm-up inference; a 1×1 image then costs nothing.
  await detector.detect(await sharp({ create: { width: 1, height: 1, channels: 3, background: '#fff' } }).png().toBuffer());
  console.log(`\nface detector (SSD MobileNet v1, face-api on tfjs WASM, one worker): ready in ${(performance.now() - t).toFixed(0)} ms`);
  console.log('image                                             size        found  counted  false  ms');
  let found = 0;
  let counted = 0;
  let falsePositives = 0;
  for (const sample of samples) {
    const data = await readSample(sample.file);
    const meta = await sharp(data).metadata();
    t = performance.now();
    const faces = await detector.detect(data);
    const ms = performance.now() - t;
    const s = score(sample, faces);
    found += s.hits;
    counted += sample.faces;
    falsePositives += s.falsePositives;
    console.log(`${sample.file.padEnd(49)} ${`${meta.width}×${meta.height}`.padEnd(11)} ${String(s.hits).padStart(5)}  ${String(sample.faces).padStart(7)}  ${String(s.falsePositives).padStart(5)}  ${ms.toFixed(0)}`);
  }
  for (const asset of demoAssets) {
    const data = await asset.render();
    t = performance.now();
    const faces = await detector.detect(data);
    console.log(`${`${asset.id} (drawn)`.slice(0, 49).padEnd(49)} ${`${asset.width}×${asset.height}`.padEnd(11)} ${String(faces.length).padStart(5)}        -      -  ${(performance.now() - t).toFixed(0)}`);
  }
  console.log(`photos: ${found} of ${counted} faces found, ${falsePositives} false positives`);
  await detector.close();
}

async function main() {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'folio-bench-images-'));
  try {
    const config = loadConfig({ PORT: '0', FOLIO_DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    // First start loads the demo (faces detected at ingest).
    await (await startFolio(config)).close();

    const store = await openStore({ sqlitePath: config.sqlitePath });
    const file = storedFiles((await store.assets.getPublished(scope, assetId))!)[0]!;
    await store.close();
    let bigFile: typeof file;
    const original = (await createFsStorage(path.join(dataDir, 'files')).get(file.hash))!;
    const image = file.details.image!;
    // A 24 MP photo for the memory phase, made from the demo one and stored as an upload would be.
    const bigSize = { width: 6000, height: 4000 };
    const bigId = 'bench-24mp';
    {
      const data = await sharp(original).resize(bigSize.width, bigSize.height, { fit: 'fill' }).jpeg({ quality: 85 }).toBuffer();
      const store = await openStore({ sqlitePath: config.sqlitePath });
      const storage = createFsStorage(path.join(dataDir, 'files'));
      const file = { fileName: 'big.jpg', contentType: 'image/jpeg', data };
      const asset = await createAssetFromFile(store, storage, scope, { id: bigId, locale: 'en-US', title: '24 MP', description: 'A large photo', file }, systemActor);
      await publishAsset(store, scope, { id: asset.sys.id }, systemActor);
      bigFile = storedFiles((await store.assets.getPublished(scope, bigId))!)[0]!;
      await store.close();
    }
    const bigPath = `/images/folio/${bigId}/${storedFileToken(bigFile)}/big.jpg`;
    const window = cardWindow(image);
    console.log(`source: ${assetId} (${file.contentType}, ${image.width}×${image.height}, ${image.faces?.length ?? 0} faces), card window ${JSON.stringify(window)}`);

    const a = await inProcess(
      () => sharp(original).extract(window).resize(card.width, card.height).jpeg({ quality: 60, progressive: true }).toBuffer(),
      connections,
    );

    const params = parseImageParams(new URLSearchParams(cardQuery));
    const focus = { faces: image.faces ?? [] };
    const a2 = await inProcess(() => transform(original, params, focus), connections);

    const started = await startFolioProcess({ FOLIO_DATA_DIR: dataDir });
    const { origin } = started;
    const imagePath = `/images/folio/${assetId}/${storedFileToken(file)}/${encodeURIComponent(file.fileName)}`;
    // Widths 250–449 × qualities 1–100: 20000 variants, more than a run asks for, so none repeats.
    const variantOf = (pathname: string) => (i: number) => {
      const w = 250 + (i % 200);
      return `${pathname}?w=${w}&h=${Math.round((w * card.height) / card.width)}&q=${1 + (Math.floor(i / 200) % 100)}&fit=fill&f=faces&fm=jpg&fl=progressive`;
    };
    const variant = variantOf(imagePath);
    // Between phases the server finishes what the last one left queued (else it starts with 429s).
    const drain = () => new Promise((resolve) => setTimeout(resolve, 3000));
    const b = await overHttp(origin, variant);
    await drain();
    // Other variants than (b) used: offset past them.
    const b2 = await overHttp(origin, (i) => variant(i + 10_000), admitted);
    await drain();

    // (d): nginx sends the very bytes Folio's cache holds for the card, as a static file.
    const www = path.join(dataDir, 'www');
    await fs.mkdir(www, { recursive: true });
    const cardBytes = Buffer.from(await (await fetch(`${origin}${imagePath}${cardQuery}`)).arrayBuffer());
    await fs.writeFile(path.join(www, 'card.jpg'), cardBytes);
    const nginxPort = randomPort();
    const nginx = await startNginx(www, nginxPort, 'location = /card.jpg { default_type image/jpeg; }');
    const [c, d] = await alternate([`${origin}${imagePath}${cardQuery}`, `http://127.0.0.1:${nginxPort}/card.jpg`], { seconds, connections, rounds });
    await stop(nginx);
    await stop(started.process);

    // (e) memory: a fresh process, 64 connections asking for new variants of a 24 MP photo.
    const big = await startFolioProcess({ FOLIO_DATA_DIR: dataDir });
    const e = await overHttp(big.origin, variantOf(bigPath));
    const rss = await peakRssMiB(big.process.pid!);
    await stop(big.process);

    // (f) memory: a fresh process, 64 connections asking for random sizes, fits and formats.
    const mixed = await startFolioProcess({ FOLIO_DATA_DIR: dataDir });
    const queries = randomQueries(20_000, 7);
    const f = await overHttp(mixed.origin, (i) => `${bigPath}?${queries[i % queries.length]!.query}`);
    const rssMixed = await peakRssMiB(mixed.process.pid!);
    await stop(mixed.process);

    // The worst transform the cost limit admits from this source, alone in a fresh process.
    const worstQuery = 'w=2560&h=1600&fit=fill&fm=avif';
    const lone = await startFolioProcess({ FOLIO_DATA_DIR: dataDir });
    const t = performance.now();
    const worst = await fetch(`${lone.origin}${bigPath}?${worstQuery}`);
    await worst.arrayBuffer();
    const worstMs = performance.now() - t;
    const worstRss = await peakRssMiB(lone.process.pid!);
    await stop(lone.process);

    const row = (name: string, r: Row) =>
      `${name.padEnd(46)} ${r.rps.toFixed(0).padStart(6)} req/s   p50 ${r.p50.toFixed(1).padStart(6)} ms   p99 ${r.p99.toFixed(1).padStart(6)} ms` +
      (r.rejected !== undefined ? `   429: ${r.rejected.toFixed(0)}/s` : '') +
      (r.tooCostly !== undefined ? `   400 (cost): ${r.tooCostly.toFixed(0)}/s` : '') +
      (r.timeouts ? `   ${r.timeouts} timeouts` : '');
    const load = os.loadavg()[0]!.toFixed(1);
    console.log(`\nURL: ${cardQuery} (${seconds}s each, ${os.cpus().length} cores, load average ${load}, ${connections} connections/callers)`);
    console.log(row('(a) sharp in-process, same transform', a));
    console.log(row("(a2) Folio's pipeline in-process", a2));
    console.log(row('(b) HTTP cold (a new variant each request)', b));
    console.log(row(`(b2) HTTP cold, ${admitted} connections`, b2));
    console.log(row('(c) HTTP warm (disk cache)', c));
    console.log(row(`(d) nginx, the same ${(cardBytes.length / 1024).toFixed(1)} KiB as a static file`, d));
    console.log(`(c) and (d): median of ${rounds} alternating runs`);
    console.log(row(`(e) HTTP cold, ${bigSize.width}×${bigSize.height} source`, e));
    console.log(
      `\nratios: pipeline/sharp ${(a2.rps / a.rps).toFixed(2)}, cold/sharp ${(b.rps / a.rps).toFixed(2)}, cold ${admitted}/sharp ${(b2.rps / a.rps).toFixed(2)} (target ≥ 0.85), ` +
        `warm/nginx ${(c.rps / d.rps).toFixed(2)} (target ≥ 0.5), warm/cold ${(c.rps / b2.rps).toFixed(1)}`,
    );
    console.log(row(`(f) HTTP cold, random sizes, fits and formats`, f));
    console.log(`peak RSS of Folio during (e): ${rss.toFixed(0)} MiB, during (f): ${rssMixed.toFixed(0)} MiB (target ≤ 400)`);
    console.log(`worst admitted transform, ${worstQuery} of the 24 MP source, alone: ${worst.status} in ${worstMs.toFixed(0)} ms, peak RSS ${worstRss.toFixed(0)} MiB`);

    await detectorTimes();
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
