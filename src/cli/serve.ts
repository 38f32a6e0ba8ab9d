/**
 * `folio serve`: start, log one summary line, and on SIGTERM/SIGINT shut down gracefully: stop
 * accepting connections, let requests in flight finish and background jobs (webhook calls,
 * scheduled actions) end their current run, then exit 0; past FOLIO_SHUTDOWN_TIMEOUT, exit 1.
 */
import { loadConfig, type Config } from '../config/index.js';
import { closeFaceDetection } from '../faces/index.js';
import { startFolio, type RunningFolio } from '../server/start.js';
import { exitCodes } from './exit-codes.js';
import { tokenBanner } from './token-banner.js';
import { version } from './version.js';


/** What an operator needs to know about this start, in one structured line; never a secret. */
function startupSummary(config: Config, folio: RunningFolio, modulesMs: number, ms: number) {
  const { storage } = config;
  return {
    version,
    node: process.version,
    pid: process.pid,
    listen: folio.url,
    publicUrl: config.publicUrl,
    spaceId: config.spaceId,
    database: config.databaseUrl ? 'postgresql' : 'sqlite',
    storage: storage.kind === 's3' ? { kind: 's3', bucket: storage.bucket, endpoint: storage.endpoint ?? 'aws', region: storage.region } : { kind: 'fs', dir: config.dataDir },
    demoLoaded: folio.demoLoaded,
    deliveryCache: config.deliveryCache,
    imageSigning: config.imageSigningKeys.length > 0,
    logSample: config.logSample,
    shutdownTimeoutMs: config.shutdownTimeoutMs,
    facesIdleMs: config.facesIdleMs,
    // From the process's start, so loading the code counts too (`modules`).
    startupMs: Math.round(ms),
    startupSteps: { modules: Math.round(modulesMs), ...folio.steps },
  };
}

export async function serve(): Promise<void> {
  // performance.now() counts from the process's start: the time to here is Node and module loading.
  const modulesMs = performance.now();
  const config = loadConfig();
  const folio = await startFolio(config, { logger: { level: process.env.LOG_LEVEL ?? 'info' } });
  const ms = performance.now();
  if (folio.generatedTokens.length > 0) process.stdout.write(tokenBanner(config, folio.generatedTokens));
  folio.app.log.info(startupSummary(config, folio, modulesMs, ms), 'folio started');
  process.stdout.write(
    `Folio is serving ${config.publicUrl} (listening on ${folio.url}; data in ${config.databaseUrl ? 'PostgreSQL' : config.sqlitePath}` +
      `${folio.demoLoaded ? '; demo content loaded' : ''}) — ready in ${Math.round(ms)} ms\n`,
  );

  let closing = false;
  const stop = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    const started = performance.now();
    folio.app.log.info({ signal, timeoutMs: config.shutdownTimeoutMs }, 'shutting down: no new connections; finishing requests and jobs in flight');
    const deadline = setTimeout(() => {
      folio.app.log.error({ timeoutMs: config.shutdownTimeoutMs }, 'shutdown timed out: exiting with work unfinished');
      process.exit(exitCodes.failure);
    }, config.shutdownTimeoutMs);
    deadline.unref();
    // Requests first: an upload in flight may still be waiting for its faces.
    folio.close().then(closeFaceDetection).then(
      () => {
        folio.app.log.info({ ms: Math.round(performance.now() - started) }, 'shut down');
        process.exit(exitCodes.ok);
      },
      (err: unknown) => {
        folio.app.log.error({ err }, 'shutdown failed');
        process.exit(exitCodes.failure);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}
