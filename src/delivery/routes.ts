/**
 * Content Delivery API (published content) and Content Preview API (latest drafts): one plugin,
 * registered twice, that differs only in which side of the store it reads.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { changesBetween } from '../store/index.js';
import type { Store } from '../store/store.js';
import type { ContentTypeRecord } from '../store/types.js';
import { createAuthenticator } from './auth.js';
import { createReader } from './reader.js';
import { ResponseCache, etagOf, type CachedResponse, type ResponseDep } from './response-cache.js';
import { pagedCollection, queryInMemory, type MemoryModel } from '../contentful/index.js';
import { resourceNotFound } from '../errors/index.js';
import { contentTypeJson, localeJson, spaceJson, tagJson, type SerializeContext } from './serialize.js';
import { encodeAsync, negotiateEncoding } from '../http/encoding.js';
import type { FastPath } from '../http/fast-path.js';
import { singleFlight } from '../http/flights.js';
import type { ContentVersion } from '../store/index.js';
import { stringifyInSlices } from '../http/slices.js';
import { sync } from './sync.js';
import { assetKeyExpiry, createAssetKey, embargoOff } from '../images/index.js';
import { RawJson } from './fragments.js';

export interface DeliveryOptions {
  store: Store;
  publicUrl: string;
  /** delivery: published snapshots with a delivery token; preview: drafts with a preview token. */
  mode: 'delivery' | 'preview';
  /** Keep delivery responses in memory until content changes (default on; preview never caches). */
  cache?: boolean;
  /** Told the response cache once (when there is one), for /metrics. */
  observe?: (status: { responseCache: { readonly size: number } }) => void;
  /** The app's content version; read from the store per request without it. */
  version?: ContentVersion;
  /** Where cached answers are offered for replay before routing. */
  fastPath?: FastPath;
  /** Set when embargoed assets are on: the key asset keys are signed with (the image signing key). */
  assetKeySigningKey?: string;
}

interface Params {
  spaceId: string;
  environmentId?: string;
  id?: string;
}

const contentType = 'application/vnd.contentful.delivery.v1+json; charset=utf-8';
/** What each small collection can be queried and ordered by (`locale` is read by every route). */
const contentTypeModel: MemoryModel = {
  paths: { 'sys.id': 'text', 'sys.createdAt': 'date', 'sys.updatedAt': 'date', 'sys.revision': 'number', name: 'text', description: 'text', displayField: 'text' },
  fullText: ['name', 'description'],
  ignore: ['locale'],
};
const tagModel: MemoryModel = {
  paths: { 'sys.id': 'text', 'sys.type': 'text', 'sys.visibility': 'text', 'sys.createdAt': 'date', 'sys.updatedAt': 'date', 'sys.version': 'number', name: 'text' },
  ignore: ['locale'],
};
const localeModel: MemoryModel = { paths: {}, ignore: ['locale'] };


