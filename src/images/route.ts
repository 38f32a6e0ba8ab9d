/**
 * HTTP for asset files: /images (original, or transformed by the query) and /files (original).
 * Data comes from the injected resolveFile, so this layer never touches the store.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { FolioError } from '../errors/index.js';
import type { FastPath, VaryOn } from '../http/fast-path.js';
import * as is from '../validate/is.js';
import { createHash } from 'node:crypto';
import { DerivedImageCache, SingleFlight, type CachedImage, type SharedImageTier } from './cache.js';
import { checkCost, leastOutputPixels, memoryOf, planOf } from './cost.js';
import { formatOfContentType } from './formats.js';
import { fileEtag, immutableHeaders, matchesIfNoneMatch, pipelineVersion } from './http-cache.js';
import { chooseOutputFormat, negotiateFormat } from './output-format.js';
import { normaliseParams, parseImageParams, rawQuery } from './params.js';
import { WorkQueue } from './queue.js';
import { configureSharp } from './sharp-settings.js';
import { signatureParameter, verifySignature } from './signing.js';
import type { SourceLimits } from './steps/load.js';
import { planTransform, render } from './transform.js';
import type { ImageFocus, ImageParams } from './types.js';

export interface ResolvedFile {
  /**
   * The published version's file. Only those answers are kept for replay: a draft can change
   * without moving the content version, so a draft's file is looked up on every request.
   */
  published?: boolean;
  fileName: string;
  contentType: string;
  hash: string;
  read(): Promise<Buffer>;
  focus?: ImageFocus;
}

export interface ImagesRoutesOptions {
  /** The file an URL names, or undefined when the asset does not exist or the token is not its. */
  resolveFile(spaceId: string, assetId: string, token: string): Promise<ResolvedFile | undefined>;
  /** Directory for derived images; without it nothing is cached on disk. */
  cacheDir?: string | undefined;
  /** Cap of that directory, evicting least recently used; default 512 MiB. */
  cacheMaxBytes?: number | undefined;
  /** Derived images shared by every server (S3), behind the directory; needs cacheDir. */
  sharedCache?: SharedImageTier | undefined;
  /** Transforms at once; default the number of CPUs. */
  concurrency?: number | undefined;
  /** Transforms waiting; default 4 × concurrency. Beyond it: 429 with Retry-After. */
  queueLimit?: number | undefined;
  /** Of those, from one remote address; default half of queueLimit. Beyond it: 429. */
  clientLimit?: number | undefined;
  /** Estimated bytes the running transforms may hold together; default 192 MiB. */
  memoryBudget?: number | undefined;
  /** When set (FOLIO_IMAGE_SIGNING_KEY, comma-separated), transform URLs need a valid `s` under one of them. */
  signingKeys?: readonly string[] | undefined;
  /** Source limits for transforms; defaultSourceLimits otherwise. */
  sourceLimits?: SourceLimits | undefined;
  /** Called once per transform that actually runs, after its plan is admitted (tests and metrics). */
  onTransform?: (() => void) | undefined;
  /** Told the transform queue and the derived-image cache once, to read their state (metrics). */
  observe?: ((status: ImagesStatus) => void) | undefined;
  /**
   * Where answers are offered for replay before routing: a warm hit then reads neither the
   * store nor the disk. The app drops them when content changes, so a deleted asset or a
   * replaced file stops answering at once.
   */
  fastPath?: FastPath | undefined;
}

