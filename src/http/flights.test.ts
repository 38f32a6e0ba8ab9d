import { describe, expect, it } from 'vitest';
import { singleFlight } from './flights.js';

describe('singleFlight', () => {
  it('runs once for concurrent callers and again for later ones', async () => {
    let calls = 0;
    const next = singleFlight(async () => {
      calls += 1;
      await new Promise((resolve) => setImmediate(resolve));
      return calls;
    });
    expect(await Promise.all([next(), next(), next()])).toEqual([1, 1, 1]);
    expect(await next()).toBe(2);
  });

  it('lets a failure reach every waiting caller, then tries again', async () => {
    let calls = 0;
    const next = singleFlight(async () => {
      calls += 1;
      if (calls === 1) throw new Error('down');
      return 'up';
    });
    await expect(Promise.all([next(), next()])).rejects.toThrow('down');
    expect(await next()).toBe('up');
    expect(calls).toBe(2);
  });
});
