import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { resourceOfPath, scopeOfPath } from '../contentful/resources.js';
import { FolioError, errorBody, isFolioError } from '../errors/index.js';

/** Paths that answer in Contentful's error JSON; everything else is for people and gets HTML. */
const apiPrefixes = ['/delivery/', '/preview/', '/management/', '/images/', '/files/', '/graphql/'];

export const isApiPath = (url: string) => apiPrefixes.some((p) => url.startsWith(p));

export interface HtmlErrorPages {
  notFound(request: FastifyRequest): string;
  error(status: number, request: FastifyRequest): string;
}

/** Turns anything thrown into Fastify's 4xx errors or FolioError; the rest is a 500. */
function toFolioError(err: unknown): { error: FolioError; status: number } {
  if (isFolioError(err)) return { error: err, status: err.status };
  const fe = err as Partial<FastifyError>;
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    // Fastify's own 4xx (bad JSON, body too large, …): keep its status, Contentful's shape.
    const code = fe.statusCode === 429 ? 'RATE_LIMITED' : fe.statusCode === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'BAD_REQUEST';
    return { error: new FolioError(code, fe.message), status: fe.statusCode };
  }
  return { error: new FolioError('SERVER_ERROR'), status: 500 };
}

/** Things that live in a space but in no environment: their 404 names only the space. */
const spaceLevel = new Set(['Space', 'Environment', 'ApiKey', 'PreviewApiKey', 'WebhookDefinition', 'WebhookCallDetails', 'Upload', 'User', 'Role', 'SpaceMembership', 'ScheduledAction']);

/**
 * Contentful's 404 details name the missing thing's type and id, then its environment and space.
 * Deep layers know the first two; the request's path says the rest. A path Folio has no route
 * for is still read as Contentful's, so it names what it asked for.
 */
function withScope(error: FolioError, request: FastifyRequest): FolioError {
  if (error.status !== 404 || !isApiPath(request.url)) return error;
  const scope = scopeOfPath(request.url);
  const details = typeof error.details?.type === 'string' ? error.details : resourceOfPath(scope?.rest);
  if (!scope || !details || details.type === 'Space') return error;
  const environment = spaceLevel.has(String(details.type)) ? {} : { environment: scope.environmentId ?? 'master' };
  return new FolioError(error.code, error.message, { details: { type: details.type, id: details.id, ...environment, space: scope.spaceId, ...details }, headers: error.headers });
}

function send(
  reply: FastifyReply,
  request: FastifyRequest,
  error: FolioError,
  status: number,
  pages: HtmlErrorPages,
) {
  reply.code(status).header('cache-control', 'no-store');
  for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
  if (isApiPath(request.url)) {
    reply.header('content-type', 'application/vnd.contentful.delivery.v1+json; charset=utf-8');
    return reply.send(errorBody(error, request.id));
  }
  reply.header('content-type', 'text/html; charset=utf-8');
  return reply.send(status === 404 ? pages.notFound(request) : pages.error(status, request));
}

/** For errors Fastify raises before routing (a malformed URL); pass as its `frameworkErrors`. */
export function frameworkErrorHandler(pages: HtmlErrorPages) {
  return (err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const { error, status } = toFolioError(err);
    return send(reply, request, error, status, pages);
  };
}

export function installErrorHandling(app: FastifyInstance, pages: HtmlErrorPages) {
  app.setErrorHandler((err, request, reply) => {
    const { error: thrown, status } = toFolioError(err);
    const error = withScope(thrown, request);
    if (status >= 500) request.log.error({ err }, 'request failed');
    return send(reply, request, error, status, pages);
  });
  app.setNotFoundHandler((request, reply) =>
    send(reply, request, withScope(new FolioError('NOT_FOUND'), request), 404, pages),
  );
}
