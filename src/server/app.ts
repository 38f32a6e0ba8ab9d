/** Assembles one Fastify app from the parts; each part registers its own routes. */
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { FastPath } from '../http/fast-path.js';
import { changesBetween, ContentVersion, replicaReads } from '../store/index.js';
import { adminRoutes } from '../admin/index.js';
import { smtpMailer } from '../mail/index.js';
import { rememberPublishedFiles, resolveAssetFile } from '../assets/index.js';
import { imageCacheDir, type Config, type TlsCredentials } from '../config/index.js';
import { acceptJsonBodies } from '../http/json-body.js';
import { frameworkErrorHandler, installErrorHandling, type HtmlErrorPages } from '../http/error-handler.js';
import { installSecurityHeaders } from '../http/security-headers.js';
import { schemaController } from '../http/schema-compilers.js';
import { isRootApiPath, rootPathRouter } from '../http/root-paths.js';
import { installRequestLog, redactPaths, redacted, requestSerializer } from '../http/request-log.js';
import { deliveryRoutes } from '../delivery/index.js';
import { graphqlRoutes } from '../graphql/index.js';
import { imagesRoutes, signEmbargoedUrl, signImageUrl } from '../images/index.js';
import { managementRoutes } from '../management/index.js';
import { siteName, siteRoutes } from '../site/routes.js';
import { renderError, renderNotFound } from '../site/views/index.js';
import type { FileStorage, SharedBlobs } from '../storage/types.js';
import type { Store } from '../store/store.js';
import type { Scope } from '../store/types.js';
import type { MetricSources } from './metrics.js';
import { operationsRoutes } from './operations-routes.js';
import { webhookDispatcher, webhooksRoutes, type DispatcherOptions } from '../webhooks/index.js';
import { scheduledActionRunner, scheduledActionsRoutes, type SchedulerOptions } from '../scheduling/index.js';

