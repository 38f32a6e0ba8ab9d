/**
 * The content version (the store's change counter, `changes.latest()`) kept in memory, so a
 * cache hit needs no database read to know it is still valid. Writes in this process are heard
 * at once (`changes.onWrite`): the next caller reads the counter again, after the commit.
 * Writes by other processes sharing PostgreSQL are heard the same way, through LISTEN/NOTIFY
 * (change-listener.ts). A background read every `pollMs` is the fallback while that listener is
 * down (and SQLite's, for another process on the file); while it is up, the background read is
 * only a safety net, every `heardPollMs`.
 */
import type { Store } from './store.js';

export const defaultPollMs = 250;
/** Background read interval while other processes' commits are announced. */
export const heardPollMs = 5000;

export class ContentVersion {
  #known: number | undefined;
  /** A write was heard since the last read finished (or nothing was read yet). */
  #stale = true;
  #reading: Promise<number> | undefined;
  #lastRead = 0;
  readonly #listeners = new Set<(version: number) => void>();
  readonly #stopWatching: () => void;
  readonly #timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: Store,
    options: { pollMs?: number } = {},
  ) {
    this.#stopWatching = store.changes.onWrite(() => {
      this.#stale = true;
      // A read under way may have started before the commit: later callers must not share it.
      this.#reading = undefined;
    });
    const pollMs = options.pollMs ?? defaultPollMs;
    if (pollMs > 0) {
      this.#timer = setInterval(() => {
        if (store.changes.hearsOthers() && Date.now() - this.#lastRead < Math.max(pollMs, heardPollMs)) return;
        void this.#read().catch(() => undefined);
      }, pollMs);
      this.#timer.unref();
    }
  }

  /** The version now: a plain number while nothing was written since the last read. */
  current(): number | Promise<number> {
    if (!this.#stale && this.#known !== undefined) return this.#known;
    return this.#read();
  }

  /**
   * The version last read, if no write has been heard since: what readers were told. Undefined
   * while a newer one may exist (read `current()` to learn it).
   */
  settled(): number | undefined {
    return this.#stale ? undefined : this.#known;
  }

  /** Told every time the version moves (after it has). */
  onChange(listener: (version: number) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  close(): void {
    this.#stopWatching();
    if (this.#timer) clearInterval(this.#timer);
  }

  #read(): Promise<number> {
    if (this.#reading) return this.#reading;
    this.#lastRead = Date.now();
    const reading: Promise<number> = this.store.changes.latest().then(
      (version) => {
        if (this.#reading === reading) {
          this.#reading = undefined;
          this.#stale = false;
        }
        if (this.#known === undefined || version > this.#known) {
          const moved = this.#known !== undefined;
          this.#known = version;
          if (moved) for (const listener of this.#listeners) listener(version);
        }
        return this.#known;
      },
      (err: unknown) => {
        if (this.#reading === reading) this.#reading = undefined;
        throw err;
      },
    );
    this.#reading = reading;
    return reading;
  }
}
