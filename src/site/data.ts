/** Reads what the public hub shows: published articles with their linked image, topics, author. */
import { fileUrl, isStoredFile } from '../assets/index.js';
import type { LinkedItems } from '../content/index.js';
import type { Store } from '../store/store.js';
import type { AssetRecord, Json, Scope } from '../store/types.js';
import * as is from '../validate/is.js';

export interface SiteContext {
  store: Store;
  scope: Scope;
  publicUrl: string;
  locale: string;
  /** Signs an image path and query when URL signing is on (FOLIO_IMAGE_SIGNING_KEY). */
  signImage?: (pathAndQuery: string) => string;
}

/** An image URL with transform parameters, signed when the Images API requires it. */
export function transformedUrl(ctx: SiteContext, url: string, query: string): string {
  if (!ctx.signImage) return url + query;
  const origin = /^(\/\/[^/]+)(\/.*)$/.exec(url);
  return origin ? origin[1] + ctx.signImage(origin[2] + query) : ctx.signImage(url + query);
}

/** The seed's card crop, exactly. */
export const cardImageQuery = '?w=330&h=216&q=60&fit=fill&f=faces&fm=jpg&fl=progressive';
export const cardImageSize = { width: 330, height: 216 } as const;

export interface ImageRef {
  url: string;
  width: number;
  height: number;
  alt: string;
  /** Shown until the image arrives: the stored dominant colour (`#rrggbb`). */
  color?: string;
  /** The stored ThumbHash (base64), for a blurred preview. */
  thumbhash?: string;
}

type WithFields = { fields: Record<string, Record<string, Json>> };

export const fieldOf = (record: WithFields, id: string, locale: string): Json | undefined => record.fields[id]?.[locale];

export const textOf = (record: WithFields, id: string, locale: string): string => {
  const v = fieldOf(record, id, locale);
  return is.string(v) ? v : '';
};

const linkId = (v: Json | undefined): string | undefined =>
  is.plainObject(v) && is.plainObject(v.sys) && is.string(v.sys.id) ? v.sys.id : undefined;

export function imageOf(ctx: SiteContext, asset: AssetRecord | undefined): ImageRef | undefined {
  const file = asset && fieldOf(asset, 'file', ctx.locale);
  if (!asset || !isStoredFile(file) || !file.details.image) return undefined;
  return {
    url: fileUrl(ctx.publicUrl, ctx.scope.spaceId, asset.sys.id, file),
    width: file.details.image.width,
    height: file.details.image.height,
    alt: textOf(asset, 'description', ctx.locale),
    ...(file.details.image.dominantColor && /^#[0-9a-f]{6}$/i.test(file.details.image.dominantColor) ? { color: file.details.image.dominantColor } : {}),
    ...(file.details.image.thumbhash ? { thumbhash: file.details.image.thumbhash } : {}),
  };
}

export const linkedAsset = (linked: LinkedItems, v: Json | undefined) => {
  const id = linkId(v);
  return id ? linked.assets.get(id) : undefined;
};

export const linkedEntry = (linked: LinkedItems, v: Json | undefined) => {
  const id = linkId(v);
  return id ? linked.entries.get(id) : undefined;
};
