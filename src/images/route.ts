/**
 * HTTP for asset files: /images (original, or transformed by the query) and /files (original).
 * Data comes from the injected resolveFile, so this layer never touches the store.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { FolioError } from '../errors/index.js';
import type { FastPath, Standing, VaryOn } from '../http/fast-path.js';
import type { ByteRange } from '../storage/types.js';
import type { Readable } from 'node:stream';
import { rangeApplies, rangeOf } from './byte-range.js';
import { safetyHeaders, type Served } from './file-headers.js';
import * as is from '../validate/is.js';
import { createHash } from 'node:crypto';
import { DerivedImageCache, SingleFlight, type CachedImage, type SharedImageTier } from './cache.js';
import { checkCost, leastOutputPixels, memoryOf, planOf } from './cost.js';
import { formatOfContentType } from './formats.js';
import { fileEtag, immutableHeaders, matchesIfNoneMatch, pipelineVersion } from './http-cache.js';
import { chooseOutputFormat, negotiateFormat } from './output-format.js';
import { RecentOriginals } from './originals.js';
import { normaliseParams, parseImageParams, rawQuery } from './params.js';
import { WorkQueue } from './queue.js';
import { embargoParameters, verifyEmbargoedUrl } from './embargo.js';
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
  /** Bytes in the file, when known: needed to answer Range requests. */
  size?: number | undefined;
  /** The file (or `range` of it) as a stream, so big files and seeks never sit in memory whole. */
  stream?: ((range?: ByteRange) => Promise<Readable | undefined>) | undefined;
  focus?: ImageFocus;
  /** While this is the file the URL names: answers made from it are replayed until then (fast-path.ts). */
  standing?: Standing | undefined;
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
  /**
   * Set when embargoed assets are on (FOLIO_EMBARGOED_ASSETS): the keys asset keys are made
   * with. Files only drafts hold are then served only to URLs signed with an asset key (embargo.ts).
   */
  embargoKeys?: readonly string[] | undefined;
  /** Source limits for transforms; defaultSourceLimits otherwise. */
  sourceLimits?: SourceLimits | undefined;
  /** Called once per transform that actually runs, after its plan is admitted (tests and metrics). */
  onTransform?: (() => void) | undefined;
  /** Told the transform queue and the derived-image cache once, to read their state (metrics). */
  observe?: ((status: ImagesStatus) => void) | undefined;
  /**
   * Where answers are offered for replay before routing: a warm hit then reads neither the
   * store nor the disk. An answer stands while its file does (`ResolvedFile.standing`), so a
   * deleted asset or a replaced file stops answering at once.
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

type Offer = (request: FastifyRequest, reply: FastifyReply, vary: VaryOn[], standing: Standing | undefined) => void;

/** Files up to this size are read whole (and may be replayed); bigger ones are streamed. */
const wholeFileBytes = 1024 * 1024;

/**
 * An original under /files: a Range request gets that part (206) or 416, a big file is
 * streamed, and the rest is sent as `send` sends it.
 */
async function sendFile(request: FastifyRequest, reply: FastifyReply, file: ResolvedFile, etag: string, offer?: Offer) {
  const { size, stream } = file;
  const range = size !== undefined && rangeApplies(header(request.headers['if-range']), etag) ? rangeOf(header(request.headers.range), size) : undefined;
  const ranges = { 'accept-ranges': size !== undefined && stream ? 'bytes' : 'none' };
  if (size === undefined || !stream || matchesIfNoneMatch(request.headers['if-none-match'], etag) || (range?.kind === 'whole' && size <= wholeFileBytes)) {
    return send(request, reply, file, etag, original(file), ranges, 'file', offer);
  }
  const headers = { ...safetyHeaders(file.contentType, 'file'), ...ranges };
  if (range?.kind === 'unsatisfiable') {
    return reply.code(416).headers({ ...headers, 'content-range': `bytes */${size}` }).send();
  }
  const part = range?.kind === 'part' ? range : undefined;
  const body = await stream(part);
  if (!body) throw new FolioError('NOT_FOUND', 'The file of this asset is missing from storage');
  const length = part ? part.end - part.start + 1 : size;
  return reply
    .code(part ? 206 : 200)
    .headers({ ...immutableHeaders(etag), ...headers, 'content-type': file.contentType, 'content-length': String(length), ...(part ? { 'content-range': `bytes ${part.start}-${part.end}/${size}` } : {}) })
    .send(body);
}

