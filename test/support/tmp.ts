import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/** A new temporary directory; remove it with the returned function. */
export async function tempDir(prefix = 'folio-'): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => fs.rm(dir, { recursive: true, force: true }) };
}

/**
 * A temporary directory for the enclosing suite (file or describe), made before its first test
 * and removed after its last; call the returned function inside tests or hooks for its path.
 */
export function useTempDir(prefix = 'folio-'): () => string {
  let made: Awaited<ReturnType<typeof tempDir>> | undefined;
  beforeAll(async () => {
    made = await tempDir(prefix);
  });
  afterAll(() => made?.remove());
  return () => {
    if (!made) throw new Error('useTempDir: the directory exists only while the suite runs');
    return made.dir;
  };
}
