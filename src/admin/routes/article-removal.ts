/**
 * Archiving and deleting an entry (an article, or any entry) from the editor: a confirmation page that says what
 * happens, then the same content operations the Management API calls (a live article is
 * unpublished first, as Contentful requires). Unarchiving is the undo and needs no confirmation.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isFolioError } from '../../errors/index.js';
import type { Actor } from '../../auth/index.js';
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
    consequence: (live: boolean, noun: string) =>
      `${live ? 'It is live: Folio unpublishes it first, so it leaves the site. ' : ''}Archived ${noun}s cannot be edited or published until they are unarchived, which you can do at any time.`,
    label: (noun: string) => `Archive ${noun}`,
  },
  delete: {
    title: (name: string) => `Delete “${name}”?`,
    consequence: (live: boolean, noun: string) => `${live ? 'It is live: Folio unpublishes it first. ' : ''}The ${noun} and its version history are deleted. This cannot be undone.`,
    label: (noun: string) => `Delete ${noun}`,
  },
} as const;

type Removal = keyof typeof removals;

export interface RemovalOptions {
  context: AdminContext;
  /** Where the entry's page lives: `${base}/:id`. */
  base: string;
  noun: string;
  section: 'articles' | 'content';
  /** Reads the entry (refusing entries this editor does not handle). */
  load: (actor: Actor, id: string) => Promise<EntryRecord>;
  nameOf: (entry: EntryRecord) => string | Promise<string>;
  /** Where to go after a delete. */
  afterDelete: (entry: EntryRecord) => string;
  /** Where to go after an archive. */
  afterArchive: (entry: EntryRecord) => string;
}

export async function articleRemovalRoutes(app: FastifyInstance, opts: { context: AdminContext }) {
  const ctx = opts.context;
  await app.register(removalRoutes, {
    context: ctx,
    base: '/admin/articles',
    noun: 'article',
    section: 'articles',
    load: (actor, id) => ops.getArticle(ctx, actor, id),
    nameOf: (entry) => String(entry.fields.title?.[ctx.locale] || 'Untitled article'),
    afterDelete: () => '/admin/articles?removed=1',
    afterArchive: (entry) => `/admin/articles/${entry.sys.id}?done=archived`,
  });
  app.post('/admin/articles/:id/unarchive', async (request: One, reply) => {
    const actor = actorOf(request);
    await ops.unarchiveArticle(ctx, actor, request.params.id, Number(formString(request.body, 'version')));
    return reply.redirect(`/admin/articles/${request.params.id}?done=unarchived`, 303);
  });
}

export async function removalRoutes(app: FastifyInstance, opts: RemovalOptions) {
  const ctx = opts.context;
  const { base, noun, nameOf } = opts;
  const isLive = (entry: EntryRecord) => entry.sys.publishedVersion !== null;

  const confirmPage = async (request: FastifyRequest, reply: FastifyReply, kind: Removal, entry: EntryRecord, problems: FieldProblem[] = [], status = 200) => {
    const csrf = csrfFor(request, reply, ctx.publicUrl);
    const removal = removals[kind];
    const title = removal.title(await nameOf(entry));
    const body = confirmPanel({
      csrf,
      title,
      consequence: removal.consequence(isLive(entry), noun),
      action: `${base}/${entry.sys.id}/${kind}`,
      confirmLabel: removal.label(noun),
      cancelHref: `${base}/${entry.sys.id}`,
      version: entry.sys.version,
      problems,
    });
    return sendPage(reply, renderPage({ title, viewer: viewerOf(request), section: opts.section, csrf, body }), status);
  };

  for (const kind of Object.keys(removals) as Removal[]) {
    app.get(`${base}/:id/${kind}`, async (request: One, reply) => {
      const actor = actorOf(request);
      const entry = await opts.load(actor, request.params.id);
      // Refused before the question is asked: a role that may not do it hears so at once.
      ops.assertAllowed(actor, kind, entry);
      return confirmPage(request, reply, kind, entry);
    });

    app.post(`${base}/:id/${kind}`, async (request: One, reply) => {
      const actor = actorOf(request);
      const entry = await opts.load(actor, request.params.id);
      ops.assertAllowed(actor, kind, entry);
      try {
        let version = Number(formString(request.body, 'version'));
        if (isLive(entry)) version = (await ops.entryActions.unpublish(ctx, actor, entry.sys.id, version)).sys.version;
        await ops.entryActions[kind](ctx, actor, entry.sys.id, version);
      } catch (err) {
        const current = await opts.load(actor, entry.sys.id);
        if (isFolioError(err) && err.code === 'VERSION_MISMATCH') {
          return confirmPage(request, reply, kind, current, [{ field: 'confirm', message: `Someone changed this ${noun} since you opened it. Check it, then confirm again.` }], 409);
        }
        const problems = problemsOf(err);
        if (!problems) throw err;
        return confirmPage(request, reply, kind, current, problems, 422);
      }
      return reply.redirect(kind === 'delete' ? opts.afterDelete(entry) : opts.afterArchive(entry), 303);
    });
  }
}
