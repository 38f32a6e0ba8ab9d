import { codes, contentfulIds, type ContentfulErrorId, type ErrorCode } from './registry.js';

export type ErrorDetails = Record<string, unknown>;

/** An error whose message and details are safe to show to the caller. */
export class FolioError extends Error {
  readonly code: ErrorCode;
  readonly id: ContentfulErrorId;
  readonly status: number;
  readonly details: ErrorDetails | undefined;
  /** Extra response headers, e.g. Retry-After for rate limits. */
  readonly headers: Record<string, string>;

  constructor(
    code: ErrorCode,
    message?: string,
    options: { details?: ErrorDetails; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    const def = codes[code];
    super(message ?? def.message, { cause: options.cause });
    this.name = 'FolioError';
    this.code = code;
    this.id = def.id;
    this.status = contentfulIds[def.id];
    this.details = options.details;
    this.headers = options.headers ?? {};
  }
}

export function isFolioError(err: unknown): err is FolioError {
  return err instanceof FolioError;
}

/** Contentful's error body. A 500 never carries the underlying error's message or details. */
export function errorBody(err: FolioError, requestId: string) {
  const body: {
    sys: { type: 'Error'; id: ContentfulErrorId };
    message: string;
    requestId: string;
    details?: ErrorDetails;
  } = { sys: { type: 'Error', id: err.id }, message: err.message, requestId };
  if (err.details && err.status < 500) body.details = err.details;
  return body;
}

export const notFound = (what = 'The resource could not be found.', details?: ErrorDetails) =>
  new FolioError('NOT_FOUND', what, details ? { details } : {});

/** One problem in a ValidationFailed answer, as Contentful reports it in `details.errors`. */
export interface ValidationProblem {
  name: string;
  path: Array<string | number>;
  details: string;
  value?: unknown;
}

/** Contentful's 422: every problem found, each with the path of the offending value. */
export const validationFailed = (errors: ValidationProblem[], message = 'Validation error') =>
  new FolioError('VALIDATION_FAILED', message, { details: { errors } });

/** A 422 with one problem: `name` is Contentful's kind of problem (invalid, type, required, taken …). */
export const refused = (name: string, path: Array<string | number>, details: string, value?: unknown) =>
  validationFailed([{ name, path, details, ...(value !== undefined ? { value } : {}) }], details);

/**
 * A resource that is not there, as Contentful reports it: `{type, id}`; the HTTP edge adds the
 * environment and space of the request (src/http/error-handler.ts), which deep layers do not know.
 */
export const resourceNotFound = (type: string, id: string) =>
  new FolioError('NOT_FOUND', 'The resource could not be found.', { details: { type, id } });

/** Contentful's 400 for a query it cannot run: every problem, each with the parameter's path. */
export const invalidQuery = (errors: ValidationProblem[], message = errors[0]?.details ?? 'The query you sent was invalid.') =>
  new FolioError('INVALID_QUERY', message, { details: { errors } });

/** A query parameter the endpoint does not know, in Contentful's words. */
export const unknownParameter = (key: string) =>
  invalidQuery([{ name: 'unknown', path: [key], details: `The path "${key}" is not recognized` }], 'The query you sent was invalid. Probably a filter or ordering specification is not applicable to the type of a field.');

/** Contentful answers a locale the environment lacks with a bare 400, no details. */
export const unknownLocale = (code: string) => new FolioError('BAD_REQUEST', `Unknown locale: ${code}`);
