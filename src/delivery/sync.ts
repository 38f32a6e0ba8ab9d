/**
 * The Sync API: an initial snapshot of what is published, paged, then deltas (publishes and
 * deletions) since a token, newest change first as in Contentful. A token is a window of the
 * sync log (after, upTo], how far down it has been delivered, and the filters it was made with.
 * On the Preview API the same requests sync drafts: see previewSync.
 */
import { deletedSys, integerParam } from '../contentful/index.js';
import { FolioError } from '../errors/index.js';
import type { Store } from '../store/store.js';
import type { AssetRecord, ChangeRecord, Condition, EntryRecord, Scope } from '../store/types.js';
import * as is from '../validate/is.js';
import { assetJson, entryJson, type SerializeContext } from './serialize.js';
import { mapInSlices } from '../http/slices.js';

const syncTypes = ['all', 'Entry', 'Asset', 'Deletion', 'DeletedEntry', 'DeletedAsset'] as const;
type SyncType = (typeof syncTypes)[number];

interface SyncToken {
  /** Log position already delivered: the window starts after it. */
  s: number;
  /** The window's end, fixed at the first page of a sync. */
  m?: number;
  /** Pages go newest first: the next page starts at or below this position. */
  b?: number;
  /** An initial sync: a snapshot of what exists, no deletions in it. */
  i?: 1;
  t: SyncType;
  c?: string;
  /** Preview only: drafts changed after this time, and how many of them were delivered. */
  p?: { since?: string; at?: string; o: number };
}

const encode = (t: SyncToken) => Buffer.from(JSON.stringify(t)).toString('base64url');
const optionalInt = (v: unknown) => v === undefined || (is.integer(v) && v >= 0);
const validPreview = (p: SyncToken['p']) =>
  p === undefined || (is.plainObject(p) && (p.at === undefined || is.string(p.at)) && (p.since === undefined || is.string(p.since)) && is.integer(p.o) && p.o >= 0);

function decode(raw: string): SyncToken {
  try {
    const t = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as SyncToken;
    if (is.integer(t.s) && t.s >= 0 && is.oneOf(t.t, syncTypes) && optionalInt(t.m) && optionalInt(t.b) && (t.i === undefined || t.i === 1) && (t.c === undefined || is.string(t.c)) && validPreview(t.p)) return t;
  } catch {
    // falls through to the error below
  }
  throw new FolioError('BAD_REQUEST', 'The sync_token is not valid', { details: { parameter: 'sync_token' } });
}

const kindsFor = (t: SyncType): Array<'Entry' | 'Asset'> | undefined =>
  t === 'Entry' || t === 'DeletedEntry' ? ['Entry'] : t === 'Asset' || t === 'DeletedAsset' ? ['Asset'] : undefined;

/** Which rows a type wants: live items, deletions, or both. */
const wants = (t: SyncType, c: ChangeRecord) => (t === 'all' || t === 'Entry' || t === 'Asset' ? true : c.deleted);

function parseStart(query: Record<string, unknown>): SyncToken {
  if (query.sync_token !== undefined) return decode(String(query.sync_token));
  if (query.initial !== 'true') throw new FolioError('BAD_REQUEST', 'Use initial=true or a sync_token', { details: { parameter: 'initial' } });
  const type = query.type === undefined ? 'all' : String(query.type);
  if (!is.oneOf(type, syncTypes)) is.invalid('type', `one of ${syncTypes.join(', ')}`, type, 'BAD_REQUEST');
  const c = query.content_type === undefined ? undefined : String(query.content_type);
  if (c !== undefined && type !== 'Entry') throw new FolioError('BAD_REQUEST', 'content_type needs type=Entry', { details: { parameter: 'content_type' } });
  return { s: 0, i: 1, t: type, ...(c !== undefined ? { c } : {}) };
}

const syncLimit = (query: Record<string, unknown>) => integerParam('limit', query.limit, 1, 1000, 100);

const answer = (items: object[], baseUrl: string, next: SyncToken, more: boolean) => {
  const url = `${baseUrl}/sync?sync_token=${encode(next)}`;
  return { sys: { type: 'Array' }, items, ...(more ? { nextPageUrl: url } : { nextSyncUrl: url }) };
};

