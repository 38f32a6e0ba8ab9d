/**
 * Follows Link values (in fields, arrays and rich text) from a set of entries, level by level,
 * as Contentful's `include` does. One query per level and kind, not one per link.
 */
import type { Store } from '../store/store.js';
import type { AssetRecord, EntryRecord, Json, ListQuery, Page, Scope } from '../store/types.js';
import { linksIn } from '../store/index.js';

export interface LinkedItems {
  entries: Map<string, EntryRecord>;
  assets: Map<string, AssetRecord>;
}


/** Items by id, one query per thousand (the store's page limit caps one query). */
const chunkSize = 1000;
export function byIds<T>(list: (scope: Scope, query: ListQuery) => Promise<Page<T>>) {
  return async (scope: Scope, ids: string[]): Promise<T[]> => {
    const out: T[] = [];
    for (let i = 0; i < ids.length; i += chunkSize) {
      const values = ids.slice(i, i + chunkSize);
      out.push(...(await list(scope, { where: [{ sys: 'id', op: 'in', values }], limit: values.length })).items);
    }
    return out;
  };
}

export async function resolveLinks(
  store: Store,
  scope: Scope,
  roots: EntryRecord[],
  options: { depth: number; published: boolean; /** Contentful's way: assets of the deepest entries come too. */ assetsOfLastLevel?: boolean },
): Promise<LinkedItems> {
  const found: LinkedItems = { entries: new Map(roots.map((e) => [e.sys.id, e])), assets: new Map() };
  const entries = byIds(options.published ? store.entries.listPublished.bind(store.entries) : store.entries.list.bind(store.entries));
  const assets = byIds(options.published ? store.assets.listPublished.bind(store.assets) : store.assets.list.bind(store.assets));
  let frontier = roots;
  for (let level = 0; level < options.depth && frontier.length > 0; level++) {
    const links = { Entry: new Set<string>(), Asset: new Set<string>() };
    for (const e of frontier) for (const l of linksIn(e.fields as Json)) links[l.linkType].add(l.id);
    const entryIds = [...links.Entry].filter((id) => !found.entries.has(id));
    const assetIds = [...links.Asset].filter((id) => !found.assets.has(id));
    const [newEntries, newAssets] = await Promise.all([entries(scope, entryIds), assets(scope, assetIds)]);
    for (const a of newAssets) found.assets.set(a.sys.id, a);
    frontier = newEntries;
    for (const e of frontier) found.entries.set(e.sys.id, e);
  }
  if (options.assetsOfLastLevel && options.depth > 0) {
    const assetIds = new Set<string>();
    for (const e of frontier) for (const l of linksIn(e.fields as Json)) if (l.linkType === 'Asset' && !found.assets.has(l.id)) assetIds.add(l.id);
    for (const a of await assets(scope, [...assetIds])) found.assets.set(a.sys.id, a);
  }
  return found;
}
