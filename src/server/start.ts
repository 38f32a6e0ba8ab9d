/** Start-up in order: data dir → store → space, keys, demo → HTTP. Used by the CLI and tests. */
import type { FastifyInstance } from 'fastify';
import { ensureDataDir, readTlsCredentials, type Config } from '../config/index.js';
import { settleInterruptedActions, settleInterruptedClones } from '../content/index.js';
import { defaultLocale, ensureAdminUser, ensureApiKeys, ensureSpace, loadDemo } from '../setup/index.js';
import { configureFaceDetection } from '../faces/index.js';
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
  /** Milliseconds each start-up step took, in order (the start-up summary logs them). */
  steps: Record<string, number>;
  close(): Promise<void>;
}

/** Runs the steps of a start in order, timing each. */
function stepTimer() {
  const steps: Record<string, number> = Object.create(null);
  const time = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const began = performance.now();
    try {
      return await work();
    } finally {
      steps[name] = Math.round(performance.now() - began);
    }
  };
  return { steps, time };
}

export async function startFolio(
  config: Config,
  options: { logger?: boolean | { level: string }; background?: BackgroundOptions } = {},
): Promise<RunningFolio> {
  const { steps, time } = stepTimer();
  await time('dataDir', () => ensureDataDir(config.dataDir));
  const tls = config.tls ? await readTlsCredentials(config.tls) : undefined;
  const store = await time('database', () => openStore({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath }));
  let opened: OpenedStorage | undefined;
  let replica: Store | undefined;
  try {
    if (config.databaseReplicaUrl) replica = await openReplicaStore(config.databaseReplicaUrl);
    const files = (opened = await time('storage', () => openStorage(config.storage, config.dataDir)));
    const storage = files.files;
    configureFaceDetection({ idleMs: config.facesIdleMs });
    const scope = await time('space', () => ensureSpace(store, config.spaceId));
    const generatedTokens = await time('apiKeys', () => ensureApiKeys(store, config.spaceId, config.tokens));
    // Work a stopped server left half-done is settled before this one answers anybody.
    await time('settle', async () => {
      await settleInterruptedActions(store);
      await settleInterruptedClones(store);
    });
    const { admin } = config;
    if (admin) await time('admin', () => ensureAdminUser(store, admin));
    const demoLoaded = config.demo ? await time('demo', () => loadDemo(store, storage, scope)) : false;
    const app = await time('app', () => buildApp({ config, store, replica, storage, sharedImages: files.shared, checkStorage: files.check, scope, locale: defaultLocale, ...(tls ? { tls } : {}), ...(options.logger !== undefined ? { logger: options.logger } : {}), ...(options.background ? { background: options.background } : {}) }));
    const listening = await time('listen', () => app.listen({ port: config.port, host: config.host }));
    // Fastify names the protocol from its own https option, which a server factory bypasses.
    const address = tls ? listening.replace(/^http:/, 'https:') : listening;
    return {
      app,
      url: address,
      generatedTokens,
      demoLoaded,
      steps,
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
