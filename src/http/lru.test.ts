import { describe, expect, it } from 'vitest';
import { Lru } from './lru.js';

describe('Lru', () => {
  it('drops the least recently used past its budget, counting each entry as 1 by default', () => {
    const dropped: string[] = [];
    const lru = new Lru<string, number>(2, undefined, (k) => dropped.push(k));
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1); // a is now the most recent
    lru.set('c', 3);
    expect([...lru.entries()].map(([k]) => k)).toEqual(['a', 'c']);
    expect(dropped).toEqual(['b']);
  });

  it('counts a budget in bytes, replaces without double counting, and tells of every entry that leaves', () => {
    const dropped: string[] = [];
    const lru = new Lru<string, Buffer>(10, (b) => b.length, (k) => dropped.push(k));
    lru.set('a', Buffer.alloc(4));
    lru.set('a', Buffer.alloc(6));
    expect(lru.used).toBe(6);
    expect(dropped).toEqual(['a']);
    lru.set('b', Buffer.alloc(5));
    expect(lru.has('a')).toBe(false);
    expect(lru.used).toBe(5);
    expect(lru.delete('b')).toBe(true);
    expect(lru.delete('b')).toBe(false);
    lru.set('c', Buffer.alloc(1));
    lru.clear();
    expect([lru.size, lru.used]).toEqual([0, 0]);
    expect(dropped).toEqual(['a', 'a', 'b', 'c']);
  });
});
