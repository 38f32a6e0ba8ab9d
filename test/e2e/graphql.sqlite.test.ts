import { describeGraphqlApi } from './graphql.sdk.js';

describeGraphqlApi('SQLite', async () => ({}));
