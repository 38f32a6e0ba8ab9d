/**
 * Everything of the GraphQL API that needs the graphql library, in one module that routes.ts
 * loads on the first GraphQL request: most starts (and many servers) never answer one, and the
 * library is a large share of the server's module load.
 */
export { formatError, GraphqlRefusal, refuse } from './errors.js';
export { createExecutor } from './execute.js';
export { createRequestReader } from './request.js';
