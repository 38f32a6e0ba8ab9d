/**
 * Signed, expiring links to a draft as the hub will show it: `/drafts/{entryId}?expires=…&sig=…`.
 * (`/preview/…` belongs to the Content Preview API.) Unless a secret is passed in, the HMAC key
 * is generated once and kept in the store's settings, so links survive restarts and work across
 * processes sharing a database.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Store } from '../store/store.js';

const settingKey = 'site.previewSecret';

/** Default lifetime of a preview link. */
export const defaultPreviewTtlSeconds = 24 * 60 * 60;
/** Links that would live longer than this are refused: a leaked link must die. */
export const maxPreviewTtlSeconds = 30 * 24 * 60 * 60;

/** The signing secret, created on first use; concurrent first uses agree on the stored one. */
export async function previewSecret(store: Store): Promise<string> {
  const existing = await store.settings.get(settingKey);
  if (existing) return existing;
  const fresh = randomBytes(32).toString('base64url');
  return store.transaction(async (tx) => {
    const raced = await tx.settings.get(settingKey);
    if (raced) return raced;
    await tx.settings.set(settingKey, fresh);
    return fresh;
  });
}

const signature = (secret: string, entryId: string, expires: number) =>
  createHmac('sha256', secret).update(`draft\n${entryId}\n${expires}`).digest('base64url');

export const draftPath = (entryId: string) => `/drafts/${encodeURIComponent(entryId)}`;

/**
 * A link an editor can open (or share) to see entry `entryId`'s current draft on the hub, valid
 * for `ttlSeconds` from `now`. The admin calls this.
 */
export async function createPreviewUrl(
  store: Store,
  publicUrl: string,
  entryId: string,
  options: { ttlSeconds?: number; now?: Date; secret?: string } = {},
): Promise<string> {
  const ttl = options.ttlSeconds ?? defaultPreviewTtlSeconds;
  if (!Number.isInteger(ttl) || ttl < 1 || ttl > maxPreviewTtlSeconds) {
    throw new RangeError(`Expected a whole number of seconds from 1 to ${maxPreviewTtlSeconds} for ttlSeconds but received ${ttl}`);
  }
  const secret = options.secret ?? (await previewSecret(store));
  const expires = Math.floor((options.now ?? new Date()).getTime() / 1000) + ttl;
  return `${publicUrl.replace(/\/+$/, '')}${draftPath(entryId)}?expires=${expires}&sig=${signature(secret, entryId, expires)}`;
}

export type PreviewCheck = { ok: true } | { ok: false; reason: 'expired' | 'invalid' };

/** Checks a link's parameters; the signature is compared in constant time. */
export function checkPreviewLink(secret: string, entryId: string, expires: unknown, sig: unknown, now = new Date()): PreviewCheck {
  if (typeof expires !== 'string' || !/^\d{1,12}$/.test(expires) || typeof sig !== 'string') return { ok: false, reason: 'invalid' };
  const expected = Buffer.from(signature(secret, entryId, Number(expires)));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
  if (Number(expires) * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true };
}
