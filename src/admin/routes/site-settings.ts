/** Settings → Site (admins): one form over `updateSiteSettings`, which checks and versions it. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { assertCan } from '../../auth/index.js';
import { isFolioError } from '../../errors/index.js';
import { readSiteSettings, siteSettingsLimits, textOf, updateSiteSettings, type SiteSettingsInput } from '../../site/index.js';
import type { AdminContext } from '../context.js';
import { actorOf, csrfFor, formList, formString, problemsOf, sendPage, viewerOf } from '../http.js';
import type { FieldProblem } from '../views/layout.js';
import { renderSiteSettings, type SiteSettingsFormValues } from '../views/site-settings.js';

/** Choices offered in the lists: the newest published images and the topics by name. */
const maxChoices = 200;

export async function siteSettingsRoutes(app: FastifyInstance, opts: { context: AdminContext }) {
  const { store, scope, locale, publicUrl } = opts.context;

  async function formPage(request: FastifyRequest, reply: FastifyReply, state: { values?: SiteSettingsFormValues; version?: number; problems?: FieldProblem[]; notice?: string; status?: number } = {}) {
    assertCan(actorOf(request), 'manageSpace');
    const current = await readSiteSettings(store, scope);
    const [assets, topics] = await Promise.all([
      store.assets.listPublished(scope, { order: [{ sys: 'updatedAt', direction: 'desc' }], limit: maxChoices }),
      store.entries.listPublished(scope, { contentTypeId: 'topic', order: [{ field: 'name', locale, direction: 'asc' }], limit: maxChoices }),
    ]);
    const images = assets.items.flatMap((a) => {
      const file = a.fields.file?.[locale] as { contentType?: unknown } | undefined;
      return typeof file?.contentType === 'string' && file.contentType.startsWith('image/') ? [{ id: a.sys.id, name: textOf(a, 'title', locale) || a.sys.id }] : [];
    });
    const s = current.settings;
    return sendPage(
      reply,
      renderSiteSettings({
        viewer: viewerOf(request),
        csrf: csrfFor(request, reply, publicUrl),
        version: state.version ?? current.version,
        values: state.values ?? { name: s.name, tagline: s.tagline, language: s.language, logoAssetId: s.logoAssetId ?? '', socialImageAssetId: s.socialImageAssetId ?? '', navTopicIds: s.navTopicIds },
        images,
        topics: topics.items.map((t) => ({ id: t.sys.id, name: textOf(t, 'name', locale) || t.sys.id })),
        navSlots: siteSettingsLimits.navTopics,
        problems: state.problems ?? [],
        notice: state.notice,
      }),
      state.status ?? 200,
    );
  }

  app.get<{ Querystring: { done?: string } }>('/admin/site', (request, reply) =>
    formPage(request, reply, request.query.done === 'saved' ? { notice: 'Site settings saved. The public site shows them now.' } : {}),
  );

  app.post('/admin/site', async (request, reply) => {
    const body = request.body;
    const input: SiteSettingsInput = {
      name: formString(body, 'name'),
      tagline: formString(body, 'tagline'),
      language: formString(body, 'language'),
      logoAssetId: formString(body, 'logo'),
      socialImageAssetId: formString(body, 'socialImage'),
      navTopicIds: formList(body, 'nav'),
    };
    const values = { name: input.name, tagline: input.tagline, language: input.language, logoAssetId: input.logoAssetId, socialImageAssetId: input.socialImageAssetId, navTopicIds: input.navTopicIds };
    const version = Number(/^\d{1,9}$/.test(formString(body, 'version')) ? formString(body, 'version') : -1);
    try {
      await updateSiteSettings(store, actorOf(request), scope, input, version);
    } catch (err) {
      const problems = problemsOf(err);
      if (problems) return formPage(request, reply, { values, version, problems, status: 422 });
      if (isFolioError(err) && (err.code === 'VERSION_MISMATCH' || err.code === 'VALIDATION_FAILED' || err.code === 'NOT_FOUND')) {
        // Someone saved first (or a stale form): show theirs, with a word about it.
        return formPage(request, reply, { problems: [{ field: 'form', message: 'Someone else changed the site settings meanwhile. Their version is shown below; make your change again.' }], status: 409 });
      }
      throw err;
    }
    return reply.redirect('/admin/site?done=saved', 303);
  });
}
