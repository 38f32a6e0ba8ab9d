/**
 * An asset's `fields.file` as every API shows it: Folio stores a content hash; readers get
 * Contentful's url (protocol-relative, with a token that changes with the file) instead.
 */
import { fileUrl, isStoredFile } from '../assets/index.js';
import type { Json } from '../store/types.js';

export interface FileContext {
  publicUrl: string;
  spaceId: string;
  assetId: string;
}

/** One locale's file; anything not yet stored (an upload to process) is shown as given. */
export function fileJson(ctx: FileContext, value: Json): Json {
  if (!isStoredFile(value)) return value;
  const { hash: _hash, ...rest } = value;
  return { url: fileUrl(ctx.publicUrl, ctx.spaceId, ctx.assetId, value), ...rest } as Json;
}

/** Every locale's file of an asset's fields, the other fields unchanged. */
export function withFileJson(ctx: FileContext, fields: Record<string, Record<string, Json>>): Record<string, Record<string, Json>> {
  if (!fields.file) return fields;
  return { ...fields, file: Object.fromEntries(Object.entries(fields.file).map(([code, f]) => [code, fileJson(ctx, f)])) };
}
