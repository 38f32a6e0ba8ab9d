/**
 * Items by id for one request, DataLoader-style: every id asked for before the event loop turns
 * is read in one store query, so a level of links costs one query whatever the number of items.
 * Each id is read at most once per request.
 */
export type LoadMany<T> = (ids: string[]) => Promise<T[]>;

export function batchLoader<T extends { sys: { id: string } }>(loadMany: LoadMany<T>) {
  const known = new Map<string, Promise<T | undefined>>();
  let waiting: Map<string, { resolve: (v: T | undefined) => void; reject: (e: unknown) => void }> | undefined;

  function dispatch() {
    const batch = waiting!;
    waiting = undefined;
    loadMany([...batch.keys()]).then(
      (items) => {
        const byId = new Map(items.map((i) => [i.sys.id, i]));
        for (const [id, w] of batch) w.resolve(byId.get(id));
      },
      (err: unknown) => {
        for (const w of batch.values()) w.reject(err);
      },
    );
  }

  return (id: string): Promise<T | undefined> => {
    let found = known.get(id);
    if (!found) {
      found = new Promise((resolve, reject) => {
        if (!waiting) {
          waiting = new Map();
          // After every resolver of this level has asked (they run in microtasks), not before.
          setImmediate(dispatch);
        }
        waiting.set(id, { resolve, reject });
      });
      known.set(id, found);
    }
    return found;
  };
}
