/**
 * Archiving and deleting an article from the editor: a confirmation page that says what
 * happens, then the same content operations the Management API calls (a live article is
 * unpublished first, as Contentful requires). Unarchiving is the undo and needs no confirmation.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isFolioError } from '../../errors/index.js';
import type { EntryRecord } from '../../store/types.js';
import type { AdminContext } from '../context.js';
import { actorOf, csrfFor, formString, problemsOf, sendPage, viewerOf } from '../http.js';
import * as ops from '../operations.js';
import { renderPage } from '../views/layout.js';
import type { FieldProblem } from '../views/layout.js';
import { confirmPanel } from '../views/settings.js';

type One = FastifyRequest<{ Params: { id: string } }>;

const removals = {
  archive: {
    title: (name: string) => `Archive “${name}”?`,
    consequence: (live: boolean) =>
      `${live ? 'It is live: Folio unpublishes it first, so it leaves the site. ' : ''}Archived articles cannot be edited or published until they are unarchived, which you can do at any time.`,
    label: 'Archive article',
  },
  delete: {
    title: (name: string) => `Delete “${name}”?`,
    consequence: (live: boolean) => `${live ? 'It is live: Folio unpublishes it first. ' : ''}The article and its version history are deleted. This cannot be undone.`,
    label: 'Delete article',
  },
} as const;

type Removal = keyof typeof removals;

export async function articleRemovalRoutes(app: FastifyInstance, opts: { context: AdminContext }) {
  const ctx = opts.context;
  const nameOf = (entry: EntryRecord) => String(entry.fields.title?.[ctx.locale] || 'Untitled article');
  const isLive = (entry: EntryRecord) => entry.sys.publishedVersion !== null;

  const confirmPage = (request: FastifyRequest, reply: FastifyReply, kind: Removal, entry: EntryRecord, problems: FieldProblem[] = [], status = 200) => {
    const csrf = csrfFor(request, reply, ctx.publicUrl);
    const removal = removals[kind];
    const title = removal.title(nameOf(entry));
    const body = confirmPanel({
      csrf,
      title,
      consequence: removal.consequence(isLive(entry)),
      action: `/admin/articles/${entry.sys.id}/${kind}`,
      confirmLabel: removal.label,
      cancelHref: `/admin/articles/${entry.sys.id}`,
      version: entry.sys.version,
      problems,
    });
    return sendPage(reply, renderPage({ title, viewer: viewerOf(request), section: 'articles', csrf, body }), status);
  };

  for (const kind of Object.keys(removals) as Removal[]) {
    app.get(`/admin/articles/:id/${kind}`, async (request: One, reply) => {
      const actor = actorOf(request);
      const entry = await ops.getArticle(ctx, actor, request.params.id);
      // Refused before the question is asked: a role that may not do it hears so at once.
      ops.assertAllowed(actor, kind, entry);
      return confirmPage(request, reply, kind, entry);
    });

    app.post(`/admin/articles/:id/${kind}`, async (request: One, reply) => {
      const actor = actorOf(request);
      const entry = await ops.getArticle(ctx, actor, request.params.id);
      ops.assertAllowed(actor, kind, entry);
      try {
        let version = Number(formString(request.body, 'version'));
        if (isLive(entry)) version = (await ops.unpublishArticle(ctx, actor, entry.sys.id, version)).sys.version;
        if (kind === 'delete') await ops.deleteArticle(ctx, actor, entry.sys.id, version);
        else await ops.archiveArticle(ctx, actor, entry.sys.id, version);
      } catch (err) {
        const current = await ops.getArticle(ctx, actor, entry.sys.id);
        if (isFolioError(err) && err.code === 'VERSION_MISMATCH') {
          return confirmPage(request, reply, kind, current, [{ field: 'confirm', message: 'Someone changed this article since you opened it. Check it, then confirm again.' }], 409);
        }
        const problems = problemsOf(err);
        if (!problems) throw err;
        return confirmPage(request, reply, kind, current, problems, 422);
      }
      return reply.redirect(kind === 'delete' ? '/admin/articles?removed=1' : `/admin/articles/${entry.sys.id}?done=archived`, 303);
    });
  }

  app.post('/admin/articles/:id/unarchive', async (request: One, reply) => {
    const actor = actorOf(request);
    await ops.unarchiveArticle(ctx, actor, request.params.id, Number(formString(request.body, 'version')));
    return reply.redirect(`/admin/articles/${request.params.id}?done=unarchived`, 303);
  });
}
