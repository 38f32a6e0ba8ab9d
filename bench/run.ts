/**
 * npm run bench — every throughput figure of Folio against its limit on this machine, in one
 * run and one table, measured with wrk (see wrk.ts):
 *   - warm answers (hub `/`, an article page, the Delivery list of 100 articles with includes,
 *     cached, identity and gzip; the seed's card image, warm) against nginx (one worker,
 *     sendfile) serving the byte-identical body saved from Folio;
 *   - the same Delivery list with FOLIO_DELIVERY_CACHE=0, against the same nginx;
 *   - cold image transforms (each request a new variant of the card, 4 at a time) against sharp
 *     doing the same transforms in this process, 4 at a time;
 *   - hub reads while one article is updated and published per second, against the same reads
 *     without publishes.
 * Each pair is a 5 s warm-up each, then three runs each, alternated (a busy neighbour slows both
 * alike), of which the medians are compared. Folio runs in its own process from dist/, as in
 * production. Not a test: nothing here fails on speed.
 *
 * BENCH_SECONDS (default 15), BENCH_ROUNDS (3), BENCH_WARMUP (5), BENCH_ARTICLES (100 more than
 * the demo's), BENCH_ONLY (comma-separated row names: hub,article,delivery,uncached,image,cold,publish).
 * BENCH_NODE_ARGS profiles the server (see support.ts).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import sharp from 'sharp';
import { storedFiles, storedFileToken } from '../src/assets/index.js';
import { loadConfig } from '../src/config/index.js';
import { startFolio } from '../src/server/start.js';
import { createFsStorage } from '../src/storage/index.js';
import { openStore } from '../src/store/index.js';
import type { FloorAnswer } from './node-floor.js';
import { assetId, card, cardQuery, cardWindow } from './card.js';
import { loadSharp } from '../src/images/index.js';
import { addBenchArticles, cpuSecondsOf, freePort, inProcess, spawnUntil, startFolioProcess, startNginx, stop } from './support.js';
import { alternateWrk, wrk, type WrkResult } from './wrk.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const warmUp = Number(process.env.BENCH_WARMUP ?? 5);
const articles = Number(process.env.BENCH_ARTICLES ?? 100);
const only = process.env.BENCH_ONLY?.split(',');
const wanted = (name: string) => !only || only.includes(name);
const connections = 64;
/** Cold transforms at once: enough to keep both cores busy, few enough that the queue admits all. */
const coldConcurrency = 4;
const deliveryToken = 'bench-run-delivery-token';
const managementToken = 'bench-run-management-token';
const scope = { spaceId: 'folio', environmentId: 'master' };
const articleSlug = 'what-does-a-devops-engineer-do';
const entriesPath = '/delivery/spaces/folio/environments/master/entries';
const entriesQuery = 'content_type=article&limit=100&include=1';
const deliveryType = 'application/vnd.contentful.delivery.v1+json';
const auth = { authorization: `Bearer ${deliveryToken}` };

interface Line {
  what: string;
  bytes?: number;
  folio: WrkResult | { rps: number };
  baseline: WrkResult | { rps: number };
  baselineName: string;
  target: number;
  /** Bare node:http sending the same bytes and headers (bench/node-floor.ts), where measured. */
  floor?: WrkResult;
}

const lines: Line[] = [];
/** Printed under the table. */
const notes: string[] = [];
const middle = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The body exactly as sent (fetch would inflate a gzip one). */
async function rawBody(url: string, headers: Record<string, string> = {}): Promise<{ body: Buffer; encoding: string | null; rawHeaders: string[] }> {
  const { request } = await import('node:http');
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      if (res.statusCode !== 200) reject(new Error(`${url}: ${res.statusCode}`));
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve({ body: Buffer.concat(chunks), encoding: res.headers['content-encoding'] ?? null, rawHeaders: res.rawHeaders }));
    })
      .on('error', reject)
      .end();
  });
}

