/**
 * Every error Folio reports, in one place. Each code has a stable name, the Contentful error id
 * it maps to (which fixes the HTTP status), and a default message. Add codes here, never ad hoc.
 */
export const contentfulIds = {
  BadRequest: 400,
  InvalidQuery: 400,
  AccessTokenInvalid: 401,
  AccessDenied: 403,
  NotFound: 404,
  VersionMismatch: 409,
  ValidationFailed: 422,
  UnsupportedMediaType: 415,
  RateLimitExceeded: 429,
  ServerError: 500,
} as const;

export type ContentfulErrorId = keyof typeof contentfulIds;

interface CodeDefinition {
  id: ContentfulErrorId;
  message: string;
}

export const codes = {
  BAD_REQUEST: { id: 'BadRequest', message: 'The request was malformed.' },
  INVALID_PARAMETER: { id: 'BadRequest', message: 'A parameter has an invalid value.' },
  INVALID_QUERY: { id: 'InvalidQuery', message: 'The query you sent was invalid.' },
  ACCESS_TOKEN_INVALID: {
    id: 'AccessTokenInvalid',
    message: 'The access token you sent could not be found or is invalid.',
  },
  ACCESS_DENIED: { id: 'AccessDenied', message: 'You do not have access to this resource.' },
  NOT_FOUND: { id: 'NotFound', message: 'The resource could not be found.' },
  VERSION_MISMATCH: {
    id: 'VersionMismatch',
    message: 'The version you sent does not match the current version of the resource.',
  },
  VALIDATION_FAILED: { id: 'ValidationFailed', message: 'Validation error.' },
  UNSUPPORTED_MEDIA_TYPE: { id: 'UnsupportedMediaType', message: 'The body must be JSON: send Content-Type: application/vnd.contentful.management.v1+json.' },
  RATE_LIMITED: { id: 'RateLimitExceeded', message: 'You have exceeded the rate limit.' },
  SERVER_ERROR: { id: 'ServerError', message: 'Internal server error.' },
} as const satisfies Record<string, CodeDefinition>;

export type ErrorCode = keyof typeof codes;
