/**
 * Sign-in attempts per key (IP and e-mail): after `max` attempts inside a window of `windowMs`
 * begun by the first, the key is refused until the window ends; a success clears the key. Counted
 * in the database (store.loginFailures), so with several servers an attacker gets `max` guesses,
 * not `max` per server, and a restart forgives nothing. Keys are kept as sha256 hashes: the table
 * holds no addresses or e-mails.
 */
import { createHash } from 'node:crypto';
import type { Store } from '../store/index.js';

export interface LoginLimiter {
  /**
   * Counts an attempt before it is checked, in the same statement as the limit check, so
   * parallel guesses (on any server) cannot all pass while the first ones are being verified.
   * Returns the seconds to wait (refused) or 0 (may try); a success then calls reset.
   */
  take(key: string, now?: number): Promise<number>;
  reset(key: string): Promise<void>;
}

/** Ended windows are swept at most this often per server. */
const pruneEveryMs = 60_000;

/**
 * Counts one event for `key` in the database's windows (store.loginFailures), shared by every
 * server on it; the key is stored hashed. Returns the count in the window and when it ends.
 */
export type WindowCounter = (key: string, windowMs: number, now: number) => Promise<{ attempts: number; windowEnds: number }>;

export function windowCounter(store: Store): WindowCounter {
  let prunedAt = 0;
  return async (key, windowMs, now) => {
    if (now - prunedAt >= pruneEveryMs) {
      prunedAt = now;
      await store.loginFailures.prune(now);
    }
    return store.loginFailures.count(hash(key), windowMs, now);
  };
}

const hash = (key: string) => createHash('sha256').update(key).digest('hex');

export function loginLimiter(store: Store, max = 5, windowMs = 15 * 60_000): LoginLimiter {
  const count = windowCounter(store);
  return {
    take: async (key, now = Date.now()) => {
      const { attempts, windowEnds } = await count(key, windowMs, now);
      return attempts <= max ? 0 : Math.max(1, Math.ceil((windowEnds - now) / 1000));
    },
    reset: (key) => store.loginFailures.clear(hash(key)),
  };
}
