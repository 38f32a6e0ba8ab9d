/**
 * Delivery entry pages joined from stored fragments: each published item's JSON for one locale,
 * shaped once (store.fragments), instead of parsed, resolved and stringified on every request.
 * A page is its ordered ids and publish times (indexed queries), their fragments (kept in memory,
 * else read), then one key look-up per include level and kind, and the answer is those texts put
 * together: the same bytes the general path (reader.ts) writes, with an ETag made from what
 * determines them. A fragment missing or shaped from other inputs is shaped
 * here from the published row and stored after the answer, so the next request finds it.
 *
 * Not served here (the general path answers): Preview (drafts change without a publish),
 * `select`, and a request through an environment alias (answers name the alias).
 */
import { Lru } from '../http/lru.js';
import { createHash } from 'node:crypto';
import { parseContentQuery, pagedCollection, selectsLinks } from '../contentful/index.js';
import { linksIn } from '../store/index.js';
import type { Store, StoredFragment } from '../store/store.js';
import type { AssetRecord, EntryRecord, Json, Scope } from '../store/types.js';
import { eachInSlices } from '../http/slices.js';
import { assetJson, entryJson, type SerializeContext } from './serialize.js';

/**
 * JSON bytes to send as they are: routes skip stringifying them, and hashing them for an ETag
 * when `etag` is given (one that changes exactly when the bytes do).
 */
export class RawJson {
  constructor(
    readonly bytes: Buffer,
    readonly etag?: string,
  ) {}
}

type Kind = 'Entry' | 'Asset';
type Link = [Kind, string];
interface Piece {
  kind: Kind;
  id: string;
  publishedAt: string;
  body: Buffer;
  links: Link[];
}
export interface Known {
  body: Buffer;
  links: Link[];
}
type Fresh = StoredFragment & { kind: Kind; id: string; locale: string; publishedAt: string; stamp: string };

/** Moves whenever the shape of a fragment changes in code: every stored one is then shaped again. */
const shapeVersion = 1;
const open = Buffer.from('[');
const close = Buffer.from(']');
const comma = Buffer.from(',');
/** Fragment bytes kept in memory per process (Remembered); a few thousand articles' worth. */
const rememberBytes = 32 * 1024 * 1024;
/** Published rows read whole per statement when fragments are missing. */
const rowsPerRead = 200;

/**
 * Everything besides the item and the locale that its JSON depends on: the space and the
 * environment it names, the public address (asset URLs), the locale rules, the published model
 * (localized and omitted fields) and which tags are public.
 */
const stamps = new WeakMap<SerializeContext, string>();
export function stampOf(ctx: SerializeContext): string {
  const known = stamps.get(ctx);
  if (known) return known;
  const inputs = [shapeVersion, ctx.spaceId, ctx.environmentId, ctx.publicUrl, ctx.choice, [...ctx.types.values()], [...ctx.publicTags].sort()];
  const stamp = createHash('sha1').update(JSON.stringify(inputs)).digest('base64url');
  stamps.set(ctx, stamp);
  return stamp;
}

