/**
 * Delivery API keys in the editor, through the same operations as the Management API
 * (src/content/api-keys.ts), which check manageApiKeys for the signed-in user.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { assertCan } from '../../auth/index.js';
import { createApiKey, deleteApiKey, getApiKey, listApiKeys, updateApiKey } from '../../content/index.js';
import type { AdminContext } from '../context.js';
import { actorOf, csrfFor, formString, sendPage, viewerOf } from '../http.js';
import { refusalOf } from '../refusals.js';
import { renderApiKeyCreated, renderApiKeyEdit, renderApiKeys, type ApiKeyValues, type ClientSettings } from '../views/api-keys.js';
import type { FieldProblem } from '../views/layout.js';
import { renderConfirm } from '../views/settings.js';

type One = FastifyRequest<{ Params: { id: string } }>;

/** Name and description from the form, or the problems with them. */
function keyValues(body: unknown): { values: ApiKeyValues; problems: FieldProblem[] } {
  const values = { name: formString(body, 'name').trim(), description: formString(body, 'description').trim() };
  const problems: FieldProblem[] = [];
  if (!values.name || values.name.length > 255) problems.push({ field: 'name', message: 'Give the key a name of up to 255 characters.' });
  if (values.description.length > 2000) problems.push({ field: 'description', message: 'Keep the description under 2,000 characters.' });
  return { values, problems };
}

const versionOf = (body: unknown) => {
  const v = Number(formString(body, 'version'));
  return Number.isSafeInteger(v) && v > 0 ? v : undefined;
};

export async function apiKeyRoutes(app: FastifyInstance, opts: { context: AdminContext }) {
  const { store, scope, publicUrl } = opts.context;
  const { spaceId } = scope;
  const url = new URL(publicUrl);
  const client: ClientSettings = { space: spaceId, host: url.host, insecure: url.protocol === 'http:' };

  async function listPage(request: FastifyRequest, reply: FastifyReply, state: { problems?: FieldProblem[]; values?: ApiKeyValues; notice?: string; status?: number } = {}) {
    const actor = actorOf(request);
    assertCan(actor, 'manageApiKeys');
    const keys = (await listApiKeys(store, spaceId, 'delivery', actor))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .map((k) => ({ id: k.id, name: k.name, description: k.description ?? '', createdAt: k.createdAt }));
    const model = { viewer: viewerOf(request), csrf: csrfFor(request, reply, publicUrl), keys, problems: state.problems ?? [], values: state.values ?? { name: '', description: '' }, notice: state.notice };
    return sendPage(reply, renderApiKeys(model), state.status ?? 200);
  }

  async function editPage(request: One, reply: FastifyReply, state: { problems?: FieldProblem[]; values?: ApiKeyValues; notice?: string; status?: number } = {}) {
    const key = await getApiKey(store, spaceId, request.params.id, 'delivery', actorOf(request));
    return sendPage(
      reply,
      renderApiKeyEdit({
        viewer: viewerOf(request),
        csrf: csrfFor(request, reply, publicUrl),
        id: key.id,
        version: key.version ?? 1,
        createdAt: key.createdAt,
        environments: key.environments,
        values: state.values ?? { name: key.name, description: key.description ?? '' },
        problems: state.problems ?? [],
        client,
        notice: state.notice,
      }),
      state.status ?? 200,
    );
  }

  app.get<{ Querystring: { done?: string } }>('/admin/api-keys', (request, reply) =>
    listPage(request, reply, request.query.done === 'deleted' ? { notice: 'API key deleted. Its delivery and preview tokens no longer work.' } : {}),
  );

  app.post('/admin/api-keys', async (request, reply) => {
    const actor = actorOf(request);
    assertCan(actor, 'manageApiKeys');
    const { values, problems } = keyValues(request.body);
    if (problems.length) return listPage(request, reply, { problems, values, status: 422 });
    const created = await createApiKey(store, spaceId, { name: values.name, description: values.description || null, environments: [scope.environmentId] }, actor);
    // The tokens exist in this answer only (hashes are stored), so it is a page, not a redirect.
    return sendPage(
      reply,
      renderApiKeyCreated({ viewer: viewerOf(request), csrf: csrfFor(request, reply, publicUrl), name: values.name, id: created.delivery.id, accessToken: created.accessToken, previewToken: created.previewToken, client }),
    );
  });

  app.get<{ Params: { id: string }; Querystring: { done?: string } }>('/admin/api-keys/:id', (request, reply) =>
    editPage(request, reply, request.query.done === 'saved' ? { notice: 'Saved.' } : {}),
  );

  app.post('/admin/api-keys/:id', async (request: One, reply) => {
    const actor = actorOf(request);
    const key = await getApiKey(store, spaceId, request.params.id, 'delivery', actor);
    const { values, problems } = keyValues(request.body);
    if (problems.length) return editPage(request, reply, { problems, values, status: 422 });
    try {
      await updateApiKey(store, spaceId, key.id, { name: values.name, description: values.description || null, environments: key.environments }, versionOf(request.body), actor);
    } catch (err) {
      const refusal = refusalOf(err, 'name');
      if (!refusal) throw err;
      return editPage(request, reply, { ...refusal, values });
    }
    return reply.redirect(`/admin/api-keys/${encodeURIComponent(key.id)}?done=saved`, 303);
  });

  app.get('/admin/api-keys/:id/delete', async (request: One, reply) => {
    const key = await getApiKey(store, spaceId, request.params.id, 'delivery', actorOf(request));
    return sendPage(
      reply,
      renderConfirm({
        viewer: viewerOf(request),
        csrf: csrfFor(request, reply, publicUrl),
        area: 'api-keys',
        title: `Delete the API key “${key.name}”?`,
        consequence: 'Its delivery token and its preview token stop working at once. Websites and apps that use them will get 401 errors. This cannot be undone.',
        action: `/admin/api-keys/${key.id}/delete`,
        confirmLabel: 'Delete API key',
        cancelHref: `/admin/api-keys/${key.id}`,
      }),
    );
  });

  app.post('/admin/api-keys/:id/delete', async (request: One, reply) => {
    await deleteApiKey(store, spaceId, request.params.id, actorOf(request));
    return reply.redirect('/admin/api-keys?done=deleted', 303);
  });
}
