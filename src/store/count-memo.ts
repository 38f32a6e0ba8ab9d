/**
 * Totals of list queries kept for one content version (the change counter, which every
 * published change moves in its own transaction): Contentful answers an exact `total`, and
 * counting a type's published items reads all of them, so an unchanged type is counted once per
 * version rather than once per request. Shared by a store and its read-only views (snapshots),
 * never by a transaction, whose counter may still be rolled back.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import { readChangeCounter as versionOf } from './versioned-repository.js';

/** Totals kept at most; past that the memo starts over (many different searches, say). */
const maxTotals = 1000;

export class CountMemo {
  #version = -1;
  readonly #totals = new Map<string, number>();

  /**
   * The total of `count`, from the memo when counted at the version read now. `oneMoment`: the
   * reads share one moment (a snapshot), so the counter and the count agree; otherwise the count
   * is kept only if the counter did not move while it ran.
   */
  async total(db: Kysely<Database>, key: string, oneMoment: boolean, count: () => Promise<number>): Promise<number> {
    const version = await versionOf(db);
    if (version === this.#version) {
      const known = this.#totals.get(key);
      if (known !== undefined) return known;
    }
    const total = await count();
    if (!oneMoment && (await versionOf(db)) !== version) return total;
    // An older moment's count (a snapshot begun before a commit) is not kept.
    if (version > this.#version) {
      this.#version = version;
      this.#totals.clear();
    }
    if (version === this.#version) {
      if (this.#totals.size >= maxTotals) this.#totals.clear();
      this.#totals.set(key, total);
    }
    return total;
  }
}
