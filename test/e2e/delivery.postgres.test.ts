import { createTestDatabase } from '../support/postgres.js';
import { describeDeliveryApi } from './delivery.sdk.js';

describeDeliveryApi('PostgreSQL', async () => ({ DATABASE_URL: await createTestDatabase() }));
