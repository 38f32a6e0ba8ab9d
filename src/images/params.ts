/**
 * Parses an Images API query strictly: every value must be valid, every name known, none
 * repeated. Each Contentful parameter has its own entry in `parameters`; the ones of the next
 * issue answer "not supported yet" until their step exists.
 */
import * as is from '../validate/is.js';
import { fits, gravities, requestableFormats, type ImageParams } from './types.js';

type ParameterParser = (value: string, params: ImageParams) => void;

const maxDimension = 4000;

function integerIn(name: string, min: number, max: number): (value: string) => number {
  return (value) => {
    const n = is.parseStrictInt(value);
    if (n === undefined || !is.inRange(n, min, max)) is.invalid(name, `integer between ${min} and ${max}`, value);
    return n;
  };
}

function choice<T extends string>(name: string, allowed: readonly T[], later: readonly string[] = []) {
  return (value: string): T => {
    if (is.oneOf(value, allowed)) return value;
    if (later.includes(value)) is.invalid(name, `one of ${allowed.join(', ')} (${value} is not supported yet)`, value);
    return is.invalid(name, `one of ${[...allowed, ...later].join(', ')}`, value);
  };
}

function notSupportedYet(name: string, what: string): ParameterParser {
  return (value) => is.invalid(name, `no ${name} (${what} is not supported yet)`, value);
}

const width = integerIn('w', 1, maxDimension);
const height = integerIn('h', 1, maxDimension);
const quality = integerIn('q', 1, 100);
const fit = choice('fit', fits, ['pad', 'scale', 'crop', 'thumb']);
const gravity = choice('f', gravities);
const format = choice('fm', requestableFormats, ['gif', 'tiff']);
const flag = choice('fl', ['progressive'], ['png8']);

/** Contentful's parameter names, in the order the normalised form lists them. */
const parameters: Record<string, ParameterParser> = {
  w: (v, p) => (p.width = width(v)),
  h: (v, p) => (p.height = height(v)),
  fit: (v, p) => (p.fit = fit(v)),
  f: (v, p) => (p.gravity = gravity(v)),
  r: notSupportedYet('r', 'rounding corners'),
  bg: notSupportedYet('bg', 'a background colour'),
  q: (v, p) => (p.quality = quality(v)),
  fm: (v, p) => (p.format = format(v)),
  fl: (v, p) => (p.progressive = flag(v) === 'progressive'),
};

const knownNames = Object.keys(parameters);

export const defaultParams = (): ImageParams => ({ gravity: 'center', progressive: false });

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
  // Gravity only moves a crop, so without one it changes nothing.
  if (params.fit !== undefined && params.gravity !== 'center') parts.push(`f=${params.gravity}`);
  if (params.quality !== undefined) parts.push(`q=${params.quality}`);
  if (params.format !== undefined) parts.push(`fm=${params.format}`);
  if (params.progressive) parts.push('fl=progressive');
  return parts.join('&');
}
