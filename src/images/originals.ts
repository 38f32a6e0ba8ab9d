/**
 * The bytes of recently transformed originals, so a burst of variants of one photo (a page's
 * srcset, a new card size) reads the file once instead of once per variant. Keyed by the stored
 * file's hash, which names its bytes: a replaced file has another hash, and a deleted asset is
 * refused by the look-up that comes first, so nothing here can answer for a file that is gone.
 * The same Buffer is handed out each time, which also lets the header read be remembered
 * (steps/load.ts).
 */
import { Lru } from '../http/lru.js';

/** All originals kept together; small next to the transforms' memory budget (queue.ts). */
export const defaultOriginalsMaxBytes = 32 * 1024 * 1024;
/** Bigger files are read each time: one of them would crowd out many photos. */
const originalMaxBytes = 4 * 1024 * 1024;

export class RecentOriginals {
  readonly #kept: Lru<string, Buffer>;

  constructor(readonly maxBytes = defaultOriginalsMaxBytes) {
    this.#kept = new Lru<string, Buffer>(maxBytes, (data) => data.length);
  }

  /** The original named by `hash`, read with `read` unless it is among the recent ones. */
  async get(hash: string, read: () => Promise<Buffer>): Promise<Buffer> {
    const kept = this.#kept.get(hash);
    if (kept) return kept;
    const data = await read();
    if (data.length <= Math.min(originalMaxBytes, this.maxBytes)) this.#kept.set(hash, data);
    return data;
  }

  get bytes(): number {
    return this.#kept.used;
  }
}
