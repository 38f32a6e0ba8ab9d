/**
 * Uploads (Contentful's Upload resource): bytes streamed into file storage, waiting for an
 * asset to process them. They expire after a day, as Contentful's do.
 */
import type { Readable } from 'node:stream';
import { storedFiles } from '../assets/index.js';
import { assertCan, type Actor } from '../auth/index.js';
import { FolioError } from '../errors/index.js';
import type { FileStorage } from '../storage/index.js';
import type { Store } from '../store/store.js';
import type { UploadRecord } from '../store/types.js';
import { actorId, check } from './actor.js';

export const uploadLifetimeMs = 24 * 60 * 60 * 1000;

export async function createUpload(
  store: Store,
  storage: FileStorage,
  spaceId: string,
  data: Readable,
  maxBytes: number,
  actor: Actor,
): Promise<UploadRecord> {
  check(actor, 'create');
  await sweepExpiredUploads(store, storage);
  const { hash, size } = await storage.putStream(data, { maxBytes });
  const by = actorId(actor);
  return store.uploads.create({ spaceId, hash, size, expiresAt: new Date(Date.now() + uploadLifetimeMs).toISOString(), createdBy: by ?? null });
}

export async function getUpload(store: Store, spaceId: string, id: string, actor: Actor): Promise<UploadRecord> {
  check(actor, 'read');
  const upload = await store.uploads.get(spaceId, id);
  if (!upload || upload.expiresAt < new Date().toISOString()) {
    throw new FolioError('NOT_FOUND', `Upload "${id}" not found`, { details: { type: 'Upload', id } });
  }
  return upload;
}

/** Whether an upload or any asset (draft or published, any environment) still uses the bytes. */
async function bytesInUse(store: Store, spaceId: string, hash: string): Promise<boolean> {
  if (await store.uploads.holdsHash(hash)) return true;
  for (const env of await store.environments.list(spaceId)) {
    const scope = { spaceId, environmentId: env.id };
    for (const list of [store.assets.list.bind(store.assets), store.assets.listPublished.bind(store.assets)]) {
      for (let skip = 0; ; skip += 1000) {
        const page = await list(scope, { limit: 1000, skip });
        if (page.items.some((a) => storedFiles(a).some((f) => f.hash === hash))) return true;
        if (skip + page.items.length >= page.total) break;
      }
    }
  }
  return false;
}

/**
 * Expired uploads go, with their bytes unless an asset took them; run before each new upload,
 * so unprocessed uploads do not pile up on disk. A bounded batch each time.
 */
export async function sweepExpiredUploads(store: Store, storage: FileStorage, now = new Date()): Promise<number> {
  const expired = await store.uploads.expired(now.toISOString(), 50);
  for (const upload of expired) {
    try {
      await store.uploads.delete(upload.spaceId, upload.id);
    } catch (err) {
      // Another request swept it first.
      if (err instanceof FolioError && err.code === 'NOT_FOUND') continue;
      throw err;
    }
    if (!(await bytesInUse(store, upload.spaceId, upload.hash))) await storage.delete(upload.hash);
  }
  return expired.length;
}

/** Removes the upload, and its bytes when nothing else uses them. */
export async function deleteUpload(store: Store, storage: FileStorage, spaceId: string, id: string, actor: Actor): Promise<void> {
  const upload = await store.uploads.get(spaceId, id);
  if (!upload) throw new FolioError('NOT_FOUND', `Upload "${id}" not found`, { details: { type: 'Upload', id } });
  if (actor) assertCan(actor, 'delete', { createdBy: upload.createdBy ?? undefined, published: false });
  await store.uploads.delete(spaceId, id);
  if (!(await bytesInUse(store, spaceId, upload.hash))) await storage.delete(upload.hash);
}
