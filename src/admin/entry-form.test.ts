/** The generic form's round trip: a stored value shown in its inputs and sent back unchanged is the same value. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineField } from '../store/define-field.js';
import type { FieldDefinition, Json } from '../store/types.js';
import { formFields, parseRaw, rawOf, sameRaw, sentInOrder } from './entry-form.js';

const only = (def: FieldDefinition) => formFields([def], new Map())[0]!;
const roundTrip = (def: FieldDefinition, value: Json) => {
  const field = only(def);
  return parseRaw(field, rawOf(field, value), value);
};
const link = (linkType: string, id: string) => ({ sys: { type: 'Link', linkType, id } });
const id = fc.stringMatching(/^[a-zA-Z0-9_-]{1,20}$/);

describe('entry form values', () => {
  it('gives back what it shows, for every field type', () => {
    const cases: Array<[FieldDefinition, fc.Arbitrary<Json>]> = [
      [defineField('s', 'Symbol'), fc.string({ minLength: 1 })],
      [defineField('t', 'Text'), fc.string({ minLength: 1 }).map((s) => s.replace(/\r/g, ''))],
      [defineField('i', 'Integer'), fc.integer()],
      [defineField('n', 'Number'), fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0))],
      [defineField('b', 'Boolean'), fc.boolean()],
      [defineField('d', 'Date'), fc.date({ min: new Date('1900-01-01'), max: new Date('2999-12-31'), noInvalidDate: true }).map((d) => `${d.toISOString().slice(0, 16)}+02:00`)],
      [defineField('l', 'Location'), fc.record({ lat: fc.double({ min: -90, max: 90, noNaN: true }), lon: fc.double({ min: -180, max: 180, noNaN: true }) }).filter((v) => !Object.is(v.lat, -0) && !Object.is(v.lon, -0))],
      [defineField('o', 'Object'), fc.dictionary(fc.string(), fc.jsonValue(), { minKeys: 1 }) as fc.Arbitrary<Json>],
      [defineField('tags', 'Array', { items: { type: 'Symbol', validations: [] } }), fc.array(fc.stringMatching(/^[a-z0-9][a-z0-9 ]{0,10}[a-z0-9]$/), { minLength: 1 })],
      [defineField('e', 'Link', { linkType: 'Entry' }), id.map((x) => link('Entry', x))],
      [defineField('es', 'Array', { items: { type: 'Link', linkType: 'Entry', validations: [] } }), fc.uniqueArray(id, { minLength: 1 }).map((ids) => ids.map((x) => link('Entry', x)))],
      [defineField('as', 'Array', { items: { type: 'Link', linkType: 'Asset', validations: [] } }), fc.uniqueArray(id, { minLength: 1 }).map((ids) => ids.map((x) => link('Asset', x)))],
    ];
    for (const [def, values] of cases) {
      fc.assert(
        fc.property(values, (value) => {
          expect(roundTrip(def, value), def.id).toEqual({ value: JSON.parse(JSON.stringify(value)) as Json });
        }),
      );
    }
  });

  it('keeps the stored order of links chosen again, new ones after', () => {
    const field = only(defineField('es', 'Array', { items: { type: 'Link', linkType: 'Entry', validations: [] } }));
    const stored = [link('Entry', 'b'), link('Entry', 'a')];
    expect(sameRaw(field, ['a', 'b'], rawOf(field, stored))).toBe(true);
    expect(parseRaw(field, ['a', 'c', 'b'], stored)).toEqual({ value: [link('Entry', 'b'), link('Entry', 'a'), link('Entry', 'c')] });
  });

  it('takes the order sent when the form says it put the links in order', () => {
    const field = only(defineField('es', 'Array', { items: { type: 'Link', linkType: 'Entry', validations: [] } }));
    const stored = [link('Entry', 'b'), link('Entry', 'a')];
    expect(sameRaw(field, ['a', 'b'], rawOf(field, stored), true)).toBe(false);
    expect(sameRaw(field, ['b', 'a'], rawOf(field, stored), true)).toBe(true);
    expect(parseRaw(field, ['a', 'c', 'b', 'a'], stored, true)).toEqual({ value: [link('Entry', 'a'), link('Entry', 'c'), link('Entry', 'b')] });
    expect(sentInOrder({ 'f.es.shown': '1', 'f.es.ordered': '1' }, field)).toBe(true);
    expect(sentInOrder({ 'f.es.shown': '1' }, field)).toBe(false);
  });

  it('refuses what it cannot read, in people’s words', () => {
    expect(parseRaw(only(defineField('i', 'Integer')), ['4.5'], undefined)).toEqual({ problem: 'Enter a whole number, such as 42.' });
    expect(parseRaw(only(defineField('o', 'Object')), ['{nope'], undefined)).toMatchObject({ problem: expect.stringMatching(/^This is not valid JSON/) });
    expect(parseRaw(only(defineField('l', 'Location')), ['91', '0'], undefined)).toMatchObject({ problem: expect.stringMatching(/latitude/) });
    expect(parseRaw(only(defineField('d', 'Date')), ['2026-12-31T18:30', '+99:00'], undefined)).toMatchObject({ problem: expect.stringMatching(/time zone/) });
    expect(parseRaw(only(defineField('e', 'Link', { linkType: 'Entry' })), ['../x'], undefined)).toEqual({ problem: 'Choose from the list.' });
  });
});
