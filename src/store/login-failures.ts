/**
 * Sign-in attempts counted in the database, so the limit holds across every server sharing it:
 * one upsert counts an attempt and reads the count back, atomically (PostgreSQL locks the row
 * for concurrent upserts; SQLite has one writer), in a window that starts with the first attempt
 * and expires by itself.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface LoginFailureStore {
  /**
   * Counts one attempt for `keyHash` (a new window of `windowMs` if the last one ended by `now`);
   * returns the attempts in the window, this one included, and when it ends (ms since the epoch).
   */
  count(keyHash: string, windowMs: number, now: number): Promise<{ attempts: number; windowEnds: number }>;
  /** Forgets the key's attempts (after a successful sign-in). */
  clear(keyHash: string): Promise<void>;
  /** Deletes windows that ended by `now`; returns how many. */
  prune(now: number): Promise<number>;
}

export function loginFailureStore(db: Kysely<Database>): LoginFailureStore {
  return {
    count: async (keyHash, windowMs, now) => {
      const row = await db
        .insertInto('login_failures')
        .values({ key_hash: keyHash, attempts: 1, window_ends: now + windowMs })
        .onConflict((oc) =>
          oc.column('key_hash').doUpdateSet((eb) => {
            const ended = eb('login_failures.window_ends', '<=', now);
            return {
              attempts: eb.case().when(ended).then(1).else(eb('login_failures.attempts', '+', 1)).end(),
              window_ends: eb.case().when(ended).then(now + windowMs).else(eb.ref('login_failures.window_ends')).end(),
            };
          }),
        )
        .returning(['attempts', 'window_ends'])
        .executeTakeFirstOrThrow();
      return { attempts: Number(row.attempts), windowEnds: Number(row.window_ends) };
    },
    clear: async (keyHash) => {
      await db.deleteFrom('login_failures').where('key_hash', '=', keyHash).execute();
    },
    prune: async (now) => Number((await db.deleteFrom('login_failures').where('window_ends', '<=', now).executeTakeFirst()).numDeletedRows),
  };
}
