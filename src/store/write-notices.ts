/**
 * Tells this process's readers at once when a write that moves the content version committed.
 * Every Store opened on one database in this process shares one list of listeners (keyed by
 * the database's location), so a write through any of them reaches caches built on another.
 * Writes by other processes are not announced here: readers poll for those (ContentVersion).
 */
const listeners = new Map<string, Set<() => void>>();

export function announceWrite(database: string): void {
  for (const listener of listeners.get(database) ?? []) listener();
}

/** Calls `listener` after each such write on `database`; returns the function that stops it. */
export function onWrite(database: string, listener: () => void): () => void {
  let set = listeners.get(database);
  if (!set) listeners.set(database, (set = new Set()));
  set.add(listener);
  return () => {
    set.delete(listener);
    if (set.size === 0 && listeners.get(database) === set) listeners.delete(database);
  };
}
