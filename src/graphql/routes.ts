/**
 * GraphQL Content API: `/graphql/content/v1/spaces/{space}[/environments/{env}]`, GET and POST,
 * with delivery or preview tokens. Answers are kept in Delivery's response cache, keyed by
 * query, variables and token kind, and dropped as precisely as Delivery's (response-cache.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { tokenOf } from '../auth/index.js';
import { createAuthenticator, etagOf, ResponseCache, type ResponseDep } from '../delivery/index.js';
import { isFolioError } from '../errors/index.js';
import { singleFlight } from '../http/flights.js';
import { changesBetween, type Scope, type Store } from '../store/index.js';

type Engine = typeof import('./engine.js');

export interface GraphqlOptions {
  /** Published content (a replica's, when it is not behind: replica-reads.ts). */
  store: Store;
  /** Where preview tokens' answers read drafts: the primary (default: `store`). */
  draftStore?: Store;
  publicUrl: string;
  /** Keep answers until content changes (default on); answers that read drafts are never kept. */
  cache?: boolean;
  /** Signs transformed image URLs when Folio requires signed ones. */
  signImage?: ((pathAndQuery: string) => string) | undefined;
}

interface Params {
  spaceId: string;
  environmentId?: string;
}

/**
 * Front ends call the API from their own origins, as they call Contentful's. Tokens travel in a
 * header or the URL, never in cookies, so any origin may read answers.
 */
const cors = { 'access-control-allow-origin': '*' };
const preflight = {
  ...cors,
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'Authorization, Content-Type, X-Contentful-User-Agent',
  'access-control-max-age': '86400',
};


function authRefusal({ refuse }: Engine, err: unknown, request: FastifyRequest): unknown {
  if (!isFolioError(err)) return err;
  if (err.code === 'ACCESS_TOKEN_INVALID') return tokenOf(request) === undefined ? refuse('ACCESS_TOKEN_MISSING') : refuse('ACCESS_TOKEN_INVALID');
  if (err.code === 'NOT_FOUND') return (err.details as { type?: string } | undefined)?.type === 'Space' ? refuse('UNKNOWN_SPACE') : refuse('UNKNOWN_ENVIRONMENT');
  return err;
}

export async function graphqlRoutes(app: FastifyInstance, opts: GraphqlOptions) {
  const { store } = opts;
  let loading: ReturnType<typeof load> | undefined;
  async function load() {
    const engine = await import('./engine.js');
    const { createExecutor } = engine;
    const executors = { delivery: createExecutor(opts), preview: opts.draftStore ? createExecutor({ ...opts, store: opts.draftStore }) : createExecutor(opts) };
    return { engine, executors, read: engine.createRequestReader() };
  }
  const authenticate = createAuthenticator(store, ['delivery', 'preview']);
  const contentVersion = singleFlight(() => store.changes.latest());
  const caching = opts.cache !== false;
  const caches = new Map<string, ResponseCache>();
  const cacheFor = (scope: Scope) => {
    const id = `${scope.spaceId}/${scope.environmentId}`;
    let cache = caches.get(id);
    if (!cache) caches.set(id, (cache = new ResponseCache((after, upTo) => changesBetween(store, scope, after, upTo))));
    return cache;
  };

  const send = (reply: FastifyReply, status: number, json: Buffer | string) =>
    reply.code(status).header('content-type', 'application/json; charset=utf-8').header('cache-control', 'max-age=0, must-revalidate').headers(cors).send(json);

  async function answer(request: FastifyRequest<{ Params: Params }>, reply: FastifyReply) {
    const named = { spaceId: request.params.spaceId, environmentId: request.params.environmentId ?? 'master' };
    const log = (err: unknown) => request.log.error({ err }, 'graphql resolver failed');
    const { engine, executors, read } = await (loading ??= load());
    try {
      const version = await contentVersion();
      const { key, environmentId } = await authenticate(request, named.spaceId, named.environmentId, version).catch((err: unknown) => {
        throw authRefusal(engine, err, request);
      });
      // An alias's id reads its target environment.
      const scope = { spaceId: named.spaceId, environmentId };
      const input = read(request);
      const canPreview = key.kind === 'preview';
      const executor = canPreview ? executors.preview : executors.delivery;
      if (!caching) {
        const { body } = await executor.run(input, scope, canPreview, request.id, log);
        return send(reply, 200, JSON.stringify(body));
      }
      let dep: ResponseDep | null = null;
      const cacheKey = JSON.stringify([key.kind, input.operationName ?? null, input.query, input.variables ?? null]);
      const { value, hit } = await cacheFor(scope).load(version, cacheKey, () => dep, async () => {
        const result = await executor.run(input, scope, canPreview, request.id, log);
        dep = result.dep;
        const json = Buffer.from(JSON.stringify(result.body));
        return { json, etag: etagOf(json) };
      });
      return send(reply.header('x-folio-cache', hit ? 'hit' : 'miss'), 200, value.json);
    } catch (err) {
      if (!(err instanceof engine.GraphqlRefusal)) throw err;
      return send(reply, err.status, JSON.stringify({ errors: err.errors.map((e) => engine.formatError(e, request.id, log)) }));
    }
  }

  for (const path of ['/graphql/content/v1/spaces/:spaceId', '/graphql/content/v1/spaces/:spaceId/environments/:environmentId']) {
    app.get<{ Params: Params }>(path, answer);
    app.post<{ Params: Params }>(path, answer);
    app.options(path, (_request, reply) => reply.code(204).headers(preflight).send());
  }
}
