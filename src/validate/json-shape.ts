/**
 * Limits on the shape of JSON that arrives from outside, checked without recursion so that no
 * input can exhaust the stack, and the keys that must never be copied into an object: assigning
 * `__proto__` changes an object's prototype, and `constructor`/`prototype` lead to it. Every JSON
 * body passes `inspectJson` at the edge (src/http/json-body.ts); stored values are checked again
 * with the tighter field limits (src/content/field-rules.ts).
 */

export const forbiddenKeys: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export const isForbiddenKey = (key: string): boolean => forbiddenKeys.has(key);

export interface JsonLimits {
  /** Deepest nesting of objects and arrays; the value itself is depth 0. */
  maxDepth: number;
  /** Most values (objects, arrays, scalars) in the whole document. */
  maxNodes: number;
}

export type JsonProblem =
  | { kind: 'forbiddenKey'; path: Array<string | number>; key: string }
  | { kind: 'tooDeep'; path: Array<string | number> }
  | { kind: 'tooManyNodes'; path: Array<string | number> };

interface Frame {
  value: unknown;
  depth: number;
  key: string | number | undefined;
  parent: Frame | undefined;
}

const pathOf = (frame: Frame): Array<string | number> => {
  const path: Array<string | number> = [];
  for (let f: Frame | undefined = frame; f && f.key !== undefined; f = f.parent) path.unshift(f.key);
  return path;
};

/** The first problem in a parsed JSON value, or undefined when it keeps to the limits. */
export function inspectJson(value: unknown, limits: JsonLimits): JsonProblem | undefined {
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

/** Words for a problem, for error details. */
export function describeJsonProblem(problem: JsonProblem, limits: JsonLimits): string {
  switch (problem.kind) {
    case 'forbiddenKey':
      return `"${problem.key}" is not allowed as a key`;
    case 'tooDeep':
      return `nested deeper than ${limits.maxDepth} levels`;
    case 'tooManyNodes':
      return `more than ${limits.maxNodes} values`;
  }
}

/**
 * A lookup table whose keys come only from the source code: no prototype, so a key taken from
 * input ("constructor", "toString") finds nothing instead of an inherited function.
 */
export function table<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}
