/**
 * Contentful's webhook endpoints: definitions under /webhook_definitions, and the call log and
 * health under /webhooks/{id}. Everything needs the manageWebhooks permission.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { FolioError } from '../errors/index.js';
import type { Store } from '../store/index.js';
import * as is from '../validate/is.js';
import { parseDefinition } from './definition-input.js';
import { acceptManagementJson, authorize, collection, pageQuery, sendJson, validId, versionHeader } from './http.js';
import { callDetailsJson, callOverviewJson, definitionJson, healthJson } from './serialize.js';

interface Params {
  spaceId: string;
  id: string;
  callId: string;
}

export async function webhooksRoutes(app: FastifyInstance, opts: { store: Store }) {
  const { store } = opts;
  acceptManagementJson(app);
  const base = '/management/spaces/:spaceId';

  const existing = async (spaceId: string, id: string) => {
    const hook = await store.webhooks.get(spaceId, id);
    if (!hook) throw new FolioError('NOT_FOUND', `Webhook "${id}" not found`, { details: { type: 'WebhookDefinition', id } });
    return hook;
  };

  /** The create answer is the only one that shows the signing secret. */
  const created = (hook: Awaited<ReturnType<typeof existing>>) => ({ ...definitionJson(hook), secret: hook.secret });

  app.post(`${base}/webhook_definitions`, async (request: FastifyRequest<{ Params: Params }>, reply) => {
    const { spaceId } = request.params;
    const actor = await authorize(store, request, spaceId, 'manageWebhooks');
    const body = parseDefinition(request.body);
    return sendJson(reply, 201, created(await store.webhooks.create(spaceId, body, actor.id)));
  });

  app.get(`${base}/webhook_definitions`, async (request: FastifyRequest<{ Params: Params }>, reply) => {
    const { spaceId } = request.params;
    await authorize(store, request, spaceId, 'manageWebhooks');
    const page = await store.webhooks.list(spaceId, pageQuery(request.query as Record<string, unknown>));
    return sendJson(reply, 200, collection(page.items.map(definitionJson), page));
  });

  app.get(`${base}/webhook_definitions/:id`, async (request: FastifyRequest<{ Params: Params }>, reply) => {
    const { spaceId, id } = request.params;
    await authorize(store, request, spaceId, 'manageWebhooks');
    return sendJson(reply, 200, definitionJson(await existing(spaceId, id)));
  });

  app.put(`${base}/webhook_definitions/:id`, async (request: FastifyRequest<{ Params: Params }>, reply) => {
    const { spaceId, id } = request.params;
    const actor = await authorize(store, request, spaceId, 'manageWebhooks');
    if (!validId(id)) is.invalid('id', '1 to 64 letters, digits, ".", "_" or "-"', id, 'VALIDATION_FAILED');
    const version = versionHeader(request);
    const current = await store.webhooks.get(spaceId, id);
    if (!current) return sendJson(reply, 201, created(await store.webhooks.create(spaceId, { ...parseDefinition(request.body), id }, actor.id)));
    if (version === undefined) throw new FolioError('VERSION_MISMATCH', 'Updating a webhook needs the X-Contentful-Version header');
    const body = parseDefinition(request.body, current);
    return sendJson(reply, 200, definitionJson(await store.webhooks.update(spaceId, id, body, version, actor.id)));
  });

  app.delete(`${base}/webhook_definitions/:id`, async (request: FastifyRequest<{ Params: Params }>, reply) => {
    const { spaceId, id } = request.params;
    await authorize(store, request, spaceId, 'manageWebhooks');
    await store.webhooks.delete(spaceId, id);
    return reply.code(204).send();
  });

  app.get(`${base}/webhooks/:id/calls`, async (request: FastifyRequest<{ Params: Params }>, reply) => {
    const { spaceId, id } = request.params;
    await authorize(store, request, spaceId, 'manageWebhooks');
    await existing(spaceId, id);
    const page = await store.webhooks.listLog(spaceId, id, pageQuery(request.query as Record<string, unknown>, 500));
    return sendJson(reply, 200, collection(page.items.map(callOverviewJson), page));
  });

  app.get(`${base}/webhooks/:id/calls/:callId`, async (request: FastifyRequest<{ Params: Params }>, reply) => {
    const { spaceId, id, callId } = request.params;
    await authorize(store, request, spaceId, 'manageWebhooks');
    await existing(spaceId, id);
    const call = await store.webhooks.getLog(spaceId, id, callId);
    if (!call) throw new FolioError('NOT_FOUND', `Call "${callId}" of webhook "${id}" not found`, { details: { type: 'WebhookCallDetails', id: callId } });
    return sendJson(reply, 200, callDetailsJson(call));
  });

  app.get(`${base}/webhooks/:id/health`, async (request: FastifyRequest<{ Params: Params }>, reply) => {
    const { spaceId, id } = request.params;
    await authorize(store, request, spaceId, 'manageWebhooks');
    await existing(spaceId, id);
    return sendJson(reply, 200, healthJson(spaceId, id, await store.webhooks.health(spaceId, id)));
  });
}
