/**
 * Filesystem FileStorage: objects live at `root/ab/cd/<sha256>`. A put writes to `root/.tmp/`,
 * fsyncs, then renames into place, so a crash leaves at most a temp file (removed on the next
 * start) and never a partial object under a real name. One process owns a root directory.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { toBytes } from './bytes.js';
import { assertObjectHash } from './hash.js';
import { assertByteRange } from './range.js';
import { SizeLimitError, type FileStorage, type StoredObject } from './types.js';

const tempDirName = '.tmp';

export function createFsStorage(rootDir: string): FileStorage {
  const root = path.resolve(rootDir);
  const tempDir = path.join(root, tempDirName);
  // Synchronous on purpose: runs once at start-up, and nothing can race the cleanup.
  rmSync(tempDir, { recursive: true, force: true });
  mkdirSync(tempDir, { recursive: true });

  const objectPath = (hash: string) => {
    assertObjectHash(hash);
    return path.join(root, hash.slice(0, 2), hash.slice(2, 4), hash);
  };

  /** Moves a finished temp file to its object name, durably; a no-op when the object exists. */
  async function publish(tempPath: string, finalPath: string) {
    // Same name means same bytes: keep the existing object.
    if (await isFile(finalPath)) return;
    const dir = path.dirname(finalPath);
    const firstCreated = await mkdir(dir, { recursive: true });
    // A concurrent put of the same bytes may rename first; rename replaces atomically and the
    // bytes are identical, so either order leaves one whole object.
    await rename(tempPath, finalPath);
    await fsyncDir(dir);
    if (firstCreated !== undefined) {
      // New directories must be durable in their parents too.
      await fsyncDir(path.dirname(dir));
      await fsyncDir(root);
    }
  }

  async function put(data: Buffer | Readable, maxBytes = Infinity) {
    const tempPath = path.join(tempDir, randomUUID());
    try {
      const written = await writeSynced(tempPath, data, maxBytes);
      await publish(tempPath, objectPath(written.hash));
      return written;
    } finally {
      // Gone already when published; otherwise (failure, or a duplicate) it must not linger.
      await removeIfPresent(tempPath);
    }
  }

  return {
    put: (data) => put(data),

    putStream: (data, options = {}) => put(data, options.maxBytes),

    async get(hash) {
      try {
        return await readFile(objectPath(hash));
      } catch (err) {
        if (isMissing(err)) return undefined;
        throw err;
      }
    },

    async stream(hash, range) {
      const file = objectPath(hash);
      assertByteRange(range);
      // Open first so a missing object is `undefined`, not a stream that errors later.
      let handle;
      try {
        handle = await open(file, 'r');
      } catch (err) {
        if (isMissing(err)) return undefined;
        throw err;
      }
      return handle.createReadStream(range ? { start: range.start, ...(range.end !== undefined ? { end: range.end } : {}) } : {});
    },

    async has(hash) {
      return isFile(objectPath(hash));
    },

    async delete(hash) {
      // Empty ab/cd directories stay: removing them could race a put that just created them.
      await removeIfPresent(objectPath(hash));
    },
  };
}

/** Writes data to a new file while hashing it, then fsyncs so the rename publishes whole bytes. */
async function writeSynced(filePath: string, data: Buffer | Readable, maxBytes: number): Promise<StoredObject> {
  const hasher = createHash('sha256');
  let size = 0;
  const handle = await open(filePath, 'wx');
  try {
    const chunks: AsyncIterable<unknown> | Iterable<unknown> = Buffer.isBuffer(data) ? [data] : data;
    for await (const chunk of chunks) {
      const bytes = toBytes(chunk);
      size += bytes.length;
      // Checked before writing, so an over-long stream never fills the disk past the limit.
      if (size > maxBytes) throw new SizeLimitError(maxBytes);
      hasher.update(bytes);
      // Awaiting each write gives the source back-pressure; a short write is continued.
      for (let at = 0; at < bytes.length; ) at += (await handle.write(bytes, at)).bytesWritten;
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  return { hash: hasher.digest('hex'), size };
}

async function fsyncDir(dir: string) {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function isFile(filePath: string): Promise<boolean> {
  try {
    return (await stat(filePath)).isFile();
  } catch (err) {
    if (isMissing(err)) return false;
    throw err;
  }
}

async function removeIfPresent(filePath: string) {
  try {
    await unlink(filePath);
  } catch (err) {
    if (!isMissing(err)) throw err;
  }
}

const isMissing = (err: unknown) => (err as NodeJS.ErrnoException).code === 'ENOENT';
