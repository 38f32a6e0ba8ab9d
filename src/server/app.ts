/** Assembles one Fastify app from the parts; each part registers its own routes. */
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { FastPath } from '../http/fast-path.js';
import { ContentVersion } from '../store/index.js';
import { adminRoutes } from '../admin/index.js';
import { resolveAssetFile } from '../assets/index.js';
import { imageCacheDir, type Config } from '../config/index.js';
import { acceptJsonBodies } from '../http/json-body.js';
import { frameworkErrorHandler, installErrorHandling, type HtmlErrorPages } from '../http/error-handler.js';
import { installSecurityHeaders } from '../http/security-headers.js';
import { deliveryRoutes } from '../delivery/index.js';
import { imagesRoutes, signImageUrl } from '../images/index.js';
import { managementRoutes } from '../management/index.js';
import { siteName, siteRoutes } from '../site/routes.js';
import { renderError, renderNotFound } from '../site/views/index.js';
import type { FileStorage } from '../storage/types.js';
import type { Store } from '../store/store.js';
import type { Scope } from '../store/types.js';
import type { MetricSources } from './metrics.js';
import { operationsRoutes } from './operations-routes.js';
import { webhookDispatcher, webhooksRoutes, type DispatcherOptions } from '../webhooks/index.js';
import { scheduledActionRunner, scheduledActionsRoutes, type SchedulerOptions } from '../scheduling/index.js';

export interface AppParts {
  config: Pick<Config, 'publicUrl' | 'spaceId' | 'deliveryCache' | 'imageSigningKeys' | 'dataDir'> & Partial<Pick<Config, 'uploadLimitBytes' | 'webhookAllowPrivate'>>;
  store: Store;
  storage: FileStorage;
  scope: Scope;
  locale: string;
  logger?: boolean | { level: string };
  /** Tuning of the webhook dispatcher and scheduled-action runner (tests shorten waits). */
  background?: BackgroundOptions;
  /** How often other processes' writes are looked for (ms; 0: never, for tests of one process). */
  versionPollMs?: number;
}

export interface BackgroundOptions {
  webhooks?: Partial<Omit<DispatcherOptions, 'publicUrl'>>;
  scheduling?: Partial<SchedulerOptions>;
}

const pages: HtmlErrorPages = {
  notFound: (request) => renderNotFound({ siteName, path: request.url }),
  error: (status) => renderError({ siteName, status }),
};

export async function buildApp(parts: AppParts): Promise<FastifyInstance> {
  const { store, storage, scope } = parts;
  // Warm answers are replayed before Fastify, and dropped the moment content changes: at once
  // for this process's writes, and when the version (polled) moves for other processes'.
  const version = new ContentVersion(store, parts.versionPollMs !== undefined ? { pollMs: parts.versionPollMs } : {});
  const fastPath = new FastPath();
  const stopHearing = store.changes.onWrite(() => fastPath.invalidate());
  version.onChange(() => fastPath.invalidate());
  const app = Fastify({
    serverFactory: (handler) => http.createServer((req, res) => fastPath.handle(req, res, handler)),
    frameworkErrors: frameworkErrorHandler(pages),
    logger: parts.logger ?? false,
    // Per-request lines drown what matters; /metrics counts requests instead.
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: 10 * 1024 * 1024,
    // The official clients ask for some resources with a trailing slash (contentful.js's
    // getSpace() requests /spaces/{space}/): both forms are the same route.
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-contentful-request-id', request.id);
  });
  installSecurityHeaders(app, { publicUrl: parts.config.publicUrl });
  installErrorHandling(app, pages);
  // One JSON parser for every part (limits and prototype keys checked there); parts may narrow it.
  app.removeContentTypeParser('application/json');
  acceptJsonBodies(app);

  app.addHook('onClose', async () => {
    stopHearing();
    version.close();
  });
  // One answer for definitions (early refusal) and calls (the real check): the setting, unless a test overrides it.
  const allowPrivate = parts.background?.webhooks?.allowPrivateTargets ?? parts.config.webhookAllowPrivate ?? false;
  const webhookTargets = { allowPrivate };
  // Counts every route: registered first, without encapsulation; the parts report their caches and queue.
  const sources: MetricSources = {};
  sources.fastPath = fastPath;
  await app.register(operationsRoutes, { store, sources });
  const signingKey = parts.config.imageSigningKeys[0];
  await app.register(imagesRoutes, {
    cacheDir: imageCacheDir(parts.config.dataDir),
    signingKeys: parts.config.imageSigningKeys,
    resolveFile: (spaceId: string, assetId: string, token: string) =>
      spaceId === scope.spaceId ? resolveAssetFile(store, storage, scope, assetId, token) : Promise.resolve(undefined),
    observe: (status) => (sources.images = status),
    fastPath,
  });
  for (const mode of ['delivery', 'preview'] as const) {
    await app.register(deliveryRoutes, { store, publicUrl: parts.config.publicUrl, mode, cache: parts.config.deliveryCache, observe: (s) => (sources.deliveryCache = s.responseCache), version, fastPath });
  }
  await app.register(managementRoutes, {
    store,
    storage,
    publicUrl: parts.config.publicUrl,
    uploadLimitBytes: parts.config.uploadLimitBytes ?? 1024 * 1024 * 1024,
  });
  await app.register(webhooksRoutes, { store, targets: webhookTargets });
  await app.register(scheduledActionsRoutes, { store });
  await app.register(webhookDispatcher, { store, publicUrl: parts.config.publicUrl, ...parts.background?.webhooks, allowPrivateTargets: allowPrivate });
  await app.register(scheduledActionRunner, { store, ...parts.background?.scheduling });
  await app.register(siteRoutes, {
    context: {
      store,
      scope,
      publicUrl: parts.config.publicUrl,
      locale: parts.locale,
      ...(signingKey ? { signImage: (pathAndQuery: string) => signImageUrl(pathAndQuery, signingKey) } : {}),
    },
    observe: (s) => (sources.pageCache = s.pageCache),
    version,
    fastPath,
  });
  await app.register(adminRoutes, {
    context: {
      store,
      storage,
      scope,
      locale: parts.locale,
      publicUrl: parts.config.publicUrl,
      webhookTargets,
      ...(signingKey ? { signImage: (pathAndQuery: string) => signImageUrl(pathAndQuery, signingKey) } : {}),
    },
  });
  return app;
}
