/** Start-up in order: data dir → store → space, keys, demo → HTTP. Used by the CLI and tests. */
import type { FastifyInstance } from 'fastify';
import { ensureDataDir, readTlsCredentials, type Config } from '../config/index.js';
import { settleInterruptedActions, settleInterruptedClones } from '../content/index.js';
import { defaultLocale, ensureAdminUser, ensureApiKeys, ensureSpace, loadDemo } from '../setup/index.js';
import { configureFaceDetection } from '../faces/index.js';
import { configureSharp } from '../images/index.js';
import { openStorage, type OpenedStorage } from '../storage/index.js';
import { openReplicaStore, openStore, type Store } from '../store/index.js';
import type { ApiKeyKind } from '../store/types.js';
import { buildApp, type BackgroundOptions } from './app.js';

export interface RunningFolio {
  app: FastifyInstance;
  /** Where it listens, e.g. http://127.0.0.1:3000. */
  url: string;
  /** Tokens created on this start; shown once, never stored in clear. */
  generatedTokens: Array<{ kind: ApiKeyKind; token: string }>;
  demoLoaded: boolean;
  close(): Promise<void>;
}

export async function startFolio(
  config: Config,
  options: { logger?: boolean | { level: string }; background?: BackgroundOptions } = {},
): Promise<RunningFolio> {
  await ensureDataDir(config.dataDir);
  const tls = config.tls ? await readTlsCredentials(config.tls) : undefined;
  const store = await openStore({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath });
  let opened: OpenedStorage | undefined;
  let replica: Store | undefined;
  try {
    if (config.databaseReplicaUrl) replica = await openReplicaStore(config.databaseReplicaUrl);
    const files = (opened = await openStorage(config.storage, config.dataDir));
    const storage = files.files;
    configureFaceDetection({ idleMs: config.facesIdleMs });
    // Before the demo's images are made: libvips' default cache would keep their pixels for good.
    configureSharp();
    const scope = await ensureSpace(store, config.spaceId);
    const generatedTokens = await ensureApiKeys(store, config.spaceId, config.tokens);
    // Work a stopped server left half-done is settled before this one answers anybody.
    await settleInterruptedActions(store);
    await settleInterruptedClones(store);
    if (config.admin) await ensureAdminUser(store, config.admin);
    const demoLoaded = config.demo ? await loadDemo(store, storage, scope) : false;
    const app = await buildApp({ config, store, replica, storage, sharedImages: files.shared, checkStorage: files.check, scope, locale: defaultLocale, ...(tls ? { tls } : {}), ...(options.logger !== undefined ? { logger: options.logger } : {}), ...(options.background ? { background: options.background } : {}) });
    const listening = await app.listen({ port: config.port, host: config.host });
    // Fastify names the protocol from its own https option, which a server factory bypasses.
    const address = tls ? listening.replace(/^http:/, 'https:') : listening;
    return {
      app,
      url: address,
      generatedTokens,
      demoLoaded,
      close: async () => {
        await app.close();
        await replica?.close();
        await store.close();
        files.close();
      },
    };
  } catch (err) {
    await replica?.close();
    await store.close();
    opened?.close();
    throw err;
  }
}
