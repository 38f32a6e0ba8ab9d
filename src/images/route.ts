/**
 * HTTP for asset files: /images (original, or transformed by the query) and /files (original).
 * Data comes from the injected resolveFile, so this layer never touches the store.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { FolioError } from '../errors/index.js';
import * as is from '../validate/is.js';
import { formatOfContentType } from './formats.js';
import { fileEtag, immutableHeaders, matchesIfNoneMatch } from './http-cache.js';
import { chooseOutputFormat } from './output-format.js';
import { normaliseParams, parseImageParams, rawQuery } from './params.js';
import { transform } from './transform.js';
import type { ImageFocus } from './types.js';

export interface ResolvedFile {
  fileName: string;
  contentType: string;
  hash: string;
  read(): Promise<Buffer>;
  focus?: ImageFocus;
}

export interface ImagesRoutesOptions {
  /** The file an URL names, or undefined when the asset does not exist or the token is not its. */
  resolveFile(spaceId: string, assetId: string, token: string): Promise<ResolvedFile | undefined>;
}

/**
 * The file name is a wildcard, not a :param: Fastify refuses params over 100 characters (414),
 * and file names can be longer. It is cosmetic: the token alone selects the file.
 */
interface FileRoute {
  Params: { spaceId: string; assetId: string; token: string; '*': string };
}

const fileNotFound = () => new FolioError('NOT_FOUND', 'The file could not be found.');

/**
 * Uploaded files share the API's origin, so none may run script there: no sniffing, and
 * anything opened directly is sandboxed. PDF is spared the sandbox, which breaks built-in viewers.
 */
function safetyHeaders(contentType: string): Record<string, string> {
  const headers: Record<string, string> = { 'x-content-type-options': 'nosniff', 'access-control-allow-origin': '*' };
  if (!/^application\/pdf\b/i.test(contentType)) headers['content-security-policy'] = 'sandbox';
  return headers;
}

interface Body {
  data: Buffer;
  contentType: string;
}

/** 304 when the client has this ETag (nothing is read or transformed), else the body. */
async function send(request: FastifyRequest, reply: FastifyReply, file: ResolvedFile, etag: string, body: () => Promise<Body>) {
  const headers = { ...immutableHeaders(etag), ...safetyHeaders(file.contentType) };
  if (matchesIfNoneMatch(request.headers['if-none-match'], etag)) {
    return reply.code(304).headers(headers).send();
  }
  const { data, contentType } = await body();
  // Headers only now: an error thrown above must not carry this response's caching headers.
  return reply
    .code(200)
    .headers({ ...headers, 'content-type': contentType, 'content-length': String(data.length) })
    .send(data);
}

const original = (file: ResolvedFile) => async (): Promise<Body> => ({ data: await file.read(), contentType: file.contentType });

export const imagesRoutes: FastifyPluginAsync<ImagesRoutesOptions> = async (app, { resolveFile }) => {
  const find = async ({ spaceId, assetId, token, '*': fileName }: FileRoute['Params']) => {
    const file = fileName ? await resolveFile(spaceId, assetId, token) : undefined;
    if (!file) throw fileNotFound();
    return file;
  };

  app.get<FileRoute>('/files/:spaceId/:assetId/:token/*', async (request, reply) => {
    const file = await find(request.params);
    return send(request, reply, file, fileEtag(request.params.token, 'original'), original(file));
  });

  app.get<FileRoute>('/images/:spaceId/:assetId/:token/*', async (request, reply) => {
    // Bad parameters are a 400 whether or not the asset exists: they are wrong for any asset.
    const search = new URLSearchParams(rawQuery(request.url));
    const params = parseImageParams(search);
    const file = await find(request.params);
    const [first] = search;
    if (!first) {
      return send(request, reply, file, fileEtag(request.params.token, 'original'), original(file));
    }
    const sourceFormat = formatOfContentType(file.contentType);
    if (!sourceFormat) is.invalid(first[0], `no parameters: this file is ${file.contentType}, not an image`, first[1], 'BAD_REQUEST');
    // Checked against the stored type here so a contradiction is refused before reading.
    chooseOutputFormat(params, sourceFormat);
    const etag = fileEtag(request.params.token, `image?${normaliseParams(params)}`);
    return send(request, reply, file, etag, () => file.read().then((data) => transform(data, params, file.focus)));
  });
};
