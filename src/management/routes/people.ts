/**
 * People over the Management API: the current user (`/users/me`), the organization, its users
 * and memberships, and a space's users and memberships (see ../people.ts for how Folio's users
 * map onto them). Membership changes call the operations the editor's People screen calls
 * (addUser, changeRole, removeUser), with their rules: admins only, never the last admin.
 * Reading who is in the organization or holds which membership is for admins too; a space's
 * users (names for createdBy links and task assignees) are for every member.
 */
import type { FastifyInstance } from 'fastify';
import { addUser, assertCan, changeRole, managementActor, removeUser, type Actor } from '../../auth/index.js';
import { pageOfAll, pageQuery } from '../../contentful/index.js';
import { FolioError, resourceNotFound } from '../../errors/index.js';
import type { Store } from '../../store/store.js';
import type { UserRecord } from '../../store/types.js';
import { beginSpace, type ManagementOptions, type Req } from '../context.js';
import { assertResourceId } from '../ids.js';
import { bodyObject } from '../parse.js';
import {
  apiKeyUserJson,
  invitee,
  membershipRole,
  organizationId,
  organizationJson,
  organizationMembershipJson,
  spaceMembershipJson,
  userJson,
} from '../people.js';

type Query = Record<string, unknown>;
type OrgReq<P = object> = Req<{ organizationId: string } & P>;

/** The organization a path names; 404 for any other id. */
export async function organizationOf(store: Store, id: string) {
  if (id !== organizationId) throw resourceNotFound('Organization', id);
  return organizationJson(await store.spaces.list());
}

async function userOf(store: Store, id: string, type: 'User' | 'SpaceMembership' | 'OrganizationMembership'): Promise<UserRecord> {
  const user = await store.users.get(id);
  if (!user) throw resourceNotFound(type, id);
  return user;
}

/** Who the token belongs to: a personal access token's owner, or the management API key itself. */
async function currentUser(store: Store, actor: Actor) {
  if (actor.kind === 'user') return userJson(await userOf(store, actor.id, 'User'));
  for (const space of await store.spaces.list()) {
    const key = await store.apiKeys.get(space.id, actor.id);
    if (key) return apiKeyUserJson(key);
  }
  throw resourceNotFound('User', 'me');
}

const list = <J>(query: unknown, all: UserRecord[], toJson: (u: UserRecord) => J) => pageOfAll(all, pageQuery(query as Query), toJson);

export function peopleRoutes(app: FastifyInstance, { store }: ManagementOptions) {
  app.get('/management/users/me', async (request) => currentUser(store, await managementActor(store, request)));

  app.get('/management/organizations', async (request) => {
    assertCan(await managementActor(store, request), 'read');
    return pageOfAll([await organizationOf(store, organizationId)], pageQuery(request.query as Query), (o) => o);
  });

  // The organization's people and memberships: admins only, as for Contentful's organization admins.
  const orgAdmin = async (request: OrgReq) => {
    assertCan(await managementActor(store, request), 'manageUsers');
    await organizationOf(store, request.params.organizationId);
  };
  app.get('/management/organizations/:organizationId/users', async (request: OrgReq) => {
    await orgAdmin(request);
    return list(request.query, await store.users.list(), userJson);
  });
  app.get('/management/organizations/:organizationId/users/:id', async (request: OrgReq<{ id: string }>) => {
    await orgAdmin(request);
    return userJson(await userOf(store, request.params.id, 'User'));
  });
  app.get('/management/organizations/:organizationId/organization_memberships', async (request: OrgReq) => {
    await orgAdmin(request);
    return list(request.query, await store.users.list(), organizationMembershipJson);
  });
  app.get('/management/organizations/:organizationId/organization_memberships/:id', async (request: OrgReq<{ id: string }>) => {
    await orgAdmin(request);
    return organizationMembershipJson(await userOf(store, request.params.id, 'OrganizationMembership'));
  });
  // Organization roles follow space roles in Folio (admins are the organization's admins): change the space membership.
  app.route({
    method: ['PUT', 'DELETE'],
    url: '/management/organizations/:organizationId/organization_memberships/:id',
    handler: async (request: OrgReq<{ id: string }>) => {
      await orgAdmin(request);
      await userOf(store, request.params.id, 'OrganizationMembership');
      throw new FolioError('ACCESS_DENIED', 'Organization memberships follow space memberships in Folio: change the space membership instead.');
    },
  });
  app.get('/management/organizations/:organizationId/space_memberships', async (request: OrgReq) => {
    await orgAdmin(request);
    const [spaces, users] = await Promise.all([store.spaces.list(), store.users.list()]);
    const all = spaces.flatMap((space) => users.map((user) => ({ space, user })));
    return pageOfAll(all, pageQuery(request.query as Query), ({ space, user }) => spaceMembershipJson(space.id, user));
  });

  app.get('/management/spaces/:spaceId/users', async (request: Req) => {
    const { actor } = await beginSpace(store, request);
    assertCan(actor, 'read');
    return list(request.query, await store.users.list(), userJson);
  });
  app.get('/management/spaces/:spaceId/users/:id', async (request: Req<{ id: string }>) => {
    const { actor } = await beginSpace(store, request);
    assertCan(actor, 'read');
    return userJson(await userOf(store, request.params.id, 'User'));
  });

  const spaceAdmin = async (request: Req) => {
    const { actor, spaceId } = await beginSpace(store, request);
    assertCan(actor, 'manageUsers');
    return { actor, spaceId };
  };
  app.get('/management/spaces/:spaceId/space_memberships', async (request: Req) => {
    const { spaceId } = await spaceAdmin(request);
    return list(request.query, await store.users.list(), (u) => spaceMembershipJson(spaceId, u));
  });
  app.get('/management/spaces/:spaceId/space_memberships/:id', async (request: Req<{ id: string }>) => {
    const { spaceId } = await spaceAdmin(request);
    return spaceMembershipJson(spaceId, await userOf(store, request.params.id, 'SpaceMembership'));
  });
  app.post('/management/spaces/:spaceId/space_memberships', async (request: Req, reply) => {
    const { actor, spaceId } = await spaceAdmin(request);
    const body = bodyObject(request.body);
    const user = await addUser(store, actor, { ...invitee(body), role: membershipRole(body) });
    return reply.code(201).send(spaceMembershipJson(spaceId, user));
  });
  // A PUT to a new id creates (createSpaceMembershipWithId); to an existing one changes the role.
  app.put('/management/spaces/:spaceId/space_memberships/:id', async (request: Req<{ id: string }>, reply) => {
    const { actor, spaceId } = await spaceAdmin(request);
    const body = bodyObject(request.body);
    const role = membershipRole(body);
    const id = assertResourceId(request.params.id);
    if (await store.users.get(id)) return spaceMembershipJson(spaceId, await changeRole(store, actor, id, role));
    const user = await addUser(store, actor, { ...invitee(body), role, id });
    return reply.code(201).send(spaceMembershipJson(spaceId, user));
  });
  app.delete('/management/spaces/:spaceId/space_memberships/:id', async (request: Req<{ id: string }>, reply) => {
    const { actor } = await spaceAdmin(request);
    await removeUser(store, actor, request.params.id);
    return reply.code(204).send();
  });
}
