/**
 * What each invalidation of a cache dropped, by generation. Work that started before an
 * invalidation (a render, a Delivery answer) may still be kept and shared when none of what it
 * shows was touched: under a steady stream of publishes, discarding everything computed across
 * any invalidation meant that once computing took longer than the gap between publishes,
 * nothing was ever kept and every reader missed (issue 15: two servers answered a tenth of one).
 */
export class InvalidationLog {
  #generation = 0;
  /** Keys touched by generations #oldest … #generation; undefined: everything was dropped. */
  readonly #touched: Array<ReadonlySet<string> | undefined> = [];
  #oldest = 1;

  constructor(private readonly remember = 256) {}

  /** Moved by every invalidation. */
  get generation(): number {
    return this.#generation;
  }

  /** Records one invalidation: the keys it touched, or undefined when it dropped everything. */
  record(touched: ReadonlySet<string> | undefined): void {
    this.#generation++;
    this.#touched.push(touched);
    if (this.#touched.length > this.remember) {
      this.#touched.shift();
      this.#oldest++;
    }
  }

  /**
   * Whether an invalidation after `generation` touched what `shows` recognises; true when one
   * dropped everything, or when they are no longer all remembered.
   */
  touchedSince(generation: number, shows: (touched: ReadonlySet<string>) => boolean): boolean {
    if (generation >= this.#generation) return false;
    if (generation + 1 < this.#oldest) return true;
    for (let g = generation + 1; g <= this.#generation; g++) {
      const touched = this.#touched[g - this.#oldest];
      if (touched === undefined || shows(touched)) return true;
    }
    return false;
  }
}
