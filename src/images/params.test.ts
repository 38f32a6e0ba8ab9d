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

  it('defaults to no gravity (centre or focal point) and no flags', () => {
    expect(parseImageParams('')).toEqual({ progressive: false });
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
    ['fit=pad', { fit: 'pad' }],
    ['fit=scale', { fit: 'scale' }],
    ['fit=crop', { fit: 'crop' }],
    ['fit=thumb', { fit: 'thumb' }],
    ['fm=gif', { format: 'gif' }],
    ['fm=tiff', { format: 'tiff' }],
    ['fm=auto', { format: 'auto' }],
    ['fl=png8', { png8: true, progressive: false }],
    ['r=1', { radius: 1 }],
    ['r=2000', { radius: 2000 }],
    ['r=max', { radius: 'max' }],
    ['bg=rgb:FF8000', { background: { r: 255, g: 128, b: 0, alpha: 1 } }],
    ['bg=rgb:f80', { background: { r: 255, g: 136, b: 0, alpha: 1 } }],
    ['bg=rgba:ff000080', { background: { r: 255, g: 0, b: 0, alpha: 128 / 255 } }],
  ])('accepts the edge %s', (query, expected) => {
    expect(parseImageParams(query)).toMatchObject(expected);
  });

  it('leaves the fl/format contradiction it cannot see (no fm) to the source check', () => {
    expect(parseImageParams('fl=progressive')).toMatchObject({ progressive: true });
  });

  it('refuses with the uniform message and the parameter in details', () => {
    expect(() => parseImageParams('w=0')).toThrow('Expected integer between 1 and 4000 for w but received "0"');
    expect(() => parseImageParams('fm=bmp')).toThrow(
      expect.objectContaining({
        status: 400,
        details: expect.objectContaining({ parameter: 'fm', received: '"bmp"' }),
        message: 'Expected one of jpg, png, webp, avif, gif, tiff, auto for fm but received "bmp"',
      }),
    );
    expect(() => parseImageParams('r=0')).toThrow('Expected integer between 1 and 2000 for r but received "0"');
    expect(() => parseImageParams('r=x')).toThrow('Expected integer between 1 and 2000 or max for r but received "x"');
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

  it('spells colours one way, keeps f=center with a fit, and drops q for png8', () => {
    expect(norm('bg=rgb:F00&w=5')).toBe(norm('w=5&bg=rgba:ff0000ff'));
    expect(norm('w=10&fit=fill&f=center')).not.toBe(norm('w=10&fit=fill'));
    expect(norm('fm=png&fl=png8&q=50')).toBe(norm('fm=png&fl=png8'));
    expect(norm('w=10&fit=scale&f=top')).toBe(norm('w=10&fit=scale'));
  });

  it('spells the seed query canonically', () => {
    expect(norm('fl=progressive&fm=jpg&f=faces&fit=fill&q=60&h=216&w=330')).toBe(
      'w=330&h=216&fit=fill&f=faces&q=60&fm=jpg&fl=progressive',
    );
  });
});
