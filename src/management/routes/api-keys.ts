/**
 * Delivery API keys (`api_keys`) and their paired preview keys (`preview_api_keys`). Tokens are
 * stored hashed: the create answer is the only one that carries them.
 */
import type { FastifyInstance } from 'fastify';
import { assertCan, managementActor } from '../../auth/index.js';
import { createApiKey, deleteApiKey, getApiKey, listApiKeys, updateApiKey, type ApiKeyInput } from '../../content/index.js';
import { FolioError, refused } from '../../errors/index.js';
import type { Store } from '../../store/index.js';
import type { ApiKeyRecord } from '../../store/types.js';
import * as is from '../../validate/is.js';
import type { ManagementOptions, Req } from '../context.js';
import { assertResourceId } from '../ids.js';
import { bodyObject, requiredVersion } from '../parse.js';
import { apiKeyJson, collection } from '../serialize.js';

type One = Req<{ id: string }>;

const invalid = (path: string, details: string): never => {
  throw refused('type', [path], details);
};

function apiKeyInput(body: unknown): ApiKeyInput {
  const o = bodyObject(body);
  if (!is.nonEmptyString(o.name)) invalid('name', 'name must be a non-empty string');
  if (o.description !== undefined && o.description !== null && !is.string(o.description)) invalid('description', 'description must be a string');
  const envs = o.environments ?? [{ sys: { type: 'Link', linkType: 'Environment', id: 'master' } }];
  if (!Array.isArray(envs)) return invalid('environments', 'environments must be an array of Links to environments');
  const environments = envs.map((e: unknown) =>
    is.plainObject(e) && is.plainObject(e.sys) && is.nonEmptyString(e.sys.id) ? e.sys.id : invalid('environments', 'environments must be an array of Links to environments'),
  );
  return { name: o.name as string, description: (o.description as string | null | undefined) ?? null, environments };
}

/** previewAccessToken is Folio's addition: the preview token cannot be read again later. */
const createdJson = (made: { delivery: ApiKeyRecord; accessToken: string; previewToken: string }) => ({
  ...apiKeyJson(made.delivery, { accessToken: made.accessToken }),
  previewAccessToken: made.previewToken,
});

/** API keys belong to the space; the actor is checked in the operations (manageApiKeys). */
async function spaceOf(store: Store, request: Req) {
  const actor = await managementActor(store, request);
  if (!(await store.spaces.get(request.params.spaceId))) throw new FolioError('NOT_FOUND', `Space "${request.params.spaceId}" not found`);
  return { actor, spaceId: request.params.spaceId };
}

export function apiKeyRoutes(app: FastifyInstance, { store }: ManagementOptions) {
  const base = '/management/spaces/:spaceId/api_keys';
  app.get(base, async (request: Req) => {
    const { actor, spaceId } = await spaceOf(store, request);
    const keys = await listApiKeys(store, spaceId, 'delivery', actor);
    return collection(keys.map((k) => apiKeyJson(k)), { total: keys.length, skip: 0, limit: 1000 });
  });

  app.post(base, async (request: Req, reply) => {
    const { actor, spaceId } = await spaceOf(store, request);
    return reply.code(201).send(createdJson(await createApiKey(store, spaceId, apiKeyInput(request.body), actor)));
  });

  app.get(`${base}/:id`, async (request: One) => {
    const { actor, spaceId } = await spaceOf(store, request);
    return apiKeyJson(await getApiKey(store, spaceId, request.params.id, 'delivery', actor));
  });

  // A PUT to an id nobody holds creates the key there (the client's createApiKeyWithId).
  app.put(`${base}/:id`, async (request: One, reply) => {
    const { actor, spaceId } = await spaceOf(store, request);
    assertCan(actor, 'manageApiKeys');
    if (!(await store.apiKeys.get(spaceId, request.params.id))) {
      const input = { ...apiKeyInput(request.body), id: assertResourceId(request.params.id) };
      return reply.code(201).send(createdJson(await createApiKey(store, spaceId, input, actor)));
    }
    const version = requiredVersion(request, `API key "${request.params.id}"`);
    return apiKeyJson(await updateApiKey(store, spaceId, request.params.id, apiKeyInput(request.body), version, actor));
  });

  app.delete(`${base}/:id`, async (request: One, reply) => {
    const { actor, spaceId } = await spaceOf(store, request);
    await deleteApiKey(store, spaceId, request.params.id, actor);
    return reply.code(204).send();
  });

  app.get('/management/spaces/:spaceId/preview_api_keys', async (request: Req) => {
    const { actor, spaceId } = await spaceOf(store, request);
    const keys = await listApiKeys(store, spaceId, 'preview', actor);
    return collection(keys.map((k) => apiKeyJson(k)), { total: keys.length, skip: 0, limit: 1000 });
  });

  app.get('/management/spaces/:spaceId/preview_api_keys/:id', async (request: One) => {
    const { actor, spaceId } = await spaceOf(store, request);
    return apiKeyJson(await getApiKey(store, spaceId, request.params.id, 'preview', actor));
  });
}
