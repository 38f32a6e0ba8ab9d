/**
 * Managing users: the editor's Users screen and `folio user add` both come here. Input is
 * checked once, with messages a person can act on; the last admin can never be removed or demoted.
 */
import { FolioError, refused } from '../errors/index.js';
import type { Store } from '../store/store.js';
import type { UserRecord } from '../store/types.js';
import * as is from '../validate/is.js';
import { hashPassword } from './passwords.js';
import { assertCan, roles, type Actor, type Role } from './permissions.js';

export const minPasswordLength = 8; // as FOLIO_ADMIN_PASSWORD

const invalidField = (field: string, details: string) =>
  refused('invalid', [field], details);

/** A new user's details; no password makes an invitation (see `invitedPasswordHash`). */
export interface NewUser {
  email: string;
  name: string;
  role: string;
  password?: string | undefined;
}

/**
 * What an account made without a password stores (the Management API's space memberships invite
 * by e-mail, as Contentful's do): no password verifies against it, so it signs in with nothing
 * until a password is set; its owner's personal access tokens work meanwhile.
 */
export const invitedPasswordHash = '';

/** argon2 hashes any length; a cap keeps one request from making it hash megabytes. */
export const maxPasswordLength = 1024;

export function checkEmail(input: string): string {
  const email = input.trim();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 320) throw invalidField('email', 'Enter an e-mail address like name@example.com.');
  return email;
}

export function checkName(input: string): string {
  const name = input.trim();
  if (!name || name.length > 200) throw invalidField('name', 'Enter a name (up to 200 characters).');
  return name;
}

export function checkRole(input: string): Role {
  if (!is.oneOf(input, roles)) throw invalidField('role', `Choose a role: ${roles.join(', ')}.`);
  return input;
}

export function checkPassword(password: string, field = 'password'): string {
  if (password.length < minPasswordLength) throw invalidField(field, `Use a password of at least ${minPasswordLength} characters.`);
  if (password.length > maxPasswordLength) throw invalidField(field, `Use a password of at most ${maxPasswordLength} characters.`);
  return password;
}

export function checkNewUser(input: NewUser): { email: string; name: string; role: Role; password: string | undefined } {
  return { email: checkEmail(input.email), name: checkName(input.name), role: checkRole(input.role), password: input.password === undefined ? undefined : checkPassword(input.password) };
}

/** Adds a user (with `id`: under that id); the operator at the command line and start-up pass `systemActor`. */
export async function addUser(store: Store, actor: Actor, input: NewUser & { id?: string }): Promise<UserRecord> {
  assertCan(actor, 'manageUsers');
  const user = checkNewUser(input);
  if (await store.users.findByEmail(user.email)) throw invalidField('email', `A user with the e-mail ${user.email.toLowerCase()} already exists.`);
  const passwordHash = user.password === undefined ? invitedPasswordHash : await hashPassword(user.password);
  return store.users.create({ ...(input.id ? { id: input.id } : {}), email: user.email, name: user.name, role: user.role, passwordHash });
}

async function otherAdmins(store: Store, userId: string) {
  return (await store.users.list()).filter((u) => u.role === 'admin' && u.id !== userId).length;
}

export async function changeRole(store: Store, actor: Actor, userId: string, input: string): Promise<UserRecord> {
  assertCan(actor, 'manageUsers');
  const role = checkRole(input);
  return store.transaction(async (tx) => {
    const user = await tx.users.get(userId);
    if (!user) throw new FolioError('NOT_FOUND', 'There is no such user.');
    if (user.role === 'admin' && role !== 'admin' && (await otherAdmins(tx, userId)) === 0) {
      throw invalidField('role', 'This is the only admin: make someone else an admin first.');
    }
    return tx.users.update(userId, { role });
  });
}

export async function removeUser(store: Store, actor: Actor, userId: string): Promise<void> {
  assertCan(actor, 'manageUsers');
  if (actor.kind === 'user' && actor.id === userId) throw invalidField('user', 'You cannot remove yourself; ask another admin.');
  await store.transaction(async (tx) => {
    const user = await tx.users.get(userId);
    if (!user) throw new FolioError('NOT_FOUND', 'There is no such user.');
    if (user.role === 'admin' && (await otherAdmins(tx, userId)) === 0) throw invalidField('user', 'This is the only admin and cannot be removed.');
    await tx.users.delete(userId);
  });
}
