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

describe('WorkQueue: leaving, fairness, memory', () => {
  const gone = () => new Error('gone');

  it('takes a waiter whose signal aborts out of the queue, freeing its place', async () => {
    const queue = new WorkQueue({ concurrency: 1, queueLimit: 1 });
    const gate = deferred();
    const running = queue.run(() => gate.promise);
    const leaving = new AbortController();
    let ran = false;
    const abandoned = queue.run(async () => (ran = true), { signal: leaving.signal });
    await expect(queue.run(async () => 0)).rejects.toMatchObject({ status: 429 });
    leaving.abort(gone());
    await expect(abandoned).rejects.toThrow('gone');
    expect(queue.waiting).toBe(0);
    const next = queue.run(async () => 'served');
    gate.resolve();
    await running;
    expect(await next).toBe('served');
    expect(ran).toBe(false);
  });

  it('gives waiting clients turns: one client flooding delays another by at most one of its own', async () => {
    const queue = new WorkQueue({ concurrency: 1, queueLimit: 8, clientLimit: 4 });
    const gate = deferred();
    const order: string[] = [];
    const task = (name: string) => async () => {
      order.push(name);
      if (name === 'a0') await gate.promise;
    };
    const all = ['a0', 'a1', 'a2', 'a3', 'a4'].map((name) => queue.run(task(name), { client: 'a' }));
    all.push(queue.run(task('b0'), { client: 'b' }));
    gate.resolve();
    await Promise.all(all);
    expect(order).toEqual(['a0', 'a1', 'b0', 'a2', 'a3', 'a4']);
  });

  it('refuses a client beyond its share of waiting places, not the others', async () => {
    const queue = new WorkQueue({ concurrency: 1, queueLimit: 4, clientLimit: 2 });
    const gate = deferred();
    const running = queue.run(() => gate.promise, { client: 'a' });
    const waiting = [queue.run(async () => 1, { client: 'a' }), queue.run(async () => 2, { client: 'a' })];
    await expect(queue.run(async () => 3, { client: 'a' })).rejects.toMatchObject({ status: 429 });
    const other = queue.run(async () => 'b', { client: 'b' });
    gate.resolve();
    await running;
    expect(await Promise.all(waiting)).toEqual([1, 2]);
    expect(await other).toBe('b');
  });

  it('runs transforms together only while their reservations fit the memory budget; one alone always runs', async () => {
    const queue = new WorkQueue({ concurrency: 3, queueLimit: 3, memoryBudget: 100 });
    const gate = deferred();
    const order: string[] = [];
    const big = queue.run(async (slot) => {
      await slot.reserve(80);
      order.push('big');
      await gate.promise;
      order.push('big done');
    });
    const small = queue.run(async (slot) => {
      await slot.reserve(50);
      order.push('small');
    });
    await Promise.resolve();
    expect(queue.reserved).toBe(80);
    gate.resolve();
    await Promise.all([big, small]);
    expect(order).toEqual(['big', 'big done', 'small']);
    expect(queue.reserved).toBe(0);
    expect(await queue.run(async (slot) => (await slot.reserve(500), 'huge'))).toBe('huge');
    expect(queue.reserved).toBe(0);
  });

  it('lets a task waiting for memory leave when its signal aborts', async () => {
    const queue = new WorkQueue({ concurrency: 2, queueLimit: 0, memoryBudget: 10 });
    const gate = deferred();
    const holder = queue.run(async (slot) => {
      await slot.reserve(10);
      await gate.promise;
    });
    const leaving = new AbortController();
    const waiter = queue.run(async (slot) => slot.reserve(5), { signal: leaving.signal });
    leaving.abort(gone());
    await expect(waiter).rejects.toThrow('gone');
    expect(queue.running).toBe(1);
    gate.resolve();
    await holder;
    expect([queue.running, queue.reserved]).toEqual([0, 0]);
  });
});