/** A request header's single value (a repeated one means nothing here). */
const header = (value: string | string[] | undefined) => (typeof value === 'string' ? value : undefined);

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
  served: Served = 'file',
  offer?: Offer,
) {
  const headers = { ...immutableHeaders(etag), ...safetyHeaders(file.contentType, served), ...extraHeaders };
  if (matchesIfNoneMatch(request.headers['if-none-match'], etag)) {
    return reply.code(304).headers(headers).send();
  }
  const { data, contentType } = await body();
  if (file.published) offer?.(request, reply, extraHeaders.vary ? ['accept'] : [], file.standing);
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

/** Per focus object: a remembered published file (assets/published-files.ts) keeps its focus. */
const focusDigests = new WeakMap<ImageFocus, string>();
const focusDigest = (focus: ImageFocus) => {
  let digest = focusDigests.get(focus);
  if (digest === undefined) {
    digest = createHash('sha256').update(JSON.stringify(focus)).digest('base64url').slice(0, 16);
    focusDigests.set(focus, digest);
  }
  return digest;
};

export const imagesRoutes: FastifyPluginAsync<ImagesRoutesOptions> = async (app, options) => {
  const { resolveFile, signingKeys, sourceLimits, onTransform } = options;
  const cache = options.cacheDir ? await DerivedImageCache.open(options.cacheDir, options.cacheMaxBytes, undefined, options.sharedCache) : undefined;
  const flight = new SingleFlight<CachedImage>();
  const originals = new RecentOriginals();
  const queue = new WorkQueue({
    concurrency: options.concurrency,
    queueLimit: options.queueLimit,
    clientLimit: options.clientLimit,
    memoryBudget: options.memoryBudget,
  });
  options.observe?.({ queue, ...(cache ? { cache } : {}) });
  const signing = signingKeys && signingKeys.length > 0 ? signingKeys : undefined;
  const { fastPath } = options;
  const offer: Offer | undefined = fastPath
    ? (request, reply, vary, standing) =>
        fastPath.offer(request.raw, reply.raw, { route: request.routeOptions.url ?? request.url, vary, ...(standing ? { standing } : {}) })
    : undefined;

  /**
   * The derived image: from the disk cache, or transformed once however many ask at the same
   * time; `make` is told when all of them have gone.
   */
  const derive = (key: string, make: (shared: AbortSignal) => Promise<CachedImage>, signal: AbortSignal): Promise<CachedImage> =>
    cache ? cache.getOrCreate(key, make, signal) : flight.run(key, make, signal).promise;

  const embargo = options.embargoKeys && options.embargoKeys.length > 0 ? options.embargoKeys : undefined;
  /** Embargoed answers are for the one who signed the URL: no shared cache may keep them. */
  const embargoed = new WeakSet<FastifyRequest>();
  if (embargo) {
    app.addHook('onSend', async (request, reply, payload) => {
      if (embargoed.has(request)) reply.header('cache-control', 'private, no-store');
      return payload;
    });
  }

  /** The file, once the request may have it: a draft's file under embargo needs a signed URL. */
  const find = async (request: FastifyRequest<FileRoute>, search: URLSearchParams) => {
    const { spaceId, assetId, token, '*': fileName } = request.params;
    const file = fileName ? await resolveFile(spaceId, assetId, token) : undefined;
    if (!file) throw fileNotFound();
    if (embargo && !file.published) {
      if (!verifyEmbargoedUrl(spaceId, request.url.split('?', 1)[0]!, search, embargo)) {
        throw new FolioError('ACCESS_DENIED', 'This file is embargoed: sign its URL with an asset key (policy and token).');
      }
      embargoed.add(request);
    }
    return file;
  };

  app.get<FileRoute>('/files/:spaceId/:assetId/:token/*', async (request, reply) => {
    const file = await find(request, new URLSearchParams(rawQuery(request.url)));
    return sendFile(request, reply, file, fileEtag(request.params.token, 'original'), offer);
  });

  app.get<FileRoute>('/images/:spaceId/:assetId/:token/*', async (request, reply) => {
    const search = new URLSearchParams(rawQuery(request.url));
    // An asset key's signature is no image parameter, and the image signature does not cover it.
    const signed = new URLSearchParams([...search].filter(([name]) => embargoParameters.includes(name)));
    for (const name of embargoParameters) search.delete(name);
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
    const file = await find(request, signed);
    const [first] = search;
    if (!first) {
      return send(request, reply, file, fileEtag(request.params.token, 'original'), original(file), {}, 'image', offer);
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
          const data = await originals.get(file.hash, () => file.read());
          shared.throwIfAborted();
          // The header and the plan, before any pixel: the exact cost, then the memory it needs.
          const ctx = await planTransform(data, params, file.focus, sourceLimits, { accept, sourceType: file.contentType });
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
    return send(request, reply, file, etag, () => derive(`${pipelineVersion}\n${token}\n${variant}`, make, gone), auto ? { vary: 'Accept' } : {}, 'transformed', offer);
  });
};
