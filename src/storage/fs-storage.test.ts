import { mkdtemp, mkdir, readdir, rm, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { createFsStorage } from './fs-storage.js';
import { SizeLimitError } from './types.js';
import { describeFileStorageContract, failingStream, invalidHashes, sha256 } from './storage.contract.js';

const roots: string[] = [];
async function tempRoot() {
  const dir = await mkdtemp(path.join(tmpdir(), 'folio-fs-storage-'));
  roots.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(roots.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Every file under dir, relative, so tests can see exactly what a put left on disk. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

describeFileStorageContract('filesystem', async () => createFsStorage(await tempRoot()));

describe('createFsStorage on disk', () => {
  it('lays objects out as ab/cd/<hash>', async () => {
    const root = await tempRoot();
    const { hash } = await createFsStorage(root).put(Buffer.from('layout'));
    expect(await filesUnder(root)).toEqual([path.join(hash.slice(0, 2), hash.slice(2, 4), hash)]);
    expect(await readFile(path.join(root, hash.slice(0, 2), hash.slice(2, 4), hash), 'utf8')).toBe('layout');
  });

  it('leaves no temp file or object behind when the source fails', async () => {
    const root = await tempRoot();
    const storage = createFsStorage(root);
    await expect(storage.put(failingStream([Buffer.alloc(50_000, 1)], new Error('boom')))).rejects.toThrow('boom');
    expect(await filesUnder(root)).toEqual([]);
  });

  it('leaves no temp file or object behind when a stream passes its size limit', async () => {
    const root = await tempRoot();
    const storage = createFsStorage(root);
    const source = Readable.from([Buffer.alloc(60_000, 1), Buffer.alloc(60_000, 2)]);
    await expect(storage.putStream(source, { maxBytes: 100_000 })).rejects.toBeInstanceOf(SizeLimitError);
    expect(await filesUnder(root)).toEqual([]);
  });

  it('leaves no temp file behind after a duplicate put', async () => {
    const root = await tempRoot();
    const storage = createFsStorage(root);
    await storage.put(Buffer.from('twice'));
    await storage.put(Buffer.from('twice'));
    expect(await readdir(path.join(root, '.tmp'))).toEqual([]);
  });

  it('cleans temp files a crash left, on creation, and keeps objects', async () => {
    const root = await tempRoot();
    const { hash } = await createFsStorage(root).put(Buffer.from('kept'));
    await writeFile(path.join(root, '.tmp', 'half-written'), 'partial');
    await mkdir(path.join(root, '.tmp', 'odd-dir'));
    const storage = createFsStorage(root);
    expect(await readdir(path.join(root, '.tmp'))).toEqual([]);
    expect((await storage.get(hash))?.toString()).toBe('kept');
  });

  it('never reads outside its root for a traversal-shaped hash', async () => {
    const root = await tempRoot();
    const secret = Buffer.from('outside the store');
    const outside = path.join(root, '..', sha256(secret));
    await writeFile(outside, secret);
    roots.push(outside);
    const storage = createFsStorage(root);
    for (const hash of [...invalidHashes, `../${sha256(secret)}`]) {
      await expect(storage.get(hash)).rejects.toMatchObject({ status: 400 });
    }
  });

  it('names the parameter in its refusal', async () => {
    const storage = createFsStorage(await tempRoot());
    await expect(storage.get('../x')).rejects.toThrow('Expected a sha256 digest in lowercase hex (64 characters) for hash but received "../x"');
  });
});
