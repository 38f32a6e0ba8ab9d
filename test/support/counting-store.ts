/**
 * A Store that counts the reads and writes made through it: each call of a repository method
 * (`store.entries.listPublished(…)`, …) is one round trip to the database, most of them one
 * statement. The change log (`store.changes`) is left out: every cache follows it alike.
 */
import type { Store } from '../../src/store/index.js';

export interface CountedStore {
  store: Store;
  /** Calls made so far, by `repository.method`. */
  calls: Map<string, number>;
  total(): number;
}

export function countingStore(store: Store): CountedStore {
  const calls = new Map<string, number>();
  const count = (name: string) => calls.set(name, (calls.get(name) ?? 0) + 1);
  const repositories = new Map<PropertyKey, object>();
  const repository = (name: string, target: object) =>
    new Proxy(target, {
      get(t, prop, receiver) {
        const value = Reflect.get(t, prop, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          count(`${name}.${String(prop)}`);
          return (value as (...a: unknown[]) => unknown).apply(t, args);
        };
      },
    });
  const wrapped: Store = new Proxy(store, {
    get(t, prop, receiver) {
      const value = Reflect.get(t, prop, receiver);
      if (prop === 'changes' || value === null || typeof value !== 'object') return value;
      let kept = repositories.get(prop);
      if (!kept) repositories.set(prop, (kept = repository(String(prop), value)));
      return kept;
    },
  });
  return { store: wrapped, calls, total: () => [...calls.values()].reduce((a, b) => a + b, 0) };
}
