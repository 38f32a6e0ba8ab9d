/**
 * The Sync API: an initial snapshot of what is published, paged, then deltas (publishes and
 * deletions) since a token. The token is the sync log position plus the filters it was made with.
 */
import { FolioError } from '../errors/index.js';
import type { Store } from '../store/store.js';
import type { AssetRecord, ChangeRecord, EntryRecord, Scope } from '../store/types.js';
import * as is from '../validate/is.js';
import { assetJson, entryJson, link, type SerializeContext } from './serialize.js';
import { mapInSlices } from '../http/slices.js';

const syncTypes = ['all', 'Entry', 'Asset', 'Deletion', 'DeletedEntry', 'DeletedAsset'] as const;
type SyncType = (typeof syncTypes)[number];

interface SyncToken {
  /** Log position already delivered. */
  s: number;
  /** Initial sync only: the log position it snapshots up to. */
  m?: number;
  t: SyncType;
  c?: string;
}

const encode = (t: SyncToken) => Buffer.from(JSON.stringify(t)).toString('base64url');

function decode(raw: string): SyncToken {
  try {
    const t = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as SyncToken;
    if (is.integer(t.s) && t.s >= 0 && is.oneOf(t.t, syncTypes) && (t.m === undefined || is.integer(t.m)) && (t.c === undefined || is.string(t.c))) return t;
  } catch {
    // falls through to the error below
  }
  throw new FolioError('BAD_REQUEST', 'The sync_token is not valid', { details: { parameter: 'sync_token' } });
}

const kindsFor = (t: SyncType): Array<'Entry' | 'Asset'> | undefined =>
  t === 'Entry' || t === 'DeletedEntry' ? ['Entry'] : t === 'Asset' || t === 'DeletedAsset' ? ['Asset'] : undefined;

/** Which rows a type wants: live items, deletions, or both. */
const wants = (t: SyncType, c: ChangeRecord) =>
  t === 'all' || t === 'Entry' || t === 'Asset' ? true : c.deleted;

function parseStart(query: Record<string, unknown>): { token: SyncToken; initial: boolean } {
  if (query.sync_token !== undefined) return { token: decode(String(query.sync_token)), initial: false };
  if (query.initial !== 'true') throw new FolioError('BAD_REQUEST', 'Use initial=true or a sync_token', { details: { parameter: 'initial' } });
  const type = query.type === undefined ? 'all' : String(query.type);
  if (!is.oneOf(type, syncTypes)) is.invalid('type', `one of ${syncTypes.join(', ')}`, type, 'BAD_REQUEST');
  const c = query.content_type === undefined ? undefined : String(query.content_type);
  if (c !== undefined && type !== 'Entry') throw new FolioError('BAD_REQUEST', 'content_type needs type=Entry', { details: { parameter: 'content_type' } });
  return { token: { s: 0, t: type, ...(c !== undefined ? { c } : {}) }, initial: true };
}

export async function sync(
  store: Store,
  scope: Scope,
  ctx: SerializeContext,
  query: Record<string, unknown>,
  baseUrl: string,
) {
  const { token, initial } = parseStart(query);
  const limit = query.limit === undefined ? 100 : is.parseStrictInt(String(query.limit));
  if (limit === undefined || limit < 1 || limit > 1000) is.invalid('limit', 'integer between 1 and 1000', query.limit, 'BAD_REQUEST');
  // The log position, the page of the log and the items it names: one moment's data.
  const { upTo, rows, found } = await store.snapshot(async (view) => {
    const upTo = initial ? await view.changes.latest() : token.m;
    const rows = await view.changes.list(scope, {
      after: token.s,
      ...(upTo !== undefined ? { upTo } : {}),
      limit,
      ...(kindsFor(token.t) ? { kinds: kindsFor(token.t)! } : {}),
      ...(token.c !== undefined ? { contentTypeId: token.c } : {}),
      // An initial sync is a snapshot of what exists: no deletions in it.
      includeDeleted: upTo === undefined,
    });
    return { upTo, rows, found: await read(view, scope, rows) };
  });
  const items = await render(ctx, rows.filter((r) => wants(token.t, r)), found);

  const last = rows.at(-1)?.seq ?? token.s;
  const more = rows.length === limit;
  const next: SyncToken = more
    ? { ...token, s: last, ...(upTo !== undefined ? { m: upTo } : {}) }
    : { s: Math.max(last, upTo ?? 0), t: token.t, ...(token.c !== undefined ? { c: token.c } : {}) };
  const url = `${baseUrl}/sync?sync_token=${encode(next)}`;
  return { sys: { type: 'Array' }, items, ...(more ? { nextPageUrl: url } : { nextSyncUrl: url }) };
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
    if (r.deleted) return deletedJson(ctx, r);
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

function deletedJson(ctx: SerializeContext, r: ChangeRecord) {
  return {
    sys: {
      type: r.kind === 'Entry' ? 'DeletedEntry' : 'DeletedAsset',
      id: r.id,
      space: link('Space', ctx.spaceId),
      environment: link('Environment', ctx.environmentId),
      revision: r.sys.publishedCounter,
      createdAt: r.sys.firstPublishedAt ?? r.sys.createdAt,
      updatedAt: r.changedAt,
      deletedAt: r.changedAt,
    },
  };
}