/** Widths 250–449 × qualities 1–100 of the card: 20,000 variants, none repeated in a run. */
const variantOf = (n: number) => {
  const w = 250 + (n % 200);
  return { w, h: Math.round((w * card.height) / card.width), q: 1 + (Math.floor(n / 200) % 100) };
};
const variantLua = (imagePath: string) => `
  local w = 250 + (n % 200)
  local h = math.floor(w * ${card.height} / ${card.width} + 0.5)
  local q = 1 + (math.floor(n / 200) % 100)
  return wrk.format("GET", "${imagePath}?w=" .. w .. "&h=" .. h .. "&q=" .. q .. "&fit=fill&f=faces&fm=jpg&fl=progressive")`;

async function main() {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'folio-bench-run-'));
  const dataDir = path.join(work, 'data');
  const www = path.join(work, 'www');
  const children: ChildProcess[] = [];
  const env = { FOLIO_DATA_DIR: dataDir, FOLIO_DELIVERY_TOKEN: deliveryToken, FOLIO_MANAGEMENT_TOKEN: managementToken };
  try {
    // First start loads the demo (faces detected); then more articles so a page holds 100.
    await (await startFolio(loadConfig({ PORT: '0', LOG_LEVEL: 'silent', ...env }))).close();
    await addBenchArticles(dataDir, articles, 'Bench');
    const store = await openStore({ sqlitePath: path.join(dataDir, 'folio.db') });
    const file = storedFiles((await store.assets.getPublished(scope, assetId))!)[0]!;
    await store.close();
    const imagePath = `/images/folio/${assetId}/${storedFileToken(file)}/${encodeURIComponent(file.fileName)}`;

    const folio = await startFolioProcess(env, await freePort());
    children.push(folio.process);
    const { origin } = folio;
    await quiet(folio.process.pid!);

    // nginx serves the very bytes Folio answered, saved once the caches are warm.
    await fs.mkdir(path.join(www, 'articles'), { recursive: true });
    // The Node floor answers the same URLs with the same bytes and header block.
    const floorAnswers: FloorAnswer[] = [];
    const save = async (name: string, url: string, headers: Record<string, string> = {}) => {
      await rawBody(url, headers);
      const { body, encoding, rawHeaders } = await rawBody(url, headers);
      await fs.writeFile(path.join(www, name), body);
      const { pathname, search } = new URL(url);
      // Node adds these itself, as it does for Folio.
      const own = new Set(['date', 'connection', 'keep-alive']);
      const kept = rawHeaders.flatMap((v, i) => (i % 2 === 0 && !own.has(v.toLowerCase()) ? [v, rawHeaders[i + 1]!] : []));
      floorAnswers.push({ path: pathname + search, acceptEncoding: headers['accept-encoding'] ?? '', bodyFile: path.join(www, name), headers: kept });
      return { size: body.length, encoding };
    };
    const deliveryUrl = `${origin}${entriesPath}?${entriesQuery}`;
    const sizes = {
      hub: (await save('index.html', `${origin}/`)).size,
      article: (await save(`articles/${articleSlug}`, `${origin}/articles/${articleSlug}`)).size,
      identity: (await save('entries.json', deliveryUrl, auth)).size,
      gzip: await save('entries.json.gz', deliveryUrl, { ...auth, 'accept-encoding': 'gzip' }),
      image: (await save('card.jpg', `${origin}${imagePath}${cardQuery}`)).size,
    };
    if (sizes.gzip.encoding !== 'gzip') throw new Error(`Delivery answered ${sizes.gzip.encoding ?? 'identity'} to Accept-Encoding: gzip`);
    const nginxPort = await freePort();
    const nginx = await startNginx(
      www,
      nginxPort,
      `location = /entries.json { default_type ${deliveryType}; }
    location = /entries.json.gz { default_type ${deliveryType}; add_header Content-Encoding gzip; add_header Vary Accept-Encoding; }
    location = /card.jpg { default_type image/jpeg; }`,
      '1',
    );
    children.push(nginx);
    const ng = `http://127.0.0.1:${nginxPort}`;
    const floor = await startNodeFloor(work, floorAnswers);
    children.push(floor.process);
    const opts = { seconds, rounds, warmUp, connections };

    /** Folio against nginx; warm answers also against the Node floor. */
    const pair = async (what: string, bytes: number, folioUrl: string, nginxPath: string, headers: Record<string, string> = {}, target = 0.8, withFloor = true) => {
      const { pathname, search } = new URL(folioUrl);
      const [f, n, fl] = await alternateWrk([folioUrl, ng + nginxPath, ...(withFloor ? [floor.origin + pathname + search] : [])], { ...opts, headers });
      lines.push({ what, bytes, folio: f!, baseline: n!, baselineName: 'nginx, same bytes', target, ...(fl ? { floor: fl } : {}) });
      console.error(`${what}: ${f!.rps.toFixed(0)} / ${n!.rps.toFixed(0)} = ${(f!.rps / n!.rps).toFixed(2)}${fl ? `; Node floor ${fl.rps.toFixed(0)}` : ''}`);
    };

    if (wanted('hub')) await pair('hub `/`', sizes.hub, `${origin}/`, '/');
    if (wanted('article')) await pair('article page', sizes.article, `${origin}/articles/${articleSlug}`, `/articles/${articleSlug}`);
    if (wanted('delivery')) {
      await pair(`Delivery \`entries?${entriesQuery}\`, cached, identity`, sizes.identity, deliveryUrl, '/entries.json', auth);
      await pair('the same, cached, gzip', sizes.gzip.size, deliveryUrl, '/entries.json.gz', { ...auth, 'accept-encoding': 'gzip' });
    }
    if (wanted('image')) await pair("warm derived image (the seed's card transform)", sizes.image, `${origin}${imagePath}${cardQuery}`, '/card.jpg');

    if (wanted('publish')) {
      // Hub reads with and without one article updated and published per second (Management API).
      const quiet: WrkResult[] = [];
      const busy: WrkResult[] = [];
      // The server's CPU per read without publishes, and what each publish adds to it besides its reads.
      const readCpu: number[] = [];
      const publishCpu: number[] = [];
      const cpuOf = () => cpuSecondsOf(folio.process.pid!);
      await wrk(`${origin}/`, { seconds: warmUp, connections });
      // More alternations than the other rows: the ratio of two runs on a shared machine swings with its neighbours.
      const publishRounds = Math.max(rounds, 5);
      for (let i = 0; i < publishRounds; i++) {
        let cpu = await cpuOf();
        const q = await wrk(`${origin}/`, { seconds, connections });
        const perRead = ((await cpuOf()) - cpu) / q.requests;
        quiet.push(q);
        cpu = await cpuOf();
        const publishing = publishLoop(origin, seconds);
        const b = await wrk(`${origin}/`, { seconds, connections });
        const published = await publishing;
        busy.push(b);
        readCpu.push(perRead * 1e6);
        publishCpu.push((((await cpuOf()) - cpu - perRead * b.requests) * 1000) / published);
      }
      const median = (runs: WrkResult[]) => [...runs].sort((a, b) => a.rps - b.rps)[Math.floor(runs.length / 2)]!;
      lines.push({ what: 'hub `/` while publishing 1 article/s', bytes: sizes.hub, folio: median(busy), baseline: median(quiet), baselineName: 'the same reads, no publishes', target: 0.9 });
      notes.push(`publishing: the server's CPU per read of \`/\` ${middle(readCpu).toFixed(1)} µs without publishes; each publish (read, save, publish through the Management API) adds ${middle(publishCpu).toFixed(0)} ms of CPU besides its reads (medians of ${publishRounds} alternations)`);
    }

    if (wanted('cold')) {
      // The same variants in-process with sharp (the crop f=faces picks, resized to exactly w×h,
      // progressive JPEG) and over HTTP, alternated; each run takes variants no earlier run asked
      // for. The in-process side runs under Folio's sharp settings, and makes the very bytes Folio
      // answers (checked first), so both do the same work.
      await loadSharp();
      const original = (await createFsStorage(path.join(dataDir, 'files')).get(file.hash))!;
      const image = file.details.image!;
      const inProcessVariant = (v: ReturnType<typeof variantOf>) =>
        sharp(original).extract(cardWindow(image, { width: v.w, height: v.h })).resize(v.w, v.h, { fit: 'fill' }).jpeg({ quality: v.q, progressive: true }).toBuffer();
      const check = variantOf(19_999);
      const answered = await rawBody(`${origin}${imagePath}?w=${check.w}&h=${check.h}&q=${check.q}&fit=fill&f=faces&fm=jpg&fl=progressive`);
      if (!answered.body.equals(await inProcessVariant(check))) throw new Error('The in-process transform does not make the bytes Folio answers: they compare different work');
      let next = 0;
      const sharpCpu: number[] = [];
      const sharpRun = async () => {
        const cpu = process.cpuUsage();
        const r = await inProcess(() => inProcessVariant(variantOf(next++)), coldConcurrency, seconds);
        const used = process.cpuUsage(cpu);
        sharpCpu.push((used.user + used.system) / 1000 / (r.rps * seconds));
        return r.rps;
      };
      const folioRuns: WrkResult[] = [];
      const sharpRuns: number[] = [];
      const folioCpu: number[] = [];
      let offset = 10_000;
      const httpRun = async (secs: number) => {
        const cpu = await cpuSecondsOf(folio.process.pid!);
        const r = await wrk(origin, { seconds: secs, connections: coldConcurrency, pathOf: variantLua(imagePath), offset });
        folioCpu.push(((await cpuSecondsOf(folio.process.pid!)) - cpu) * 1000 / Math.max(1, r.ok));
        offset += r.requests + 1;
        return r;
      };
      await httpRun(warmUp);
      folioCpu.pop();
      for (let i = 0; i < rounds; i++) {
        folioRuns.push(await httpRun(seconds));
        sharpRuns.push(await sharpRun());
      }
      const f = [...folioRuns].sort((a, b) => a.rps - b.rps)[Math.floor(rounds / 2)]!;
      const s = [...sharpRuns].sort((a, b) => a - b)[Math.floor(rounds / 2)]!;
      lines.push({ what: `cold image transforms, ${coldConcurrency} at a time (200s only)`, folio: f, baseline: { rps: s }, baselineName: 'sharp in-process, same transforms', target: 0.85 });
      const ms = (runs: number[]) => middle(runs).toFixed(1);
      notes.push(
        `cold images: CPU per transform (median of ${rounds}), Folio's whole process ${ms(folioCpu)} ms, sharp in-process ${ms(sharpCpu)} ms; ` +
          `sharp settings on both sides: libvips threads per image ${sharp.concurrency()}, operation cache ${sharp.cache().items.max > 0 ? 'on' : 'off'}, UV_THREADPOOL_SIZE ${process.env.UV_THREADPOOL_SIZE ?? 'unset (4)'} in-process`,
      );
    }

    if (wanted('uncached')) {
      await stop(folio.process);
      const uncached = await startFolioProcess({ ...env, FOLIO_DELIVERY_CACHE: '0' }, await freePort());
      children.push(uncached.process);
      await quiet(uncached.process.pid!);
      // Uncached answers are sent as they are (compressing each would cost more than it saves on loopback).
      await pair('Delivery, the same, `FOLIO_DELIVERY_CACHE=0`, identity', sizes.identity, `${uncached.origin}${entriesPath}?${entriesQuery}`, '/entries.json', auth, 0.15, false);
    }

    const load = os.loadavg()[0]!.toFixed(1);
    console.log(
      `\nwrk -t1 -c${connections} (cold images: -c${coldConcurrency}), ${warmUp} s warm-up, median of ${rounds} alternated ${seconds} s runs; ` +
        `${os.cpus().length} cores shared with wrk and nginx; load average ${load}; ${articles} articles besides the demo's\n`,
    );
    console.log('| what | body | Folio req/s | baseline | baseline req/s | ratio | target | Node floor req/s | Folio / floor |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const l of lines) {
      const ratio = l.folio.rps / l.baseline.rps;
      const body = l.bytes === undefined ? '' : `${(l.bytes / 1024).toFixed(1)} KiB`;
      const failed = 'failed' in l.folio && l.folio.failed ? ` (${l.folio.failed} not 200)` : '';
      console.log(
        `| ${l.what} | ${body} | ${l.folio.rps.toFixed(0)}${failed} | ${l.baselineName} | ${l.baseline.rps.toFixed(0)} | **${ratio.toFixed(2)}** | ≥ ${l.target}${ratio >= l.target ? '' : ' (short)'} | ` +
          (l.floor ? `${l.floor.rps.toFixed(0)} | ${(l.folio.rps / l.floor.rps).toFixed(2)} |` : ' | |'),
      );
    }
    for (const note of notes) console.log(`\n${note}`);
  } finally {
    for (const child of children.reverse()) await stop(child);
    await fs.rm(work, { recursive: true, force: true });
  }
}

