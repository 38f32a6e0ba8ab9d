/** Uploads against a real SQLite store and file storage: expiry sweeps and shared bytes. */
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/support/tmp.js';
import { ingestStoredObject } from '../assets/index.js';
import { ensureSpace } from '../setup/space.js';
import { createFsStorage, type FileStorage } from '../storage/index.js';
import { openStore } from '../store/index.js';
import type { Store } from '../store/store.js';
import type { Json, Scope } from '../store/types.js';
import { createUpload, deleteUpload, getUpload, sweepExpiredUploads, uploadLifetimeMs } from './uploads.js';
import { systemActor } from '../auth/index.js';

let dir: Awaited<ReturnType<typeof tempDir>>;
let store: Store;
let storage: FileStorage;
let scope: Scope;
const later = () => new Date(Date.now() + uploadLifetimeMs + 60_000);
const bytes = (text: string) => Readable.from([Buffer.from(text)]);

beforeAll(async () => {
  dir = await tempDir('folio-uploads-');
  store = await openStore({ sqlitePath: path.join(dir.dir, 'folio.db') });
  storage = createFsStorage(path.join(dir.dir, 'files'));
  scope = await ensureSpace(store, 'test');
});
afterAll(async () => {
  await store.close();
  await dir.remove();
});

describe('uploads', () => {
  it('expire after a day: the sweep removes them and bytes no asset uses', async () => {
    const lonely = await createUpload(store, storage, 'test', bytes('nobody wants me'), 1000, systemActor);
    const kept = await createUpload(store, storage, 'test', bytes('an asset keeps me'), 1000, systemActor);
    const file = await ingestStoredObject(storage, { fileName: 'k.txt', contentType: 'text/plain', hash: kept.hash, size: kept.size });
    await store.assets.create(scope, { id: 'keeper', fields: { file: { 'en-US': file as unknown as Json } } });

    expect(await sweepExpiredUploads(store, storage)).toBe(0);
    expect(await sweepExpiredUploads(store, storage, later())).toBeGreaterThanOrEqual(2);
    expect(await store.uploads.get('test', lonely.id)).toBeUndefined();
    expect(await storage.has(lonely.hash)).toBe(false);
    expect(await storage.has(kept.hash)).toBe(true);
  });

  it('keep bytes another upload holds when one of them is deleted', async () => {
    const first = await createUpload(store, storage, 'test', bytes('twins'), 1000, systemActor);
    const second = await createUpload(store, storage, 'test', bytes('twins'), 1000, systemActor);
    expect(second.hash).toBe(first.hash);
    await deleteUpload(store, storage, 'test', first.id, systemActor);
    expect(await storage.has(first.hash)).toBe(true);
    await deleteUpload(store, storage, 'test', second.id, systemActor);
    expect(await storage.has(first.hash)).toBe(false);
    await expect(getUpload(store, 'test', second.id, systemActor)).rejects.toMatchObject({ id: 'NotFound' });
  });
});
