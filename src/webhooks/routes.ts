/**
 * Contentful's webhook endpoints: definitions under /webhook_definitions, and the call log and
 * health under /webhooks/{id}. The operations (operations.ts) check manageWebhooks, input and
 * versions; these routes parse the request and shape the answer.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Store } from '../store/index.js';
import { authorize, collection, pageQuery, sendJson, versionHeader } from './http.js';
import {
  createWebhook,
  deleteWebhook,
  getWebhook,
  getWebhookCall,
  listWebhookCalls,
  listWebhooks,
  putWebhook,
  webhookHealth,
} from './operations.js';
import { callDetailsJson, callOverviewJson, definitionJson, healthJson } from './serialize.js';
import { publicTargetsOnly, type TargetPolicy } from './target.js';

interface Params {
  spaceId: string;
  id: string;
  callId: string;
}

type Req = FastifyRequest<{ Params: Params }>;

export async function webhooksRoutes(app: FastifyInstance, opts: { store: Store; targets?: TargetPolicy }) {
  const { store } = opts;
  const targets = opts.targets ?? publicTargetsOnly;
  const base = '/management/spaces/:spaceId';

  /** The create answer is the only one that shows the signing secret. */
  const created = (hook: Awaited<ReturnType<typeof getWebhook>>) => ({ ...definitionJson(hook), secret: hook.secret });

  app.post(`${base}/webhook_definitions`, async (request: Req, reply) => {
    const { spaceId } = request.params;
    const actor = await authorize(store, request, spaceId, 'manageWebhooks');
    return sendJson(reply, 201, created(await createWebhook(store, spaceId, request.body, actor, undefined, targets)));
  });

  app.get(`${base}/webhook_definitions`, async (request: Req, reply) => {
    const { spaceId } = request.params;
    const actor = await authorize(store, request, spaceId, 'manageWebhooks');
    const page = await listWebhooks(store, spaceId, pageQuery(request.query as Record<string, unknown>), actor);
    return sendJson(reply, 200, collection(page.items.map(definitionJson), page));
  });

  app.get(`${base}/webhook_definitions/:id`, async (request: Req, reply) => {
    const { spaceId, id } = request.params;
    const actor = await authorize(store, request, spaceId, 'manageWebhooks');
    return sendJson(reply, 200, definitionJson(await getWebhook(store, spaceId, id, actor)));
  });

  app.put(`${base}/webhook_definitions/:id`, async (request: Req, reply) => {
    const { spaceId, id } = request.params;
    const actor = await authorize(store, request, spaceId, 'manageWebhooks');
    const result = await putWebhook(store, spaceId, id, request.body, versionHeader(request), actor, targets);
    return result.created ? sendJson(reply, 201, created(result.hook)) : sendJson(reply, 200, definitionJson(result.hook));
  });

  app.delete(`${base}/webhook_definitions/:id`, async (request: Req, reply) => {
    const { spaceId, id } = request.params;
    const actor = await authorize(store, request, spaceId, 'manageWebhooks');
    await deleteWebhook(store, spaceId, id, actor);
    return reply.code(204).send();
  });

  app.get(`${base}/webhooks/:id/calls`, async (request: Req, reply) => {
    const { spaceId, id } = request.params;
    const actor = await authorize(store, request, spaceId, 'manageWebhooks');
    const page = await listWebhookCalls(store, spaceId, id, pageQuery(request.query as Record<string, unknown>, 500), actor);
    return sendJson(reply, 200, collection(page.items.map(callOverviewJson), page));
  });

  app.get(`${base}/webhooks/:id/calls/:callId`, async (request: Req, reply) => {
    const { spaceId, id, callId } = request.params;
    const actor = await authorize(store, request, spaceId, 'manageWebhooks');
    return sendJson(reply, 200, callDetailsJson(await getWebhookCall(store, spaceId, id, callId, actor)));
  });

  app.get(`${base}/webhooks/:id/health`, async (request: Req, reply) => {
    const { spaceId, id } = request.params;
    const actor = await authorize(store, request, spaceId, 'manageWebhooks');
    return sendJson(reply, 200, healthJson(spaceId, id, await webhookHealth(store, spaceId, id, actor)));
  });
}
