import { describe, expect, it } from 'vitest';
import { isFolioError } from '../errors/index.js';
import { pagedCollection, pageQuery } from './collection.js';
import { queryInMemory, type MemoryModel } from './memory-query.js';

const model: MemoryModel = { paths: { 'sys.id': 'text', 'sys.version': 'number', name: 'text' }, fullText: ['name'] };
const tags = [
  { name: 'Feline', sys: { id: 'feline', version: 2 } },
  { name: 'Canine', sys: { id: 'canine', version: 1 } },
  { name: 'Equine', sys: { id: 'equine', version: 2 } },
];
const ids = (q: Record<string, string>) => queryInMemory(q, model, tags).items.map((t) => t.sys.id);
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    if (isFolioError(err)) return { id: err.id, details: err.details };
  }
  return undefined;
};

describe('queryInMemory', () => {
  it('filters with Contentful operators on the paths a collection knows', () => {
    expect(ids({ name: 'Feline' })).toEqual(['feline']);
    expect(ids({ 'name[ne]': 'Feline' })).toEqual(['canine', 'equine']);
    expect(ids({ 'sys.id[in]': 'equine,canine' })).toEqual(['canine', 'equine']);
    expect(ids({ 'sys.id[nin]': 'equine,canine' })).toEqual(['feline']);
    expect(ids({ 'sys.version[gte]': '2' })).toEqual(['feline', 'equine']);
    expect(ids({ 'name[match]': 'fel' })).toEqual(['feline']);
    expect(ids({ query: 'equ' })).toEqual(['equine']);
    expect(ids({ 'name[exists]': 'false' })).toEqual([]);
  });

  it('orders by several keys, ties broken by sys.id, and pages', () => {
    expect(ids({ order: '-sys.version,name' })).toEqual(['equine', 'feline', 'canine']);
    expect(ids({ order: 'sys.version' })).toEqual(['canine', 'equine', 'feline']);
    const page = queryInMemory({ order: 'sys.id', limit: '1', skip: '1' }, model, tags);
    expect([page.total, page.skip, page.limit, page.items.map((t) => t.sys.id)]).toEqual([3, 1, 1, ['equine']]);
  });

  it('answers an unknown parameter with Contentful\'s unknown error, and refuses bad values by name', () => {
    expect(refusal(() => ids({ color: 'red' }))).toEqual({ id: 'InvalidQuery', details: { errors: [{ name: 'unknown', path: ['color'], details: 'The path "color" is not recognized' }] } });
    expect(refusal(() => ids({ __proto__x: '1', 'constructor.x': '1' }))?.id).toBe('InvalidQuery');
    expect(refusal(() => ids({ order: 'color' }))?.id).toBe('InvalidQuery');
    expect(refusal(() => ids({ 'sys.version[gt]': 'many' }))?.id).toBe('InvalidQuery');
  });
});

describe('cursor pages', () => {
  it('links the next and previous pages with opaque tokens and refuses tokens it never gave', () => {
    const first = pageQuery({ cursor: 'true', limit: '2' });
    const answer = pagedCollection(['a', 'b'], { total: 5, skip: 0, limit: 2 }, first, '/delivery/spaces/s/entries?cursor=true&limit=2&access_token=secret');
    expect(answer).not.toHaveProperty('total');
    if (!('pages' in answer)) throw new Error('a cursor page');
    expect(answer.pages.prev).toBeUndefined();
    expect(answer.pages.next).not.toContain('secret');
    const next = new URL(answer.pages.next!, 'http://x').searchParams;
    expect(pageQuery(Object.fromEntries(next))).toEqual({ skip: 2, limit: 2, cursor: true });
    expect(refusal(() => pageQuery({ cursor: 'true', pageNext: 'garbage' }))?.id).toBe('InvalidQuery');
    expect(refusal(() => pageQuery({ cursor: 'true', skip: '1' }))?.id).toBe('InvalidQuery');
    expect(refusal(() => pageQuery({ cursor: 'true', limit: '0' }))?.id).toBe('InvalidQuery');
    expect(refusal(() => pageQuery({ pageNext: 'x' }))?.id).toBe('InvalidQuery');
  });
});
