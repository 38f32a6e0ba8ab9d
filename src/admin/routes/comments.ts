/** Adding a comment beside an entry (mentions as `@[name](id)`), and the Mentions page. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { addEntryComment, mentionsFor } from '../comments.js';
import type { AdminContext } from '../context.js';
import { actorOf, csrfFor, formString, sendPage, viewerOf } from '../http.js';
import { renderMentions } from '../views/comments.js';

export async function commentRoutes(app: FastifyInstance, opts: { context: AdminContext }) {
  const ctx = opts.context;

  app.post('/admin/entries/:id/comments', async (request: FastifyRequest<{ Params: { id: string } }>, reply) => {
    const comment = await addEntryComment(ctx, actorOf(request), request.params.id, formString(request.body, 'body'));
    return reply.redirect(`/admin/entries/${encodeURIComponent(request.params.id)}#comment-${comment.id}`, 303);
  });

  app.get('/admin/mentions', async (request, reply) => {
    const items = await mentionsFor(ctx, actorOf(request));
    return sendPage(reply, renderMentions({ viewer: viewerOf(request), csrf: csrfFor(request, reply, ctx.publicUrl), items }));
  });
}
