/**
 * Optional TOTP two-factor sign-in (RFC 6238: 6 digits, 30 seconds, SHA-1, as every
 * authenticator app expects). A user enrols by typing the secret or the otpauth:// URI into an
 * app, then confirms with a code; only then does sign-in ask for codes. A code is accepted
 * once (a later time step than the last used) within one step of the clock either way.
 * Recovery codes are hashed with argon2 like passwords and each works once. Stored per user
 * as a document (kind `TwoFactor`, id: the user id).
 */
import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { FolioError, isFolioError, refused } from '../errors/index.js';
import type { Store } from '../store/store.js';
import type { Json, Scope, UserRecord } from '../store/types.js';
import { hashPassword, verifyPassword } from './passwords.js';

const kind = 'TwoFactor';
const period = 30;
const recoveryCount = 10;
const codeShape = /^\d{6}$/;
/**
 * The code's slot, then ten characters in two groups of Crockford base32 (50 random bits), e.g.
 * `3-7GQ2K-M4XZP`: the slot says which hash to check, so a try costs one argon2 verify, not ten.
 */
const recoveryShape = /^(\d)-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/;
const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

interface TwoFactorBody {
  secret: string;
  confirmed: boolean;
  /** The time step of the last accepted code: the same code never works twice. */
  lastStep: number;
  recovery: string[];
}

const totpFor = (secret: string, label = 'Folio', issuer = 'Folio') => new TOTP({ issuer, label, secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period });

async function read(store: Store, scope: Scope, userId: string) {
  const doc = await store.documents.get(scope, kind, userId);
  return doc && { doc, body: doc.body as unknown as TwoFactorBody };
}

const save = (body: TwoFactorBody) => body as unknown as Record<string, Json>;

/** Whether sign-in asks this user for a code. */
export async function hasTwoFactor(store: Store, scope: Scope, userId: string): Promise<boolean> {
  return (await read(store, scope, userId))?.body.confirmed === true;
}

/** Whether the user has started enrolling (and not confirmed yet). */
export async function pendingTwoFactor(store: Store, scope: Scope, user: UserRecord, issuer: string): Promise<{ secret: string; uri: string } | undefined> {
  const found = await read(store, scope, user.id);
  if (!found || found.body.confirmed) return undefined;
  return { secret: found.body.secret, uri: totpFor(found.body.secret, user.email, issuer).toString() };
}

/** A new secret to enrol (replacing an unconfirmed one); refused while two-factor is on. */
export async function startTwoFactor(store: Store, scope: Scope, user: UserRecord, issuer: string): Promise<{ secret: string; uri: string }> {
  const found = await read(store, scope, user.id);
  if (found?.body.confirmed) throw new FolioError('BAD_REQUEST', 'Two-factor sign-in is already on. Turn it off first to enrol a new app.');
  const secret = new Secret({ size: 20 }).base32;
  const body = save({ secret, confirmed: false, lastStep: 0, recovery: [] });
  if (found) await store.documents.update(scope, kind, user.id, body, found.doc.version, user.id);
  else await store.documents.create(scope, kind, { id: user.id, body }, user.id);
  return { secret, uri: totpFor(secret, user.email, issuer).toString() };
}

/** The step of a valid, unused code, or undefined. */
function stepOf(body: TwoFactorBody, code: string, now: number): number | undefined {
  if (!codeShape.test(code)) return undefined;
  const delta = totpFor(body.secret).validate({ token: code, timestamp: now, window: 1 });
  if (delta === null) return undefined;
  const step = Math.floor(now / 1000 / period) + delta;
  return step > body.lastStep ? step : undefined;
}

function recoveryCode(slot: number): string {
  const bytes = randomBytes(10);
  const chars = [...bytes].map((b) => crockford[b & 31]).join('');
  return `${slot}-${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** Turns two-factor on with a first code from the app; returns the recovery codes, shown once. */
export async function confirmTwoFactor(store: Store, scope: Scope, userId: string, code: string, now = Date.now()): Promise<string[]> {
  const found = await read(store, scope, userId);
  if (!found || found.body.confirmed) throw new FolioError('BAD_REQUEST', 'Start enrolling first.');
  const step = stepOf(found.body, code.replace(/\s+/g, ''), now);
  if (step === undefined) throw refused('invalid', ['code'], 'That code is not right. Check the app shows Folio with your e-mail, and type the 6 digits shown now.');
  const codes = Array.from({ length: recoveryCount }, (_, slot) => recoveryCode(slot));
  // argon2 runs on libuv's thread pool (4 at a time): hashing them together takes a third of the time.
  const recovery = await Promise.all(codes.map(hashPassword));
  await store.documents.update(scope, kind, userId, save({ ...found.body, confirmed: true, lastStep: step, recovery }), found.doc.version, userId);
  return codes;
}

/**
 * Checks a sign-in code: 6 digits from the app, or a recovery code (used up). The store write
 * is versioned, so two requests with the same code cannot both pass.
 */
export async function checkTwoFactor(store: Store, scope: Scope, userId: string, input: string, now = Date.now()): Promise<boolean> {
  const found = await read(store, scope, userId);
  if (!found?.body.confirmed) return false;
  const code = input.replace(/\s+/g, '').toUpperCase();
  let next: TwoFactorBody | undefined;
  const step = stepOf(found.body, code, now);
  if (step !== undefined) next = { ...found.body, lastStep: step };
  else {
    const slot = recoveryShape.exec(code)?.[1];
    const hash = slot === undefined ? '' : found.body.recovery[Number(slot)];
    // A used code leaves an empty slot, so the others keep their places.
    if (hash && (await verifyPassword(hash, code))) next = { ...found.body, recovery: found.body.recovery.map((h, i) => (i === Number(slot) ? '' : h)) };
  }
  if (!next) return false;
  try {
    await store.documents.update(scope, kind, userId, save(next), found.doc.version, userId);
  } catch (err) {
    if (isFolioError(err) && err.code === 'VERSION_MISMATCH') return false;
    throw err;
  }
  return true;
}

/** How many recovery codes are left (for the account page). */
export async function recoveryCodesLeft(store: Store, scope: Scope, userId: string): Promise<number> {
  return (await read(store, scope, userId))?.body.recovery.filter(Boolean).length ?? 0;
}

/** Turns two-factor off (or abandons an enrolment); the caller has checked the password. */
export async function removeTwoFactor(store: Store, scope: Scope, userId: string): Promise<void> {
  const found = await read(store, scope, userId);
  if (found) await store.documents.delete(scope, kind, userId);
}