/** An item's links in the order its fields hold them, each once: the order includes and errors follow. */
function orderedLinks(fields: Json): Link[] {
  const seen = new Set<string>();
  const out: Link[] = [];
  for (const l of linksIn(fields)) {
    const key = `${l.linkType}:${l.id}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push([l.linkType, l.id]);
    }
  }
  return out;
}

/**
 * Fragments lately sent, by everything that determines their bytes (so never stale: another
 * publish or stamp is another key), with their links parsed. A warm page then reads only keys
 * from the database: reading ~750 KiB of blobs per page, each a new Buffer for the collector,
 * was most of its time. Least recently used dropped first past `maxBytes`.
 */
export class Remembered {
  private readonly kept: Lru<string, Known>;
  constructor(private readonly maxBytes: number) {
    this.kept = new Lru(maxBytes, (known) => known.body.length);
  }

  get(key: string): Known | undefined {
    return this.kept.get(key);
  }

  set(key: string, known: Known): void {
    if (known.body.length > this.maxBytes / 16 || this.kept.has(key)) return;
    this.kept.set(key, known);
  }
}

export function createFragmentPages(store: Store) {
  const remembered = new Remembered(rememberBytes);
  /** Fragments written back but maybe not committed yet: another request need not write them again. */
  const writing = new Set<string>();

  /**
   * The fragments of `keys`, in their order: from memory, else stored, else shaped from the
   * published row (queued in `fresh` to be stored).
   */
  async function pieces(view: Store, scope: Scope, ctx: SerializeContext, kind: Kind, keys: ReadonlyArray<{ id: string; publishedAt: string }>, locale: string, stamp: string, fresh: Fresh[]) {
    const prefix = `${scope.spaceId}\u0000${scope.environmentId}\u0000${kind}\u0000${locale}\u0000${stamp}\u0000`;
    const keyOf = (k: { id: string; publishedAt: string }) => `${prefix}${k.id}\u0000${k.publishedAt}`;
    const known = new Map<string, Known>();
    for (const k of keys) {
      const hit = remembered.get(keyOf(k));
      if (hit) known.set(k.id, hit);
    }
    const learn = (k: { id: string; publishedAt: string }, f: StoredFragment) => {
      const item = { body: f.body, links: JSON.parse(f.links) as Link[] };
      known.set(k.id, item);
      remembered.set(keyOf(k), item);
    };
    const unknown = keys.filter((k) => !known.has(k.id));
    if (unknown.length) {
      const stored = await view.fragments.read(scope, kind, unknown, locale, stamp);
      for (const k of unknown) {
        const f = stored.get(k.id);
        if (f) learn(k, f);
      }
    }
    const missing = unknown.filter((k) => !known.has(k.id));
    for (let i = 0; i < missing.length; i += rowsPerRead) {
      const slice = missing.slice(i, i + rowsPerRead);
      const query = { where: [{ sys: 'id' as const, op: 'in' as const, values: slice.map((k) => k.id) }], limit: slice.length };
      const records: Array<EntryRecord | AssetRecord> = (await (kind === 'Entry' ? view.entries : view.assets).listPublished(scope, query)).items;
      const publishedAt = new Map(slice.map((k) => [k.id, k.publishedAt]));
      await eachInSlices(records, (record) => {
        const body = Buffer.from(JSON.stringify(kind === 'Entry' ? entryJson(ctx, record as EntryRecord) : assetJson(ctx, record as AssetRecord)));
        const key = { id: record.sys.id, publishedAt: publishedAt.get(record.sys.id)! };
        const fragment = { body, links: JSON.stringify(orderedLinks(record.fields as Json)) };
        learn(key, fragment);
        fresh.push({ ...fragment, ...key, kind, locale, stamp });
      });
    }
    const out: Piece[] = [];
    for (const k of keys) {
      const f = known.get(k.id);
      if (f) out.push({ kind, id: k.id, publishedAt: k.publishedAt, body: f.body, links: f.links });
    }
    return out;
  }

  /** Stores what this request shaped, after it answered; a failed write costs only the next request's time. */
  function writeBack(scope: Scope, fresh: Fresh[]) {
    const keyOf = (f: Fresh) => `${scope.spaceId}\u0000${scope.environmentId}\u0000${f.kind}\u0000${f.id}\u0000${f.locale}\u0000${f.stamp}\u0000${f.publishedAt}`;
    const todo = fresh.filter((f) => !writing.has(keyOf(f)));
    if (todo.length === 0) return;
    for (const f of todo) writing.add(keyOf(f));
    setImmediate(() => {
      store.fragments
        .write(scope, todo)
        .catch(() => undefined)
        .finally(() => todo.forEach((f) => writing.delete(keyOf(f))));
    });
  }

  /**
   * The Delivery answer to an entries query as JSON text, or undefined where fragments cannot
   * serve it (see the top of this file). `scope`: the environment read; `ctx` names the one asked for.
   */
  async function entries(scope: Scope, ctx: SerializeContext, query: Record<string, unknown>, url: string): Promise<RawJson | undefined> {
    if (ctx.preview || query.select !== undefined || ctx.environmentId !== scope.environmentId) return undefined;
    const locale = ctx.choice.all ? '*' : ctx.choice.code;
    const stamp = stampOf(ctx);
    const fresh: Fresh[] = [];
    // The page, the reference query before it and the includes after it: one moment's data.
    const answer = await store.snapshot(async (view) => {
      const q = await parseContentQuery(query, ctx.types, ctx.choice, async (contentTypeId, where) =>
        (await view.entries.publishedKeys(scope, { contentTypeId, where, limit: 1000 })).items.map((e) => e.id),
      );
      const page = await view.entries.publishedKeys(scope, q.list);
      const items = await pieces(view, scope, ctx, 'Entry', page.items, locale, stamp, fresh);
      const resolve = q.include > 0 && items.length > 0 && selectsLinks(q.select, q.list.contentTypeId === undefined ? undefined : ctx.types.get(q.list.contentTypeId));
      if (!resolve) return { q, page, items, found: undefined };

      // Contentful's include: level by level, linked items not found yet, one look-up per level and kind.
      const found = { Entry: new Map(items.map((p) => [p.id, p])), Asset: new Map<string, Piece>() };
      const fetch = async (kind: Kind, ids: string[]) => {
        if (ids.length === 0) return [];
        const out = await pieces(view, scope, ctx, kind, await view.fragments.published(scope, kind, ids), locale, stamp, fresh);
        for (const p of out) found[kind].set(p.id, p);
        return out;
      };
      const linkedFrom = (from: Piece[], kind: Kind) => {
        const ids = new Set<string>();
        for (const p of from) for (const [k, id] of p.links) if (k === kind && !found[kind].has(id)) ids.add(id);
        return [...ids];
      };
      let frontier = items;
      for (let level = 0; level < q.include && frontier.length > 0; level++) {
        const entryIds = linkedFrom(frontier, 'Entry');
        await fetch('Asset', linkedFrom(frontier, 'Asset'));
        frontier = await fetch('Entry', entryIds);
      }
      // Contentful's way: the assets of the deepest entries come too.
      await fetch('Asset', linkedFrom(frontier, 'Asset'));
      return { q, page, items, found };
    });
    writeBack(scope, fresh);

    const { q, page, items, found } = answer;
    const marker = '\u0000items';
    // The envelope is built for the real count (cursor pages link on from it), then holds a marker where items go.
    const shell: { items: unknown[] } = pagedCollection(items.map((p) => p.id), page, q.page, url);
    shell.items = [marker];
    const envelope = JSON.stringify(shell);
    const [head, tail] = envelope.split(JSON.stringify([marker])) as [string, string];
    // Bytes end to end (Buffer.concat copies once): joining strings and encoding them cost several times more.
    const parts: Buffer[] = [];
    // What the ETag is hashed from: the body with each fragment standing as its kind, id and publish
    // time, which with the stamp and locale determine its bytes (fragments are never used otherwise).
    const signature: string[] = [stamp, locale];
    const put = (bytes: Buffer, text: string) => {
      parts.push(bytes);
      signature.push(text);
    };
    const text = (t: string) => put(Buffer.from(t), t);
    const list = (from: Piece[]) => {
      put(open, '[');
      from.forEach((p, i) => {
        if (i > 0) put(comma, ',');
        put(p.body, `\u0000${p.kind}\u0000${p.id}\u0000${p.publishedAt}\u0000`);
      });
      put(close, ']');
    };
    text(head);
    list(items);
    text(tail.slice(0, -1));
    if (found) {
      const inItems = new Set(items.map((p) => p.id));
      const included = [...found.Entry.values()].filter((p) => !inItems.has(p.id));
      const assets = [...found.Asset.values()];
      if (included.length || assets.length) {
        text(',"includes":{');
        if (included.length) {
          text('"Entry":');
          list(included);
        }
        if (assets.length) {
          text(included.length ? ',"Asset":' : '"Asset":');
          list(assets);
        }
        text('}');
      }
      // Links from the page's own items that lead nowhere, as Contentful's `errors`.
      const seen = new Set<string>();
      const errors: Json[] = [];
      for (const p of items) {
        for (const [linkType, id] of p.links) {
          const key = `${linkType}:${id}`;
          if (found[linkType].has(id) || seen.has(key)) continue;
          seen.add(key);
          errors.push({ sys: { id: 'notResolvable', type: 'error' }, details: { type: 'Link', linkType, id } });
        }
      }
      if (errors.length) text(`,"errors":${JSON.stringify(errors)}`);
    }
    text('}');
    const etag = `"${createHash('sha1').update(signature.join('\u0000')).digest('base64url')}"`;
    return new RawJson(Buffer.concat(parts), etag);
  }

  return { entries };
}
