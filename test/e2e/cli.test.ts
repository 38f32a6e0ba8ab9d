/** The `folio` command as a user runs it: the built CLI in a child process. */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../src/auth/index.js';
import { openStore } from '../../src/store/index.js';
import { freePort, makeDataDir } from './folio.js';

const cli = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => fs.rm(d, { recursive: true, force: true }))));

function runToExit(env: Record<string, string>) {
  return spawnSync(process.execPath, [cli, 'serve'], { env: { ...process.env, LOG_LEVEL: 'silent', ...env }, encoding: 'utf8', timeout: 20_000 });
}

/** Starts `folio serve`, waits for its ready line, and returns what it printed so far. */
async function serve(env: Record<string, string>) {
  const child = spawn(process.execPath, [cli, 'serve'], { env: { ...process.env, LOG_LEVEL: 'silent', ...env } });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', () => out.includes('ready in') && resolve());
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
  const ms = performance.now() - started;
  const stop = () =>
    new Promise<number | null>((resolve) => {
      child.once('exit', (code) => resolve(code));
      child.kill('SIGTERM');
    });
  return { out, ms, stop };
}

describe('folio serve: bad configuration', () => {
  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ FOLIO_DATA_DIR: '/dev/null/folio' }, 'FOLIO_DATA_DIR'],
    [{ FOLIO_PUBLIC_URL: 'gopher://x' }, 'FOLIO_PUBLIC_URL'],
  ])('%j exits 2 with one line naming %s', (env, variable) => {
    const result = runToExit(env);
    expect(result.status).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(variable);
    expect(result.stdout).toBe('');
  });
});

describe('folio serve: unusable image cache', () => {
  it('exits 2 with one line naming FOLIO_DATA_DIR when the cache dir cannot be created', async () => {
    const dataDir = await makeDataDir();
    dirs.push(dataDir);
    // A file where the cache directory should be: mkdir fails (ENOTDIR / EEXIST), even as root.
    await fs.writeFile(path.join(dataDir, 'cache'), 'not a directory');
    const result = runToExit({ FOLIO_DATA_DIR: dataDir, PORT: String(await freePort()) });
    expect(result.status).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('FOLIO_DATA_DIR');
    expect(lines[0]).toContain(path.join(dataDir, 'cache', 'images'));
    expect(result.stdout).toBe('');
  });
});

describe('folio serve: a database from a newer Folio', () => {
  it('exits 2 with one line naming the migration it does not know, and leaves the database as it was', async () => {
    const dataDir = await makeDataDir();
    dirs.push(dataDir);
    const sqlitePath = path.join(dataDir, 'folio.db');
    await (await openStore({ sqlitePath })).close();
    const db = new Database(sqlitePath);
    db.prepare("INSERT INTO kysely_migration (name, timestamp) VALUES ('9999_from_the_future', '2030-01-01T00:00:00.000Z')").run();
    const tables = () => db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get();
    const before = tables();
    try {
      const result = runToExit({ FOLIO_DATA_DIR: dataDir, PORT: String(await freePort()) });
      expect(result.status).toBe(2);
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain('9999_from_the_future');
      expect(lines[0]).toContain('newer Folio');
      expect(tables()).toEqual(before);
    } finally {
      db.close();
    }
  });
});

describe('folio serve: first start and restart', () => {
  it('loads the demo once, prints tokens once, and keeps everything across restarts', async () => {
    const dataDir = await makeDataDir();
    dirs.push(dataDir);
    const port = String(await freePort());
    const env = {
      PORT: port,
      FOLIO_DATA_DIR: dataDir,
      FOLIO_PREVIEW_TOKEN: 'preview-from-env-123',
      FOLIO_ADMIN_EMAIL: 'admin@example.com',
      FOLIO_ADMIN_PASSWORD: 'a long password',
    };

    const first = await serve(env);
    expect(first.out).toMatch(/delivery: +[A-Za-z0-9_-]{43}/);
    expect(first.out).toMatch(/management: +[A-Za-z0-9_-]{43}/);
    expect(first.out).not.toMatch(/preview: /);
    expect(first.out).toContain("basePath: 'delivery'");
    expect(first.out).toContain('demo content loaded');
    const home = await (await fetch(`http://127.0.0.1:${port}/`)).text();
    // The newest article as the lead, five cards; the seventh on page 2.
    expect(home.match(/\?w=330&amp;h=216/g)).toHaveLength(5);
    expect(home).toContain('class="lead-media"');
    expect(await first.stop()).toBe(0);

    const second = await serve(env);
    expect(second.out).not.toMatch(/delivery: /);
    expect(second.out).not.toContain('demo content loaded');
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe(home);
    expect(await second.stop()).toBe(0);

    const store = await openStore({ sqlitePath: path.join(dataDir, 'folio.db') });
    try {
      const scope = { spaceId: 'folio', environmentId: 'master' };
      expect((await store.entries.list(scope)).total).toBe((await store.entries.listPublished(scope)).total);
      expect((await store.entries.listPublished(scope, { contentTypeId: 'article' })).total).toBe(7);
      expect((await store.assets.list(scope)).total).toBe(7);
      const keys = await store.apiKeys.list('folio');
      expect(keys.map((k) => k.kind).sort()).toEqual(['delivery', 'management', 'preview']);
      expect((await store.apiKeys.findByTokenHash(hashToken('preview-from-env-123')))?.kind).toBe('preview');
      expect((await store.users.list()).map((u) => [u.email, u.role])).toEqual([['admin@example.com', 'admin']]);
    } finally {
      await store.close();
    }
  });
});