/** Read-only views of the images part's state. */
export interface ImagesStatus {
  queue: Pick<WorkQueue, 'running' | 'waiting' | 'concurrency' | 'queueLimit'>;
  cache?: Pick<DerivedImageCache, 'stats'>;
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
 * anything opened directly is sandboxed. Types a browser only displays (raster images, audio,
 * video, plain text) are shown inline; PDF is spared the sandbox, which breaks built-in viewers.
 * Everything else, above all what can carry script (SVG, HTML, XML), gets a CSP that allows
 * nothing and is downloaded, never rendered on this origin. Transforms are always raster images.
 */
const inlineTypes = /^(image\/(jpeg|png|webp|avif|gif)|audio\/[a-z0-9.+-]+|video\/[a-z0-9.+-]+|text\/plain|application\/pdf)$/;

function safetyHeaders(contentType: string, transformed = false): Record<string, string> {
  const headers: Record<string, string> = { 'x-content-type-options': 'nosniff', 'access-control-allow-origin': '*' };
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (transformed || (inlineTypes.test(type) && !type.includes('xml'))) {
    if (type !== 'application/pdf' || transformed) headers['content-security-policy'] = 'sandbox';
    return headers;
  }
  headers['content-security-policy'] = "sandbox; default-src 'none'";
  headers['content-disposition'] = 'attachment';
  return headers;
}

interface Body {
  data: Buffer;
  contentType: string;
}

/** 304 when the client has this ETag (nothing is read or transformed), else the body. */
async function send(
  request: FastifyRequest,
  reply: FastifyReply,
  file: ResolvedFile,
  etag: string,
  body: () => Promise<Body>,
  extraHeaders: Record<string, string> = {},
  transformed = false,
  offer?: (request: FastifyRequest, reply: FastifyReply, vary: VaryOn[]) => void,
) {
  const headers = { ...immutableHeaders(etag), ...safetyHeaders(file.contentType, transformed), ...extraHeaders };
  if (matchesIfNoneMatch(request.headers['if-none-match'], etag)) {
    return reply.code(304).headers(headers).send();
  }
  const { data, contentType } = await body();
  if (file.published) offer?.(request, reply, extraHeaders.vary ? ['accept'] : []);
  // Headers only now: an error thrown above must not carry this response's caching headers.
  return reply
    .code(200)
    .headers({ ...headers, 'content-type': contentType, 'content-length': String(data.length) })
    .send(data);
}

const original = (file: ResolvedFile) => async (): Promise<Body> => ({ data: await file.read(), contentType: file.contentType });

/** Fits whose result depends on where the subject is: their derived images depend on the focus. */
const usesFocus = (params: ImageParams) => params.fit === 'fill' || params.fit === 'crop' || params.fit === 'thumb';

/** Aborts when the client goes away before its answer is sent. */
function clientGone(reply: FastifyReply): AbortSignal {
  const gone = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) gone.abort(new FolioError('BAD_REQUEST', 'The connection was closed before the image was ready.'));
  });
  return gone.signal;
}

const focusDigest = (focus: ImageFocus | undefined) =>
  focus ? createHash('sha256').update(JSON.stringify(focus)).digest('base64url').slice(0, 16) : '';

