import { createTestDatabase } from '../support/postgres.js';
import { describeDeliveryFragments } from './delivery-fragments.sdk.js';

describeDeliveryFragments('PostgreSQL', async () => ({ DATABASE_URL: await createTestDatabase() }));
