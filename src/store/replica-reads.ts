/**
 * Reads from a streaming replica that never show a reader content older than the content
 * version it was told about. The primary's version (ContentVersion: this process's commits at
 * once, other servers' through NOTIFY) is compared with the change counter as the replica last
 * showed it; while the replica is behind, or a newer version was heard and not yet read, reads
 * go to the primary, and the replica's counter is read again (at most every `recheckMs`) until
 * it has caught up. The counter moves with every publish, unpublish, content type, locale and
 * API key change, so "caught up" covers all that Delivery, GraphQL and the hub serve; drafts do
 * not move it, which is why Preview and the editor read the primary only.
 */
import type { ContentVersion } from './content-version.js';
import type { Store } from './store.js';

export interface ReplicaReads {
  /** The store to read published content through: the replica when it is not behind, else the primary. */
  readonly store: Store;
  /** Store calls sent to each server so far (/metrics). */
  readonly counts: { replica: number; primary: number };
  close(): void;
}

/** Writes, locks and the pool belong to the primary whoever reads. */
const primaryOnly = new Set<string | symbol>(['transaction', 'exclusively', 'close', 'connections', 'dialect']);

export function replicaReads(primary: Store, replica: Store, version: ContentVersion, options: { recheckMs?: number } = {}): ReplicaReads {
  const recheckMs = options.recheckMs ?? 20;
  const counts = { replica: 0, primary: 0 };
  /** The replica's change counter when last read; -1: unknown, or the replica did not answer. */
  let replicaAt = -1;
  let checking = false;
  let checkedAt = 0;

  const check = () => {
    if (checking || Date.now() - checkedAt < recheckMs) return;
    checking = true;
    checkedAt = Date.now();
    replica.changes.latest().then(
      (v) => {
        replicaAt = Math.max(replicaAt, v);
        checking = false;
      },
      () => {
        replicaAt = -1;
        checking = false;
      },
    );
  };
  const stopWatching = version.onChange(() => check());

  const pick = (): Store => {
    const told = version.settled();
    if (told !== undefined && replicaAt >= told) {
      counts.replica += 1;
      return replica;
    }
    check();
    counts.primary += 1;
    return primary;
  };

  // Hearing of writes is the primary's business (ContentVersion listens there), whichever server answers the reads.
  const replicaChanges: Store['changes'] = { ...replica.changes, onWrite: primary.changes.onWrite, hearsOthers: primary.changes.hearsOthers };
  const store = new Proxy(primary, {
    get(target, prop) {
      if (primaryOnly.has(prop)) return Reflect.get(target, prop);
      const chosen = pick();
      if (prop === 'changes') return chosen === replica ? replicaChanges : primary.changes;
      return Reflect.get(chosen, prop);
    },
  });
  check();
  return { store, counts, close: stopWatching };
}
