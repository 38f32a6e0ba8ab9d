/**
 * The transfer commands as people run them: `folio import` killed with SIGKILL halfway and run
 * again ends complete with nothing twice; `folio export`, `folio backup` and `folio restore`
 * print their summaries; mistakes are one line and exit code 2.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureSpace } from '../../src/setup/index.js';
import { openStore } from '../../src/store/index.js';
import { makeDataDir } from './folio.js';

const cli = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const scope = { spaceId: 'folio', environmentId: 'master' };

/** A contentful-export file of `n` published notes, each linking to the one before. */
function noteExport(n: number) {
  const sys = (id: string, type: string, extra: object = {}) => ({ id, type, version: 2, publishedVersion: 1, ...extra });
  const entries = Array.from({ length: n }, (_, i) => ({
    sys: sys(`note-${i}`, 'Entry', { contentType: { sys: { type: 'Link', linkType: 'ContentType', id: 'note' } } }),
    fields: { title: { 'en-US': `Note ${i}` }, ...(i > 0 ? { previous: { 'en-US': { sys: { type: 'Link', linkType: 'Entry', id: `note-${i - 1}` } } } } : {}) },
  }));
  return {
    contentTypes: [
      {
        sys: sys('note', 'ContentType'),
        name: 'Note',
        displayField: 'title',
        fields: [
          { id: 'title', name: 'Title', type: 'Symbol', localized: false, required: true, validations: [] },
          { id: 'previous', name: 'Previous', type: 'Link', linkType: 'Entry', localized: false, required: false, validations: [] },
        ],
      },
    ],
    editorInterfaces: [],
    entries,
    assets: [],
    locales: [{ code: 'en-US', name: 'English (United States)', default: true, fallbackCode: null, optional: false, sys: { id: 'en', type: 'Locale' } }],
    tags: [],
  };
}

describe('folio import / export / backup / restore on the command line', () => {
  let dir: string;
  let env: Record<string, string>;
  const run = (args: string[], extra: Record<string, string> = {}) =>
    spawnSync(process.execPath, [cli, ...args], { env: { ...process.env, ...env, ...extra }, encoding: 'utf8', timeout: 120_000 });

  beforeAll(async () => {
    dir = await makeDataDir();
    env = { FOLIO_DATA_DIR: path.join(dir, 'data'), FOLIO_DEMO: '0', LOG_LEVEL: 'silent' };
    // What the first `folio serve` does: the space and its master environment exist.
    await fs.mkdir(path.join(dir, 'data'), { recursive: true });
    const store = await openStore({ sqlitePath: path.join(dir, 'data', 'folio.db') });
    await ensureSpace(store, 'folio');
    await store.close();
    await fs.writeFile(path.join(dir, 'notes.json'), JSON.stringify(noteExport(600)));
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it('finishes an import killed with SIGKILL halfway when it is run again, with nothing twice', { timeout: 240_000 }, async () => {
    const file = path.join(dir, 'notes.json');
    const child = spawn(process.execPath, [cli, 'import', file], { env: { ...process.env, ...env } });
    let stderr = '';
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        // Plain lines (not a terminal): the entries phase has begun; kill it a moment later.
        if (stderr.includes('entries: started')) setTimeout(() => child.kill('SIGKILL'), 400);
      });
      child.once('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`import ended by itself (${code}): ${stderr}`))));
    });

    const store = await openStore({ sqlitePath: path.join(dir, 'data', 'folio.db') });
    try {
      const partial = (await store.entries.list(scope, { limit: 1 })).total;
      expect(partial).toBeGreaterThan(0);
      expect(partial).toBeLessThan(600);

      const again = run(['import', file]);
      expect(again.stderr).not.toMatch(/not imported/);
      expect(again.status).toBe(0);
      expect(again.stdout).toMatch(/^phase\s+created\s+updated\s+unchanged\s+published\s+archived\s+failed$/m);
      expect(again.stdout).toMatch(new RegExp(`^entries\\s+${600 - partial}\\s+0\\s+${partial}\\s`, 'm'));

      const pages = [await store.entries.list(scope, { limit: 1000 }), await store.entries.list(scope, { limit: 1000, skip: 1000 })];
      const all = pages.flatMap((p) => p.items);
      expect(pages[0]!.total).toBe(600);
      expect(new Set(all.map((e) => e.sys.id)).size).toBe(600);
      expect(all.every((e) => e.sys.publishedVersion !== null)).toBe(true);
      expect((await store.entries.listPublished(scope, { limit: 1 })).total).toBe(600);
    } finally {
      await store.close();
    }

    const third = run(['import', file]);
    expect(third.status).toBe(0);
    expect(third.stdout).toMatch(/^entries\s+0\s+0\s+600\s/m);
  });

  it('exports, backs up and restores, printing what it did', async () => {
    const out = path.join(dir, 'export');
    const exported = run(['export', '--out', out]);
    expect(exported.status).toBe(0);
    expect(exported.stdout).toMatch(/^entries\s+600$/m);
    const [file] = (await fs.readdir(out)).filter((f) => f.endsWith('.json'));
    expect(JSON.parse(await fs.readFile(path.join(out, file!), 'utf8')).entries).toHaveLength(600);

    const backup = path.join(dir, 'backup');
    const made = run(['backup', '--out', backup]);
    expect(made.status).toBe(0);
    expect(made.stdout).toMatch(/^resources\s+601$/m);

    const elsewhere = { FOLIO_DATA_DIR: path.join(dir, 'restored') };
    const restored = run(['restore', backup], elsewhere);
    expect(restored.stderr).not.toMatch(/folio:|Error/);
    expect(restored.status).toBe(0);
    expect(restored.stdout).toMatch(/Restored a sqlite backup/);
    const refused = run(['restore', backup], elsewhere);
    expect(refused.status).toBe(2);
    expect(refused.stderr.trim()).toMatch(/^folio: The database is not empty/);
  });

  it('says what is wrong in one line with exit code 2', async () => {
    expect(run(['import']).status).toBe(2);
    const missingEnv = run(['import', path.join(dir, 'notes.json'), '--environment', 'staging']);
    expect(missingEnv.status).toBe(2);
    expect(missingEnv.stderr.trim()).toBe('folio: Environment "staging" does not exist in space "folio"');
    expect(run(['restore', dir]).stderr.trim()).toMatch(/is not a Folio backup/);
  });
});
