import { createTestDatabase } from '../../test/support/postgres.js';
import { openStore } from './index.js';
import { describeStoreContract } from './store.contract.js';

describeStoreContract('PostgreSQL', async () => openStore({ databaseUrl: await createTestDatabase() }));
