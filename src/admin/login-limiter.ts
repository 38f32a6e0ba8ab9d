/**
 * Failed sign-ins per key (IP and e-mail): after `max` failures inside `windowMs` the key is
 * refused until the oldest failure leaves the window. A success clears the key. In memory, per
 * process: a restart forgives, which is acceptable for this purpose.
 */
export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    readonly max = 5,
    readonly windowMs = 15 * 60_000,
  ) {}

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  /** Seconds until the key may try again; 0 when it may now. */
  retryAfter(key: string, now = Date.now()): number {
    const list = this.recent(key, now);
    return list.length < this.max ? 0 : Math.ceil((list[list.length - this.max]! + this.windowMs - now) / 1000);
  }

  /**
   * Counts an attempt before it is checked, in the same synchronous step as the limit check, so
   * parallel guesses cannot all pass the check while the first ones are still being verified.
   * Returns the seconds to wait (nothing counted) or 0 (counted); a success then calls reset.
   */
  take(key: string, now = Date.now()): number {
    const wait = this.retryAfter(key, now);
    if (wait === 0) this.fail(key, now);
    return wait;
  }

  fail(key: string, now = Date.now()): void {
    const list = this.recent(key, now);
    list.push(now);
    this.failures.set(key, list);
    if (this.failures.size > 50_000) this.prune(now);
  }

  reset(key: string): void {
    this.failures.delete(key);
  }

  private prune(now: number) {
    for (const key of [...this.failures.keys()]) this.recent(key, now);
  }
}