export const imagesRoutes: FastifyPluginAsync<ImagesRoutesOptions> = async (app, options) => {
  const { resolveFile, signingKeys, sourceLimits, onTransform } = options;
  configureSharp();
  const cache = options.cacheDir ? await DerivedImageCache.open(options.cacheDir, options.cacheMaxBytes, undefined, options.sharedCache) : undefined;
  const flight = new SingleFlight<CachedImage>();
  const queue = new WorkQueue({
    concurrency: options.concurrency,
    queueLimit: options.queueLimit,
    clientLimit: options.clientLimit,
    memoryBudget: options.memoryBudget,
  });
  options.observe?.({ queue, ...(cache ? { cache } : {}) });
  const signing = signingKeys && signingKeys.length > 0 ? signingKeys : undefined;
  const { fastPath } = options;
  const offer = fastPath
    ? (request: FastifyRequest, reply: FastifyReply, vary: VaryOn[]) =>
        fastPath.offer(request.raw, reply.raw, { route: request.routeOptions.url ?? request.url, vary })
    : undefined;

  /**
   * The derived image: from the disk cache, or transformed once however many ask at the same
   * time; `make` is told when all of them have gone.
   */
  const derive = (key: string, make: (shared: AbortSignal) => Promise<CachedImage>, signal: AbortSignal): Promise<CachedImage> =>
    cache ? cache.getOrCreate(key, make, signal) : flight.run(key, make, signal).promise;

  const find = async ({ spaceId, assetId, token, '*': fileName }: FileRoute['Params']) => {
    const file = fileName ? await resolveFile(spaceId, assetId, token) : undefined;
    if (!file) throw fileNotFound();
    return file;
  };

  app.get<FileRoute>('/files/:spaceId/:assetId/:token/*', async (request, reply) => {
    const file = await find(request.params);
    return send(request, reply, file, fileEtag(request.params.token, 'original'), original(file), {}, false, offer);
  });

  app.get<FileRoute>('/images/:spaceId/:assetId/:token/*', async (request, reply) => {
    const search = new URLSearchParams(rawQuery(request.url));
    const transforming = [...search.keys()].some((name) => name !== signatureParameter);
    if (signing && transforming) {
      const pathname = request.url.split('?', 1)[0]!;
      // Bad parameters are still a 400 (parsing runs first); only then is the signature checked.
      parseImageParams(new URLSearchParams([...search].filter(([name]) => name !== signatureParameter)));
      if (!verifySignature(pathname, search, signing)) {
        throw new FolioError('ACCESS_DENIED', 'The image URL is not signed, or its signature (s) is invalid.');
      }
    }
    if (signing) search.delete(signatureParameter);
    // Bad parameters are a 400 whether or not the asset exists: they are wrong for any asset.
    const params = parseImageParams(search);
    const file = await find(request.params);
    const [first] = search;
    if (!first) {
      return send(request, reply, file, fileEtag(request.params.token, 'original'), original(file), {}, false, offer);
    }
    const sourceFormat = formatOfContentType(file.contentType);
    if (!sourceFormat) is.invalid(first[0], `no parameters: this file is ${file.contentType}, not an image`, first[1], 'BAD_REQUEST');
    // Checked against the stored type here so a contradiction is refused before reading.
    const accept = request.headers.accept;
    const format = chooseOutputFormat(params, sourceFormat, { accept });
    const auto = params.format === 'auto';
    // What the query alone says the output is at least: an obvious excess is refused before queueing.
    // (fm=auto may turn into another format once the source is read: checked then.)
    if (!auto) checkCost({ sourcePixels: 0, outputPixels: leastOutputPixels(params), format }, { width: params.width ?? 0, height: params.height ?? 0, frames: 1 });
    // fm=auto: the negotiated choice is part of the name (JPEG vs PNG follows from the source).
    let variant = `image?${normaliseParams(params)}`;
    if (auto) variant += `&auto=${negotiateFormat(accept)}`;
    if (usesFocus(params) && file.focus) variant += `#${focusDigest(file.focus)}`;
    const { token } = request.params;
    const etag = fileEtag(token, variant);
    const make = (shared: AbortSignal) =>
      queue.run(
        async (slot) => {
          const data = await file.read();
          shared.throwIfAborted();
          // The header and the plan, before any pixel: the exact cost, then the memory it needs.
          const ctx = await planTransform(data, params, file.focus, sourceLimits, { accept });
          const plan = planOf(ctx, data.length);
          checkCost(plan, { ...ctx.size, frames: ctx.source.frames });
          await slot.reserve(memoryOf(plan));
          shared.throwIfAborted();
          onTransform?.();
          const { data: out, contentType } = await render(ctx);
          return { data: out, contentType };
        },
        { client: request.ip, signal: shared },
      );
    const gone = clientGone(reply);
    return send(request, reply, file, etag, () => derive(`${pipelineVersion}\n${token}\n${variant}`, make, gone), auto ? { vary: 'Accept' } : {}, true, offer);
  });
};