/** bench/node-floor.ts in its own process, answering `answers`. */
async function startNodeFloor(work: string, answers: FloorAnswer[]): Promise<{ process: ChildProcess; origin: string }> {
  const manifest = path.join(work, 'floor.json');
  await fs.writeFile(manifest, JSON.stringify(answers));
  const port = await freePort();
  const child = await spawnUntil(['--import', 'tsx', new URL('./node-floor.ts', import.meta.url).pathname, manifest, String(port)], 'listening');
  return { process: child, origin: `http://127.0.0.1:${port}` };
}

/** Waits until the process has used under 5 % of a core for a second (start-up work such as the face detector's model load is done). */
async function quiet(pid: number, limitSeconds = 60): Promise<void> {
  const cpu = () => cpuSecondsOf(pid);
  const until = performance.now() + limitSeconds * 1000;
  let last = await cpu();
  while (performance.now() < until) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = await cpu();
    if (now - last < 0.05) return;
    last = now;
  }
}

/** Updates and publishes one bench article per second through the Management API for `secs`; how many it published. */
async function publishLoop(origin: string, secs: number): Promise<number> {
  const mgmt = `${origin}/management/spaces/folio/environments/master/entries`;
  const headers = { authorization: `Bearer ${managementToken}`, 'content-type': 'application/vnd.contentful.management.v1+json' };
  const start = performance.now();
  let done = 0;
  for (let i = 0; performance.now() - start < secs * 1000; i++) {
    await new Promise((r) => setTimeout(r, Math.max(0, start + i * 1000 - performance.now())));
    const id = `bench-${i % Math.max(1, articles)}`;
    const entry = (await (await fetch(`${mgmt}/${id}`, { headers })).json()) as { sys: { version: number }; fields: Record<string, unknown> };
    const saved = await fetch(`${mgmt}/${id}`, {
      method: 'PUT',
      headers: { ...headers, 'x-contentful-version': String(entry.sys.version) },
      body: JSON.stringify({ fields: { ...entry.fields, title: { 'en-US': `Bench article ${id} revision ${i}` } } }),
    });
    if (!saved.ok) throw new Error(`save ${id}: ${saved.status} ${await saved.text()}`);
    const version = ((await saved.json()) as { sys: { version: number } }).sys.version;
    const published = await fetch(`${mgmt}/${id}/published`, { method: 'PUT', headers: { ...headers, 'x-contentful-version': String(version) } });
    if (!published.ok) throw new Error(`publish ${id}: ${published.status} ${await published.text()}`);
    await published.arrayBuffer();
    done++;
  }
  return done;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
