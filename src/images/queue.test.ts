import { describe, expect, it } from 'vitest';
import { WorkQueue } from './queue.js';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe('WorkQueue', () => {
  it('runs at most `concurrency` at once, queues up to `queueLimit`, refuses the rest with 429', async () => {
    const queue = new WorkQueue({ concurrency: 2, queueLimit: 1 });
    const gates = [deferred(), deferred(), deferred()];
    let active = 0;
    let peak = 0;
    const task = (i: number) => async () => {
      active++;
      peak = Math.max(peak, active);
      await gates[i]!.promise;
      active--;
      return i;
    };
    const running = [0, 1, 2].map((i) => queue.run(task(i)));
    expect([queue.running, queue.waiting]).toEqual([2, 1]);
    await expect(queue.run(async () => 9)).rejects.toMatchObject({ status: 429, headers: { 'retry-after': '1' } });
    gates.forEach((g) => g.resolve());
    expect(await Promise.all(running)).toEqual([0, 1, 2]);
    expect(peak).toBe(2);
    expect([queue.running, queue.waiting]).toEqual([0, 0]);
    expect(await queue.run(async () => 'again')).toBe('again');
  });

  it('frees the slot when a task fails', async () => {
    const queue = new WorkQueue({ concurrency: 1, queueLimit: 0 });
    await expect(queue.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await queue.run(async () => 1)).toBe(1);
  });

  it('defaults to the CPU count and 4 × that', () => {
    const queue = new WorkQueue();
    expect(queue.concurrency).toBeGreaterThanOrEqual(1);
    expect(queue.queueLimit).toBe(4 * queue.concurrency);
  });
});
