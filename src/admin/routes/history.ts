/** Version history: compare a published version with the draft, and restore one as the draft. */
import type { FastifyInstance } from 'fastify';
import { isFolioError } from '../../errors/index.js';
import { compareArticles } from '../compare.js';
import type { AdminContext } from '../context.js';
import { actorOf, csrfFor, formString, problemsOf, sendPage, viewerOf } from '../http.js';
import * as ops from '../operations.js';
import { renderProblem } from '../views/auth.js';
import { renderCompare } from '../views/history.js';
import { valuesOf } from './articles.js';

interface Params {
  id: string;
  snapshotId: string;
}

export async function historyRoutes(app: FastifyInstance, opts: { context: AdminContext; scriptHref: string | undefined }) {
  const ctx = opts.context;

  app.get<{ Params: Params }>('/admin/articles/:id/history/:snapshotId', async (request, reply) => {
    const actor = actorOf(request);
    const { id, snapshotId } = request.params;
    const [entry, snapshot] = await Promise.all([ops.getArticle(ctx, actor, id), ops.getVersion(ctx, actor, id, snapshotId)]);
    const nameOf = ops.nameResolver(ctx);
    const fields = await compareArticles(ctx, snapshot.record.fields, entry.fields);
    const title = valuesOf(entry, ctx.locale).title || 'Untitled article';
    return sendPage(
      reply,
      renderCompare({
        viewer: viewerOf(request),
        csrf: csrfFor(request, reply, ctx.publicUrl),
        scriptHref: opts.scriptHref,
        articleId: id,
        title,
        version: {
          snapshotId,
          version: snapshot.record.sys.publishedVersion ?? snapshot.record.sys.version - 1,
          publishedAt: snapshot.createdAt,
          publishedBy: await nameOf(snapshot.createdBy),
          live: entry.sys.publishedAt !== null && entry.sys.publishedAt === snapshot.record.sys.publishedAt,
        },
        draftVersion: entry.sys.version,
        fields,
        canRestore: ops.canRestore(actor, entry),
      }),
    );
  });

  app.post<{ Params: Params }>('/admin/articles/:id/history/:snapshotId/restore', async (request, reply) => {
    const actor = actorOf(request);
    const { id, snapshotId } = request.params;
    const version = Number(formString(request.body, 'version'));
    const problem = (status: number, title: string, message: string) =>
      sendPage(
        reply,
        renderProblem({ status, title, message, viewer: viewerOf(request), csrf: csrfFor(request, reply, ctx.publicUrl), back: { href: `/admin/articles/${id}`, label: 'Open the latest draft' } }),
        status,
      );
    if (!Number.isInteger(version) || version < 1) return problem(400, 'That did not work', 'The form did not say which draft version it was made from. Reload the article and try again.');
    try {
      await ops.restoreVersion(ctx, actor, id, snapshotId, version);
    } catch (err) {
      if (isFolioError(err) && err.code === 'VERSION_MISMATCH') {
        return problem(409, 'The draft changed meanwhile', 'Someone saved this article after you opened it, so nothing was restored. Open the latest draft, compare again, and restore if you still want to.');
      }
      const problems = problemsOf(err);
      if (problems) return problem(422, 'This version cannot be restored', `Nothing was restored: ${problems.map((p) => p.message).join(' ')}`);
      throw err;
    }
    return reply.redirect(`/admin/articles/${id}?done=restored`, 303);
  });
}
