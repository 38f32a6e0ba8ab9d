/** An asset body from the client → AssetInput. Files come from uploads of this Folio only. */
import type { AssetInput, IncomingAssetFile } from '../content/index.js';
import { refused } from '../errors/index.js';
import * as is from '../validate/is.js';
import { focalPointFrom } from './focal-point.js';
import { bodyObject, metadataInput } from './parse.js';

const invalid = (path: string[], details: string): never => {
  throw refused('invalid', path, details);
};

/**
 * The upload id in a URL naming one of this Folio's uploads (`…/management/spaces/{s}[/environments/{e}]/uploads/{id}`).
 * Folio never fetches anything from the network, so any other URL is refused.
 */
export function ownUploadId(url: string, publicUrl: string, hosts: string[], spaceId: string, path: string[]): string {
  let parsed: URL;
  try {
    parsed = new URL(url, publicUrl);
  } catch {
    return invalid(path, 'upload must be a URL');
  }
  const m = /^\/management\/spaces\/([^/]+)(?:\/environments\/[^/]+)?\/uploads\/([A-Za-z0-9._-]{1,64})$/.exec(parsed.pathname);
  if (!hosts.includes(parsed.host) || !m || decodeURIComponent(m[1]!) !== spaceId) {
    return invalid(path, 'Folio does not fetch files from other servers: send the bytes to the uploads endpoint and link the upload with uploadFrom');
  }
  return m[2]!;
}

function strings(v: unknown, field: string): Record<string, string | null> {
  if (v === undefined) return {};
  if (!is.plainObject(v)) return invalid(['fields', field], `fields.${field} must be an object keyed by locale`);
  for (const [code, s] of Object.entries(v)) if (s !== null && !is.string(s)) invalid(['fields', field, code], `fields.${field}.${code} must be a string`);
  return v as Record<string, string | null>;
}

function file(v: unknown, code: string, publicUrl: string, hosts: string[], spaceId: string): IncomingAssetFile {
  const path = ['fields', 'file', code];
  if (!is.plainObject(v)) return invalid(path, `fields.file.${code} must be an object`);
  if (is.string(v.url) && v.uploadFrom === undefined && v.upload === undefined) {
    const focalPoint = focalPointFrom(v.details, `fields.file.${code}`);
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
  } else {
    invalid(path, `fields.file.${code} needs uploadFrom (a Link to an Upload) or the url Folio issued for it`);
  }
  return { kind: 'upload', fileName: v.fileName as string, contentType: v.contentType as string, uploadId: uploadId! };
}

/** `requestHost`: the host the client reached Folio by, which names this Folio as well as the public URL does. */
export function assetInput(body: unknown, publicUrl: string, requestHost: string | undefined, spaceId: string): AssetInput {
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
