import { describe, expect, it } from 'vitest';
import { Remembered } from './fragments.js';

const known = (bytes: number) => ({ body: Buffer.alloc(bytes), links: [] });

describe('fragments kept in memory', () => {
  it('holds at most its bytes, dropping the least recently used first, and nothing oversized', () => {
    const memory = new Remembered(1600);
    memory.set('a', known(100));
    memory.set('b', known(100));
    expect(memory.get('a')).toBeDefined();
    for (let i = 0; i < 15; i++) memory.set(`c${i}`, known(100));
    // 1700 bytes asked for: one went, the one read least lately (b, not a).
    expect(memory.get('b')).toBeUndefined();
    expect(memory.get('a')).toBeDefined();
    expect(memory.get('c14')).toBeDefined();
    memory.set('huge', known(101));
    expect(memory.get('huge')).toBeUndefined();
  });
});
