import fs from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from './config.js';

/** Creates the data dir if needed and proves it is writable, before anything else touches it. */
export async function ensureDataDir(dataDir: string): Promise<void> {
  try {
    await fs.mkdir(dataDir, { recursive: true });
    const probe = path.join(dataDir, `.write-test-${process.pid}`);
    await fs.writeFile(probe, '');
    await fs.rm(probe);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new ConfigError('FOLIO_DATA_DIR', `"${dataDir}" is not a writable directory (${code})`);
  }
}
