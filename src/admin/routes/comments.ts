/** Adding a comment beside an entry (mentions as `@[name](id)`), and the Mentions page. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../../auth/index.js';
import type { SafeHtml } from '../../site/views/index.js';
import { addEntryComment, entryComments, mentionables, mentionsFor } from '../comments.js';
import type { AdminContext } from '../context.js';
import { actorOf, csrfFor, formString, sendPage, viewerOf } from '../http.js';
import { articleType } from '../operations.js';
import { commentsPanel, renderMentions } from '../views/comments.js';

/** The comments panel of a stored entry, as both editors (generic and article) show it. */
export async function commentsPanelFor(ctx: AdminContext, actor: Actor, entryId: string, csrf: string): Promise<SafeHtml> {
  const [comments, people] = await Promise.all([entryComments(ctx, actor, entryId), mentionables(ctx)]);
  return commentsPanel({ entryId, csrf, comments, people });
}

export async function commentRoutes(app: FastifyInstance, opts: { context: AdminContext }) {
  const ctx = opts.context;

  app.post('/admin/entries/:id/comments', async (request: FastifyRequest<{ Params: { id: string } }>, reply) => {
    const comment = await addEntryComment(ctx, actorOf(request), request.params.id, formString(request.body, 'body'));
    // Back to the editor the comment was written in: an article's is its own.
    const entry = await ctx.store.entries.get(ctx.scope, request.params.id);
    const editor = entry?.sys.contentTypeId === articleType ? 'articles' : 'entries';
    return reply.redirect(`/admin/${editor}/${encodeURIComponent(request.params.id)}#comment-${comment.id}`, 303);
  });

  app.get('/admin/mentions', async (request, reply) => {
    const items = await mentionsFor(ctx, actorOf(request));
    return sendPage(reply, renderMentions({ viewer: viewerOf(request), csrf: csrfFor(request, reply, ctx.publicUrl), items }));
  });
}
