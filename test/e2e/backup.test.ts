/**
 * Backups move a whole Folio between machines and between SQLite and PostgreSQL: the demo
 * (content, drafts, users, keys, files) goes SQLite → PostgreSQL → SQLite and every API answers
 * the same at each stop.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackup, restoreBackup, RestoreError } from '../../src/backup/index.js';
import { createFsStorage } from '../../src/storage/index.js';
import { openStore, type Store, type StoreOptions } from '../../src/store/index.js';
import { createTestDatabase } from '../support/postgres.js';
import { makeDataDir, startTestFolio, type TestFolio } from './folio.js';

const tokens = { FOLIO_DELIVERY_TOKEN: 'backup-delivery-token', FOLIO_PREVIEW_TOKEN: 'backup-preview-token', FOLIO_MANAGEMENT_TOKEN: 'backup-management-token' };

/** What a reader sees: published and draft entries and assets, and the hub's front page. */
async function answers(folio: TestFolio) {
  const read = async (p: string, token: string) => {
    const res = await fetch(`${folio.url}${p}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    return res.json();
  };
  const delivered = await read('/delivery/spaces/folio/entries?order=sys.id&limit=1000&include=2', tokens.FOLIO_DELIVERY_TOKEN);
  const previewed = await read('/preview/spaces/folio/entries?order=sys.id&limit=1000', tokens.FOLIO_PREVIEW_TOKEN);
  const assets = await read('/delivery/spaces/folio/assets?order=sys.id&limit=1000', tokens.FOLIO_DELIVERY_TOKEN);
  const searched = await read('/delivery/spaces/folio/entries?query=career&order=sys.id', tokens.FOLIO_DELIVERY_TOKEN);
  const hub = await (await fetch(`${folio.url}/`)).text();
  const cardTitles = [...hub.matchAll(/<h[23][^>]*>\s*<a[^>]*>([^<]+)<\/a>/g)].map((m) => m[1]);
  return { delivered, previewed, assets, searched: searched.items.map((e: { sys: { id: string } }) => e.sys.id), cardTitles };
}

/** The public URL moves with the port; everything else must be identical. */
const withoutOrigin = (value: unknown, folio: TestFolio) => JSON.parse(JSON.stringify(value).replaceAll(`:${new URL(folio.url).port}/`, ':PORT/'));

async function firstImage(folio: TestFolio, assets: { items: Array<{ fields: { file?: { url: string } } }> }) {
  const url = assets.items.find((a) => a.fields.file?.url.includes('/images/'))!.fields.file!.url;
  const res = await fetch(`${folio.url}${new URL(`http:${url}`).pathname}?w=40`);
  return { status: res.status, type: res.headers.get('content-type') };
}

describe('backup and restore', () => {
  let source: TestFolio;
  let expected: Awaited<ReturnType<typeof answers>>;
  const cleanup: Array<() => Promise<unknown>> = [];

  beforeAll(async () => {
    source = await startTestFolio({ ...tokens, FOLIO_DEMO: '1' });
    cleanup.push(() => source.destroy());
    expected = await answers(source);
  });
  afterAll(async () => {
    for (const fn of cleanup.reverse()) await fn();
  });

  async function backupOf(storeOptions: StoreOptions, dataDir: string) {
    const out = path.join(await makeDataDir(), 'backup');
    cleanup.push(() => fs.rm(path.dirname(out), { recursive: true, force: true }));
    const store = await openStore(storeOptions);
    try {
      const manifest = await createBackup({ store, storage: createFsStorage(path.join(dataDir, 'files')), out });
      return { out, manifest };
    } finally {
      await store.close();
    }
  }

  async function restoredFolio(backup: string, databaseUrl?: string) {
    const dataDir = await makeDataDir();
    const storeOptions = { ...(databaseUrl ? { databaseUrl } : {}), sqlitePath: path.join(dataDir, 'folio.db') };
    const store = await openStore(storeOptions);
    try {
      await restoreBackup({ store, storage: createFsStorage(path.join(dataDir, 'files')), from: backup });
    } finally {
      await store.close();
    }
    // FOLIO_DEMO=1 proves the restored space is recognised: nothing is loaded twice.
    const folio = await startTestFolio({ ...tokens, FOLIO_DEMO: '1', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) }, dataDir);
    cleanup.push(() => folio.destroy());
    return folio;
  }

  it('moves a SQLite Folio to PostgreSQL and back, answering the same at every stop', async () => {
    const first = await backupOf(source.storeOptions, source.dataDir);
    expect(first.manifest.dialect).toBe('sqlite');
    expect(first.manifest.tables.resources).toBeGreaterThan(10);
    expect(first.manifest.files).toBeGreaterThan(5);
    expect(first.manifest.missingFiles).toEqual([]);

    const onPostgres = await restoredFolio(first.out, await createTestDatabase());
    expect(onPostgres.demoLoaded).toBe(false);
    const pgAnswers = await answers(onPostgres);
    expect(withoutOrigin(pgAnswers, onPostgres)).toEqual(withoutOrigin(expected, source));
    expect(expected.cardTitles.length).toBeGreaterThan(3);
    expect(expected.searched.length).toBeGreaterThan(0); // the rebuilt full-text index finds what the original did
    const image = await firstImage(onPostgres, pgAnswers.assets);
    expect(image.status).toBe(200);
    expect(image).toEqual(await firstImage(source, expected.assets));

    const second = await backupOf(onPostgres.storeOptions, onPostgres.dataDir);
    expect(second.manifest.dialect).toBe('postgres');
    expect(second.manifest.tables).toEqual(first.manifest.tables);
    const backOnSqlite = await restoredFolio(second.out);
    expect(withoutOrigin(await answers(backOnSqlite), backOnSqlite)).toEqual(withoutOrigin(expected, source));
  });

  it('restores only into an empty database, and a failed restore leaves it empty', async () => {
    const { out } = await backupOf(source.storeOptions, source.dataDir);
    const dataDir = await makeDataDir();
    cleanup.push(() => fs.rm(dataDir, { recursive: true, force: true }));
    const store: Store = await openStore({ sqlitePath: path.join(dataDir, 'folio.db') });
    try {
      const storage = createFsStorage(path.join(dataDir, 'files'));
      // A damaged last table: the rows before it must not stay behind.
      const tags = path.join(out, 'db', 'tags.ndjson');
      const intact = await fs.readFile(tags, 'utf8');
      await fs.appendFile(tags, '{"id": "half a line\n');
      await expect(restoreBackup({ store, storage, from: out })).rejects.toThrow();
      expect(await store.portable.isEmpty()).toBe(true);

      await fs.writeFile(tags, intact);
      await restoreBackup({ store, storage, from: out });
      await expect(restoreBackup({ store, storage, from: out })).rejects.toThrow(RestoreError);
      await expect(restoreBackup({ store, storage, from: out })).rejects.toThrow(/not empty/);
    } finally {
      await store.close();
    }
  });

  it('refuses a folder that is not a backup, and a file whose bytes do not match its name', async () => {
    const dataDir = await makeDataDir();
    cleanup.push(() => fs.rm(dataDir, { recursive: true, force: true }));
    const store = await openStore({ sqlitePath: path.join(dataDir, 'folio.db') });
    try {
      const storage = createFsStorage(path.join(dataDir, 'files'));
      await expect(restoreBackup({ store, storage, from: dataDir })).rejects.toThrow(/not a Folio backup/);
      const { out } = await backupOf(source.storeOptions, source.dataDir);
      const [victim] = await fs.readdir(path.join(out, 'files'));
      await fs.writeFile(path.join(out, 'files', victim!), 'not the original bytes');
      await expect(restoreBackup({ store, storage, from: out })).rejects.toThrow(/does not hold the bytes its name promises/);
      expect(await store.portable.isEmpty()).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('knows every table of both dialects as copied or rebuilt', async () => {
    const sqlite = await openStore(source.storeOptions);
    const postgres = await openStore({ databaseUrl: await createTestDatabase() });
    try {
      expect(await sqlite.portable.unaccountedTables()).toEqual([]);
      expect(await postgres.portable.unaccountedTables()).toEqual([]);
    } finally {
      await sqlite.close();
      await postgres.close();
    }
  });
});
