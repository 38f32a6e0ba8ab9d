/** Space and environment reads: what the client needs before anything else. */
import type { FastifyInstance } from 'fastify';
import { assertCan, managementActor } from '../../auth/index.js';
import { FolioError, refused } from '../../errors/index.js';
import * as is from '../../validate/is.js';
import { begin, type ManagementOptions, type Req } from '../context.js';
import { bodyObject, requiredVersion } from '../parse.js';
import { collection, environmentJson, spaceJson } from '../serialize.js';

export function spaceRoutes(app: FastifyInstance, { store }: ManagementOptions) {
  app.get('/management/spaces', async (request) => {
    assertCan(await managementActor(store, request), 'read');
    const spaces = await store.spaces.list();
    return collection(spaces.map(spaceJson), { total: spaces.length, skip: 0, limit: 100 });
  });

  app.get('/management/spaces/:spaceId', async (request: Req) => {
    const { actor, scope } = await begin(store, request);
    assertCan(actor, 'read');
    return spaceJson((await store.spaces.get(scope.spaceId))!);
  });

  // Renaming is all a space's update does in Folio: its id and default locale stay.
  app.put('/management/spaces/:spaceId', async (request: Req) => {
    const { actor, scope } = await begin(store, request);
    assertCan(actor, 'manageSpace');
    const version = requiredVersion(request, 'a space');
    const { name } = bodyObject(request.body);
    if (!is.nonEmptyString(name) || name.length > 255) throw refused('size', ['name'], 'name must be a string of 1 to 255 characters');
    return spaceJson(await store.spaces.rename(scope.spaceId, name, version));
  });

  app.get('/management/spaces/:spaceId/environments', async (request: Req) => {
    const { actor, scope } = await begin(store, request);
    assertCan(actor, 'read');
    const envs = await store.environments.list(scope.spaceId);
    return collection(envs.map(environmentJson), { total: envs.length, skip: 0, limit: 100 });
  });

  app.get('/management/spaces/:spaceId/environments/:environmentId', async (request: Req) => {
    const { actor, scope } = await begin(store, request);
    assertCan(actor, 'read');
    const env = await store.environments.get(scope.spaceId, scope.environmentId);
    if (!env) throw new FolioError('NOT_FOUND', `Environment "${scope.environmentId}" not found`);
    return environmentJson(env);
  });
}
