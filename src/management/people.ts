/**
 * Folio's people in Contentful's shapes. Folio is one organization whose users are members of
 * every space: a user's role is their space membership (admin, or one of the roles in
 * routes/roles.ts) and decides their organization membership (admins are the organization's
 * admins). A membership's id is its user's id, so each answer names the same person the same way.
 */
import type { Role } from '../auth/index.js';
import { link, linkedId } from '../contentful/index.js';
import { refused } from '../errors/index.js';
import type { ApiKeyRecord, SpaceRecord, UserRecord } from '../store/types.js';
import * as is from '../validate/is.js';
import { spaceRoleIds } from './routes/roles.js';

export const organizationId = 'folio';

/** The one organization: as old as the oldest space. */
export function organizationJson(spaces: SpaceRecord[]) {
  const createdAt = spaces.map((s) => s.createdAt).sort()[0] ?? new Date(0).toISOString();
  return { name: 'Folio', sys: { type: 'Organization', id: organizationId, version: 1, createdAt, updatedAt: createdAt } };
}

const userSys = (id: string, createdAt: string, updatedAt: string) => ({ type: 'User', id, version: 1, createdAt, updatedAt });

/** Folio keeps one name; Contentful splits it at the first space. No avatar: Folio sends no e-mail hash to an avatar service. */
export function userJson(user: UserRecord) {
  const [firstName = '', ...rest] = user.name.split(' ');
  return { firstName, lastName: rest.join(' '), avatarUrl: '', email: user.email, activated: true, confirmed: true, '2faEnabled': false, sys: userSys(user.id, user.createdAt, user.updatedAt) };
}

/** The space's management API key acting as a user: the id its writes carry as createdBy. */
export function apiKeyUserJson(key: ApiKeyRecord) {
  return { firstName: key.name, lastName: '', avatarUrl: '', email: '', activated: true, confirmed: true, '2faEnabled': false, sys: userSys(key.id, key.createdAt, key.updatedAt ?? key.createdAt) };
}

const membershipSys = (type: string, user: UserRecord) => ({ type, id: user.id, version: 1, createdAt: user.createdAt, updatedAt: user.updatedAt, user: link('User', user.id) });

export function spaceMembershipJson(spaceId: string, user: UserRecord) {
  const admin = user.role === 'admin';
  return {
    admin,
    roles: admin ? [] : [link('Role', user.role)],
    sys: { ...membershipSys('SpaceMembership', user), space: link('Space', spaceId) },
    user: link('User', user.id),
  };
}

export function organizationMembershipJson(user: UserRecord) {
  return { role: user.role === 'admin' ? 'admin' : 'member', status: 'active', sys: { ...membershipSys('OrganizationMembership', user), organization: link('Organization', organizationId) } };
}

/**
 * The role a membership body asks for: `admin: true`, or exactly one role link (Folio gives each
 * member one role). Contentful's ValidationFailed names the offending path.
 */
export function membershipRole(body: Record<string, unknown>): Role {
  if (body.admin !== undefined && typeof body.admin !== 'boolean') throw refused('type', ['admin'], 'admin must be true or false', body.admin);
  if (body.admin === true) return 'admin';
  const { roles } = body;
  if (!Array.isArray(roles) || roles.length === 0) throw refused('required', ['roles'], 'A member who is not an admin needs a role: link one of the space roles');
  if (roles.length > 1) throw refused('size', ['roles'], 'Folio gives each member one role: link exactly one', roles.length);
  const id = linkedId(roles[0], 'Role');
  const role = spaceRoleIds.find((r) => r === id);
  if (!role) throw refused('notResolvable', ['roles', 0], `Link one of the roles ${spaceRoleIds.join(', ')}`, roles[0]);
  return role;
}

/** The e-mail of a new membership, and a name for the account until its owner gives one. */
export function invitee(body: Record<string, unknown>): { email: string; name: string } {
  if (!is.nonEmptyString(body.email)) throw refused('required', ['email'], 'email is required: the member is found or invited by e-mail');
  return { email: body.email, name: body.email.split('@')[0] || body.email };
}
