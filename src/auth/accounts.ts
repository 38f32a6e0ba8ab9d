/**
 * A person's account beyond signing in: invites, password resets, changing one's password and
 * signing out everywhere. Links carry one-time tokens (account-tokens.ts). Nothing here tells a
 * stranger whether an address has an account: the reset request answers the same either way,
 * and the caller sends any mail without waiting for it.
 */
import { FolioError, refused } from '../errors/index.js';
import type { Store } from '../store/store.js';
import type { Scope, UserRecord } from '../store/types.js';
import { dropAccountTokens, issueAccountToken, peekAccountToken, takeAccountToken, type AccountTokenBody } from './account-tokens.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { assertCan, type Actor } from './permissions.js';
import { checkEmail, checkName, checkPassword, checkRole } from './users.js';

const linkGone = () => new FolioError('BAD_REQUEST', 'This link is not valid any more: it was used, it expired, or it was replaced by a newer one. Ask for a new one.');

/** An invite for an address and role (admins); the returned token goes in the link, once. */
export async function createInvite(store: Store, scope: Scope, actor: Actor, input: { email: string; role: string }): Promise<{ token: string; email: string; role: string }> {
  assertCan(actor, 'manageUsers');
  const email = checkEmail(input.email).toLowerCase();
  const role = checkRole(input.role);
  if (await store.users.findByEmail(email)) throw refused('invalid', ['email'], `${email} already has an account.`);
  const token = await issueAccountToken(store, scope, { purpose: 'invite', email, role }, actor.id);
  return { token, email, role };
}

export const openInvite = (store: Store, scope: Scope, token: string): Promise<AccountTokenBody | undefined> => peekAccountToken(store, scope, token, 'invite');

/** The invited person chooses a name and password; the invite is used up. */
export async function acceptInvite(store: Store, scope: Scope, token: string, input: { name: string; password: string }): Promise<UserRecord> {
  const name = checkName(input.name);
  const password = checkPassword(input.password);
  const invite = await takeAccountToken(store, scope, token, 'invite');
  if (!invite?.email || !invite.role) throw linkGone();
  if (await store.users.findByEmail(invite.email)) throw linkGone();
  return store.users.create({ email: invite.email, name, role: checkRole(invite.role), passwordHash: await hashPassword(password) });
}

/**
 * Someone asks to reset the password of `email`. With mail, a reset link is made for the account
 * (if any) and returned with it to send; without, the request is noted for admins to see. The
 * caller answers the same whatever this returns.
 */
export async function requestPasswordReset(store: Store, scope: Scope, email: string, mode: 'mail' | 'admin'): Promise<{ user: UserRecord; token?: string } | undefined> {
  const address = email.trim();
  if (!address || address.length > 320) return undefined;
  const user = await store.users.findByEmail(address);
  if (!user) return undefined;
  if (mode === 'admin') {
    await dropAccountTokens(store, scope, user.id, 'resetRequest');
    await issueAccountToken(store, scope, { purpose: 'resetRequest', userId: user.id });
    return { user };
  }
  return { user, token: await issueAccountToken(store, scope, { purpose: 'reset', userId: user.id }) };
}

/** A reset link an admin hands over; any earlier links and requests of that user stop counting. */
export async function createResetLink(store: Store, scope: Scope, actor: Actor, userId: string): Promise<{ user: UserRecord; token: string }> {
  assertCan(actor, 'manageUsers');
  const user = await store.users.get(userId);
  if (!user) throw new FolioError('NOT_FOUND', 'There is no such user.');
  await dropAccountTokens(store, scope, user.id, 'resetRequest');
  await dropAccountTokens(store, scope, user.id, 'reset');
  return { user, token: await issueAccountToken(store, scope, { purpose: 'reset', userId: user.id }, actor.id) };
}

export const openReset = (store: Store, scope: Scope, token: string): Promise<AccountTokenBody | undefined> => peekAccountToken(store, scope, token, 'reset');

/** Sets a new password through a reset link: the link is used up, and every session of the user ends. */
export async function resetPassword(store: Store, scope: Scope, token: string, password: string): Promise<UserRecord> {
  checkPassword(password);
  const reset = await takeAccountToken(store, scope, token, 'reset');
  const user = reset?.userId ? await store.users.get(reset.userId) : undefined;
  if (!user) throw linkGone();
  const updated = await store.users.update(user.id, { passwordHash: await hashPassword(password) });
  await store.sessions.deleteForUser(user.id);
  await dropAccountTokens(store, scope, user.id, 'reset');
  return updated;
}

/** A signed-in user changes their own password; every session of theirs ends (the caller starts a new one). */
export async function changePassword(store: Store, userId: string, input: { current: string; next: string }): Promise<void> {
  const user = await store.users.get(userId);
  if (!user || !(await verifyPassword(user.passwordHash, input.current))) throw refused('invalid', ['current'], 'Your current password is not right.');
  checkPassword(input.next, 'next');
  if (input.next === input.current) throw refused('invalid', ['next'], 'Choose a password different from the current one.');
  await store.users.update(userId, { passwordHash: await hashPassword(input.next) });
  await store.sessions.deleteForUser(userId);
}

/** Ends every session of the user, in every browser. */
export const signOutEverywhere = (store: Store, userId: string): Promise<void> => store.sessions.deleteForUser(userId);
