/**
 * Recently resolved files, so a hot image costs no database look-up. Only files that exist are
 * kept (a guessed token must not fill memory), and only for a moment: an asset deleted or given
 * a new file stops answering within `ttlMs`, far sooner than a CDN in front would notice.
 */
export class RecentFiles<T> {
  readonly #entries = new Map<string, { value: T; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 1000,
  ) {}

  async get(key: string, resolve: () => Promise<T | undefined>): Promise<T | undefined> {
    const now = Date.now();
    const kept = this.#entries.get(key);
    if (kept && kept.until > now) return kept.value;
    if (kept) this.#entries.delete(key);
    const value = await resolve();
    if (value === undefined || this.ttlMs <= 0) return value;
    if (this.#entries.size >= this.maxEntries) {
      for (const [k, v] of this.#entries) if (v.until <= now || this.#entries.size >= this.maxEntries) this.#entries.delete(k);
    }
    this.#entries.set(key, { value, until: now + this.ttlMs });
    return value;
  }
}
