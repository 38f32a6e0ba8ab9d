/**
 * Crash durability, shared by the SQLite and PostgreSQL files: a real `folio serve` (built CLI,
 * its own process) takes a steady stream of writes through the Management API — entries created,
 * updated and published, files uploaded, made into assets, processed and published, the content
 * type changed and published — from a few concurrent clients, and is killed with SIGKILL at a
 * random moment, several rounds over. Every write the server acknowledged is recorded. After
 * each kill the database must be consistent (SQLite: `PRAGMA integrity_check`), every stored
 * file whole (its bytes hash to its name), and after the restart every acknowledged write there
 * with at least its acknowledged version, and no temp file left.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { expect } from 'vitest';
import { storedFiles } from '../../src/assets/index.js';
import { openStore } from '../../src/store/index.js';
import { freePort } from './folio.js';

const cli = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const token = 'durability-management-token';
const scope = { spaceId: 'folio', environmentId: 'master' };
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Acked {
  entries: Map<string, { version: number; title: string; publishedCounter: number; publishedTitle?: string }>;
  assets: Map<string, { version: number; hash: string; processed: boolean; published: boolean }>;
  contentType: { version: number; description: string; published: number };
}

async function serve(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, [cli, 'serve'], { env: { ...process.env, LOG_LEVEL: 'silent', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('ready in')) resolve();
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => reject(new Error(`folio exited with ${code}: ${out}`)));
  });
  child.stdout!.resume();
  child.stderr!.resume();
  return child;
}

async function kill(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

/** Every file under `dir`, recursively, with its path relative to `dir`. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

export async function crashRounds(options: { dataDir: string; databaseUrl?: string; rounds: number }) {
  const { dataDir, rounds } = options;
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const env = {
    FOLIO_DATA_DIR: dataDir,
    PORT: String(port),
    FOLIO_MANAGEMENT_TOKEN: token,
    FOLIO_DEMO: '0',
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
  };
  const api = `${origin}/management/spaces/folio/environments/master`;
  const headers = (extra: Record<string, string> = {}) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/vnd.contentful.management.v1+json', ...extra });
  /** The JSON of a successful answer; throws on anything else (an unacknowledged write). */
  const call = async (method: string, url: string, init: { version?: number; body?: unknown; raw?: Buffer; extra?: Record<string, string> } = {}) => {
    const res = await fetch(url, {
      method,
      headers: headers({
        ...(init.version !== undefined ? { 'x-contentful-version': String(init.version) } : {}),
        ...(init.raw ? { 'content-type': 'application/octet-stream' } : {}),
        ...init.extra,
      }),
      ...(init.raw ? { body: new Uint8Array(init.raw) } : init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : {}) as { sys: { id: string; version: number; publishedCounter?: number }; fields?: Record<string, Record<string, unknown>> };
  };

  const acked: Acked = { entries: new Map(), assets: new Map(), contentType: { version: 0, description: '', published: 0 } };
  const typeBody = (description: string) => ({
    name: 'Note',
    description,
    displayField: 'title',
    fields: [
      { id: 'title', name: 'Title', type: 'Symbol' },
      { id: 'body', name: 'Body', type: 'Text' },
    ],
  });

  let server = await serve(env);
  try {
    {
      const created = await call('PUT', `${api}/content_types/note`, { body: typeBody('rev 0') });
      const published = await call('PUT', `${api}/content_types/note/published`, { version: created.sys.version });
      acked.contentType = { version: published.sys.version, description: 'rev 0', published: 1 };
    }
    let counter = 0;
    let typeRevision = 0;

    const entryWork = async (id: string, alive: () => boolean) => {
      let title = `${id} v1`;
      let entry = await call('PUT', `${api}/entries/${id}`, { body: { fields: { title: { 'en-US': title }, body: { 'en-US': randomBytes(64).toString('hex') } } }, extra: { 'x-contentful-content-type': 'note' } });
      acked.entries.set(id, { version: entry.sys.version, title, publishedCounter: 0 });
      for (let i = 2; i <= 4 && alive(); i++) {
        title = `${id} v${i}`;
        entry = await call('PUT', `${api}/entries/${id}`, { version: entry.sys.version, body: { fields: { title: { 'en-US': title } } } });
        const mine = acked.entries.get(id)!;
        acked.entries.set(id, { ...mine, version: entry.sys.version, title });
        if (i % 2 === 0) {
          entry = await call('PUT', `${api}/entries/${id}/published`, { version: entry.sys.version });
          acked.entries.set(id, { version: entry.sys.version, title, publishedCounter: entry.sys.publishedCounter!, publishedTitle: title });
        }
      }
    };

    const assetWork = async (id: string) => {
      const data = randomBytes(16 * 1024 + Math.floor(Math.random() * 200 * 1024)).toString('base64');
      const bytes = Buffer.from(data);
      const hash = sha256(bytes);
      const upload = await call('POST', `${origin}/management/spaces/folio/uploads`, { raw: bytes });
      let asset = await call('PUT', `${api}/assets/${id}`, {
        body: { fields: { title: { 'en-US': id }, file: { 'en-US': { fileName: `${id}.txt`, contentType: 'text/plain', uploadFrom: { sys: { type: 'Link', linkType: 'Upload', id: upload.sys.id } } } } } },
      });
      acked.assets.set(id, { version: asset.sys.version, hash, processed: false, published: false });
      await call('PUT', `${api}/assets/${id}/files/en-US/process`, { version: asset.sys.version });
      asset = await call('GET', `${api}/assets/${id}`);
      acked.assets.set(id, { version: asset.sys.version, hash, processed: true, published: false });
      asset = await call('PUT', `${api}/assets/${id}/published`, { version: asset.sys.version });
      acked.assets.set(id, { version: asset.sys.version, hash, processed: true, published: true });
    };

    const typeWork = async () => {
      const description = `rev ${++typeRevision}`;
      const current = await call('GET', `${api}/content_types/note`);
      const saved = await call('PUT', `${api}/content_types/note`, { version: current.sys.version, body: typeBody(description) });
      acked.contentType = { ...acked.contentType, version: saved.sys.version, description };
      const published = await call('PUT', `${api}/content_types/note/published`, { version: saved.sys.version });
      acked.contentType = { version: published.sys.version, description, published: acked.contentType.published + 1 };
    };

    for (let round = 0; round < rounds; round++) {
      let running = true;
      const alive = () => running;
      const worker = async (w: number) => {
        for (let i = 0; running; i++) {
          const n = ++counter;
          try {
            if (w === 0 && i % 2 === 0) await typeWork();
            else if ((w + i) % 2 === 0) await assetWork(`asset-${n}`);
            else await entryWork(`entry-${n}`, alive);
          } catch {
            // Refused or cut off by the kill: not acknowledged, so nothing is expected of it.
          }
        }
      };
      const workers = Array.from({ length: 4 }, (_, w) => worker(w));
      await sleep(700 + Math.random() * 1800);
      await kill(server);
      running = false;
      await Promise.all(workers);

      // Dead server: the database and the files exactly as the kill left them.
      if (!options.databaseUrl) {
        const db = new SQLite(path.join(dataDir, 'folio.db'));
        try {
          expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
          expect(db.pragma('foreign_key_check')).toEqual([]);
        } finally {
          db.close();
        }
      }
      if (options.databaseUrl) expect(await brokenPostgresIndexes(options.databaseUrl)).toEqual([]);
      const filesDir = path.join(dataDir, 'files');
      const objects = (await filesUnder(filesDir)).filter((f) => !f.startsWith(`.tmp${path.sep}`));
      for (const f of objects) {
        expect(f, 'objects live at ab/cd/<sha256>').toMatch(/^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}$/);
        expect(sha256(await fs.readFile(path.join(filesDir, f))), f).toBe(path.basename(f));
      }

      server = await serve(env);
      expect(await filesUnder(path.join(filesDir, '.tmp')), 'temp files after restart').toEqual([]);
      await checkAcknowledged(acked, { dataDir, ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}) });
      // The restarted server answers from what it found.
      const res = await fetch(`${api}/entries?limit=1`, { headers: headers() });
      expect(res.status).toBe(200);
    }
    return { entries: acked.entries.size, assets: acked.assets.size, contentTypeRevisions: acked.contentType.published };
  } finally {
    await kill(server);
  }
}

