/**
 * What moved between two positions of the change counter, for caches that drop precisely.
 * Every counter step is one change: a logged publish, unpublish or delete of an entry or asset
 * (one row in `changes` per item, at the step of its latest change), or a change that leaves
 * no row (content types, locales, API keys). Only when every step in the window is accounted
 * for by a row of this scope are the rows the whole story; else the caller drops everything.
 */
import type { Store } from './store.js';
import type { ChangeRecord, Scope } from './types.js';

/** Reads the changes in (after, upTo]; undefined when they are not all known (drop everything). */
export type ChangesReader = (after: number, upTo: number) => Promise<ChangeRecord[] | undefined>;

/** More changes than this since a cache last looked: it drops everything instead of reading them. */
export const maxChangesRead = 500;

export async function changesBetween(store: Store, scope: Scope, after: number, upTo: number, max = maxChangesRead): Promise<ChangeRecord[] | undefined> {
  const steps = upTo - after;
  if (steps <= 0) return [];
  if (steps > max) return undefined;
  const rows = await store.changes.list(scope, { after, upTo, limit: steps, includeDeleted: true });
  return rows.length === steps ? rows : undefined;
}

/**
 * Where a cache stands on the change counter, and how it catches up: one catch-up at a time, so
 * each reads the window after the last, and `apply` is told what changed in it (undefined: not
 * all known, drop everything) before the cache counts as caught up. The first catch-up only
 * notes the version (nothing was kept before it).
 */
export class ChangeFollower {
  #seen: number | undefined;
  #chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly read: ChangesReader,
    private readonly apply: (changed: ChangeRecord[] | undefined) => void,
  ) {}

  /** The version caught up with; undefined before the first catch-up. */
  get seen(): number | undefined {
    return this.#seen;
  }

  /** Whether a caller who read `version` must wait for a catch-up first. */
  behind(version: number): boolean {
    return this.#seen === undefined || version > this.#seen;
  }

  catchUp(version: number): Promise<void> {
    const run = this.#chain.then(async () => {
      if (this.#seen !== undefined) {
        if (version <= this.#seen) return;
        this.apply(await this.read(this.#seen, version));
      }
      this.#seen = version;
    });
    this.#chain = run.catch(() => undefined);
    return run;
  }
}
