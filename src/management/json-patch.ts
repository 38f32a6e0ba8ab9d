/**
 * JSON Patch (RFC 6902) for `PATCH …/entries/{id}`: add, remove, replace, move, copy and test,
 * applied to a copy of the entry's document. Any bad operation refuses the whole patch.
 */
import { FolioError } from '../errors/index.js';
import type { Json } from '../store/types.js';
import * as is from '../validate/is.js';

type Container = Json[] | { [key: string]: Json };

const refuse = (index: number, details: string): never => {
  throw new FolioError('VALIDATION_FAILED', `Patch operation ${index}: ${details}`, {
    details: { errors: [{ name: 'invalid', path: ['patch', String(index)], details }] },
  });
};

function tokens(pointer: unknown, index: number): string[] {
  if (!is.string(pointer) || (pointer !== '' && !pointer.startsWith('/'))) return refuse(index, 'path must be a JSON pointer such as /fields/title/en-US');
  return pointer === '' ? [] : pointer.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The container holding the pointer's last token, and that token. */
function parentOf(doc: Json, path: string[], index: number): { parent: Container; key: string } {
  if (path.length === 0) return refuse(index, 'the whole document cannot be replaced; patch its fields');
  let node: Json = doc;
  for (const token of path.slice(0, -1)) {
    const next: Json | undefined = Array.isArray(node) ? node[Number(token)] : is.plainObject(node) ? (node as Record<string, Json>)[token] : undefined;
    if (next === undefined || next === null || typeof next !== 'object') return refuse(index, `/${path.join('/')} does not exist`);
    node = next;
  }
  return { parent: node as Container, key: path[path.length - 1]! };
}

function read(doc: Json, path: string[], index: number): Json {
  const { parent, key } = parentOf(doc, path, index);
  const value = Array.isArray(parent) ? parent[Number(key)] : parent[key];
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