/** amcheck's B-tree check of every index Folio made; the names of those that fail. */
async function brokenPostgresIndexes(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS amcheck');
    const { rows } = await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam
       WHERE am.amname = 'btree' AND c.relnamespace = 'public'::regnamespace`,
    );
    const broken: string[] = [];
    for (const { name } of rows) {
      try {
        await client.query('SELECT bt_index_check($1::regclass, true)', [name]);
      } catch (err) {
        broken.push(`${name}: ${(err as Error).message}`);
      }
    }
    return broken;
  } finally {
    await client.end();
  }
}

/** Reads the store as another process would and finds every acknowledged write in it. */
async function checkAcknowledged(acked: Acked, where: { dataDir: string; databaseUrl?: string }) {
  const store = await openStore({ ...(where.databaseUrl ? { databaseUrl: where.databaseUrl } : {}), sqlitePath: path.join(where.dataDir, 'folio.db') });
  try {
    for (const [id, want] of acked.entries) {
      const entry = await store.entries.get(scope, id);
      expect(entry, id).toBeDefined();
      expect(entry!.sys.version, id).toBeGreaterThanOrEqual(want.version);
      if (entry!.sys.version === want.version) expect(entry!.fields.title?.['en-US'], id).toBe(want.title);
      if (want.publishedCounter > 0) {
        expect(entry!.sys.publishedCounter, id).toBeGreaterThanOrEqual(want.publishedCounter);
        const published = await store.entries.getPublished(scope, id);
        expect(published, `${id} published`).toBeDefined();
        if (entry!.sys.publishedCounter === want.publishedCounter) expect(published!.fields.title?.['en-US'], id).toBe(want.publishedTitle);
      }
    }
    const storageRoot = path.join(where.dataDir, 'files');
    for (const [id, want] of acked.assets) {
      const asset = await store.assets.get(scope, id);
      expect(asset, id).toBeDefined();
      expect(asset!.sys.version, id).toBeGreaterThanOrEqual(want.version);
      if (!want.processed) continue;
      const [file] = storedFiles(asset!);
      expect(file?.hash, id).toBe(want.hash);
      const bytes = await fs.readFile(path.join(storageRoot, want.hash.slice(0, 2), want.hash.slice(2, 4), want.hash));
      expect(sha256(bytes), id).toBe(want.hash);
      if (want.published) expect(storedFiles((await store.assets.getPublished(scope, id))!)[0]?.hash, `${id} published`).toBe(want.hash);
    }
    const type = await store.contentTypes.get(scope, 'note');
    expect(type!.sys.version).toBeGreaterThanOrEqual(acked.contentType.version);
    if (type!.sys.version === acked.contentType.version) expect(type!.description).toBe(acked.contentType.description);
    expect(type!.sys.publishedCounter).toBeGreaterThanOrEqual(acked.contentType.published);
  } finally {
    await store.close();
  }
}
