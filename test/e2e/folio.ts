/** Starts a real Folio (in-process, port 0, its own temp data dir) for end-to-end tests. */
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config/index.js';
import { startFolio, type RunningFolio } from '../../src/server/start.js';
import type { BackgroundOptions } from '../../src/server/app.js';

export interface TestFolio extends RunningFolio {
  dataDir: string;
  /** To open a second Store on the same database, as another process would. */
  storeOptions: { databaseUrl?: string; sqlitePath: string };
  /** Stops Folio and removes its data dir. */
  destroy(): Promise<void>;
}

export async function makeDataDir(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'folio-e2e-'));
}

/** A port nothing listens on right now; the public URL must name the real port. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function startTestFolio(env: Record<string, string> = {}, dataDir?: string, options: { background?: BackgroundOptions } = {}): Promise<TestFolio> {
  const dir = dataDir ?? (await makeDataDir());
  const config = loadConfig({ PORT: String(await freePort()), FOLIO_DATA_DIR: dir, ...env });
  const folio = await startFolio(config, options);
  return {
    ...folio,
    dataDir: dir,
    storeOptions: { ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}), sqlitePath: config.sqlitePath },
    destroy: async () => {
      await folio.close();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}
