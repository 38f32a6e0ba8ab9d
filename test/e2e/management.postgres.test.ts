import { createTestDatabase } from '../support/postgres.js';
import { describeManagementApi } from './management.sdk.js';

describeManagementApi('PostgreSQL', async () => ({ DATABASE_URL: await createTestDatabase() }));
import { describeManagementFamilies } from './management-families.sdk.js';

describeManagementFamilies('PostgreSQL', async () => ({ DATABASE_URL: await createTestDatabase() }));
