/**
 * JSON Patch (RFC 6902) for `PATCH …/entries/{id}`: add, remove, replace, move, copy and test,
 * applied to a copy of the entry's document. Any bad operation refuses the whole patch.
 * Pointers only ever walk own properties, and `__proto__`, `constructor` and `prototype` are
 * refused as segments: a patch can never reach, read or replace an object's prototype.
 */
import { validationFailed } from '../errors/index.js';
import type { Json } from '../store/types.js';
import * as is from '../validate/is.js';
import { isForbiddenKey } from '../validate/json-shape.js';

type Container = Json[] | { [key: string]: Json };

const refuse = (index: number, details: string): never => {
  throw validationFailed([{ name: 'invalid', path: ['patch', String(index)], details }], `Patch operation ${index}: ${details}`);
};

/** Own properties only: "toString" or "__proto__" on a plain object is not part of the document. */
const child = (node: Json, token: string): Json | undefined =>
  Array.isArray(node) ? (is.parseStrictInt(token) !== undefined ? node[Number(token)] : undefined) : is.plainObject(node) && Object.hasOwn(node, token) ? (node as Record<string, Json>)[token] : undefined;

function tokens(pointer: unknown, index: number): string[] {
  if (!is.string(pointer) || (pointer !== '' && !pointer.startsWith('/'))) return refuse(index, 'path must be a JSON pointer such as /fields/title/en-US');
  const path = pointer === '' ? [] : pointer.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  const forbidden = path.find(isForbiddenKey);
  if (forbidden !== undefined) return refuse(index, `"${forbidden}" is not allowed in a path`);
  return path;
}

/** The container holding the pointer's last token, and that token. */
function parentOf(doc: Json, path: string[], index: number): { parent: Container; key: string } {
  if (path.length === 0) return refuse(index, 'the whole document cannot be replaced; patch its fields');
  let node: Json = doc;
  for (const token of path.slice(0, -1)) {
    const next = child(node, token);
    if (next === undefined || next === null || typeof next !== 'object') return refuse(index, `/${path.join('/')} does not exist`);
    node = next;
  }
  return { parent: node as Container, key: path[path.length - 1]! };
}

function read(doc: Json, path: string[], index: number): Json {
  const { parent, key } = parentOf(doc, path, index);
  const value = child(parent, key);
  if (value === undefined) return refuse(index, `/${path.join('/')} does not exist`);
  return value;
}

function arrayIndex(parent: Json[], key: string, index: number, forAdd: boolean): number {
  if (forAdd && key === '-') return parent.length;
  const n = is.parseStrictInt(key);
  if (n === undefined || n > parent.length - (forAdd ? 0 : 1)) return refuse(index, `array index "${key}" is out of range`);
  return n;
}

function add(doc: Json, path: string[], value: Json, index: number) {
  const { parent, key } = parentOf(doc, path, index);
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, key, index, true), 0, value);
  else parent[key] = value;
}

function remove(doc: Json, path: string[], index: number): Json {
  const value = read(doc, path, index);
  const { parent, key } = parentOf(doc, path, index);
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, key, index, false), 1);
  else delete parent[key];
  return value;
}

/** The patched copy of `document`; the patch is refused whole when any operation is bad. */
export function applyJsonPatch(document: Json, operations: unknown): Json {
  if (!Array.isArray(operations)) return refuse(0, 'the body must be an array of JSON Patch operations');
  const doc = structuredClone(document);
  operations.forEach((op: unknown, index) => {
    if (!is.plainObject(op)) return refuse(index, 'each operation must be an object');
    const path = tokens(op.path, index);
    const value = op.value as Json;
    switch (op.op) {
      case 'add':
        if (!('value' in op)) refuse(index, 'add needs a value');
        return add(doc, path, value, index);
      case 'remove':
        return void remove(doc, path, index);
      case 'replace':
        if (!('value' in op)) refuse(index, 'replace needs a value');
        remove(doc, path, index);
        return add(doc, path, value, index);
      case 'move':
        return add(doc, path, remove(doc, tokens(op.from, index), index), index);
      case 'copy':
        return add(doc, path, structuredClone(read(doc, tokens(op.from, index), index)), index);
      case 'test':
        if (JSON.stringify(read(doc, path, index)) !== JSON.stringify(value)) refuse(index, `test failed at ${String(op.path)}`);
        return;
      default:
        return refuse(index, `unknown op ${JSON.stringify(op.op)}; use add, remove, replace, move, copy or test`);
    }
  });
  return doc;
}
