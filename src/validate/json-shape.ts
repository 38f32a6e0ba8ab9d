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

/** One object or array being walked: frames are kept per container, not per value. */
interface Frame {
  value: object;
  /** The object's own keys; undefined for an array. */
  keys: string[] | undefined;
  /** The next child to visit. */
  next: number;
  depth: number;
  key: string | number | undefined;
  parent: Frame | undefined;
}

const pathOf = (frame: Frame | undefined, last?: string | number): Array<string | number> => {
  const path: Array<string | number> = last === undefined ? [] : [last];
  for (let f: Frame | undefined = frame; f && f.key !== undefined; f = f.parent) path.unshift(f.key);
  return path;
};

/**
 * The first problem in a parsed JSON value, or undefined when it keeps to the limits. Values are
 * visited depth first in document order; scalars cost a count and no allocation (a frame per
 * value made a 1 MB body of 500,000 numbers take a quarter of a second).
 */
export function inspectJson(value: unknown, limits: JsonLimits): JsonProblem | undefined {
  let nodes = 0;
  const stack: Frame[] = [];
  /** Counts one value and, for an object or array, checks it and walks into it. */
  const visit = (v: unknown, depth: number, key: string | number | undefined, parent: Frame | undefined): JsonProblem | undefined => {
    if (++nodes > limits.maxNodes) return { kind: 'tooManyNodes', path: pathOf(parent, key) };
    if (typeof v !== 'object' || v === null) return undefined;
    if (depth >= limits.maxDepth) return { kind: 'tooDeep', path: pathOf(parent, key) };
    if (Array.isArray(v)) {
      if (v.length > 0) stack.push({ value: v, keys: undefined, next: 0, depth, key, parent });
      return undefined;
    }
    const keys = Object.keys(v);
    if (keys.length === 0) return undefined;
    const frame: Frame = { value: v, keys, next: 0, depth, key, parent };
    for (const k of keys) if (isForbiddenKey(k)) return { kind: 'forbiddenKey', path: pathOf(frame, k), key: k };
    // An object's values are visited last key first, as findings have always been ordered.
    keys.reverse();
    stack.push(frame);
    return undefined;
  };
  const problem = visit(value, 0, undefined, undefined);
  if (problem) return problem;
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const length = frame.keys ? frame.keys.length : (frame.value as unknown[]).length;
    if (frame.next >= length) {
      stack.pop();
      continue;
    }
    const key = frame.keys ? frame.keys[frame.next]! : frame.next;
    frame.next++;
    const child = frame.keys ? (frame.value as Record<string, unknown>)[key] : (frame.value as unknown[])[key as number];
    const found = visit(child, frame.depth + 1, key, frame);
    if (found) return found;
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
