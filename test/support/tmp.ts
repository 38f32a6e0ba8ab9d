import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** A new temporary directory; remove it with the returned function. */
export async function tempDir(prefix = 'folio-'): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => fs.rm(dir, { recursive: true, force: true }) };
}
