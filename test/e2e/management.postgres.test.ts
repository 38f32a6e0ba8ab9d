import { createTestDatabase } from '../support/postgres.js';
import { describeAssetKeys } from './asset-keys.sdk.js';
import { describeEnvironments } from './environments.sdk.js';
import { describeManagementFamilies } from './management-families.sdk.js';
import { describeManagementApi } from './management.sdk.js';
import { describeManagementPeople } from './management-people.sdk.js';

describeManagementApi('PostgreSQL', async () => ({ DATABASE_URL: await createTestDatabase() }));
describeManagementFamilies('PostgreSQL', async () => ({ DATABASE_URL: await createTestDatabase() }));
describeEnvironments('PostgreSQL', async () => ({ DATABASE_URL: await createTestDatabase() }));
describeManagementPeople('PostgreSQL', async () => ({ DATABASE_URL: await createTestDatabase() }));
describeAssetKeys('PostgreSQL', async () => ({ DATABASE_URL: await createTestDatabase() }));
