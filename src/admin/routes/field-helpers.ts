/**
 * What the generic editor's widgets ask while someone types (JSON for its scripts): whether a
 * slug is already used by another entry of the type, and a Markdown field's preview.
 */
import type { FastifyInstance } from 'fastify';
import { FolioError } from '../../errors/index.js';
import * as is from '../../validate/is.js';
import type { AdminContext } from '../context.js';
import { actorOf } from '../http.js';
import { maxMarkdownChars, renderMarkdown } from '../markdown.js';
import * as ops from '../operations.js';

const param = (v: unknown, max: number) => (is.string(v) ? v.slice(0, max) : '');

export async function fieldHelperRoutes(app: FastifyInstance, opts: { context: AdminContext }) {
  const ctx = opts.context;

  app.get<{ Querystring: Record<string, unknown> }>('/admin/slug-check', async (request, reply) => {
    const actor = actorOf(request);
    const q = request.query;
    const [contentTypeId, field, locale, exceptId] = [param(q.type, 64), param(q.field, 64), param(q.locale, 35), param(q.id, 64)];
    if (!is.resourceId(contentTypeId) || !is.resourceId(field) || !/^[a-zA-Z0-9-]{1,35}$/.test(locale) || (exceptId !== '' && !is.resourceId(exceptId))) {
      throw new FolioError('BAD_REQUEST', 'Name a content type, a field, a locale and (for a stored entry) its id.');
    }
    const taken = await ops.slugClash(ctx, actor, { contentTypeId, field, locale, value: param(q.value, 512), exceptId: exceptId || undefined });
    return reply.header('cache-control', 'no-store').send({ taken: taken ?? null });
  });

  app.post('/admin/markdown-preview', { bodyLimit: maxMarkdownChars * 4 + 1024 }, async (request, reply) => {
    actorOf(request);
    const text = is.plainObject(request.body) && is.string(request.body.text) ? request.body.text : undefined;
    if (text === undefined) throw new FolioError('BAD_REQUEST', 'Send {"text": "…"}: the Markdown to preview.');
    return reply.header('cache-control', 'no-store').send({ html: await renderMarkdown(text) });
  });
}
