import { describe, expect, it } from 'vitest';
import { RecentFiles } from './recent-files.js';

const counting = () => {
  const calls: string[] = [];
  return { calls, resolve: (key: string, value: string | undefined) => async () => (calls.push(key), value) };
};

describe('RecentFiles', () => {
  it('reuses a found file until its time runs out, then asks again', async () => {
    const recent = new RecentFiles<string>(40);
    const { calls, resolve } = counting();
    expect(await recent.get('a', resolve('a', 'file'))).toBe('file');
    expect(await recent.get('a', resolve('a', 'file'))).toBe('file');
    expect(calls).toEqual(['a']);
    await new Promise((r) => setTimeout(r, 60));
    expect(await recent.get('a', resolve('a', undefined))).toBeUndefined();
    expect(calls).toEqual(['a', 'a']);
  });

  it('never keeps a miss, so a wrong token is asked about every time', async () => {
    const recent = new RecentFiles<string>(10_000);
    const { calls, resolve } = counting();
    await recent.get('x', resolve('x', undefined));
    await recent.get('x', resolve('x', undefined));
    expect(calls).toEqual(['x', 'x']);
  });

  it('keeps at most maxEntries, and nothing with a zero time', async () => {
    const bounded = new RecentFiles<string>(10_000, 3);
    const { calls, resolve } = counting();
    for (const k of ['a', 'b', 'c', 'd']) await bounded.get(k, resolve(k, k));
    await bounded.get('d', resolve('d', 'd'));
    expect(calls.filter((k) => k === 'd')).toHaveLength(1);
    for (const k of ['a', 'b', 'c']) await bounded.get(k, resolve(k, k));
    expect(calls.length).toBeGreaterThan(4);
    const off = new RecentFiles<string>(0);
    await off.get('z', resolve('z', 'z'));
    await off.get('z', resolve('z', 'z'));
    expect(calls.filter((k) => k === 'z')).toHaveLength(2);
  });
});
