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
  /** A Contentful feature Folio does not offer (premium plans, the app framework): Contentful's plan-limit answer. */
  FEATURE_NOT_AVAILABLE: { id: 'AccessDenied', message: 'You are not authorized to do this action or exceeded your plan limits.' },
  VERSION_MISMATCH: {
    id: 'VersionMismatch',
    message: 'The version you sent does not match the current version of the resource.',
  },
  VALIDATION_FAILED: { id: 'ValidationFailed', message: 'Validation error.' },
  ASSET_IN_USE: { id: 'ValidationFailed', message: 'The asset is linked from published entries.' },
  UNSUPPORTED_MEDIA_TYPE: { id: 'UnsupportedMediaType', message: 'The body must be JSON: send Content-Type: application/vnd.contentful.management.v1+json.' },
  RATE_LIMITED: { id: 'RateLimitExceeded', message: 'You have exceeded the rate limit.' },
  SERVER_ERROR: { id: 'ServerError', message: 'Internal server error.' },
} as const satisfies Record<string, CodeDefinition>;

export type ErrorCode = keyof typeof codes;

interface GraphqlCodeDefinition {
  /** The HTTP status when the error ends the whole request; 200 when it sits beside partial data. */
  status: number;
  message: string;
}

/**
 * The GraphQL Content API's errors: GraphQL's shape, with Contentful's code in
 * `extensions.contentful.code` (Contentful's list of GraphQL errors, plus QUERY_TOO_DEEP).
 */
export const graphqlCodes = {
  ACCESS_TOKEN_MISSING: { status: 401, message: 'Access token is missing: send it as Authorization: Bearer <token> or ?access_token=<token>.' },
  ACCESS_TOKEN_INVALID: { status: 401, message: 'The access token you sent could not be found or is invalid.' },
  UNKNOWN_SPACE: { status: 404, message: 'The space could not be found.' },
  UNKNOWN_ENVIRONMENT: { status: 404, message: 'The environment could not be found.' },
  BAD_REQUEST: { status: 400, message: 'The request is not a GraphQL request.' },
  MISSING_QUERY: { status: 400, message: 'The request has no query.' },
  QUERY_TOO_BIG: { status: 400, message: 'The query is too big.' },
  QUERY_TOO_DEEP: { status: 400, message: 'The query is nested too deeply.' },
  GRAPHQL_PARSE_FAILED: { status: 400, message: 'The query could not be parsed.' },
  GRAPHQL_VALIDATION_FAILED: { status: 400, message: 'The query does not fit the schema.' },
  QUERY_OPERATION_NAME_MISMATCH: { status: 400, message: 'The operation name does not name an operation of the query.' },
  TOO_COMPLEX_QUERY: { status: 400, message: 'Query cannot be executed. The query is too complex.' },
  PERSISTED_QUERY_NOT_FOUND: { status: 400, message: 'PersistedQueryNotFound' },
  PERSISTED_QUERY_MISMATCH: { status: 400, message: 'The sha256Hash does not match the query.' },
  COLLIDING_TYPE_NAMES: { status: 422, message: 'Two content types have the same GraphQL type name.' },
  UNKNOWN_LOCALE: { status: 200, message: 'Query execution error. The requested locale does not exist in the space.' },
  UNRESOLVABLE_LINK: { status: 200, message: 'Query execution error. A link cannot be resolved.' },
  UNEXPECTED_LINKED_CONTENT_TYPE: { status: 200, message: 'Query execution error. A link points to an entry of an unexpected content type.' },
  INVALID_QUERY: { status: 200, message: 'Query execution error. An argument has an invalid value.' },
  INTERNAL_SERVER_ERROR: { status: 500, message: 'Internal server error.' },
} as const satisfies Record<string, GraphqlCodeDefinition>;

export type GraphqlErrorCode = keyof typeof graphqlCodes;
