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
