/**
 * What the editor's pickers search (JSON for its scripts): entries and images by words, or by
 * ids to name the ones a body already embeds. Small pages only; the lists themselves live elsewhere.
 */
import type { FastifyInstance } from 'fastify';
import type { Actor } from '../../auth/index.js';
import { FolioError } from '../../errors/index.js';
import type { AssetRecord, Condition, ContentTypeRecord, EntryRecord } from '../../store/types.js';
import * as is from '../../validate/is.js';
import type { AdminContext } from '../context.js';
import { assetTitle } from '../asset-title.js';
import { entryTitle } from '../entry-title.js';
import { actorOf } from '../http.js';
import { defaultState } from '../entry-list.js';
import { searchLinkable, searchLinkableAssets } from '../link-search.js';
import { linkField, createLinked } from '../link-create.js';
import { mediaConditions, mediaFiltersOf } from '../media-filters.js';
import * as ops from '../operations.js';
import { statusOf, type Status } from '../status.js';

/** Most ids one look-up names (read a list page at a time). */
const maxIds = 100;

/** The editor's thumbnails: small, face-aware crops. */
export const thumbQuery = '?w=300&h=200&fit=fill&f=faces&fm=webp&q=70';
/** Most images one search answers. */
const imagesPerSearch = 60;

export interface ImageChoice {
  id: string;
  title: string;
  thumb: string;
}

export interface EntryChoice {
  id: string;
  title: string;
  /** The content type's name. */
  type: string;
  status: Status;
}

/** A page of candidates: `more` when the next page has some. */
export interface EntryChoices {
  items: EntryChoice[];
  more?: boolean;
}

/** What inline create answers: the new draft, and its editor. */
export interface CreatedChoice extends EntryChoice {
  href: string;
}

/** `ids=a,b,…`: the items a picker names (its field's links, a body's embeds), each once, at most maxIds. */
const idsOf = (query: Record<string, unknown>) => (is.string(query.ids) ? [...new Set(query.ids.split(',').filter(Boolean))].slice(0, maxIds) : undefined);

const pageOf = (v: unknown) => (is.string(v) && /^\d{1,4}$/.test(v) ? Math.max(1, Number(v)) : 1);

export async function pickerRoutes(app: FastifyInstance, opts: { context: AdminContext }) {
  const ctx = opts.context;
  const choiceOf = (e: EntryRecord, types: ReadonlyMap<string, ContentTypeRecord>, status: Status): EntryChoice => ({
    id: e.sys.id,
    title: entryTitle(e, types, ctx.locale) || 'Untitled',
    type: types.get(e.sys.contentTypeId)?.name ?? e.sys.contentTypeId,
    status,
  });

  /**
   * Entries to link: by words, or these ids (to name the ones a field or body holds). `field`
   * (contentTypeId/fieldId, a reference field) limits them to the types the field allows: the
   * server reads them from the content type, so no request widens them.
   */
  app.get<{ Querystring: Record<string, unknown> }>('/admin/pickers/entries', async (request, reply) => {
    const actor = actorOf(request);
    const q = is.string(request.query.q) ? request.query.q.trim().slice(0, 200) : '';
    const ids = idsOf(request.query);
    reply.header('cache-control', 'no-store');
    if (ids) return reply.send({ items: await choicesByIds(actor, ids) } satisfies EntryChoices);
    const field = is.string(request.query.field) ? await linkField(ctx, actor, request.query.field) : undefined;
    const found = await searchLinkable(ctx, actor, { q, types: field?.linkTypes ?? [], page: pageOf(request.query.page) });
    return reply.send({ items: found.items.map((e) => choiceOf(e, found.types, found.statusOf(e))), more: found.more } satisfies EntryChoices);
  });

  async function choicesByIds(actor: Actor, ids: string[]) {
    const types = new Map((await ops.listContentTypes(ctx)).map((t) => [t.sys.id, t]));
    const pages = await Promise.all(
      Array.from({ length: Math.ceil(ids.length / ops.perPage) }, (_, i) => ops.listEntryPage(ctx, actor, defaultState, { where: [{ sys: 'id', op: 'in', values: ids.slice(i * ops.perPage, (i + 1) * ops.perPage) }] })),
    );
    return pages.flatMap((page) => page.items.map((e) => choiceOf(e, types, page.statusOf(e))));
  }

  /** "Create new <type>" in a reference field: a draft of a type the field allows, made on that explicit action. */
  app.post<{ Body: unknown }>('/admin/pickers/entries/new', async (request, reply) => {
    const actor = actorOf(request);
    const body = request.body;
    if (!is.plainObject(body) || !is.string(body.field) || !is.string(body.type)) throw new FolioError('BAD_REQUEST', 'Send {field, type}.');
    const { entry, types } = await createLinked(ctx, actor, body.field, body.type);
    const created: CreatedChoice = { ...choiceOf(entry, types, 'draft'), href: `/admin/entries/${encodeURIComponent(entry.sys.id)}` };
    return reply.code(201).header('cache-control', 'no-store').send(created);
  });

  /** A media field's candidates as link choices: title (or file name), its file's type and its status. */
  const assetChoiceOf = (a: AssetRecord): EntryChoice => {
    const file = a.fields.file?.[ctx.locale];
    return { id: a.sys.id, title: assetTitle(a, ctx.locale) || 'Untitled', type: is.plainObject(file) && is.string(file.contentType) ? file.contentType : 'no file', status: statusOf(a.sys) };
  };

  /**
   * Assets to link from a media field (`field`: contentTypeId/fieldId): by words, or these ids.
   * The kinds of file come from the field's linkMimetypeGroup, read on the server.
   */
  app.get<{ Querystring: Record<string, unknown> }>('/admin/pickers/assets', async (request, reply) => {
    const actor = actorOf(request);
    reply.header('cache-control', 'no-store');
    const ids = idsOf(request.query);
    if (ids) {
      const page = await ops.listAssets(ctx, actor, { page: 1, perPage: maxIds, where: [{ sys: 'id', op: 'in', values: ids }] });
      return reply.send({ items: page.items.map(assetChoiceOf) } satisfies EntryChoices);
    }
    const field = is.string(request.query.field) ? await linkField(ctx, actor, request.query.field, 'Asset') : undefined;
    const q = is.string(request.query.q) ? request.query.q : '';
    const found = await searchLinkableAssets(ctx, actor, { q, mimeGroups: field?.mimeGroups ?? [], page: pageOf(request.query.page) });
    return reply.send({ items: found.items.map(assetChoiceOf), more: found.more } satisfies EntryChoices);
  });

  app.get<{ Querystring: Record<string, unknown> }>('/admin/pickers/images', async (request, reply) => {
    const actor = actorOf(request);
    const ids = idsOf(request.query);
    // The media library's own rules for "images" and for words.
    const where: Condition[] = mediaConditions(mediaFiltersOf({ q: request.query.q, kind: 'image' }), ctx.locale);
    if (ids) where.push({ sys: 'id', op: 'in', values: ids });
    const page = await ops.listAssets(ctx, actor, { page: 1, perPage: ids ? maxIds : imagesPerSearch, where });
    const items: ImageChoice[] = page.items.flatMap((a) => {
      const info = ops.imageInfo(ctx, a);
      return info?.width ? [{ id: a.sys.id, title: assetTitle(a, ctx.locale), thumb: info.transform(thumbQuery) }] : [];
    });
    return reply.header('cache-control', 'no-store').send({ items });
  });
}