export async function sync(store: Store, scope: Scope, ctx: SerializeContext, query: Record<string, unknown>, baseUrl: string) {
  const token = parseStart(query);
  if (ctx.preview) return previewSync(store, scope, ctx, token, syncLimit(query), baseUrl);
  const limit = syncLimit(query);
  // The window's end, the page of the log and the items it names: one moment's data.
  const { upTo, rows, found } = await store.snapshot(async (view) => {
    const upTo = token.m ?? (await view.changes.latest());
    const rows = await view.changes.list(scope, {
      after: token.s,
      upTo: token.b ?? upTo,
      limit,
      newestFirst: true,
      ...(kindsFor(token.t) ? { kinds: kindsFor(token.t)! } : {}),
      ...(token.c !== undefined ? { contentTypeId: token.c } : {}),
      includeDeleted: token.i !== 1,
    });
    return { upTo, rows, found: await read(view, scope, rows) };
  });
  const items = await render(ctx, rows.filter((r) => wants(token.t, r)), found);
  const more = rows.length === limit;
  const filters = { t: token.t, ...(token.c !== undefined ? { c: token.c } : {}) };
  const next: SyncToken = more ? { s: token.s, m: upTo, b: rows.at(-1)!.seq - 1, ...(token.i ? { i: 1 as const } : {}), ...filters } : { s: upTo, ...filters };
  return answer(items, baseUrl, next, more);
}

/** The published items a page of the log names, by id. */
async function read(view: Store, scope: Scope, rows: ChangeRecord[]) {
  const ids = (kind: 'Entry' | 'Asset') => rows.filter((r) => r.kind === kind && !r.deleted).map((r) => r.id);
  const byId = <T extends { sys: { id: string } }>(page: { items: T[] }) => new Map(page.items.map((i) => [i.sys.id, i]));
  // One after the other: in a snapshot both run on one connection.
  const entryIds = ids('Entry');
  const entries = entryIds.length ? byId(await view.entries.listPublished(scope, { where: [{ sys: 'id', op: 'in', values: entryIds }], limit: 1000 })) : new Map<string, EntryRecord>();
  const assetIds = ids('Asset');
  const assets = assetIds.length ? byId(await view.assets.listPublished(scope, { where: [{ sys: 'id', op: 'in', values: assetIds }], limit: 1000 })) : new Map<string, AssetRecord>();
  return { entries, assets };
}

async function render(ctx: SerializeContext, rows: ChangeRecord[], found: { entries: Map<string, EntryRecord>; assets: Map<string, AssetRecord> }) {
  const items = await mapInSlices(rows, (r): object | undefined => {
    if (r.deleted) return { sys: deletedSys(ctx, r.kind, { ...r.sys, id: r.id, createdAt: r.sys.firstPublishedAt ?? r.sys.createdAt }, r.changedAt) };
    // Unpublished again after this page was chosen: the next delta reports the deletion.
    if (r.kind === 'Entry') {
      const entry = found.entries.get(r.id);
      return entry && entryJson(ctx, entry);
    }
    const asset = found.assets.get(r.id);
    return asset && assetJson(ctx, asset);
  });
  return items.filter((item) => item !== undefined);
}

/**
 * Sync on the Preview API: the latest drafts (archived ones left out, as Preview does), newest
 * update first, entries then assets. A delta token brings the drafts changed since the sync that
 * made it; drafts leave no trace when deleted, so preview deltas carry no deletions.
 */
async function previewSync(store: Store, scope: Scope, ctx: SerializeContext, token: SyncToken, limit: number, baseUrl: string) {
  // A sync's pages all look at the drafts as they were when its first page was asked for.
  const p = { ...token.p, at: token.p?.at ?? new Date().toISOString(), o: token.p?.o ?? 0 };
  const kinds = kindsFor(token.t) ?? ['Entry', 'Asset'];
  const live = token.t === 'all' || token.t === 'Entry' || token.t === 'Asset';
  const where: Condition[] = [{ sys: 'updatedAt', op: 'lte', value: p.at }, ...(p.since ? [{ sys: 'updatedAt' as const, op: 'gt' as const, value: p.since }] : [])];
  const query = { where, order: [{ sys: 'updatedAt' as const, direction: 'desc' as const }], excludeArchived: true };
  const items: object[] = [];
  let seen = 0;
  if (live) {
    for (const kind of kinds) {
      const skip = Math.max(0, p.o - seen);
      const page = { ...query, skip, limit: Math.max(0, limit - items.length) };
      if (kind === 'Entry') {
        const found = await store.entries.list(scope, { ...page, ...(token.c !== undefined ? { contentTypeId: token.c } : {}) });
        seen += found.total;
        items.push(...(await mapInSlices(found.items, (e) => entryJson(ctx, e))));
      } else {
        const found = await store.assets.list(scope, page);
        seen += found.total;
        items.push(...(await mapInSlices(found.items, (a) => assetJson(ctx, a))));
      }
    }
  }
  const delivered = p.o + items.length;
  const more = live && delivered < seen;
  const filters = { t: token.t, ...(token.c !== undefined ? { c: token.c } : {}) };
  const next: SyncToken = more ? { s: 0, ...filters, p: { ...p, o: delivered } } : { s: 0, ...filters, p: { since: p.at, o: 0 } };
  return answer(items, baseUrl, next, more);
}
