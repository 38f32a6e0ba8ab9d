/**
 * Content codings as a CDN negotiates them (Contentful's answers gzip or brotli): bodies are
 * compressed once when they are cached, and each request only picks the copy its
 * Accept-Encoding prefers (RFC 9110 §12.5.3: q-values, `*`, and `q=0` refusing a coding).
 */
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from 'node:zlib';

export type Encoding = 'br' | 'gzip' | 'identity';

export interface Encoded {
  body: Buffer;
  gzip?: Buffer | undefined;
  br?: Buffer | undefined;
}

/** Smaller bodies are sent as they are: compression would save less than a packet. */
export const compressMin = 1024;
/** Codings listed in one header that are looked at; the rest are ignored. */
const maxCodings = 32;
/** Brotli's default (11) costs seconds on a large answer; 5 is gzip's speed with a smaller result. */
const brotliOptions = { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } };

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** The coding to send for `header`, among those `encoded` has; ties go to the smaller (br, gzip, identity). */
export function negotiateEncoding(header: string | string[] | undefined, encoded: { gzip?: unknown; br?: unknown }): Encoding {
  if (!encoded.gzip && !encoded.br) return 'identity';
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value) return 'identity';
  // Clients send a handful of distinct Accept-Encoding values, and every warm answer asks.
  const memoKey = value.length <= memoMaxHeader ? `${encoded.gzip ? 'g' : '-'}${encoded.br ? 'b' : '-'}${value}` : undefined;
  const known = memoKey && negotiated.get(memoKey);
  if (known) return known;
  const chosen = negotiate(value, encoded);
  if (memoKey) {
    if (negotiated.size >= memoMaxEntries) negotiated.clear();
    negotiated.set(memoKey, chosen);
  }
  return chosen;
}

const negotiated = new Map<string, Encoding>();
const memoMaxEntries = 256;
const memoMaxHeader = 200;

function negotiate(value: string, encoded: { gzip?: unknown; br?: unknown }): Encoding {
  const q = new Map<string, number>();
  for (const part of value.split(',', maxCodings)) {
    const [name, ...params] = part.split(';');
    const coding = name!.trim().toLowerCase();
    if (!coding) continue;
    let weight = 1;
    for (const p of params) {
      const m = /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(p);
      if (m) weight = Math.min(1, Number(m[1]));
    }
    if (!q.has(coding)) q.set(coding, weight);
  }
  const weightOf = (coding: Encoding) => q.get(coding) ?? (coding === 'identity' ? Math.min(1, q.get('*') ?? 1) : (q.get('*') ?? 0));
  let best: Encoding = 'identity';
  let bestWeight = weightOf('identity');
  for (const coding of ['gzip', 'br'] as const) {
    const w = encoded[coding] ? weightOf(coding) : 0;
    if (w > 0 && w >= bestWeight) {
      best = coding;
      bestWeight = w;
    }
  }
  return best;
}

/** Which compressed copies an answer offers, made or not yet: what negotiation looks at. */
export interface Codings {
  gzip?: true;
  br?: true;
}

/**
 * The body, each compressed copy made the first time a request takes it. For answers that are
 * replaced often (hub pages, assembled again after each publish that changes what they show):
 * only the codings their readers ask for before the next change are made, not both every time.
 * Negotiate over `codings`, so asking which copies there are makes none.
 */
export class LazilyEncoded implements Encoded {
  readonly codings: Codings;
  #gzip: Buffer | undefined;
  #br: Buffer | undefined;

  constructor(readonly body: Buffer) {
    this.codings = body.length < compressMin ? {} : { gzip: true, br: true };
  }

  get gzip(): Buffer | undefined {
    return this.codings.gzip && (this.#gzip ??= gzipSync(this.body));
  }

  get br(): Buffer | undefined {
    return this.codings.br && (this.#br ??= brotliCompressSync(this.body, brotliOptions));
  }
}

/** The same, off the event loop (zlib's thread pool): for large answers. */
export async function encodeAsync(body: Buffer): Promise<Encoded> {
  if (body.length < compressMin) return { body };
  const [gz, br] = await Promise.all([gzipAsync(body), brotliAsync(body, brotliOptions)]);
  return { body, gzip: gz, br };
}

/** The copy to send for `coding`. */
export const bodyFor = (encoded: Encoded, coding: Encoding): Buffer => (coding === 'identity' ? encoded.body : (encoded[coding] ?? encoded.body));
