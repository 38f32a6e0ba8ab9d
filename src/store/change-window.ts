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
