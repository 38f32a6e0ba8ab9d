import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/support/postgres.js';
import { openStore } from './index.js';
import { describeStoreContract } from './store.contract.js';
import { describeAccessContract } from './access.contract.js';

describeStoreContract('PostgreSQL', async () => openStore({ databaseUrl: await createTestDatabase() }));
describeAccessContract('PostgreSQL', async () => openStore({ databaseUrl: await createTestDatabase() }));

describe('PostgreSQL database', () => {
  it('migrates once, even when two processes open a new database together, and keeps data', async () => {
    const databaseUrl = await createTestDatabase();
    const [first, twin] = await Promise.all([openStore({ databaseUrl }), openStore({ databaseUrl })]);
    await first.spaces.create({ id: 'keep', name: 'Keep', defaultLocale: 'en-US' });
    await Promise.all([first.close(), twin.close()]);

    const again = await openStore({ databaseUrl });
    expect((await again.spaces.list()).map((s) => s.id)).toEqual(['keep']);
    await again.close();
  });
});
