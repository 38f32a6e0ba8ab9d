/**
 * A bounded, fair work queue for transforms. At most `concurrency` run at once, and together
 * they may reserve at most `memoryBudget` bytes (a transform alone always may, so none waits
 * forever). At most `queueLimit` wait, and at most `clientLimit` of those from one client;
 * beyond that a request is refused at once with 429 and Retry-After rather than piling up memory
 * and latency. Waiting clients take turns (round-robin), so one client's flood delays another
 * client's request by at most one of its own. A request whose caller has gone (its signal
 * aborted) leaves the queue at once and frees its place.
 */
import { availableParallelism } from 'node:os';
import { FolioError } from '../errors/index.js';

export interface WorkQueueOptions {
  /** Transforms at once; default the number of CPUs. */
  concurrency?: number | undefined;
  /** Transforms waiting for a slot; default 4 × concurrency. */
  queueLimit?: number | undefined;
  /** Of those, from one client; default half of queueLimit (at least 1). */
  clientLimit?: number | undefined;
  /** Estimated bytes the running transforms may reserve together; default defaultMemoryBudget. */
  memoryBudget?: number | undefined;
}

/** Leaves room under the 400 MiB the README promises for Node, the app and the caches. */
export const defaultMemoryBudget = 192 * 1024 * 1024;

export interface Job {
  /** Who asks (the remote address): waiting places are shared fairly between clients. */
  client?: string | undefined;
  /** Aborted when nobody waits for the result any more. */
  signal?: AbortSignal | undefined;
}

/** What a running task may ask of the queue. */
export interface Slot {
  /** Waits until `bytes` more fit in the memory budget; held until the task ends. */
  reserve(bytes: number): Promise<void>;
}

export const busy = () =>
  new FolioError('RATE_LIMITED', 'Too many images are being processed at the moment; retry shortly.', {
    headers: { 'retry-after': '1' },
  });

interface Waiter {
  client: string;
  start(): void;
}

interface MemoryWaiter {
  bytes: number;
  grant(): void;
}

/** Rejects when `signal` aborts; `leave` takes the waiter out of whatever it waits in. */
function waitFor(signal: AbortSignal | undefined, enter: (resolve: () => void) => () => void): Promise<void> {
  signal?.throwIfAborted();
  return new Promise<void>((resolve, reject) => {
    let done = false;
    const onAbort = () => {
      leave();
      reject(signal!.reason);
    };
    const leave = enter(() => {
      done = true;
      signal?.removeEventListener('abort', onAbort);
      resolve();
    });
    // enter may have let it through at once.
    if (!done) signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export class WorkQueue {
  readonly concurrency: number;
  readonly queueLimit: number;
  readonly clientLimit: number;
  readonly memoryBudget: number;
  #running = 0;
  #reserved = 0;
  #waitingCount = 0;
  /** client → its waiters, oldest first; Map order is whose turn it is. */
  readonly #waiting = new Map<string, Waiter[]>();
  readonly #memoryWaiting: MemoryWaiter[] = [];

  constructor({ concurrency, queueLimit, clientLimit, memoryBudget }: WorkQueueOptions = {}) {
    this.concurrency = Math.max(1, concurrency ?? availableParallelism());
    this.queueLimit = Math.max(0, queueLimit ?? 4 * this.concurrency);
    this.clientLimit = Math.max(1, clientLimit ?? Math.ceil(this.queueLimit / 2));
    this.memoryBudget = Math.max(0, memoryBudget ?? defaultMemoryBudget);
  }

  get running() {
    return this.#running;
  }

  get waiting() {
    return this.#waitingCount;
  }

  /** Estimated bytes the running transforms hold. */
  get reserved() {
    return this.#reserved;
  }

  async run<T>(task: (slot: Slot) => Promise<T>, { client = '', signal }: Job = {}): Promise<T> {
    signal?.throwIfAborted();
    if (this.#running < this.concurrency && this.#waitingCount === 0) {
      this.#running++;
    } else {
      const own = this.#waiting.get(client);
      if (this.#waitingCount >= this.queueLimit || (own?.length ?? 0) >= this.clientLimit) throw busy();
      // The slot is counted by #next before start() is called.
      await waitFor(signal, (start) => this.#enqueue({ client, start }));
    }
    let held = 0;
    const slot: Slot = {
      reserve: async (bytes) => {
        await waitFor(signal, (grant) => this.#reserve({ bytes, grant }));
        held += bytes;
      },
    };
    try {
      return await task(slot);
    } finally {
      this.#reserved -= held;
      this.#running--;
      this.#grantMemory();
      this.#next();
    }
  }

  #enqueue(waiter: Waiter): () => void {
    const list = this.#waiting.get(waiter.client);
    if (list) list.push(waiter);
    else this.#waiting.set(waiter.client, [waiter]);
    this.#waitingCount++;
    return () => {
      const mine = this.#waiting.get(waiter.client);
      const at = mine?.indexOf(waiter) ?? -1;
      if (at === -1) return;
      mine!.splice(at, 1);
      if (mine!.length === 0) this.#waiting.delete(waiter.client);
      this.#waitingCount--;
    };
  }

  /** Starts waiters while slots are free, one client's turn after another's. */
  #next() {
    while (this.#running < this.concurrency && this.#waitingCount > 0) {
      const [client, list] = this.#waiting.entries().next().value as [string, Waiter[]];
      const waiter = list.shift()!;
      // To the back of the line, or out of it.
      this.#waiting.delete(client);
      if (list.length > 0) this.#waiting.set(client, list);
      this.#waitingCount--;
      this.#running++;
      waiter.start();
    }
  }

  #reserve(waiter: MemoryWaiter): () => void {
    this.#memoryWaiting.push(waiter);
    this.#grantMemory();
    return () => {
      const at = this.#memoryWaiting.indexOf(waiter);
      if (at !== -1) this.#memoryWaiting.splice(at, 1);
      // A smaller request behind it may fit now.
      this.#grantMemory();
    };
  }

  /** In order of asking, so a large reservation is not overtaken forever by small ones. */
  #grantMemory() {
    while (this.#memoryWaiting.length > 0) {
      const head = this.#memoryWaiting[0]!;
      if (this.#reserved > 0 && this.#reserved + head.bytes > this.memoryBudget) return;
      this.#memoryWaiting.shift();
      this.#reserved += head.bytes;
      head.grant();
    }
  }
}
