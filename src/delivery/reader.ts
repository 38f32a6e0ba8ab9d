/**
 * The read operations behind the Delivery and Preview APIs, apart from HTTP: what a request
 * for entries, assets or content types answers. Routes add auth and caching headers.
 */
import { resolveLinks } from '../content/index.js';
import { FolioError } from '../errors/index.js';
import type { Store } from '../store/store.js';
import type { AssetRecord, EntryRecord, Json, LocaleRecord, Scope } from '../store/types.js';
import { chooseLocale } from './locales.js';
import { applySelect, parseDeliveryQuery } from './query.js';
import { assetJson, collection, entryJson, type SerializeContext } from './serialize.js';

export type ReadMode = 'delivery' | 'preview';

export function createReader(store: Store, publicUrl: string, mode: ReadMode) {
  const preview = mode === 'preview';
  const entries = {
    get: (scope: Scope, id: string) => (preview ? store.entries.get(scope, id) : store.entries.getPublished(scope, id)),
    list: preview ? store.entries.list.bind(store.entries) : store.entries.listPublished.bind(store.entries),
  };
  const assets = {
    get: (scope: Scope, id: string) => (preview ? store.assets.get(scope, id) : store.assets.getPublished(scope, id)),
    list: preview ? store.assets.list.bind(store.assets) : store.assets.listPublished.bind(store.assets),
  };

  /** The locale choice and the published content types every answer needs. */
  async function context(scope: Scope, localeParam: unknown): Promise<{ ctx: SerializeContext; locales: LocaleRecord[] }> {
    const [locales, types, tags] = await Promise.all([
      store.locales.list(scope),
      store.contentTypes.listPublished(scope, { limit: 1000 }),
      store.tags.list(scope, { visibility: 'public', limit: 1000 }),
    ]);
    const ctx: SerializeContext = {
      spaceId: scope.spaceId,
      environmentId: scope.environmentId,
      publicUrl,
      choice: chooseLocale(localeParam, locales),
      types: new Map(types.items.map((t) => [t.sys.id, t])),
      preview,
      publicTags: new Set(tags.items.map((t) => t.id)),
    };
    return { ctx, locales };
  }

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

  const notFound = (type: string, id: string) =>
    new FolioError('NOT_FOUND', 'The resource could not be found.', { details: { type, id } });

  return {
    context,

    async entries(scope: Scope, ctx: SerializeContext, query: Record<string, unknown>) {
      const q = await parseDeliveryQuery(query, ctx.types, ctx.choice, async (contentTypeId, where) =>
        (await entries.list(scope, { contentTypeId, where, limit: 1000 })).items.map((e) => e.sys.id),
      );
      const page = await entries.list(scope, q.list);
      return {
        ...collection(page.items.map((e) => applySelect(entryJson(ctx, e), q.select)), page),
        ...(await withIncludes(scope, ctx, page.items, q.include)),
      };
    },

    async entry(scope: Scope, ctx: SerializeContext, id: string) {
      const entry = await entries.get(scope, id);
      if (!entry) throw notFound('Entry', id);
      return entryJson(ctx, entry);
    },

    async assets(scope: Scope, ctx: SerializeContext, query: Record<string, unknown>) {
      const q = await parseDeliveryQuery(query, new Map(), ctx.choice, async () => []);
      const page = await assets.list(scope, q.list);
      return collection(page.items.map((a: AssetRecord) => applySelect(assetJson(ctx, a), q.select)), page);
    },

    async asset(scope: Scope, ctx: SerializeContext, id: string) {
      const asset = await assets.get(scope, id);
      if (!asset) throw notFound('Asset', id);
      return assetJson(ctx, asset);
    },

    notFound,
  };
}

export type Reader = ReturnType<typeof createReader>;

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
