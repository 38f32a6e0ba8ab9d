import { describe, expect, it } from 'vitest';
import { applyJsonPatch } from './json-patch.js';

const doc = { fields: { title: { 'en-US': 'T' }, tags: { 'en-US': ['a', 'b'] }, 'a/b': { '~x': 1 } } };

describe('applyJsonPatch', () => {
  it('applies RFC 6902 operations in order on a copy', () => {
    const out = applyJsonPatch(doc, [
      { op: 'add', path: '/fields/tags/en-US/1', value: 'z' },
      { op: 'add', path: '/fields/tags/en-US/-', value: 'end' },
      { op: 'replace', path: '/fields/tags/en-US/0', value: 'A' },
      { op: 'copy', from: '/fields/title', path: '/fields/subtitle' },
      { op: 'move', from: '/fields/a~1b/~0x', path: '/fields/moved' },
      { op: 'test', path: '/fields/moved', value: 1 },
      { op: 'remove', path: '/fields/title' },
    ]);
    expect(out).toEqual({ fields: { tags: { 'en-US': ['A', 'z', 'b', 'end'] }, subtitle: { 'en-US': 'T' }, 'a/b': {}, moved: 1 } });
    expect(doc.fields.title).toEqual({ 'en-US': 'T' });
  });

  it('refuses bad operations with ValidationFailed naming the operation', () => {
    for (const ops of [
      {},
      [{ op: 'jump', path: '/fields' }],
      [{ op: 'remove', path: 'fields/title' }],
      [{ op: 'remove', path: '/fields/none' }],
      [{ op: 'add', path: '/fields/tags/en-US/9', value: 'x' }],
      [{ op: 'add', path: '/fields/x' }],
      [{ op: 'replace', path: '', value: {} }],
      [{ op: 'test', path: '/fields/title/en-US', value: 'other' }],
      [{ op: 'add', path: '/missing/deep/path', value: 1 }],
    ]) {
      expect(() => applyJsonPatch(doc, ops), JSON.stringify(ops)).toThrow(expect.objectContaining({ id: 'ValidationFailed' }));
    }
  });
});
