/**
 * What a reference field may link to, searched on the server (every entry of the allowed
 * types, not a recent few): entries whose display field matches the words come first, then
 * entries matching them elsewhere, each newest first; paged in SQL.
 */
import { assertCan, type Actor } from '../auth/index.js';
import type { AssetRecord, Condition, ContentTypeRecord, EntryRecord } from '../store/types.js';
import { mediaConditions, mediaFiltersOf, mimeGroupsCondition } from './media-filters.js';
import type { AdminContext } from './context.js';
import * as ops from './operations.js';
import { statusOf } from './status.js';

/** Candidates per page of the picker. */
export const linksPerPage = 20;

export interface LinkSearch {
  q: string;
  /** The field's allowed content types; empty: any type. */
  types: readonly string[];
  page: number;
}

export interface LinkSearchPage {
  items: EntryRecord[];
  more: boolean;
  types: Map<string, ContentTypeRecord>;
  statusOf: (e: EntryRecord) => ReturnType<typeof statusOf>;
}

const newestFirst = [{ sys: 'updatedAt' as const, direction: 'desc' as const }];

export async function searchLinkable(ctx: AdminContext, actor: Actor, search: LinkSearch): Promise<LinkSearchPage> {
  assertCan(actor, 'read');
  const types = new Map((await ops.listContentTypes(ctx)).map((t) => [t.sys.id, t]));
  const allowed = search.types.length ? search.types.filter((t) => types.has(t)) : [...types.keys()];
  const scheduled = await ops.scheduledPublishIds(ctx, actor);
  const page: LinkSearchPage = { items: [], more: false, types, statusOf: (e) => statusOf(e.sys, { scheduled: scheduled.has(e.sys.id) }) };
  if (allowed.length === 0) return page;
  const only: Condition[] = search.types.length ? [{ sys: 'contentType', op: 'in', values: allowed }] : [];
  const skip = (search.page - 1) * linksPerPage;
  // One more than a page tells whether there is a next one.
  const want = linksPerPage + 1;
  const list = (where: Condition[], from: number, limit: number) => ctx.store.entries.list(ctx.scope, { where, order: newestFirst, skip: from, limit });
  if (!search.q) {
    const found = await list(only, skip, want);
    return { ...page, items: found.items.slice(0, linksPerPage), more: found.items.length > linksPerPage };
  }
  const titled = allowed.flatMap((t) => {
    const field = types.get(t)?.displayField;
    return field ? [[{ sys: 'contentType', op: 'eq', value: t } as Condition, { op: 'match', text: search.q, field } as Condition]] : [];
  });
  const inTitle: Condition = { op: 'any', of: titled };
  const first = await list([...only, inTitle], skip, want);
  const rest = first.items.length >= want ? undefined : await list([...only, { op: 'match', text: search.q }, { op: 'not', condition: inTitle }], Math.max(0, skip - first.total), want - first.items.length);
  const items = [...first.items, ...(rest?.items ?? [])];
  return { ...page, items: items.slice(0, linksPerPage), more: items.length > linksPerPage };
}

/** Assets a media field may link to: by words in the title, alt text or file name, newest first, of the kinds it allows. */
export async function searchLinkableAssets(ctx: AdminContext, actor: Actor, search: { q: string; mimeGroups: readonly string[]; page: number }): Promise<{ items: AssetRecord[]; more: boolean }> {
  const where = mediaConditions(mediaFiltersOf({ q: search.q }), ctx.locale);
  if (search.mimeGroups.length) where.push(mimeGroupsCondition(search.mimeGroups, ctx.locale));
  // One more than a page tells whether there is a next one.
  const found = await ops.listAssets(ctx, actor, { page: 1, perPage: linksPerPage + 1, where, skip: (search.page - 1) * linksPerPage });
  return { items: found.items.slice(0, linksPerPage), more: found.items.length > linksPerPage };
}
