import fs from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from './config.js';

/** Where derived images are cached, under the data dir. */
export const imageCacheDir = (dataDir: string) => path.join(dataDir, 'cache', 'images');

async function proveWritable(dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  const probe = path.join(dir, `.write-test-${process.pid}`);
  await fs.writeFile(probe, '');
  await fs.rm(probe);
}

/**
 * Creates the data dir and the image cache in it if needed and proves both writable, before
 * anything else touches them: a cache that cannot be written would fail every image request.
 */
export async function ensureDataDir(dataDir: string): Promise<void> {
  for (const [dir, what] of [
    [dataDir, ''],
    [imageCacheDir(dataDir), ' (the image cache in it)'],
  ] as const) {
    try {
      await proveWritable(dir);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'error';
      throw new ConfigError('FOLIO_DATA_DIR', `"${dir}"${what} is not a writable directory (${code})`);
    }
  }
}
