/**
 * Follows Link values (in fields, arrays and rich text) from a set of entries, level by level,
 * as Contentful's `include` does. One query per level and kind, not one per link.
 */
import type { Store } from '../store/store.js';
import type { AssetRecord, EntryRecord, Json, Scope } from '../store/types.js';
import * as is from '../validate/is.js';

export interface LinkedItems {
  entries: Map<string, EntryRecord>;
  assets: Map<string, AssetRecord>;
}

function collectLinks(value: Json, out: { Entry: Set<string>; Asset: Set<string> }): void {
  if (Array.isArray(value)) {
    for (const v of value) collectLinks(v, out);
  } else if (is.plainObject(value)) {
    const sys = value.sys;
    if (is.plainObject(sys) && sys.type === 'Link' && is.string(sys.id) && (sys.linkType === 'Entry' || sys.linkType === 'Asset')) {
      out[sys.linkType].add(sys.id);
      return;
    }
    for (const v of Object.values(value)) collectLinks(v as Json, out);
  }
}

export async function resolveLinks(
  store: Store,
  scope: Scope,
  roots: EntryRecord[],
  options: { depth: number; published: boolean },
): Promise<LinkedItems> {
  const found: LinkedItems = { entries: new Map(roots.map((e) => [e.sys.id, e])), assets: new Map() };
  const entries = options.published ? store.entries.listPublished.bind(store.entries) : store.entries.list.bind(store.entries);
  const assets = options.published ? store.assets.listPublished.bind(store.assets) : store.assets.list.bind(store.assets);
  let frontier = roots;
  for (let level = 0; level < options.depth && frontier.length > 0; level++) {
    const links = { Entry: new Set<string>(), Asset: new Set<string>() };
    for (const e of frontier) collectLinks(e.fields as Json, links);
    const entryIds = [...links.Entry].filter((id) => !found.entries.has(id));
    const assetIds = [...links.Asset].filter((id) => !found.assets.has(id));
    const [newEntries, newAssets] = await Promise.all([
      entryIds.length ? entries(scope, { where: [{ sys: 'id', op: 'in', values: entryIds }], limit: 1000 }) : undefined,
      assetIds.length ? assets(scope, { where: [{ sys: 'id', op: 'in', values: assetIds }], limit: 1000 }) : undefined,
    ]);
    for (const a of newAssets?.items ?? []) found.assets.set(a.sys.id, a);
    frontier = newEntries?.items ?? [];
    for (const e of frontier) found.entries.set(e.sys.id, e);
  }
  return found;
}
