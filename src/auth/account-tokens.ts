/**
 * One-time links and pending sign-ins: invites, password resets, and sign-ins waiting for a
 * two-factor code. The token goes to the person once; the store keeps only its sha256 (as the
 * document id, kind `AccountToken`), so a leaked database opens no account. Each token has a
 * purpose and an expiry, and is used once: taking it deletes it, and of two requests racing
 * for it only one deletes it.
 */
import { isFolioError } from '../errors/index.js';
import type { Store } from '../store/store.js';
import type { Json, Scope } from '../store/types.js';
import { generateToken, hashToken } from './tokens.js';

/** `resetRequest` is a person's request, shown to admins when no mail can be sent; its token is never given out. */
export type AccountTokenPurpose = 'invite' | 'reset' | 'resetRequest' | 'signIn';

export const accountTokenLifetimeMs: Record<AccountTokenPurpose, number> = {
  invite: 7 * 24 * 3600_000,
  reset: 3600_000,
  resetRequest: 24 * 3600_000,
  signIn: 5 * 60_000,
};

const kind = 'AccountToken';
/** Tokens are 43 url-safe characters; anything else is not looked up. */
const tokenShape = /^[A-Za-z0-9_-]{43}$/;

export interface AccountTokenBody {
  purpose: AccountTokenPurpose;
  expiresAt: string;
  /** Invites: who is invited, as what. */
  email?: string;
  role?: string;
  /** Resets and sign-ins: whose. */
  userId?: string;
  /** Sign-ins: where to go after the code. */
  next?: string;
}

/** Whose token: the user, or for invites the invited address (hashed: ids have a length limit). */
const ownerOf = (body: Omit<AccountTokenBody, 'expiresAt'>) => body.userId ?? (body.email ? hashToken(body.email.toLowerCase()) : null);

/** A new token; the returned value is the only copy of it. */
export async function issueAccountToken(store: Store, scope: Scope, body: Omit<AccountTokenBody, 'expiresAt'>, by?: string, now = Date.now()): Promise<string> {
  const token = generateToken();
  const stored: AccountTokenBody = { ...body, expiresAt: new Date(now + accountTokenLifetimeMs[body.purpose]).toISOString() };
  await store.documents.create(scope, kind, { id: hashToken(token), parentId: ownerOf(body), body: stored as unknown as Record<string, Json> }, by);
  return token;
}

async function find(store: Store, scope: Scope, token: string, purpose: AccountTokenPurpose, now: number) {
  if (!tokenShape.test(token)) return undefined;
  const doc = await store.documents.get(scope, kind, hashToken(token));
  const body = doc?.body as unknown as AccountTokenBody | undefined;
  if (!doc || !body || body.purpose !== purpose) return undefined;
  if (Date.parse(body.expiresAt) <= now) {
    await store.documents.delete(scope, kind, doc.id).catch(() => undefined);
    return undefined;
  }
  return { doc, body };
}

/** The token's details while it is valid, without using it up (to show the form it opens). */
export async function peekAccountToken(store: Store, scope: Scope, token: string, purpose: AccountTokenPurpose, now = Date.now()): Promise<AccountTokenBody | undefined> {
  return (await find(store, scope, token, purpose, now))?.body;
}

/** Uses the token up: its details once, then never again (undefined when invalid, expired or taken). */
export async function takeAccountToken(store: Store, scope: Scope, token: string, purpose: AccountTokenPurpose, now = Date.now()): Promise<AccountTokenBody | undefined> {
  const found = await find(store, scope, token, purpose, now);
  if (!found) return undefined;
  try {
    await store.documents.delete(scope, kind, found.doc.id, found.doc.version);
  } catch (err) {
    if (isFolioError(err) && (err.code === 'NOT_FOUND' || err.code === 'VERSION_MISMATCH')) return undefined;
    throw err;
  }
  return found.body;
}

/** Drops a user's open tokens of one purpose (e.g. earlier reset links after a reset). */
export async function dropAccountTokens(store: Store, scope: Scope, userId: string, purpose: AccountTokenPurpose): Promise<void> {
  const page = await store.documents.list(scope, kind, { parentId: userId, limit: 1000 });
  for (const doc of page.items) {
    if ((doc.body as unknown as AccountTokenBody).purpose === purpose) await store.documents.delete(scope, kind, doc.id).catch(() => undefined);
  }
}

/** Open tokens of one purpose, newest first, for the admin's People screen. */
export async function openAccountTokens(store: Store, scope: Scope, purpose: AccountTokenPurpose, now = Date.now()): Promise<AccountTokenBody[]> {
  const page = await store.documents.list(scope, kind, { limit: 1000, newestFirst: true });
  return page.items.flatMap((doc) => {
    const b = doc.body as unknown as AccountTokenBody;
    return b.purpose === purpose && Date.parse(b.expiresAt) > now ? [b] : [];
  });
}
