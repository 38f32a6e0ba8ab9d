/** Space reads and renames: what the client needs before anything else. */
import type { FastifyInstance } from 'fastify';
import { assertCan, managementActor } from '../../auth/index.js';
import { refused } from '../../errors/index.js';
import * as is from '../../validate/is.js';
import { begin, type ManagementOptions, type Req } from '../context.js';
import { bodyObject, requiredVersion } from '../parse.js';
import { collection, spaceJson } from '../serialize.js';

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
}
