/**
 * Shares one in-flight call among everyone who asks while it runs. Cache hits need the content
 * version on every request; under load many arrive together, and one database read serves them
 * all. A caller never sees a value read before it asked by more than that read's own duration.
 */
export function singleFlight<T>(fn: () => Promise<T>): () => Promise<T> {
  let inFlight: Promise<T> | undefined;
  return () => {
    inFlight ??= fn().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };
}

/**
 * One computation per key per generation, shared by everyone who asks while it runs. Caches
 * move their generation when content changes: a computation started before that may show
 * older content than a later caller has seen change, so it is shared with them only when
 * `stillValid` says, once it is done, that the changes since it began left it alone; else they
 * compute anew.
 */
export class GenerationFlights<T> {
  readonly #running = new Map<string, { generation: number; value: Promise<T> }>();

  run(key: string, generation: number, compute: () => Promise<T>, stillValid?: (startedIn: number, value: T) => boolean): Promise<T> {
    const running = this.#running.get(key);
    if (running?.generation === generation) return running.value;
    if (running && stillValid && running.generation < generation) {
      const again = () => this.run(key, generation, compute);
      return running.value.then((value) => (stillValid(running.generation, value) ? value : again()), again);
    }
    const value = compute();
    const entry = { generation, value };
    this.#running.set(key, entry);
    const done = () => {
      if (this.#running.get(key) === entry) this.#running.delete(key);
    };
    value.then(done, done);
    return value;
  }
}
