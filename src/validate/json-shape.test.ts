import { describe, expect, it } from 'vitest';
import { inspectJson, table } from './json-shape.js';

const limits = { maxDepth: 5, maxNodes: 100 };

const nested = (depth: number): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
};

describe('inspectJson', () => {
  it('accepts a document within the limits', () => {
    expect(inspectJson({ a: [1, { b: 'c' }], d: null }, limits)).toBeUndefined();
    expect(inspectJson(nested(5), limits)).toBeUndefined();
  });

  it('finds forbidden keys anywhere, with their path', () => {
    const doc = JSON.parse('{"fields":{"title":{"en-US":[{"ok":1},{"__proto__":{"x":1}}]}}}');
    expect(inspectJson(doc, limits)).toEqual({ kind: 'forbiddenKey', key: '__proto__', path: ['fields', 'title', 'en-US', 1, '__proto__'] });
    expect(inspectJson({ constructor: 1 }, limits)).toMatchObject({ kind: 'forbiddenKey', key: 'constructor' });
    expect(inspectJson({ a: { prototype: 1 } }, limits)).toMatchObject({ kind: 'forbiddenKey', key: 'prototype' });
  });

  it('stops at the depth limit without recursion, even 100,000 levels down', () => {
    expect(inspectJson(nested(6), limits)).toMatchObject({ kind: 'tooDeep', path: ['a', 'a', 'a', 'a', 'a'] });
    const deep = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000));
    expect(inspectJson(deep, { maxDepth: 1000, maxNodes: 1e6 })).toMatchObject({ kind: 'tooDeep' });
  });

  it('counts values', () => {
    expect(inspectJson(Array.from({ length: 100 }, () => 1), limits)).toMatchObject({ kind: 'tooManyNodes' });
  });
});

describe('table', () => {
  it('finds nothing for inherited names', () => {
    const t = table({ a: 1 });
    expect(t.a).toBe(1);
    expect(t['constructor']).toBeUndefined();
    expect(t['toString']).toBeUndefined();
    expect(t['__proto__']).toBeUndefined();
  });
});
