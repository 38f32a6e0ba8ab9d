/**
 * Editor sessions. The cookie holds 32 random bytes; the database keeps only their sha256, so
 * a leaked database cannot sign anyone in. Sessions end after 14 days, or after 3 days unused.
 */
import type { Store } from '../store/store.js';
import type { SessionRecord, UserRecord } from '../store/types.js';
import { generateToken, hashToken } from './tokens.js';

export const sessionLifetimeMs = 14 * 24 * 3600_000;
export const sessionIdleMs = 3 * 24 * 3600_000;
/** last_seen_at is written at most this often, so reads stay reads. */
const touchEveryMs = 60_000;

export interface SignedIn {
  session: SessionRecord;
  user: UserRecord;
}

/** A new session for the user; the returned value goes in the cookie and nowhere else. */
export async function startSession(store: Store, userId: string, at = new Date()): Promise<{ cookieValue: string; session: SessionRecord }> {
  const cookieValue = generateToken();
  const session = await store.sessions.create({
    idHash: hashToken(cookieValue),
    userId,
    createdAt: at.toISOString(),
    expiresAt: new Date(at.getTime() + sessionLifetimeMs).toISOString(),
  });
  return { cookieValue, session };
}

/** The live session and its user for a cookie value; expired or idle sessions are removed. */
export async function resolveSession(store: Store, cookieValue: string | undefined, at = new Date()): Promise<SignedIn | undefined> {
  if (!cookieValue) return undefined;
  const idHash = hashToken(cookieValue);
  const session = await store.sessions.find(idHash);
  if (!session) return undefined;
  const t = at.getTime();
  if (Date.parse(session.expiresAt) <= t || Date.parse(session.lastSeenAt) + sessionIdleMs <= t) {
    await store.sessions.delete(idHash);
    return undefined;
  }
  const user = await store.users.get(session.userId);
  if (!user) return undefined;
  if (t - Date.parse(session.lastSeenAt) > touchEveryMs) {
    const lastSeenAt = at.toISOString();
    await store.sessions.touch(idHash, lastSeenAt);
    return { session: { ...session, lastSeenAt }, user };
  }
  return { session, user };
}

export const endSession = (store: Store, cookieValue: string) => store.sessions.delete(hashToken(cookieValue));
