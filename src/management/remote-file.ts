/**
 * Asset files named by a URL on another server (`fields.file.{locale}.upload`), as import
 * scripts send them: fetched once, under the webhooks' outbound rules (src/webhooks/target.ts:
 * public addresses only unless FOLIO_WEBHOOK_ALLOW_PRIVATE, every resolved address checked, the
 * connection pinned to the checked one, no redirects), within a time limit and the upload size
 * limit, into an Upload. Processing then types the bytes by their content, as for any upload.
 */
import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import type { Actor } from '../auth/index.js';
import { assertCan } from '../auth/index.js';
import { createUpload, type AssetInput } from '../content/index.js';
import type { ParsedAssetInput } from './parse-asset.js';
import { isFolioError, validationFailed } from '../errors/index.js';
import { formatBytes, SizeLimitError, type FileStorage } from '../storage/index.js';
import type { Store } from '../store/index.js';
import { pinnedLookup, resolveTarget, TargetRefused, type TargetPolicy } from '../webhooks/index.js';

export interface RemoteFileOptions {
  policy: TargetPolicy;
  /** The whole fetch: name resolution, connection, headers and body. */
  timeoutMs: number;
  maxBytes: number;
}

export const remoteFileDefaults = { timeoutMs: 30_000 };

const refuse = (path: string[], details: string): never => {
  throw validationFailed([{ name: 'invalid', path, details }], details);
};

/** Why a fetch failed, in words for the caller; never the server's answer body. */
function reasonOf(err: unknown): string {
  if (err instanceof TargetRefused) return `its address is in a ${err.range} range, which Folio does not fetch from`;
  const e = err as { name?: string; code?: string };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return 'it did not answer in time';
  if (e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN') return 'its host name does not resolve';
  return 'the connection failed';
}

function get(url: URL, policy: TargetPolicy, signal: AbortSignal): Promise<http.IncomingMessage> {
  return resolveTarget(url.hostname, policy).then(
    (pinned) =>
      new Promise((resolve, reject) => {
        signal.throwIfAborted();
        const send = url.protocol === 'https:' ? https.request : http.request;
        const request = send(url, { method: 'GET', headers: { 'User-Agent': 'Folio-Assets', Accept: '*/*' }, lookup: pinnedLookup(pinned), agent: false, signal });
        request.on('error', reject);
        request.on('response', resolve);
        request.end();
      }),
  );
}

/** Fetches `raw` into a new Upload of the space; every failure is a 422 on `path`. */
export async function fetchRemoteUpload(
  store: Store,
  storage: FileStorage,
  spaceId: string,
  raw: string,
  path: string[],
  options: RemoteFileOptions,
  actor: Actor,
): Promise<string> {
  assertCan(actor, 'create');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refuse(path, 'upload must be an absolute http or https URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') refuse(path, 'upload must be an http or https URL');
  if (url.username || url.password) refuse(path, 'upload must not carry credentials');
  const signal = AbortSignal.timeout(options.timeoutMs);
  let response: Readable & { statusCode?: number; headers: http.IncomingHttpHeaders };
  try {
    response = await get(url, options.policy, signal);
  } catch (err) {
    return refuse(path, `Folio could not fetch ${url.origin}: ${reasonOf(err)}`);
  }
  const status = response.statusCode ?? 0;
  const declared = Number(response.headers['content-length']);
  if (status < 200 || status >= 300 || declared > options.maxBytes) {
    response.destroy();
    if (status >= 300 && status < 400) refuse(path, `${url.origin} answered with a redirect (${status}); Folio does not follow redirects: give the final URL`);
    if (status < 200 || status >= 300) refuse(path, `${url.origin} answered ${status}`);
    refuse(path, `The file is larger than the upload limit of ${formatBytes(options.maxBytes)}`);
  }
  try {
    return (await createUpload(store, storage, spaceId, response, options.maxBytes, actor)).id;
  } catch (err) {
    response.destroy();
    if (err instanceof SizeLimitError) return refuse(path, `The file is larger than the upload limit of ${formatBytes(options.maxBytes)}`);
    if (isFolioError(err)) throw err;
    return refuse(path, `Folio could not fetch ${url.origin}: ${signal.aborted ? 'it did not answer in time' : reasonOf(err)}`);
  }
}

/** The parsed asset with every remote file fetched into an Upload and linked like any other. */
export async function withRemoteFiles(
  store: Store,
  storage: FileStorage,
  spaceId: string,
  input: ParsedAssetInput,
  options: RemoteFileOptions,
  actor: Actor,
): Promise<AssetInput> {
  const file: AssetInput['file'] = {};
  for (const [code, f] of Object.entries(input.file)) {
    if (f.kind !== 'remote') {
      file[code] = f;
      continue;
    }
    const uploadId = await fetchRemoteUpload(store, storage, spaceId, f.url, ['fields', 'file', code, 'upload'], options, actor);
    file[code] = { kind: 'upload', fileName: f.fileName, contentType: f.contentType, uploadId };
  }
  return { ...input, file };
}
