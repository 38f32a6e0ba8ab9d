import { createTestDatabase } from '../support/postgres.js';
import { describeGraphqlApi } from './graphql.sdk.js';

describeGraphqlApi('PostgreSQL', async () => ({ DATABASE_URL: await createTestDatabase() }));
