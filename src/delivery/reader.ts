/**
 * The read operations behind the Delivery and Preview APIs, apart from HTTP: what a request
 * for entries, assets or content types answers. Routes add auth and caching headers.
 */
import { resolveLinks, type LinkedItems } from '../content/index.js';
import { applySelect, chooseLocale, pagedCollection, parseContentQuery, selectsLinks } from '../contentful/index.js';
import { resourceNotFound } from '../errors/index.js';
import type { Store } from '../store/store.js';
import type { AssetRecord, EntryRecord, Json, ListQuery, LocaleRecord, Scope } from '../store/types.js';
import { assetJson, entryJson, type SerializeContext } from './serialize.js';
import { eachInSlices, mapInSlices } from '../http/slices.js';
import { createFragmentPages, type RawJson } from './fragments.js';

export type ReadMode = 'delivery' | 'preview';

export function createReader(store: Store, publicUrl: string, mode: ReadMode) {
  const preview = mode === 'preview';
  // Preview shows the latest drafts, except archived ones (as Contentful's Preview API does).
  const unlessArchived = <T extends { sys: { archivedAt: string | null } }>(item: T | undefined) => (item?.sys.archivedAt ? undefined : item);
  /** Reads from `view`: the store, or one snapshot of it for an answer read in several statements. */
  const side = (view: Store) => ({
    entries: {
      get: async (scope: Scope, id: string) => (preview ? unlessArchived(await view.entries.get(scope, id)) : view.entries.getPublished(scope, id)),
      list: (scope: Scope, query: ListQuery) => (preview ? view.entries.list(scope, { ...query, excludeArchived: true }) : view.entries.listPublished(scope, query)),
    },
    assets: {
      get: async (scope: Scope, id: string) => (preview ? unlessArchived(await view.assets.get(scope, id)) : view.assets.getPublished(scope, id)),
      list: (scope: Scope, query: ListQuery) => (preview ? view.assets.list(scope, { ...query, excludeArchived: true }) : view.assets.listPublished(scope, query)),
    },
  });
  const { entries, assets } = side(store);
  const fragmentPages = createFragmentPages(store);

  /** The locale choice and the published content types every answer needs. */
  /** `named`: the environment id the request used (an alias's, when it came through one). */
  async function context(scope: Scope, localeParam: unknown, named = scope.environmentId): Promise<{ ctx: SerializeContext; locales: LocaleRecord[] }> {
    const [locales, types, tags] = await Promise.all([
      store.locales.list(scope),
      store.contentTypes.listPublished(scope, { limit: 1000 }),
      store.tags.list(scope, { visibility: 'public', limit: 1000 }),
    ]);
    const ctx: SerializeContext = {
      spaceId: scope.spaceId,
      environmentId: named,
      publicUrl,
      choice: chooseLocale(localeParam, locales),
      types: new Map(types.items.map((t) => [t.sys.id, t])),
      preview,
      publicTags: new Set(tags.items.map((t) => t.id)),
    };
    return { ctx, locales };
  }

  /** Contentful's includes: linked items not already in items, and links that go nowhere. */
  async function withIncludes(ctx: SerializeContext, items: EntryRecord[], linked: LinkedItems | undefined) {
    if (!linked) return {};
    const inItems = new Set(items.map((e) => e.sys.id));
    const includedEntries = [...linked.entries.values()].filter((e) => !inItems.has(e.sys.id));
    const includedAssets = [...linked.assets.values()];
    const missing = await unresolvable(items, linked);
    return {
      ...(includedEntries.length || includedAssets.length
        ? {
            includes: {
              ...(includedEntries.length ? { Entry: await mapInSlices(includedEntries, (e) => entryJson(ctx, e)) } : {}),
              ...(includedAssets.length ? { Asset: await mapInSlices(includedAssets, (a) => assetJson(ctx, a)) } : {}),
            },
          }
        : {}),
      ...(missing.length ? { errors: missing } : {}),
    };
  }

  return {
    context,
    /** Records as this mode sees them (published, or drafts without archived ones), from the store or a snapshot of it. */
    records: side,

    /** `entries`, joined from stored fragments where they can serve it (see fragments.ts): its JSON text. */
    async entriesJson(scope: Scope, ctx: SerializeContext, query: Record<string, unknown>, url: string): Promise<RawJson | object> {
      return (await fragmentPages.entries(scope, ctx, query, url)) ?? this.entries(scope, ctx, query, url);
    },

    /** `url` is the request's own path and query: cursor pages link to their neighbours with it. */
    async entries(scope: Scope, ctx: SerializeContext, query: Record<string, unknown>, url: string) {
      // The page, the reference query before it and the includes after it: one moment's data.
      const { q, page, linked } = await store.snapshot(async (view) => {
        const { entries } = side(view);
        const q = await parseContentQuery(query, ctx.types, ctx.choice, async (contentTypeId, where) =>
          (await entries.list(scope, { contentTypeId, where, limit: 1000 })).items.map((e) => e.sys.id),
        );
        const page = await entries.list(scope, q.list);
        // A select without link fields shows no links, so nothing to include.
        const resolve = q.include > 0 && page.items.length > 0 && selectsLinks(q.select, q.list.contentTypeId === undefined ? undefined : ctx.types.get(q.list.contentTypeId));
        const linked = resolve ? await resolveLinks(view, scope, page.items, { depth: q.include, published: !preview, assetsOfLastLevel: true }) : undefined;
        return { q, page, linked };
      });
      return {
        ...pagedCollection(await mapInSlices(page.items, (e) => applySelect(entryJson(ctx, e), q.select)), page, q.page, url),
        ...(await withIncludes(ctx, page.items, linked)),
      };
    },

    async entry(scope: Scope, ctx: SerializeContext, id: string) {
      const entry = await entries.get(scope, id);
      if (!entry) throw resourceNotFound('Entry', id);
      return entryJson(ctx, entry);
    },

    async assets(scope: Scope, ctx: SerializeContext, query: Record<string, unknown>, url: string) {
      const q = await parseContentQuery(query, new Map(), ctx.choice, async () => [], 'Asset');
      const page = await assets.list(scope, q.list);
      return pagedCollection(await mapInSlices(page.items, (a: AssetRecord) => applySelect(assetJson(ctx, a), q.select)), page, q.page, url);
    },

    async asset(scope: Scope, ctx: SerializeContext, id: string) {
      const asset = await assets.get(scope, id);
      if (!asset) throw resourceNotFound('Asset', id);
      return assetJson(ctx, asset);
    },

  };
}

export type Reader = ReturnType<typeof createReader>;

async function unresolvable(entries: EntryRecord[], linked: LinkedItems) {
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
  await eachInSlices(entries, (e) => visit(e.fields as Json));
  return out;
}