export async function deliveryRoutes(app: FastifyInstance, opts: DeliveryOptions) {
  const { store, publicUrl, mode } = opts;
  const preview = mode === 'preview';
  const reader = createReader(store, publicUrl, mode);
  // Drafts change without a publish, so only delivery answers are cached. One cache per
  // environment (each follows its own change log); only environments a token was granted for.
  const caching = !preview && opts.cache !== false;
  const caches = new Map<string, ResponseCache>();
  const cacheFor = (scope: { spaceId: string; environmentId: string }) => {
    const id = `${scope.spaceId}/${scope.environmentId}`;
    let cache = caches.get(id);
    if (!cache) caches.set(id, (cache = new ResponseCache((after, upTo) => changesBetween(store, scope, after, upTo))));
    return cache;
  };
  // For /metrics: the answers held across every environment's cache.
  if (caching) opts.observe?.({ responseCache: { get size() { let n = 0; for (const c of caches.values()) n += c.size; return n; } } });
  const authenticate = createAuthenticator(store, mode);
  const { version: known } = opts;
  const contentVersion = known ? () => known.current() : singleFlight(() => store.changes.latest());
  // Replayed answers stand while their cache keeps them; after a change every cache marks what it drops first.
  if (caching && opts.fastPath) {
    const unfollow = opts.fastPath.follow(async () => {
      const version = await contentVersion();
      await Promise.all([...caches.values()].map((cache) => cache.catchUp(version)));
    });
    app.addHook('onClose', async () => unfollow());
  }

  const scopeOf = (request: FastifyRequest<{ Params: Params }>) => ({
    spaceId: request.params.spaceId,
    environmentId: request.params.environmentId ?? 'master',
  });

  /** Checks the token; the content version it was checked at also keys the response cache. */
  async function authorize(request: FastifyRequest<{ Params: Params }>) {
    const named = scopeOf(request);
    const version = await contentVersion();
    const { environmentId } = await authenticate(request, named.spaceId, named.environmentId, version);
    // Rows are read from the environment the id resolved to; answers name the id the client used.
    return { scope: { spaceId: named.spaceId, environmentId }, named, version };
  }

  /** Auth, scope, and the context every answer needs. */
  async function begin(request: FastifyRequest<{ Params: Params }>, options: { allLocales?: boolean } = {}) {
    const { scope, named } = await authorize(request);
    const query = request.query as Record<string, unknown>;
    // Sync always answers in every locale, as Contentful's does.
    const { ctx, locales } = await reader.context(scope, options.allLocales ? '*' : query.locale, named.environmentId);
    return { scope, named, locales, ctx, query };
  }

  /** An ETag lets clients revalidate cheaply; content can change at any publish. */
  const sendJson = (reply: FastifyReply, answer: CachedResponse) => {
    const { json, etag } = answer;
    reply.header('content-type', contentType).header('etag', etag).header('cache-control', 'max-age=0, must-revalidate');
    const ifNoneMatch = reply.request.headers['if-none-match'];
    if (ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) return reply.code(304).send();
    if (!answer.gzip && !answer.br) return reply.send(json);
    reply.header('vary', 'Accept-Encoding');
    const coding = negotiateEncoding(reply.request.headers['accept-encoding'], answer);
    if (coding === 'identity') return reply.send(json);
    return reply.header('content-encoding', coding).send(answer[coding]);
  };
  /**
   * The bytes and their ETag. Fragment pages come as JSON bytes already, with an ETag made from
   * what determines them (fragments.ts), so a 758 KiB page is not hashed per request; cached or
   * not, one state of one URL has one ETag.
   */
  const encoded = async (body: unknown): Promise<CachedResponse> => {
    if (body instanceof RawJson) return { json: body.bytes, etag: body.etag ?? etagOf(body.bytes) };
    const json = Buffer.from(await stringifyInSlices(body));
    return { json, etag: etagOf(json) };
  };
  const send = async (reply: FastifyReply, body: unknown) => sendJson(reply, await encoded(body));

  /**
   * Answers from the cache, which drops an answer when what it shows changed since (`dep`: one
   * entry or asset, or undefined for a list); else computes once and keeps. Auth has run
   * already, at `contentVersionAtAuth`; the context is built only on a miss.
   */
  async function cached(
    request: FastifyRequest<{ Params: Params }>,
    reply: FastifyReply,
    { scope, named, version: contentVersionAtAuth }: Awaited<ReturnType<typeof authorize>>,
    dep: ResponseDep,
    compute: (ctx: SerializeContext) => Promise<unknown>,
  ) {
    const context = () => contextAt(scope, (request.query as Record<string, unknown>).locale, named.environmentId, contentVersionAtAuth);
    if (!caching) return send(reply, await compute(await context()));
    const url = new URL(request.url, 'http://folio');
    url.searchParams.delete('access_token');
    url.searchParams.sort();
    const key = `${url.pathname}?${url.searchParams}`;
    const { value, hit, standing } = await cacheFor(scope).load(contentVersionAtAuth, key, dep, async () => {
      const { json, etag } = await encoded(await compute(await context()));
      // Cached bodies are sent many times: compressed once, here, as a CDN keeps its copies.
      const { gzip, br } = await encodeAsync(json);
      return { json, etag, ...(gzip ? { gzip } : {}), ...(br ? { br } : {}) };
    });
    // The token is part of what the answer varies on: a replay needs the very credentials this request passed.
    opts.fastPath?.offer(request.raw, reply.raw, { route: request.routeOptions.url ?? request.url, vary: ['accept-encoding', 'authorization'], encodings: value, cacheHeader: 'x-folio-cache', standing });
    return sendJson(reply.header('x-folio-cache', hit ? 'hit' : 'miss'), value);
  }
  const notFound = resourceNotFound;

  /**
   * The context at one content version, read once for every request at that version: locales
   * and the published model move the version when they change, and a tag reaches an answer
   * only on a published item, so nothing in it changes without the version moving (the same
   * ground the response cache stands on).
   */
  const contexts = new Map<string, { version: number; ctx: Promise<SerializeContext> }>();
  const maxContexts = 256;
  function contextAt(scope: { spaceId: string; environmentId: string }, locale: unknown, named: string, version: number) {
    const read = async () => (await reader.context(scope, locale, named)).ctx;
    if (locale !== undefined && typeof locale !== 'string') return read();
    const key = `${scope.spaceId}\u0000${scope.environmentId}\u0000${named}\u0000${locale ?? ''}`;
    const known = contexts.get(key);
    if (known?.version === version) return known.ctx;
    if (contexts.size >= maxContexts) contexts.clear();
    const ctx = read();
    contexts.set(key, { version, ctx });
    // A refused locale is not kept: the next request asks again.
    ctx.catch(() => contexts.get(key)?.ctx === ctx && contexts.delete(key));
    return ctx;
  }

  const routes = (prefix: string) => {
    // Asset keys, as on the Management API: any key that reads this environment may sign its files' URLs.
    app.post<{ Params: Params }>(`${prefix}/asset_keys`, async (request) => {
      const { scope } = await authorize(request);
      if (!opts.assetKeySigningKey) throw embargoOff();
      return createAssetKey(scope.spaceId, assetKeyExpiry(request.body), opts.assetKeySigningKey);
    });
    app.get<{ Params: Params }>(`${prefix}`, async (request, reply) => {
      const { scope, locales } = await begin(request);
      const space = await store.spaces.get(scope.spaceId);
      if (!space) throw notFound('Space', scope.spaceId);
      return send(reply, spaceJson(space, locales));
    });

    app.get<{ Params: Params }>(`${prefix}/entries`, async (request, reply) => {
      const auth = await authorize(request);
      return cached(request, reply, auth, undefined, (ctx) => reader.entriesJson(auth.scope, ctx, request.query as Record<string, unknown>, request.url));
    });

    app.get<{ Params: Params & { id: string } }>(`${prefix}/entries/:id`, async (request, reply) => {
      const auth = await authorize(request);
      return cached(request, reply, auth, `Entry:${request.params.id}`, (ctx) => reader.entry(auth.scope, ctx, request.params.id));
    });

    app.get<{ Params: Params }>(`${prefix}/assets`, async (request, reply) => {
      const auth = await authorize(request);
      return cached(request, reply, auth, undefined, (ctx) => reader.assets(auth.scope, ctx, request.query as Record<string, unknown>, request.url));
    });

    app.get<{ Params: Params & { id: string } }>(`${prefix}/assets/:id`, async (request, reply) => {
      const auth = await authorize(request);
      return cached(request, reply, auth, `Asset:${request.params.id}`, (ctx) => reader.asset(auth.scope, ctx, request.params.id));
    });

    app.get<{ Params: Params }>(`${prefix}/content_types`, async (request, reply) => {
      const { ctx, query } = await begin(request);
      const page = queryInMemory(query, contentTypeModel, [...ctx.types.values()].map((t: ContentTypeRecord) => contentTypeJson(ctx, t)));
      return send(reply, pagedCollection(page.items, page, page.request, request.url));
    });

    app.get<{ Params: Params & { id: string } }>(`${prefix}/content_types/:id`, async (request, reply) => {
      const { ctx } = await begin(request);
      const type = ctx.types.get(request.params.id);
      if (!type) throw notFound('ContentType', request.params.id);
      return send(reply, contentTypeJson(ctx, type));
    });

    app.get<{ Params: Params }>(`${prefix}/locales`, async (request, reply) => {
      const { locales, query } = await begin(request);
      const page = queryInMemory(query, localeModel, locales.filter((l) => l.contentDeliveryApi).map(localeJson));
      return send(reply, pagedCollection(page.items, page, page.request, request.url));
    });

    // Preview syncs drafts: see previewSync.
    app.get<{ Params: Params }>(`${prefix}/sync`, async (request, reply) => {
      const { scope, named, ctx, query } = await begin(request, { allLocales: true });
      const base = `${publicUrl}/${mode}/spaces/${encodeURIComponent(scope.spaceId)}/environments/${encodeURIComponent(named.environmentId)}`;
      return send(reply, await sync(store, scope, ctx, query, base));
    });

    // Only public tags exist for the read APIs, as in Contentful.
    app.get<{ Params: Params }>(`${prefix}/tags`, async (request, reply) => {
      const { scope, ctx, query } = await begin(request);
      const all = await store.tags.list(scope, { visibility: 'public', limit: 1000 });
      const page = queryInMemory(query, tagModel, all.items.map((t) => tagJson(ctx, t)));
      return send(reply, pagedCollection(page.items, page, page.request, request.url));
    });

    app.get<{ Params: Params & { id: string } }>(`${prefix}/tags/:id`, async (request, reply) => {
      const { scope, ctx } = await begin(request);
      const tag = await store.tags.get(scope, request.params.id);
      if (!tag || tag.visibility !== 'public') throw notFound('Tag', request.params.id);
      return send(reply, tagJson(ctx, tag));
    });
  };

  routes(`/${mode}/spaces/:spaceId`);
  routes(`/${mode}/spaces/:spaceId/environments/:environmentId`);
}
