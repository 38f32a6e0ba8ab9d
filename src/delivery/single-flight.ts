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
