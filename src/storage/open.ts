/** The storage a server uses, chosen by configuration (FOLIO_STORAGE). */
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';
import type { StorageSettings } from '../config/index.js';
import { createFsStorage } from './fs-storage.js';
import type { FileStorage, SharedBlobs } from './types.js';

export interface OpenedStorage {
  files: FileStorage;
  /** Derived images shared between servers; none on the filesystem, where one server owns them. */
  shared: SharedBlobs | undefined;
  /** Resolves when the storage answers (readiness), rejects with why not. */
  check(): Promise<void>;
  close(): void;
}

export async function openStorage(settings: StorageSettings, dataDir: string): Promise<OpenedStorage> {
  if (settings.kind === 'fs') {
    const root = path.join(dataDir, 'files');
    const files = createFsStorage(root);
    return { files, shared: undefined, check: () => access(root, constants.R_OK | constants.W_OK), close: () => {} };
  }
  // Loaded here, not at the top: the AWS SDK costs every process that starts (CLI, servers on the filesystem) about a fifth of a second of CPU each.
  const [{ HeadBucketCommand }, { createS3Client, createS3SharedBlobs, createS3Storage, sweepTemp }] = await Promise.all([import('@aws-sdk/client-s3'), import('./s3-storage.js')]);
  const client = createS3Client(settings);
  const check = async () => void (await client.send(new HeadBucketCommand({ Bucket: settings.bucket })));
  try {
    // Start-up fails here, with the store's own words, when the bucket cannot be reached.
    await check();
    await sweepTemp(client, settings.bucket);
  } catch (err) {
    client.destroy();
    throw err;
  }
  return {
    files: createS3Storage(client, settings.bucket),
    shared: createS3SharedBlobs(client, settings.bucket),
    check,
    close: () => client.destroy(),
  };
}
