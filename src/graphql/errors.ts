/**
 * GraphQL errors with Contentful's `extensions.contentful` (code, requestId, details). Codes and
 * messages come from the registry; a whole-request refusal carries the registry's HTTP status.
 */
import { GraphQLError, type ASTNode } from 'graphql';
import { graphqlCodes, isFolioError, type GraphqlErrorCode } from '../errors/index.js';

export interface ContentfulExtension {
  code: GraphqlErrorCode;
  details?: Record<string, unknown>;
}

export function graphqlError(code: GraphqlErrorCode, message?: string, options: { details?: Record<string, unknown>; nodes?: readonly ASTNode[] } = {}): GraphQLError {
  const contentful: ContentfulExtension = { code, ...(options.details ? { details: options.details } : {}) };
  return new GraphQLError(message ?? graphqlCodes[code].message, { extensions: { contentful }, ...(options.nodes ? { nodes: options.nodes } : {}) });
}

/** A refusal of the whole request: no data, the registry's status. */
export class GraphqlRefusal extends Error {
  readonly status: number;
  constructor(readonly errors: readonly GraphQLError[]) {
    super(errors[0]?.message ?? 'refused');
    const code = codeOf(errors[0]);
    this.status = graphqlCodes[code].status;
  }
}

export const refuse = (code: GraphqlErrorCode, message?: string, details?: Record<string, unknown>) =>
  new GraphqlRefusal([graphqlError(code, message, details ? { details } : {})]);

function codeOf(error: GraphQLError | undefined): GraphqlErrorCode {
  const code = (error?.extensions?.contentful as ContentfulExtension | undefined)?.code;
  return code && Object.hasOwn(graphqlCodes, code) ? code : 'INTERNAL_SERVER_ERROR';
}

/**
 * What a client sees of one error: GraphQL's message, locations and path; Contentful's code. A
 * FolioError thrown by the store (an out-of-range limit) is the caller's mistake and says so; anything
 * else is ours, and its message stays in the log.
 */
export function formatError(error: GraphQLError, requestId: string, log: (err: unknown) => void) {
  let { message } = error;
  let contentful = error.extensions?.contentful as ContentfulExtension | undefined;
  if (!contentful) {
    const original = error.originalError;
    if (isFolioError(original) && original.status < 500) {
      contentful = { code: 'INVALID_QUERY', ...(original.details ? { details: original.details } : {}) };
    } else if (original) {
      log(original);
      message = graphqlCodes.INTERNAL_SERVER_ERROR.message;
      contentful = { code: 'INTERNAL_SERVER_ERROR' };
    } else {
      contentful = { code: 'GRAPHQL_VALIDATION_FAILED' };
    }
  }
  return {
    message,
    ...(error.locations ? { locations: error.locations } : {}),
    ...(error.path ? { path: error.path } : {}),
    extensions: { contentful: { code: contentful.code, requestId, ...(contentful.details ? { details: contentful.details } : {}) } },
  };
}
