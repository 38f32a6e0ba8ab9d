/**
 * An asset body from the client → AssetInput. Files come from uploads of this Folio, or from a
 * URL on another server (`upload`), which the route fetches (remote-file.ts) before the operation.
 */
import { validateFocalPoint, type FocalPoint } from '../assets/index.js';
import type { AssetInput, IncomingAssetFile } from '../content/index.js';
import { refused } from '../errors/index.js';
import * as is from '../validate/is.js';
import { bodyObject, metadataInput } from './parse.js';

const invalid = (path: string[], details: string): never => {
  throw refused('invalid', path, details);
};

/** A file to fetch from another server before the asset is saved. */
export interface RemoteAssetFile {
  kind: 'remote';
  url: string;
  fileName: string;
  contentType: string;
}

export type ParsedAssetInput = Omit<AssetInput, 'file'> & { file: Record<string, IncomingAssetFile | RemoteAssetFile> };

/**
 * The one detail of a file a client may set. Undefined: it sent no image details (keep what is
 * stored); null: it sent image details without one (remove it).
 */
function focalPointFrom(details: unknown, path: string[]): FocalPoint | null | undefined {
  if (!is.plainObject(details) || !is.plainObject(details.image)) return undefined;
  return validateFocalPoint(details.image.focalPoint, path);
}

/**
 * The upload id in a URL naming one of this Folio's uploads (`…/management/spaces/{s}[/environments/{e}]/uploads/{id}`),
 * or undefined for a URL on another server.
 */
export function ownUploadId(url: string, publicUrl: string, hosts: string[], spaceId: string, path: string[]): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url, publicUrl);
  } catch {
    return invalid(path, 'upload must be a URL');
  }
  if (!hosts.includes(parsed.host)) return undefined;
  const m = /^\/management\/spaces\/([^/]+)(?:\/environments\/[^/]+)?\/uploads\/([A-Za-z0-9._-]{1,64})$/.exec(parsed.pathname);
  if (!m || decodeURIComponent(m[1]!) !== spaceId) return invalid(path, 'upload names this Folio but not one of its uploads in this space');
  return m[2]!;
}

function strings(v: unknown, field: string): Record<string, string | null> {
  if (v === undefined) return {};
  if (!is.plainObject(v)) return invalid(['fields', field], `fields.${field} must be an object keyed by locale`);
  for (const [code, s] of Object.entries(v)) if (s !== null && !is.string(s)) invalid(['fields', field, code], `fields.${field}.${code} must be a string`);
  return v as Record<string, string | null>;
}

function file(v: unknown, code: string, publicUrl: string, hosts: string[], spaceId: string): IncomingAssetFile | RemoteAssetFile {
  const path = ['fields', 'file', code];
  if (!is.plainObject(v)) return invalid(path, `fields.file.${code} must be an object`);
  if (is.string(v.url) && v.uploadFrom === undefined && v.upload === undefined) {
    const focalPoint = focalPointFrom(v.details, [...path, 'details', 'image', 'focalPoint']);
    return { kind: 'issued', url: v.url, ...(focalPoint !== undefined ? { focalPoint } : {}) };
  }
  if (!is.nonEmptyString(v.fileName)) invalid([...path, 'fileName'], `fields.file.${code}.fileName must be a non-empty string`);
  if (!is.nonEmptyString(v.contentType)) invalid([...path, 'contentType'], `fields.file.${code}.contentType must be a media type such as image/png`);
  let uploadId: string | undefined;
  const from = v.uploadFrom;
  if (from !== undefined) {
    if (!is.plainObject(from) || !is.plainObject(from.sys) || from.sys.linkType !== 'Upload' || !is.nonEmptyString(from.sys.id)) {
      invalid([...path, 'uploadFrom'], 'uploadFrom must be a Link to an Upload');
    }
    uploadId = (from as { sys: { id: string } }).sys.id;
  } else if (is.string(v.upload)) {
    uploadId = ownUploadId(v.upload, publicUrl, hosts, spaceId, [...path, 'upload']);
    if (uploadId === undefined) return { kind: 'remote', url: v.upload, fileName: v.fileName as string, contentType: v.contentType as string };
  } else {
    invalid(path, `fields.file.${code} needs uploadFrom (a Link to an Upload) or the url Folio issued for it`);
  }
  return { kind: 'upload', fileName: v.fileName as string, contentType: v.contentType as string, uploadId: uploadId! };
}

/** `requestHost`: the host the client reached Folio by, which names this Folio as well as the public URL does. */
export function assetInput(body: unknown, publicUrl: string, requestHost: string | undefined, spaceId: string): ParsedAssetInput {
  const hosts = [new URL(publicUrl).host, ...(requestHost ? [requestHost] : [])];
  const o = bodyObject(body);
  const fields = o.fields ?? {};
  if (!is.plainObject(fields)) return invalid(['fields'], 'fields must be an object');
  for (const key of Object.keys(fields)) {
    if (!['title', 'description', 'file'].includes(key)) invalid(['fields', key], `Assets have the fields title, description and file, not "${key}"`);
  }
  const files = fields.file ?? {};
  if (!is.plainObject(files)) return invalid(['fields', 'file'], 'fields.file must be an object keyed by locale');
  return {
    title: strings(fields.title, 'title'),
    description: strings(fields.description, 'description'),
    file: Object.fromEntries(Object.entries(files).map(([code, f]) => [code, file(f, code, publicUrl, hosts, spaceId)])),
    metadata: metadataInput(o.metadata),
  };
}
