/**
 * Personal access tokens: a user's own key to the Management API, acting with the user's role.
 * Shown once at creation; only the sha256 is stored. Revoked or expired tokens resolve to nobody.
 */
import type { Store } from '../store/store.js';
import type { AccessTokenRecord } from '../store/types.js';
import type { Actor } from './permissions.js';
import { generateToken, hashToken } from './tokens.js';

/** Users' tokens start with this, so they are easy to recognise in logs and secret scanners. */
export const accessTokenPrefix = 'folio_pat_';
const markUsedEveryMs = 60_000;

/** Why a token name is refused (the editor's form and the Management API ask the same), or undefined. */
export const tokenNameProblem = (name: string) => (!name || name.length > 100 ? 'Give the token a name of up to 100 characters.' : undefined);

export async function createAccessToken(
  store: Store,
  userId: string,
  input: { name: string; expiresAt?: string | null },
): Promise<{ token: string; record: AccessTokenRecord }> {
  const token = accessTokenPrefix + generateToken();
  const record = await store.accessTokens.create({ userId, name: input.name, tokenHash: hashToken(token), expiresAt: input.expiresAt ?? null });
  return { token, record };
}

export const isActive = (t: AccessTokenRecord, at = Date.now()) => !t.revokedAt && (!t.expiresAt || Date.parse(t.expiresAt) > at);

/** For `tokenResolvers`: the owner of a live token, with the owner's current role. */
export async function accessTokenActor(store: Store, token: string): Promise<Actor | undefined> {
  if (!token.startsWith(accessTokenPrefix)) return undefined;
  const record = await store.accessTokens.findByTokenHash(hashToken(token));
  if (!record || !isActive(record)) return undefined;
  const user = await store.users.get(record.userId);
  if (!user) return undefined;
  const now = Date.now();
  if (!record.lastUsedAt || now - Date.parse(record.lastUsedAt) > markUsedEveryMs) await store.accessTokens.markUsed(record.id, new Date(now).toISOString());
  return { kind: 'user', id: user.id, role: user.role };
}
