/**
 * Content Delivery API (published content) and Content Preview API (latest drafts): one plugin,
 * registered twice, that differs only in which side of the store it reads.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { resolveLinks } from '../content/index.js';
import { FolioError } from '../errors/index.js';
import type { Store } from '../store/store.js';
import type { AssetRecord, ContentTypeRecord, EntryRecord, Json, Scope } from '../store/types.js';
import { authenticate } from './auth.js';
import { chooseLocale } from './locales.js';
import { applySelect, parseDeliveryQuery } from './query.js';
import { sync } from './sync.js';
import { assetJson, collection, contentTypeJson, entryJson, localeJson, spaceJson, type SerializeContext } from './serialize.js';

export interface DeliveryOptions {
  store: Store;
  publicUrl: string;
  /** delivery: published snapshots with a delivery token; preview: drafts with a preview token. */
  mode: 'delivery' | 'preview';
}

interface Params {
  spaceId: string;
  environmentId?: string;
  id?: string;
}

const contentType = 'application/vnd.contentful.delivery.v1+json; charset=utf-8';

export async function deliveryRoutes(app: FastifyInstance, opts: DeliveryOptions) {
  const { store, publicUrl, mode } = opts;
  const preview = mode === 'preview';
  const entries = {
    get: (scope: Scope, id: string) => (preview ? store.entries.get(scope, id) : store.entries.getPublished(scope, id)),
    list: preview ? store.entries.list.bind(store.entries) : store.entries.listPublished.bind(store.entries),
  };
  const assets = {
    get: (scope: Scope, id: string) => (preview ? store.assets.get(scope, id) : store.assets.getPublished(scope, id)),
    list: preview ? store.assets.list.bind(store.assets) : store.assets.listPublished.bind(store.assets),
  };

  /** Auth, scope, locale choice and the published content types every answer needs. */
  async function begin(request: FastifyRequest<{ Params: Params }>, options: { allLocales?: boolean } = {}) {
    const { spaceId, environmentId = 'master' } = request.params;
    await authenticate(store, request, mode, spaceId, environmentId);
    const scope = { spaceId, environmentId };
    const [locales, types] = await Promise.all([store.locales.list(scope), store.contentTypes.listPublished(scope, { limit: 1000 })]);
    const query = request.query as Record<string, unknown>;
    const ctx: SerializeContext = {
      spaceId,
      environmentId,
      publicUrl,
      // Sync always answers in every locale, as Contentful's does.
      choice: chooseLocale(options.allLocales ? '*' : query.locale, locales),
      types: new Map(types.items.map((t) => [t.sys.id, t])),
      preview,
    };
    return { scope, locales, ctx, query };
  }

  /** A body-derived ETag lets clients revalidate cheaply; content can change at any publish. */
  const send = (reply: FastifyReply, body: unknown) => {
    const json = JSON.stringify(body);
    const etag = `"${createHash('sha1').update(json).digest('base64url')}"`;
    reply.header('content-type', contentType).header('etag', etag).header('cache-control', 'max-age=0, must-revalidate');
    const ifNoneMatch = reply.request.headers['if-none-match'];
    if (ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) return reply.code(304).send();
    return reply.send(json);
  };
  const notFound = (type: string, id: string) =>
    new FolioError('NOT_FOUND', 'The resource could not be found.', { details: { type, id } });

  /** Contentful's includes: linked items not already in items, and links that go nowhere. */
  async function withIncludes(scope: Scope, ctx: SerializeContext, items: EntryRecord[], depth: number) {
    if (depth === 0 || items.length === 0) return {};
    const linked = await resolveLinks(store, scope, items, { depth, published: !preview });
    const inItems = new Set(items.map((e) => e.sys.id));
    const includedEntries = [...linked.entries.values()].filter((e) => !inItems.has(e.sys.id));
    const includedAssets = [...linked.assets.values()];
    const missing = unresolvable(items, linked);
    return {
      ...(includedEntries.length || includedAssets.length
        ? {
            includes: {
              ...(includedEntries.length ? { Entry: includedEntries.map((e) => entryJson(ctx, e)) } : {}),
              ...(includedAssets.length ? { Asset: includedAssets.map((a) => assetJson(ctx, a)) } : {}),
            },
          }
        : {}),
      ...(missing.length ? { errors: missing } : {}),
    };
  }

  const routes = (prefix: string) => {
    app.get<{ Params: Params }>(`${prefix}`, async (request, reply) => {
      const { scope, locales } = await begin(request);
      const space = await store.spaces.get(scope.spaceId);
      if (!space) throw notFound('Space', scope.spaceId);
      return send(reply, spaceJson(space, locales));
    });

    app.get<{ Params: Params }>(`${prefix}/entries`, async (request, reply) => {
      const { scope, ctx, query } = await begin(request);
      const q = await parseDeliveryQuery(query, ctx.types, ctx.choice, async (contentTypeId, where) =>
        (await entries.list(scope, { contentTypeId, where, limit: 1000 })).items.map((e) => e.sys.id),
      );
      const page = await entries.list(scope, q.list);
      const body = {
        ...collection(page.items.map((e) => applySelect(entryJson(ctx, e), q.select)), page),
        ...(await withIncludes(scope, ctx, page.items, q.include)),
      };
      return send(reply, body);
    });

    app.get<{ Params: Params & { id: string } }>(`${prefix}/entries/:id`, async (request, reply) => {
      const { scope, ctx } = await begin(request);
      const entry = await entries.get(scope, request.params.id);
      if (!entry) throw notFound('Entry', request.params.id);
      return send(reply, entryJson(ctx, entry));
    });

    app.get<{ Params: Params }>(`${prefix}/assets`, async (request, reply) => {
      const { scope, ctx, query } = await begin(request);
      const q = await parseDeliveryQuery(query, new Map(), ctx.choice, async () => []);
      const page = await assets.list(scope, q.list);
      return send(reply, collection(page.items.map((a: AssetRecord) => applySelect(assetJson(ctx, a), q.select)), page));
    });

    app.get<{ Params: Params & { id: string } }>(`${prefix}/assets/:id`, async (request, reply) => {
      const { scope, ctx } = await begin(request);
      const asset = await assets.get(scope, request.params.id);
      if (!asset) throw notFound('Asset', request.params.id);
      return send(reply, assetJson(ctx, asset));
    });

    app.get<{ Params: Params }>(`${prefix}/content_types`, async (request, reply) => {
      const { ctx } = await begin(request);
      const items = [...ctx.types.values()].map((t: ContentTypeRecord) => contentTypeJson(ctx, t));
      return send(reply, collection(items, { total: items.length, skip: 0, limit: 1000 }));
    });

    app.get<{ Params: Params & { id: string } }>(`${prefix}/content_types/:id`, async (request, reply) => {
      const { ctx } = await begin(request);
      const type = ctx.types.get(request.params.id);
      if (!type) throw notFound('ContentType', request.params.id);
      return send(reply, contentTypeJson(ctx, type));
    });

    app.get<{ Params: Params }>(`${prefix}/locales`, async (request, reply) => {
      const { locales } = await begin(request);
      const items = locales.filter((l) => l.contentDeliveryApi).map(localeJson);
      return send(reply, collection(items, { total: items.length, skip: 0, limit: 1000 }));
    });

    if (!preview) {
      app.get<{ Params: Params }>(`${prefix}/sync`, async (request, reply) => {
        const { scope, ctx, query } = await begin(request, { allLocales: true });
        const base = `${publicUrl}/delivery/spaces/${encodeURIComponent(scope.spaceId)}/environments/${encodeURIComponent(scope.environmentId)}`;
        return send(reply, await sync(store, scope, ctx, query, base));
      });
    }

    // Folio has no tags yet: an honest empty collection keeps getTags() working.
    app.get<{ Params: Params }>(`${prefix}/tags`, async (request, reply) => {
      await begin(request);
      return send(reply, collection([], { total: 0, skip: 0, limit: 100 }));
    });
  };

  routes(`/${mode}/spaces/:spaceId`);
  routes(`/${mode}/spaces/:spaceId/environments/:environmentId`);
}

function unresolvable(entries: EntryRecord[], linked: { entries: Map<string, unknown>; assets: Map<string, unknown> }) {
  const seen = new Set<string>();
  const out: Json[] = [];
  const visit = (v: Json) => {
    if (Array.isArray(v)) return v.forEach(visit);
    if (v && typeof v === 'object') {
      const sys = (v as { sys?: { type?: string; linkType?: string; id?: string } }).sys;
      if (sys?.type === 'Link' && (sys.linkType === 'Entry' || sys.linkType === 'Asset') && typeof sys.id === 'string') {
        const known = sys.linkType === 'Entry' ? linked.entries.has(sys.id) : linked.assets.has(sys.id);
        const key = `${sys.linkType}:${sys.id}`;
        if (!known && !seen.has(key)) {
          seen.add(key);
          out.push({ sys: { id: 'notResolvable', type: 'error' }, details: { type: 'Link', linkType: sys.linkType, id: sys.id } });
        }
        return;
      }
      Object.values(v).forEach((x) => visit(x as Json));
    }
  };
  for (const e of entries) visit(e.fields as Json);
  return out;
}
