/** The webhook operations on a real SQLite store: permissions, input checks and versions. */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/support/tmp.js';
import type { Actor } from '../auth/index.js';
import { isFolioError } from '../errors/index.js';
import { ensureSpace } from '../setup/index.js';
import { openStore, type Store } from '../store/index.js';
import { createWebhook, deleteWebhook, getWebhook, listWebhookCalls, listWebhooks, putWebhook, updateWebhook } from './operations.js';

let dir: Awaited<ReturnType<typeof tempDir>>;
let store: Store;
const admin: Actor = { kind: 'user', id: 'admin-1', role: 'admin' };
const input = { name: 'Build', url: 'https://ci.example.com/hook', topics: ['Entry.publish'] };

/** The error code an operation fails with. */
const codeOf = async (p: Promise<unknown>) => p.then(() => 'none', (err: unknown) => (isFolioError(err) ? err.code : String(err)));

beforeAll(async () => {
  dir = await tempDir();
  store = await openStore({ sqlitePath: path.join(dir.dir, 'folio.db') });
  await ensureSpace(store, 'folio');
});
afterAll(async () => {
  await store.close();
  await dir.remove();
});

describe('webhook operations', () => {
  it('are for whoever may manage webhooks (admins) only', async () => {
    const hook = await createWebhook(store, 'folio', input, admin);
    for (const role of ['editor', 'author', 'viewer'] as const) {
      const actor: Actor = { kind: 'user', id: role, role };
      expect(await codeOf(createWebhook(store, 'folio', input, actor))).toBe('ACCESS_DENIED');
      expect(await codeOf(listWebhooks(store, 'folio', {}, actor))).toBe('ACCESS_DENIED');
      expect(await codeOf(getWebhook(store, 'folio', hook.id, actor))).toBe('ACCESS_DENIED');
      expect(await codeOf(updateWebhook(store, 'folio', hook.id, input, hook.version, actor))).toBe('ACCESS_DENIED');
      expect(await codeOf(listWebhookCalls(store, 'folio', hook.id, {}, actor))).toBe('ACCESS_DENIED');
      expect(await codeOf(deleteWebhook(store, 'folio', hook.id, actor))).toBe('ACCESS_DENIED');
    }
    expect((await getWebhook(store, 'folio', hook.id, admin)).version).toBe(1);
    await deleteWebhook(store, 'folio', hook.id, admin);
  });

  it('check the definition, record the actor, and need the current version to update', async () => {
    expect(await codeOf(createWebhook(store, 'folio', { ...input, url: 'ftp://x' }, admin))).toBe('VALIDATION_FAILED');
    const hook = await createWebhook(store, 'folio', { ...input, headers: [{ key: 'X-Key', value: 'v', secret: true }] }, admin);
    expect(hook).toMatchObject({ createdBy: 'admin-1', secret: expect.stringMatching(/^[\w-]{43}$/) });
    expect(await codeOf(updateWebhook(store, 'folio', hook.id, input, undefined, admin))).toBe('VERSION_MISMATCH');
    // Left out, the secret header value and signing secret are kept.
    const updated = await updateWebhook(store, 'folio', hook.id, { ...input, name: 'Rebuild', headers: [{ key: 'X-Key', secret: true }] }, 1, admin);
    expect(updated).toMatchObject({ name: 'Rebuild', version: 2, secret: hook.secret, headers: [{ key: 'X-Key', value: 'v', secret: true }] });
    expect(await codeOf(updateWebhook(store, 'folio', hook.id, input, 1, admin))).toBe('VERSION_MISMATCH');
    expect(await codeOf(getWebhook(store, 'folio', 'missing', admin))).toBe('NOT_FOUND');
  });

  it('PUT creates under a chosen id, then updates with the version', async () => {
    expect(await codeOf(putWebhook(store, 'folio', 'bad id!', input, undefined, admin))).toBe('VALIDATION_FAILED');
    expect(await putWebhook(store, 'folio', 'site-build', input, undefined, admin)).toMatchObject({ created: true, hook: { id: 'site-build', version: 1 } });
    expect(await codeOf(putWebhook(store, 'folio', 'site-build', input, undefined, admin))).toBe('VERSION_MISMATCH');
    expect(await putWebhook(store, 'folio', 'site-build', { ...input, active: false }, 1, admin)).toMatchObject({ created: false, hook: { active: false, version: 2 } });
  });

  it('refuse a url naming a loopback, private or link-local address unless private networks are allowed', async () => {
    for (const url of ['http://127.0.0.1:9/x', 'http://[::1]/', 'http://[::ffff:127.0.0.1]/', 'http://10.1.2.3/', 'http://192.168.0.10/', 'http://169.254.169.254/latest/meta-data', 'http://0.0.0.0/', 'http://localhost:3000/', 'http://LOCALHOST./', 'http://[fd00::1]/']) {
      const err = await createWebhook(store, 'folio', { ...input, url }, admin).catch((e: unknown) => e);
      expect(isFolioError(err) && [err.code, (err.details as { errors: Array<{ path: string[] }> }).errors.map((e) => e.path.join('.'))], url).toEqual(['VALIDATION_FAILED', ['url']]);
    }
    const hook = await createWebhook(store, 'folio', input, admin);
    expect(await codeOf(updateWebhook(store, 'folio', hook.id, { ...input, url: 'http://127.0.0.1/' }, 1, admin))).toBe('VALIDATION_FAILED');
    expect(await codeOf(putWebhook(store, 'folio', 'internal', { ...input, url: 'http://10.0.0.5/' }, undefined, admin))).toBe('VALIDATION_FAILED');
    const allowed = { allowPrivate: true };
    expect((await createWebhook(store, 'folio', { ...input, url: 'http://10.0.0.5/hook' }, admin, undefined, allowed)).url).toBe('http://10.0.0.5/hook');
    expect((await createWebhook(store, 'folio', { ...input, url: 'http://localhost:3000/' }, admin, undefined, allowed)).url).toBe('http://localhost:3000/');
    // Where cloud metadata services answer stays refused even then.
    expect(await codeOf(createWebhook(store, 'folio', { ...input, url: 'http://169.254.169.254/' }, admin, undefined, allowed))).toBe('VALIDATION_FAILED');
  });
});
