/**
 * What the editor's pickers search (JSON for its scripts): entries by words, or by ids to name
 * the ones a body already embeds. Small pages only; the lists themselves live elsewhere.
 */
import type { FastifyInstance } from 'fastify';
import * as is from '../../validate/is.js';
import type { AdminContext } from '../context.js';
import { entryTitle } from '../entry-title.js';
import { actorOf } from '../http.js';
import * as ops from '../operations.js';

/** Most entries one picker answer lists, and most ids one look-up names. */
const pickerLimit = 20;
const maxIds = 100;

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
    const page = await ops.listEntryPage(ctx, actor, {
      ...(q ? { q } : {}),
      ...(ids ? { where: [{ sys: 'id' as const, op: 'in' as const, values: ids }] } : {}),
      page: 1,
      perPage: ids ? maxIds : pickerLimit,
    });
    const items: EntryChoice[] = page.items.map((e) => ({
      id: e.sys.id,
      title: entryTitle(e, types, ctx.locale) || 'Untitled',
      type: types.get(e.sys.contentTypeId)?.name ?? e.sys.contentTypeId,
      status: page.statusOf(e),
    }));
    return reply.header('cache-control', 'no-store').send({ items });
  });
}
