/**
 * People over the Management API (current user, organization, users, space and organization
 * memberships, roles) and the features Folio answers as a space without them (UI extensions,
 * app installations, teams), driven by the official `contentful-management` client, plain and
 * legacy. Run on every store (see management.sqlite/.postgres test files).
 */
import * as contentfulManagement from 'contentful-management';
import type { PlainClientAPI } from 'contentful-management';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCredentials, createAccessToken } from '../../src/auth/index.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/store.js';
import { startTestFolio, type TestFolio } from './folio.js';
import { failure } from './management.sdk.js';

const managementToken = 'management-token-for-people-tests';
const deliveryToken = 'delivery-token-for-people-tests';
const adminEmail = 'owner@example.com';
const space = { spaceId: 'folio' };
const at = { ...space, environmentId: 'master' };
const org = { organizationId: 'folio' };
const roleLink = (id: string) => ({ sys: { type: 'Link', linkType: 'Role', id } }) as const;

export function describeManagementPeople(name: string, env: () => Promise<Record<string, string>>) {
  describe(`Management API people and unavailable features with the contentful-management SDK: ${name}`, () => {
    let folio: TestFolio;
    let store: Store;
    let host: string;
    let client: PlainClientAPI;
    let adminId: string;
    let adminToken: string;
    let editorToken: string;

    const plain = (accessToken: string) => contentfulManagement.createClient({ accessToken, host, hostUpload: host, insecure: true, basePath: 'management' });
    const legacy = (accessToken: string) => contentfulManagement.createClient({ accessToken, host, hostUpload: host, insecure: true, basePath: 'management' }, { type: 'legacy' });
    const raw = (path: string, token: string, init: RequestInit = {}) =>
      fetch(`${folio.url}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(init.headers ?? {}) } });

    beforeAll(async () => {
      folio = await startTestFolio({ FOLIO_MANAGEMENT_TOKEN: managementToken, FOLIO_DELIVERY_TOKEN: deliveryToken, FOLIO_ADMIN_EMAIL: adminEmail, FOLIO_ADMIN_PASSWORD: 'owner-password-1', ...(await env()) });
      host = new URL(folio.url).host;
      client = plain(managementToken);
      store = await openStore(folio.storeOptions);
      const admin = (await store.users.findByEmail(adminEmail))!;
      await store.users.update(admin.id, { name: 'Ada Owner Lovelace' });
      adminId = admin.id;
      adminToken = (await createAccessToken(store, admin.id, { name: 'admin' })).token;
      const editor = await store.users.create({ email: 'ed@example.com', name: 'Ed', role: 'editor', passwordHash: 'x' });
      editorToken = (await createAccessToken(store, editor.id, { name: 'editor' })).token;
    });
    afterAll(async () => {
      await store?.close();
      await folio?.destroy();
    });

    it('answers the current user: a personal access token’s owner, or the management key itself', async () => {
      const me = await plain(adminToken).user.getCurrent();
      expect(me).toMatchObject({ firstName: 'Ada', lastName: 'Owner Lovelace', email: adminEmail, activated: true, sys: { type: 'User', id: adminId } });
      const viaLegacy = await legacy(adminToken).getCurrentUser();
      expect(viaLegacy.sys.id).toBe(adminId);
      const editorMe = await plain(editorToken).user.getCurrent();
      expect(editorMe.email).toBe('ed@example.com');
      // The key's writes carry its id as createdBy: /users/me names the same id.
      const key = await client.user.getCurrent<{ sys: { id: string; type: string } }>();
      expect(key.sys.type).toBe('User');
      const entry = await client.entry.create({ ...at, contentTypeId: 'topic' }, { fields: { name: { 'en-US': 'Who' }, slug: { 'en-US': 'who' } } });
      expect(entry.sys.createdBy!.sys.id).toBe(key.sys.id);
      // Contentful's root path, as tools that only change the host call it.
      const root = await raw('/users/me', adminToken);
      expect([root.status, (await root.json()).sys.id]).toEqual([200, adminId]);
      expect((await fetch(`${folio.url}/management/users/me`)).status).toBe(401);
    });

    it('shows Folio as one organization, with its users and memberships, to admins', async () => {
      const orgs = await client.organization.getAll();
      expect(orgs).toMatchObject({ sys: { type: 'Array' }, total: 1, items: [{ name: 'Folio', sys: { type: 'Organization', id: 'folio' } }] });
      const viaLegacy = await legacy(adminToken).getOrganization('folio');
      expect(viaLegacy.name).toBe('Folio');
      expect((await legacy(adminToken).getOrganizations()).items).toHaveLength(1);

      const users = await client.user.getManyForOrganization({ ...org, query: { limit: 1 } });
      expect(users).toMatchObject({ total: 2, limit: 1, skip: 0 });
      expect(users.items[0]).toMatchObject({ email: adminEmail, sys: { type: 'User', id: adminId } });
      expect((await client.user.getForOrganization({ ...org, userId: adminId })).email).toBe(adminEmail);

      const memberships = await client.organizationMembership.getMany(org);
      expect(memberships.items.map((m) => [m.role, m.sys.user.sys.id === adminId])).toEqual([
        ['admin', true],
        ['member', false],
      ]);
      const one = await client.organizationMembership.get({ ...org, organizationMembershipId: adminId });
      expect(one.sys).toMatchObject({ type: 'OrganizationMembership', id: adminId, user: { sys: { type: 'Link', linkType: 'User', id: adminId } } });
      const legacyOrg = await legacy(adminToken).getOrganization('folio');
      expect((await legacyOrg.getUsers()).items).toHaveLength(2);
      expect((await legacyOrg.getOrganizationMemberships()).items).toHaveLength(2);
      expect((await client.spaceMembership.getManyForOrganization(org)).items).toHaveLength(2);

      // Read only: roles follow the space membership.
      expect(await failure(client.organizationMembership.update({ ...org, organizationMembershipId: adminId }, { ...one, role: 'member' }))).toMatchObject({ status: 403, sys: 'AccessDenied' });
      expect(await failure(client.organizationMembership.get({ ...org, organizationMembershipId: 'nobody' }))).toMatchObject({ status: 404, details: { type: 'OrganizationMembership', id: 'nobody' } });
      expect(await failure(client.user.getManyForOrganization({ organizationId: 'other' }))).toMatchObject({ status: 404, details: { type: 'Organization', id: 'other' } });
      const missing = await legacy(adminToken).getOrganization('other').then(
        () => undefined,
        (e: { status?: number }) => e.status,
      );
      expect(missing).toBe(404);
      // An organization's people are for admins.
      expect(await failure(plain(editorToken).organizationMembership.getMany(org))).toMatchObject({ status: 403, sys: 'AccessDenied' });
      expect(await failure(plain(editorToken).user.getManyForOrganization(org))).toMatchObject({ status: 403, sys: 'AccessDenied' });
    });

    it('manages space memberships through the People screen’s operations', async () => {
      const before = await client.spaceMembership.getMany(space);
      expect(before.total).toBe(2);
      const adminMembership = before.items.find((m) => m.sys.id === adminId)!;
      expect(adminMembership).toMatchObject({ admin: true, roles: [], sys: { type: 'SpaceMembership', space: { sys: { id: 'folio' } }, user: { sys: { linkType: 'User', id: adminId } } } });

      // Invite by e-mail: a user is made with the role, and shows up everywhere people are listed.
      const made = await client.spaceMembership.create(space, { admin: false, roles: [roleLink('author')], email: 'new.writer@example.com' });
      expect(made).toMatchObject({ admin: false, roles: [roleLink('author')], sys: { type: 'SpaceMembership' } });
      const user = await store.users.get(made.sys.id);
      expect(user).toMatchObject({ email: 'new.writer@example.com', role: 'author', name: 'new.writer' });
      expect((await client.user.getForSpace({ ...space, userId: made.sys.id })).email).toBe('new.writer@example.com');
      // An invitation has no password: nothing signs it in.
      for (const password of ['', 'anything-at-all']) expect(await checkCredentials(store, 'new.writer@example.com', password)).toBeUndefined();

      // Change the role, as the legacy client's membership.update() sends it.
      const legacySpace = await legacy(adminToken).getSpace('folio');
      const membership = await legacySpace.getSpaceMembership(made.sys.id);
      membership.roles = [roleLink('editor')];
      const updated = await membership.update();
      expect(updated.roles).toEqual([roleLink('editor')]);
      expect((await store.users.get(made.sys.id))!.role).toBe('editor');
      const promoted = await client.spaceMembership.update({ ...space, spaceMembershipId: made.sys.id }, { ...updated.toPlainObject(), admin: true, roles: [] });
      expect(promoted).toMatchObject({ admin: true, roles: [] });

      // createSpaceMembershipWithId: a PUT to a new id makes it under that id.
      const withId = await legacySpace.createSpaceMembershipWithId('reader-1', { admin: false, roles: [roleLink('viewer')], email: 'reader@example.com' });
      expect(withId.sys.id).toBe('reader-1');
      expect((await store.users.get('reader-1'))!.role).toBe('viewer');
      expect((await legacySpace.getSpaceMemberships()).items.map((m) => m.sys.id)).toContain('reader-1');
      expect((await legacySpace.getSpaceUsers()).items.map((u) => u.email)).toContain('reader@example.com');

      // Contentful's validation errors, with the path of what is wrong.
      const bad = async (body: object) => failure(client.spaceMembership.create(space, body as never));
      expect(await bad({ admin: false, roles: [roleLink('superhero')], email: 'x@example.com' })).toMatchObject({ status: 422, details: { errors: [{ name: 'notResolvable', path: ['roles', 0] }] } });
      expect(await bad({ admin: false, roles: [roleLink('editor'), roleLink('author')], email: 'x@example.com' })).toMatchObject({ status: 422, details: { errors: [{ path: ['roles'] }] } });
      expect(await bad({ admin: false, roles: [], email: 'x@example.com' })).toMatchObject({ status: 422, details: { errors: [{ name: 'required', path: ['roles'] }] } });
      expect(await bad({ admin: 'yes', email: 'x@example.com' })).toMatchObject({ status: 422, details: { errors: [{ path: ['admin'] }] } });
      expect(await bad({ admin: false, roles: [roleLink('editor')], email: 'not-an-address' })).toMatchObject({ status: 422, details: { errors: [{ path: ['email'] }] } });
      expect(await bad({ admin: false, roles: [roleLink('editor')], email: adminEmail })).toMatchObject({ status: 422, details: { errors: [{ path: ['email'] }] } });
      const hostile = await raw('/management/spaces/folio/space_memberships', adminToken, { method: 'POST', body: '{"admin":false,"roles":[{"sys":{"__proto__":{"id":"editor"},"type":"Link","linkType":"Role"}}],"email":"p@example.com"}' });
      expect(hostile.status).toBe(422);
      expect(await store.users.findByEmail('p@example.com')).toBeUndefined();

      // The last admin stays: demoting or removing the only admin is refused.
      await client.spaceMembership.delete({ ...space, spaceMembershipId: made.sys.id });
      expect(await failure(client.spaceMembership.update({ ...space, spaceMembershipId: adminId }, { ...adminMembership, admin: false, roles: [roleLink('editor')] }))).toMatchObject({ status: 422 });
      expect(await failure(client.spaceMembership.delete({ ...space, spaceMembershipId: adminId }))).toMatchObject({ status: 422 });
      expect((await store.users.get(adminId))!.role).toBe('admin');

      // Removing a membership removes the user: their tokens stop working.
      expect(await store.users.get(made.sys.id)).toBeUndefined();
      for (const call of [() => client.spaceMembership.get({ ...space, spaceMembershipId: made.sys.id }), () => client.spaceMembership.delete({ ...space, spaceMembershipId: made.sys.id })]) {
        expect(await failure(call())).toMatchObject({ status: 404, sys: 'NotFound', details: { type: 'SpaceMembership', id: made.sys.id, space: 'folio' } });
      }
      expect(await failure(client.user.getForSpace({ ...space, userId: 'ghost' }))).toMatchObject({ status: 404, details: { type: 'User', id: 'ghost', space: 'folio' } });
      expect(await failure(client.spaceMembership.getMany({ spaceId: 'elsewhere' }))).toMatchObject({ status: 404, details: { type: 'Space', id: 'elsewhere' } });
    });

    it('refuses memberships to anyone but an admin, before reading the body or writing anything', async () => {
      const editor = plain(editorToken);
      const count = (await store.users.list()).length;
      expect(await failure(editor.spaceMembership.getMany(space))).toMatchObject({ status: 403, sys: 'AccessDenied' });
      expect(await failure(editor.spaceMembership.create(space, { admin: true, roles: [], email: 'sneaky@example.com' }))).toMatchObject({ status: 403, sys: 'AccessDenied' });
      // An invalid body still gets 403, not 422: permission is checked first.
      const invalid = await raw('/management/spaces/folio/space_memberships', editorToken, { method: 'POST', body: '{"roles":"nope"}' });
      expect([invalid.status, (await invalid.json()).sys.id]).toEqual([403, 'AccessDenied']);
      const editorId = (await editor.user.getCurrent()).sys.id;
      expect(await failure(editor.spaceMembership.update({ ...space, spaceMembershipId: editorId }, { admin: true, roles: [], sys: { version: 1 } } as never))).toMatchObject({ status: 403 });
      expect(await failure(editor.spaceMembership.delete({ ...space, spaceMembershipId: adminId }))).toMatchObject({ status: 403 });
      expect((await store.users.list()).length).toBe(count);
      expect((await store.users.get(editorId))!.role).toBe('editor');
      // A space's users (names for createdBy and task assignees) are for every member.
      expect((await editor.user.getManyForSpace(space)).items.map((u) => u.sys.id)).toContain(adminId);
    });

    it('makes, lists and revokes the caller’s own personal access tokens, which act as their owner', async () => {
      const editor = plain(editorToken);
      const made = await editor.accessToken.createPersonalAccessToken({ name: 'CI deploys', scopes: ['content_management_manage'], expiresIn: 3600 });
      expect(made).toMatchObject({ name: 'CI deploys', scopes: ['content_management_manage'], revokedAt: null, sys: { type: 'PersonalAccessToken', expiresAt: expect.any(String) }, token: expect.stringMatching(/^folio_pat_/) });
      // The new token is its owner: an editor's token is refused what editors are refused.
      expect((await plain(made.token!).user.getCurrent()).email).toBe('ed@example.com');
      expect(await failure(plain(made.token!).spaceMembership.getMany(space))).toMatchObject({ status: 403 });

      const viaLegacy = await legacy(editorToken).createPersonalAccessToken({ name: 'Scripts', scopes: ['content_management_manage'] });
      expect(viaLegacy.sys.expiresAt).toBeNull();
      const listed = await editor.personalAccessToken.getMany({});
      expect(listed.items.map((t) => t.name).sort()).toEqual(['CI deploys', 'Scripts', 'editor']);
      expect(listed.items.every((t) => !('token' in t))).toBe(true);
      expect((await editor.accessToken.get({ tokenId: made.sys.id })).name).toBe('CI deploys');

      const revoked = await (await legacy(editorToken).getPersonalAccessToken(viaLegacy.sys.id)).revoke();
      expect(revoked.revokedAt).toEqual(expect.any(String));
      expect(await failure(plain(viaLegacy.token!).user.getCurrent())).toMatchObject({ status: 401, sys: 'AccessTokenInvalid' });

      // Someone else's token is not found; the key is no user; bad input is Contentful's 422.
      expect(await failure(plain(adminToken).accessToken.get({ tokenId: made.sys.id }))).toMatchObject({ status: 404, details: { type: 'PersonalAccessToken', id: made.sys.id } });
      expect(await failure(plain(adminToken).accessToken.revoke({ tokenId: made.sys.id }))).toMatchObject({ status: 404 });
      expect((await plain(made.token!).user.getCurrent()).email).toBe('ed@example.com');
      expect(await failure(client.accessToken.getMany({}))).toMatchObject({ status: 403, sys: 'AccessDenied' });
      for (const body of [{ name: '', scopes: ['content_management_manage'] }, { name: 'x', scopes: ['everything'] }, { name: 'x', scopes: ['content_management_manage'], expiresIn: -5 }]) {
        expect(await failure(editor.accessToken.createPersonalAccessToken(body as never))).toMatchObject({ status: 422 });
      }
    });

    it('lists the fixed roles with Contentful’s paging', async () => {
      const roles = await client.role.getMany({ ...space, query: { limit: 2 } });
      expect(roles).toMatchObject({ total: 3, limit: 2, skip: 0 });
      expect(roles.items.map((r) => r.sys.id)).toEqual(['editor', 'author']);
      const rest = await (await legacy(adminToken).getSpace('folio')).getRoles({ skip: 2 });
      expect(rest.items.map((r) => r.sys.id)).toEqual(['viewer']);
      expect(await failure(client.role.get({ ...space, roleId: 'admin' }))).toMatchObject({ status: 404, details: { type: 'Role', id: 'admin', space: 'folio' } });
    });

    it('answers UI extensions, app installations, teams and custom roles as a space without them, on every verb', async () => {
      const refused = { status: 403, sys: 'AccessDenied', message: 'You are not authorized to do this action or exceeded your plan limits.' };
      const extension = { extension: { name: 'Stars', fieldTypes: [{ type: 'Symbol' }], src: 'https://example.com/stars.html' } };
      // Made one at a time: a rejection nobody awaits yet would be reported as unhandled.
      const calls: Array<() => Promise<unknown>> = [
        () => client.extension.getMany(at),
        () => client.extension.get({ ...at, extensionId: 'stars' }),
        () => client.extension.create(at, extension as never),
        () => client.extension.createWithId({ ...at, extensionId: 'stars' }, extension as never),
        () => client.extension.update({ ...at, extensionId: 'stars' }, { ...extension, sys: { version: 1 } } as never),
        () => client.extension.delete({ ...at, extensionId: 'stars' }),
        () => client.appInstallation.getMany(at),
        () => client.appInstallation.get({ ...at, appDefinitionId: 'app' }),
        () => client.appInstallation.upsert({ ...at, appDefinitionId: 'app' }, { parameters: {} }),
        () => client.appInstallation.delete({ ...at, appDefinitionId: 'app' }),
        () => client.team.getMany(org),
        () => client.team.getManyForSpace(space),
        () => client.team.create(org, { name: 'Writers', description: '' }),
        () => client.teamSpaceMembership.getMany(space),
        () => client.role.create(space, { name: 'Translator', description: '', policies: [], permissions: {} } as never),
        () => client.role.delete({ ...space, roleId: 'editor' }),
        () => client.concept.getMany(org),
        () => client.conceptScheme.getMany(org),
      ];
      for (const call of calls) expect(await failure(call())).toMatchObject(refused);
      const environment = await (await legacy(adminToken).getSpace('folio')).getEnvironment('master');
      expect(await failure(environment.getUiExtensions())).toMatchObject(refused);
      expect(await failure(environment.createUiExtension(extension.extension as never))).toMatchObject(refused);
      expect(await failure(environment.getAppInstallations())).toMatchObject(refused);
      // Asset keys without embargoed assets (FOLIO_EMBARGOED_ASSETS off): a space without the feature.
      expect(await failure(client.assetKey.create(at, { expiresAt: Math.floor(Date.now() / 1000) + 60 }))).toMatchObject(refused);
      expect(await failure(environment.createAssetKey({ expiresAt: Math.floor(Date.now() / 1000) + 60 }))).toMatchObject(refused);
      const viaDelivery = await raw('/delivery/spaces/folio/environments/master/asset_keys', deliveryToken, { method: 'POST', body: JSON.stringify({ expiresAt: Math.floor(Date.now() / 1000) + 60 }) });
      expect([viaDelivery.status, (await viaDelivery.json()).message]).toEqual([403, refused.message]);
      // Who asks and where come first: no token is 401, an unknown space or environment 404.
      expect((await fetch(`${folio.url}/management/spaces/folio/environments/master/extensions`)).status).toBe(401);
      expect(await failure(client.extension.getMany({ spaceId: 'folio', environmentId: 'nowhere' }))).toMatchObject({ status: 404, details: { type: 'Environment' } });
      expect(await failure(client.team.getMany({ organizationId: 'other' }))).toMatchObject({ status: 404, details: { type: 'Organization', id: 'other' } });
    });
  });
}
