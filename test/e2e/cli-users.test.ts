/** `folio user add` and `folio token create` as an operator runs them: the built CLI, a real database. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessTokenActor, verifyPassword } from '../../src/auth/index.js';
import { openStore } from '../../src/store/index.js';
import { makeDataDir } from './folio.js';

const cli = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
let dataDir: string;
beforeAll(async () => {
  dataDir = await makeDataDir();
});
afterAll(() => fs.rm(dataDir, { recursive: true, force: true }));

const folio = (args: string[], input?: string) =>
  spawnSync(process.execPath, [cli, ...args], { env: { ...process.env, FOLIO_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, input: input ?? '', encoding: 'utf8', timeout: 30_000 });

describe('folio user add / token create', () => {
  it('adds a user with the password from stdin, never from argv, and refuses duplicates and bad input', async () => {
    const added = folio(['user', 'add', '--email', 'Ed@Example.com', '--name', 'Ed Itor', '--role', 'editor', '--password-stdin'], 'a long secret\n');
    expect(added.stderr).toBe('');
    expect(added.status).toBe(0);
    expect(added.stdout).toBe('Added editor ed@example.com (Ed Itor).\n');

    // Without --password-stdin and without a terminal, it asks for the flag instead of reading argv.
    const noTty = folio(['user', 'add', '--email', 'x@example.com', '--name', 'X', '--role', 'viewer']);
    expect(noTty.status).toBe(2);
    expect(noTty.stderr).toContain('--password-stdin');
    expect(folio(['user', 'add', '--email', 'ed@example.com', '--name', 'Twin', '--role', 'author', '--password-stdin'], 'another secret').stderr).toContain('already exists');
    const short = folio(['user', 'add', '--email', 's@example.com', '--name', 'S', '--role', 'author', '--password-stdin'], 'short');
    expect([short.status, short.stderr]).toEqual([2, 'folio: Use a password of at least 8 characters.\n']);

    const store = await openStore({ sqlitePath: path.join(dataDir, 'folio.db') });
    try {
      const user = await store.users.findByEmail('ed@example.com');
      expect(user).toMatchObject({ name: 'Ed Itor', role: 'editor' });
      expect(user!.passwordHash).toMatch(/^\$argon2id\$/);
      expect(await verifyPassword(user!.passwordHash, 'a long secret')).toBe(true);
      expect((await store.users.list()).map((u) => u.email)).toEqual(['ed@example.com']);
    } finally {
      await store.close();
    }
  });

  it('creates a token shown once on stdout that acts as its owner', async () => {
    const made = folio(['token', 'create', '--email', 'ed@example.com', '--name', 'Import script', '--expires-days', '30']);
    expect(made.status).toBe(0);
    const token = made.stdout.trim();
    expect(token).toMatch(/^folio_pat_[A-Za-z0-9_-]{43}$/);
    expect(made.stderr).toContain('shown only now');
    expect(folio(['token', 'create', '--email', 'nobody@example.com', '--name', 'x']).status).toBe(2);

    const store = await openStore({ sqlitePath: path.join(dataDir, 'folio.db') });
    try {
      const user = await store.users.findByEmail('ed@example.com');
      const [record] = await store.accessTokens.listForUser(user!.id);
      expect(record).toMatchObject({ name: 'Import script' });
      expect(record!.tokenHash).not.toContain(token);
      expect(Date.parse(record!.expiresAt!) - Date.now()).toBeGreaterThan(29 * 86_400_000);
      expect(await accessTokenActor(store, token)).toEqual({ kind: 'user', id: user!.id, role: 'editor' });
    } finally {
      await store.close();
    }
  });
});
