import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapInSlices, stringifyInSlices } from './slices.js';

describe('stringifyInSlices', () => {
  it('writes what JSON.stringify writes, byte for byte', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        expect(await stringifyInSlices(value)).toBe(JSON.stringify(value));
      }),
    );
  });

  it('writes what JSON.stringify writes when it slices (arrays of 50 items and more)', async () => {
    const big = fc.array(fc.jsonValue({ maxDepth: 3 }), { minLength: 50, maxLength: 70 });
    await fc.assert(
      fc.asyncProperty(fc.record({ sys: fc.jsonValue({ maxDepth: 2 }), items: big, includes: fc.dictionary(fc.string(), big, { maxKeys: 3 }) }), async (value) => {
        expect(await stringifyInSlices(value)).toBe(JSON.stringify(value));
      }),
      { numRuns: 30 },
    );
  });

  it('skips and nulls undefined as JSON.stringify does, and keeps toJSON', async () => {
    const value = { a: undefined, b: [undefined, () => 1, 'x', ...Array.from({ length: 60 }, (_, i) => (i % 2 ? undefined : { i }))], c: { d: undefined, e: new Date(0) }, f: null, '\u2028k"': 1 };
    expect(await stringifyInSlices(value)).toBe(JSON.stringify(value));
    expect(await stringifyInSlices([{ a: undefined }, []])).toBe(JSON.stringify([{ a: undefined }, []]));
  });

  it('gives the event loop turns on a big answer', async () => {
    const items = Array.from({ length: 3000 }, (_, i) => ({ sys: { id: `e${i}` }, fields: { body: 'x'.repeat(2000) } }));
    let turns = 0;
    let done = false;
    const count = () => {
      turns++;
      if (!done) setImmediate(count);
    };
    setImmediate(count);
    const json = await stringifyInSlices({ sys: { type: 'Array' }, items, includes: { Entry: items } });
    done = true;
    expect(json).toBe(JSON.stringify({ sys: { type: 'Array' }, items, includes: { Entry: items } }));
    expect(turns).toBeGreaterThan(1);
  });
});

describe('mapInSlices', () => {
  it('maps in order', async () => {
    expect(await mapInSlices([1, 2, 3], (n) => n * 2)).toEqual([2, 4, 6]);
  });
});
