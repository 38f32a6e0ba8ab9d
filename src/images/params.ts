/**
 * Parses an Images API query strictly: every value must be valid, every name known, none
 * repeated. Each Contentful parameter has its own entry in `parameters`.
 */
import * as is from '../validate/is.js';
import { fits, gravities, requestableFormats, type ImageParams, type Rgba } from './types.js';

type ParameterParser = (value: string, params: ImageParams) => void;

const maxDimension = 4000;

function integerIn(name: string, min: number, max: number): (value: string) => number {
  return (value) => {
    const n = is.parseStrictInt(value);
    if (n === undefined || !is.inRange(n, min, max)) is.invalid(name, `integer between ${min} and ${max}`, value);
    return n;
  };
}

function choice<T extends string>(name: string, allowed: readonly T[]) {
  return (value: string): T => (is.oneOf(value, allowed) ? value : is.invalid(name, `one of ${allowed.join(', ')}`, value));
}

const width = integerIn('w', 1, maxDimension);
const height = integerIn('h', 1, maxDimension);
const quality = integerIn('q', 1, 100);
const fit = choice('fit', fits);
const gravity = choice('f', gravities);
const format = choice('fm', requestableFormats);
const flag = choice('fl', ['progressive', 'png8']);
const radiusPx = integerIn('r', 1, 2000);

function radius(value: string): number | 'max' {
  if (value === 'max') return 'max';
  if (is.parseStrictInt(value) === undefined) is.invalid('r', 'integer between 1 and 2000 or max', value);
  return radiusPx(value);
}

const hex = (s: string) => Number.parseInt(s, 16);

/** rgb:RRGGBB, rgb:RGB or rgba:RRGGBBAA (Contentful's shapes). */
function background(value: string): Rgba {
  const v = value.toLowerCase();
  let m = /^rgb:([0-9a-f]{6})$/.exec(v);
  if (m) return { r: hex(m[1]!.slice(0, 2)), g: hex(m[1]!.slice(2, 4)), b: hex(m[1]!.slice(4, 6)), alpha: 1 };
  m = /^rgb:([0-9a-f]{3})$/.exec(v);
  if (m) return { r: hex(m[1]![0]!.repeat(2)), g: hex(m[1]![1]!.repeat(2)), b: hex(m[1]![2]!.repeat(2)), alpha: 1 };
  m = /^rgba:([0-9a-f]{8})$/.exec(v);
  if (m) {
    const [r, g, b, a] = [0, 2, 4, 6].map((i) => hex(m![1]!.slice(i, i + 2))) as [number, number, number, number];
    return { r, g, b, alpha: a / 255 };
  }
  return is.invalid('bg', 'a colour rgb:RRGGBB, rgb:RGB or rgba:RRGGBBAA', value);
}

/** Contentful's parameter names, in the order the normalised form lists them. */
const parameters: Record<string, ParameterParser> = {
  w: (v, p) => (p.width = width(v)),
  h: (v, p) => (p.height = height(v)),
  fit: (v, p) => (p.fit = fit(v)),
  f: (v, p) => (p.gravity = gravity(v)),
  r: (v, p) => (p.radius = radius(v)),
  bg: (v, p) => (p.background = background(v)),
  q: (v, p) => (p.quality = quality(v)),
  fm: (v, p) => (p.format = format(v)),
  fl: (v, p) => {
    if (flag(v) === 'png8') p.png8 = true;
    else p.progressive = true;
  },
};

const knownNames = Object.keys(parameters);

export const defaultParams = (): ImageParams => ({ progressive: false });

/** The query part of a request URL, undecoded. */
export const rawQuery = (url: string) => {
  const at = url.indexOf('?');
  return at === -1 ? '' : url.slice(at + 1);
};

export function parseImageParams(query: string | URLSearchParams): ImageParams {
  const search = typeof query === 'string' ? new URLSearchParams(query) : query;
  const params = defaultParams();
  const seen = new Map<string, string>();
  for (const [name, value] of search) {
    const parse = Object.hasOwn(parameters, name) ? parameters[name] : undefined;
    if (!parse) is.invalid(name || '(a parameter without a name)', `one of the parameters ${knownNames.join(', ')}`, value);
    const earlier = seen.get(name);
    if (earlier !== undefined) is.invalid(name, 'a single value', `${name}=${earlier}&${name}=${value}`);
    seen.set(name, value);
    parse(value, params);
  }
  return params;
}

/**
 * One canonical spelling of what the params ask for: equal requests get equal strings whatever
 * their order, spelling or defaults, so the string can name the derived image (ETag, cache).
 */
export function normaliseParams(params: ImageParams): string {
  const parts: string[] = [];
  if (params.width !== undefined) parts.push(`w=${params.width}`);
  if (params.height !== undefined) parts.push(`h=${params.height}`);
  if (params.fit !== undefined) parts.push(`fit=${params.fit}`);
  // Gravity only places a crop or padding, so without a fit it changes nothing. f=center is
  // kept: it differs from no f when the asset has a focal point.
  if (params.fit !== undefined && params.fit !== 'scale' && params.gravity !== undefined) parts.push(`f=${params.gravity}`);
  if (params.radius !== undefined) parts.push(`r=${params.radius}`);
  if (params.background !== undefined) parts.push(`bg=${colourHex(params.background)}`);
  // q means nothing for png8 (a palette PNG is lossless over its palette).
  if (params.quality !== undefined && !params.png8) parts.push(`q=${params.quality}`);
  if (params.format !== undefined) parts.push(`fm=${params.format}`);
  if (params.progressive) parts.push('fl=progressive');
  if (params.png8) parts.push('fl=png8');
  return parts.join('&');
}

const byte = (n: number) => n.toString(16).padStart(2, '0');

/** rgba:rrggbbaa, the one spelling of a colour. */
export const colourHex = (c: Rgba) => `rgba:${byte(c.r)}${byte(c.g)}${byte(c.b)}${byte(Math.round(c.alpha * 255))}`;
