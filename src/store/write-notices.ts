/**
 * Tells this process's readers at once when a write that moves the content version committed.
 * Every Store opened on one database in this process shares one list of listeners (keyed by
 * the database's location), so a write through any of them reaches caches built on another.
 * Other processes' writes are announced here too while a PostgreSQL listener is connected
 * (change-listener.ts, `hearingOthers`); otherwise readers poll for those (ContentVersion).
 */
const listeners = new Map<string, Set<() => void>>();
const hearing = new Set<string>();

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

/** Whether other processes' commits on `database` are announced now (the listener is connected). */
export const hearingOthers = (database: string): boolean => hearing.has(database);

export function setHearingOthers(database: string, yes: boolean): void {
  if (yes) hearing.add(database);
  else hearing.delete(database);
}
