import { describe, expect, it } from 'vitest';
import { normaliseParams, parseImageParams } from './params.js';

describe('parseImageParams', () => {
  it('reads the seed query', () => {
    expect(parseImageParams('w=330&h=216&q=60&fit=fill&f=faces&fm=jpg&fl=progressive')).toEqual({
      width: 330,
      height: 216,
      quality: 60,
      fit: 'fill',
      gravity: 'faces',
      format: 'jpg',
      progressive: true,
    });
  });

  it('defaults to centre gravity and no progressive flag', () => {
    expect(parseImageParams('')).toEqual({ gravity: 'center', progressive: false });
  });

  it.each([
    ['w=1', { width: 1 }],
    ['w=4000', { width: 4000 }],
    ['h=1', { height: 1 }],
    ['h=4000', { height: 4000 }],
    ['q=1', { quality: 1 }],
    ['q=100', { quality: 100 }],
    ['fm=avif', { format: 'avif' }],
    ['fm=webp', { format: 'webp' }],
    ['f=bottom_right', { gravity: 'bottom_right' }],
    ['f=face', { gravity: 'face' }],
  ])('accepts the edge %s', (query, expected) => {
    expect(parseImageParams(query)).toMatchObject(expected);
  });

  it('leaves the fl/format contradiction it cannot see (no fm) to the source check', () => {
    expect(parseImageParams('fl=progressive')).toMatchObject({ progressive: true });
  });

  it('refuses with the uniform message and the parameter in details', () => {
    expect(() => parseImageParams('w=0')).toThrow('Expected integer between 1 and 4000 for w but received "0"');
    expect(() => parseImageParams('fm=gif')).toThrow(
      expect.objectContaining({
        status: 400,
        details: expect.objectContaining({ parameter: 'fm', received: '"gif"' }),
        message: 'Expected one of jpg, png, webp, avif (gif is not supported yet) for fm but received "gif"',
      }),
    );
  });
});

describe('normaliseParams', () => {
  const norm = (q: string) => normaliseParams(parseImageParams(q));

  it('ignores order and spelling', () => {
    expect(norm('fm=jpg&h=216&w=330')).toBe(norm('w=330&h=0216&fm=jpg'));
  });

  it('drops defaults and a gravity that has nothing to move', () => {
    expect(norm('w=10&f=center')).toBe(norm('w=10'));
    expect(norm('w=10&f=top')).toBe(norm('w=10'));
    expect(norm('w=10&fit=fill&f=top')).not.toBe(norm('w=10&fit=fill'));
  });

  it('spells the seed query canonically', () => {
    expect(norm('fl=progressive&fm=jpg&f=faces&fit=fill&q=60&h=216&w=330')).toBe(
      'w=330&h=216&fit=fill&f=faces&q=60&fm=jpg&fl=progressive',
    );
  });
});
