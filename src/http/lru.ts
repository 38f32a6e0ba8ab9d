/**
 * A map that forgets its least recently used entries past a budget: bytes (give `sizeOf`) or
 * entries (each counts 1). The in-memory caches (Delivery answers, fragments, hub pages) share
 * this one rule. A Map keeps insertion order, so re-inserting on use makes its first key the
 * least recently used.
 */
export class Lru<K, V> {
  readonly #map = new Map<K, V>();
  #used = 0;

  /**
   * @param budget what the entries may add up to (by `sizeOf`)
   * @param sizeOf an entry's share of the budget; 1 by default
   * @param onDrop told of every entry that leaves (evicted, replaced or deleted), to keep other indexes in step
   */
  constructor(
    private readonly budget: number,
    private readonly sizeOf: (value: V) => number = () => 1,
    private readonly onDrop?: (key: K, value: V) => void,
  ) {}

  get size(): number {
    return this.#map.size;
  }

  /** What the entries add up to now. */
  get used(): number {
    return this.#used;
  }

  /** The value, now the most recently used. */
  get(key: K): V | undefined {
    const value = this.#map.get(key);
    if (value !== undefined) {
      this.#map.delete(key);
      this.#map.set(key, value);
    }
    return value;
  }

  has(key: K): boolean {
    return this.#map.has(key);
  }

  /** Keeps `value` as the most recently used, then drops the least recently used past the budget. */
  set(key: K, value: V): void {
    this.delete(key);
    this.#map.set(key, value);
    this.#used += this.sizeOf(value);
    for (const oldest of this.#map.keys()) {
      if (this.#used <= this.budget) break;
      this.delete(oldest);
    }
  }

  delete(key: K): boolean {
    const value = this.#map.get(key);
    if (value === undefined) return false;
    this.#map.delete(key);
    this.#used -= this.sizeOf(value);
    this.onDrop?.(key, value);
    return true;
  }

  clear(): void {
    for (const [key, value] of this.#map) this.onDrop?.(key, value);
    this.#map.clear();
    this.#used = 0;
  }

  /** Oldest first; safe to delete while iterating a copy (`[...lru.entries()]`). */
  entries(): IterableIterator<[K, V]> {
    return this.#map.entries();
  }
}
