/**
 * What the editor's pickers search (JSON for its scripts): entries and images by words, or by
 * ids to name the ones a body already embeds. Small pages only; the lists themselves live elsewhere.
 */
import type { FastifyInstance } from 'fastify';
import type { Condition } from '../../store/types.js';
import * as is from '../../validate/is.js';
import type { AdminContext } from '../context.js';
import { entryTitle } from '../entry-title.js';
import { actorOf } from '../http.js';
import { defaultState } from '../entry-list.js';
import { mediaConditions, mediaFiltersOf } from '../media-filters.js';
import * as ops from '../operations.js';

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
  type: string;
  status: string;
}

export async function pickerRoutes(app: FastifyInstance, opts: { context: AdminContext }) {
  const ctx = opts.context;
  app.get<{ Querystring: Record<string, unknown> }>('/admin/pickers/entries', async (request, reply) => {
    const actor = actorOf(request);
    const q = is.string(request.query.q) ? request.query.q.trim().slice(0, 200) : '';
    const ids = is.string(request.query.ids) ? [...new Set(request.query.ids.split(',').filter(Boolean))].slice(0, maxIds) : undefined;
    const types = new Map((await ops.listContentTypes(ctx)).map((t) => [t.sys.id, t]));
    // The editor's list, first page: by words (most recently updated first), or these ids.
    const pages = await Promise.all(
      ids
        ? Array.from({ length: Math.ceil(ids.length / ops.perPage) }, (_, i) => ops.listEntryPage(ctx, actor, defaultState, { where: [{ sys: 'id', op: 'in', values: ids.slice(i * ops.perPage, (i + 1) * ops.perPage) }] }))
        : [ops.listEntryPage(ctx, actor, { ...defaultState, q })],
    );
    const items: EntryChoice[] = pages.flatMap((page) =>
      page.items.map((e) => ({
        id: e.sys.id,
        title: entryTitle(e, types, ctx.locale) || 'Untitled',
        type: types.get(e.sys.contentTypeId)?.name ?? e.sys.contentTypeId,
        status: page.statusOf(e),
      })),
    );
    return reply.header('cache-control', 'no-store').send({ items });
  });

  app.get<{ Querystring: Record<string, unknown> }>('/admin/pickers/images', async (request, reply) => {
    const actor = actorOf(request);
    const ids = is.string(request.query.ids) ? [...new Set(request.query.ids.split(',').filter(Boolean))].slice(0, maxIds) : undefined;
    // The media library's own rules for "images" and for words.
    const where: Condition[] = mediaConditions(mediaFiltersOf({ q: request.query.q, kind: 'image' }), ctx.locale);
    if (ids) where.push({ sys: 'id', op: 'in', values: ids });
    const page = await ops.listAssets(ctx, actor, { page: 1, perPage: ids ? maxIds : imagesPerSearch, where });
    const items: ImageChoice[] = page.items.flatMap((a) => {
      const info = ops.imageInfo(ctx, a);
      return info?.width ? [{ id: a.sys.id, title: String(a.fields.title?.[ctx.locale] || info.fileName), thumb: info.transform(thumbQuery) }] : [];
    });
    return reply.header('cache-control', 'no-store').send({ items });
  });
}
