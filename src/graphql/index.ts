export { graphqlRoutes, type GraphqlOptions } from './routes.js';
export { createExecutor, type GraphqlRequest, type GraphqlAnswer } from './execute.js';
export { buildContentSchema } from './schema.js';
export { queryLimits } from './limits.js';
