export { graphqlRoutes, type GraphqlOptions } from './routes.js';
// The engine is imported where it is used: re-exporting it here would load graphql with the routes.
export type { GraphqlRequest, GraphqlAnswer } from './execute.js';