export interface AppParts {
  config: Pick<Config, 'publicUrl' | 'spaceId' | 'deliveryCache' | 'imageSigningKeys' | 'dataDir'> & Partial<Pick<Config, 'embargoedAssets' | 'uploadLimitBytes' | 'webhookAllowPrivate' | 'webhookTimeoutMs' | 'webhookLeaseMs' | 'logSample' | 'trustProxy' | 'mail'>>;
  store: Store;
  /** A streaming replica of `store` (DATABASE_REPLICA_URL): published content is read there while it is not behind. */
  replica?: Store | undefined;
  storage: FileStorage;
  /** Derived images shared by every server (S3 storage); unset, each server keeps its own. */
  sharedImages?: SharedBlobs | undefined;
  /** Resolves when the file storage answers (/readyz); unset: not checked. */
  checkStorage?: (() => Promise<void>) | undefined;
  scope: Scope;
  locale: string;
  logger?: boolean | { level: string };
  /** Serve HTTPS with this certificate and key instead of HTTP. */
  tls?: TlsCredentials;
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

/**
 * The HTTP(S) server under Fastify. Root API paths are rewritten before anything else sees them
 * (which API answers depends on the token, and finding its kind may read the database); then
 * warm answers are replayed by the fast path, and the rest goes to Fastify.
 */
function serverFactory(parts: AppParts, fastPath: FastPath) {
  const routeRootPath = rootPathRouter(parts.store);
  return (handler: (req: IncomingMessage, res: ServerResponse) => void) => {
    const next = (req: IncomingMessage, res: ServerResponse) => fastPath.handle(req, res, handler);
    const listener = (req: IncomingMessage, res: ServerResponse) => {
      if (!isRootApiPath(req.url)) return next(req, res);
      routeRootPath(req).then(
        () => next(req, res),
        // The store failed while looking the token up: let the Delivery API answer (it will meet the same failure and report it).
        () => {
          req.url = `/delivery${req.url}`;
          next(req, res);
        },
      );
    };
    return parts.tls ? createHttpsServer({ cert: parts.tls.cert, key: parts.tls.key }, listener) : createHttpServer(listener);
  };
}

export async function buildApp(parts: AppParts): Promise<FastifyInstance> {
  const { store, storage, scope } = parts;
  // Warm answers are replayed before Fastify. When content changes (at once for this process's
  // writes, and for other processes' as soon as PostgreSQL's NOTIFY arrives; ContentVersion polls
  // while the listener is down), replays wait until the route caches have dropped what the change
  // touched, and only those answers go (fast-path.ts).
  const version = new ContentVersion(store, parts.versionPollMs !== undefined ? { pollMs: parts.versionPollMs } : {});
  const fastPath = new FastPath();
  const stopHearing = store.changes.onWrite(() => fastPath.contentChanged());
  version.onChange(() => fastPath.contentChanged());
  // Delivery, GraphQL and the hub read published content from the replica unless it is behind
  // what they were told; Preview, drafts, the editor and the Management API read the primary.
  const reads = parts.replica ? replicaReads(store, parts.replica, version) : undefined;
  const published = reads?.store ?? store;
  const app = Fastify({
    serverFactory: serverFactory(parts, fastPath),
    frameworkErrors: frameworkErrorHandler(pages),
    logger: parts.logger ? { ...(parts.logger === true ? {} : parts.logger), redact: { paths: redactPaths, censor: redacted }, serializers: { req: requestSerializer } } : false,
    // Fastify's own request lines carry the raw URL (tokens in the query): installRequestLog's replace them.
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: () => randomUUID(),
    // Behind a proxy every client would be the proxy's address (per-client limits, logs): believe
    // X-Forwarded-For from the proxies named, and from no one else.
    trustProxy: parts.config.trustProxy?.length ? parts.config.trustProxy : false,
    requestIdHeader: false,
    bodyLimit: 10 * 1024 * 1024,
    // The official clients ask for some resources with a trailing slash (contentful.js's
    // getSpace() requests /spaces/{space}/): both forms are the same route.
    routerOptions: { ignoreTrailingSlash: true },
    schemaController,
  });
  installRequestLog(app, { sample: parts.config.logSample ?? 1 });
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
    stopFollowingFiles();
    reads?.close();
    version.close();
  });
  // One answer for definitions (early refusal) and calls (the real check): the setting, unless a test overrides it.
  const allowPrivate = parts.background?.webhooks?.allowPrivateTargets ?? parts.config.webhookAllowPrivate ?? false;
  const webhookTargets = { allowPrivate };
  // Counts every route: registered first, without encapsulation; the parts report their caches and queue.
  const sources: MetricSources = {};
  sources.fastPath = fastPath;
  if (reads) sources.reads = reads.counts;
  await app.register(operationsRoutes, { store, sources, checkStorage: parts.checkStorage });
  const signingKey = parts.config.imageSigningKeys[0];
  const publishedFiles = rememberPublishedFiles(
    (assetId, token) => resolveAssetFile(store, storage, scope, assetId, token),
    version,
    (after, upTo) => changesBetween(store, scope, after, upTo),
  );
  // Replayed images stand while their file is kept; after a change the memo drops what changed first.
  const stopFollowingFiles = fastPath.follow(publishedFiles.catchUp);
  const resolveFile = publishedFiles.resolve;
  await app.register(imagesRoutes, {
    cacheDir: imageCacheDir(parts.config.dataDir),
    sharedCache: parts.sharedImages,
    signingKeys: parts.config.imageSigningKeys,
    embargoKeys: parts.config.embargoedAssets ? parts.config.imageSigningKeys : undefined,
    resolveFile: (spaceId: string, assetId: string, token: string) => (spaceId === scope.spaceId ? resolveFile(assetId, token) : Promise.resolve(undefined)),
    observe: (status) => (sources.images = status),
    fastPath,
  });
  const assetKeys = parts.config.embargoedAssets && signingKey ? { assetKeySigningKey: signingKey } : {};
  for (const mode of ['delivery', 'preview'] as const) {
    await app.register(deliveryRoutes, { store: mode === 'delivery' ? published : store, publicUrl: parts.config.publicUrl, mode, cache: parts.config.deliveryCache, observe: (s) => (sources.deliveryCache = s.responseCache), version, fastPath, ...assetKeys });
  }
  await app.register(graphqlRoutes, {
    store: published,
    draftStore: store,
    publicUrl: parts.config.publicUrl,
    cache: parts.config.deliveryCache,
    signImage: signingKey ? (pathAndQuery: string) => signImageUrl(pathAndQuery, signingKey) : undefined,
  });
  await app.register(managementRoutes, {
    store,
    storage,
    publicUrl: parts.config.publicUrl,
    uploadLimitBytes: parts.config.uploadLimitBytes ?? 1024 * 1024 * 1024,
    outboundTargets: webhookTargets,
    ...assetKeys,
  });
  await app.register(webhooksRoutes, { store, targets: webhookTargets });
  await app.register(scheduledActionsRoutes, { store });
  const { webhookTimeoutMs, webhookLeaseMs } = parts.config;
  await app.register(webhookDispatcher, {
    store,
    publicUrl: parts.config.publicUrl,
    ...(webhookTimeoutMs !== undefined ? { timeoutMs: webhookTimeoutMs, leaseMs: webhookLeaseMs } : {}),
    ...parts.background?.webhooks,
    allowPrivateTargets: allowPrivate,
  });
  await app.register(scheduledActionRunner, { store, ...parts.background?.scheduling });
  await app.register(siteRoutes, {
    draftStore: store,
    context: {
      store: published,
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
      ...(parts.config.embargoedAssets && signingKey ? { signEmbargoed: (pathAndQuery: string) => signEmbargoedUrl(pathAndQuery, scope.spaceId, signingKey) } : {}),
      ...(parts.config.mail ? { mailer: smtpMailer(parts.config.mail) } : {}),
    },
  });
  return app;
}
