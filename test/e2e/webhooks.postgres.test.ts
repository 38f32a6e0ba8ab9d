import { createTestDatabase } from '../support/postgres.js';
import { describeWebhooks } from './webhooks.sdk.js';

describeWebhooks('PostgreSQL', async () => ({ DATABASE_URL: await createTestDatabase() }));
