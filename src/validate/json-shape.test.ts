import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inspectJson, isForbiddenKey, table, type JsonLimits, type JsonProblem } from './json-shape.js';

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

  it('finds the same first problem as a walk with one frame per value', () => {
    const { json } = fc.letrec<{ json: string }>((tie) => ({
      json: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom('0', 'null', '"s"', 'true'),
        fc.array(tie('json'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
        fc
          .array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'constructor', '__proto__', 'prototype'), tie('json')), { maxLength: 4 })
          .map((pairs) => `{${pairs.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`),
      ),
    }));
    fc.assert(
      fc.property(json, fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 30 }), (text, maxDepth, maxNodes) => {
        const value: unknown = JSON.parse(text);
        expect(inspectJson(value, { maxDepth, maxNodes })).toEqual(reference(value, { maxDepth, maxNodes }));
      }),
      { numRuns: 2000 },
    );
  });
});

/** The first version of inspectJson, kept as the definition of its order of findings. */
function reference(value: unknown, limits: JsonLimits): JsonProblem | undefined {
  interface Frame { value: unknown; depth: number; key: string | number | undefined; parent: Frame | undefined }
  const pathOf = (frame: Frame) => {
    const path: Array<string | number> = [];
    for (let f: Frame | undefined = frame; f && f.key !== undefined; f = f.parent) path.unshift(f.key);
    return path;
  };
  const stack: Frame[] = [{ value, depth: 0, key: undefined, parent: undefined }];
  let nodes = 0;
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if (++nodes > limits.maxNodes) return { kind: 'tooManyNodes', path: pathOf(frame) };
    const v = frame.value;
    if (typeof v !== 'object' || v === null) continue;
    if (frame.depth >= limits.maxDepth) return { kind: 'tooDeep', path: pathOf(frame) };
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], depth: frame.depth + 1, key: i, parent: frame });
      continue;
    }
    for (const key of Object.keys(v)) {
      if (isForbiddenKey(key)) return { kind: 'forbiddenKey', path: [...pathOf(frame), key], key };
      stack.push({ value: (v as Record<string, unknown>)[key], depth: frame.depth + 1, key, parent: frame });
    }
  }
  return undefined;
}

describe('table', () => {
  it('finds nothing for inherited names', () => {
    const t = table({ a: 1 });
    expect(t.a).toBe(1);
    expect(t['constructor']).toBeUndefined();
    expect(t['toString']).toBeUndefined();
    expect(t['__proto__']).toBeUndefined();
  });
});
