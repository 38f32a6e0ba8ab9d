import { createTestDatabase } from '../support/postgres.js';
import { describeEveryAsset } from './every-asset.sdk.js';

describeEveryAsset('PostgreSQL', async () => ({ DATABASE_URL: await createTestDatabase() }));
