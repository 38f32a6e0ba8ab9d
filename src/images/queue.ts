/**
 * A bounded work queue for transforms: at most `concurrency` run at once and at most
 * `queueLimit` wait; beyond that a request is refused at once with 429 and Retry-After,
 * rather than piling up memory and latency.
 */
import { availableParallelism } from 'node:os';
import { FolioError } from '../errors/index.js';

export interface WorkQueueOptions {
  /** Transforms at once; default the number of CPUs. */
  concurrency?: number | undefined;
  /** Transforms waiting for a slot; default 4 × concurrency. */
  queueLimit?: number | undefined;
}

export const busy = () =>
  new FolioError('RATE_LIMITED', 'Too many images are being processed at the moment; retry shortly.', {
    headers: { 'retry-after': '1' },
  });

export class WorkQueue {
  readonly concurrency: number;
  readonly queueLimit: number;
  #running = 0;
  readonly #waiting: (() => void)[] = [];

  constructor({ concurrency, queueLimit }: WorkQueueOptions = {}) {
    this.concurrency = Math.max(1, concurrency ?? availableParallelism());
    this.queueLimit = Math.max(0, queueLimit ?? 4 * this.concurrency);
  }

  get running() {
    return this.#running;
  }

  get waiting() {
    return this.#waiting.length;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#running >= this.concurrency) {
      if (this.#waiting.length >= this.queueLimit) throw busy();
      // The slot is handed over by the task that finishes, so #running stays counted.
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    } else {
      this.#running++;
    }
    try {
      return await task();
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#running--;
    }
  }
}
