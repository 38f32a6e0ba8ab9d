import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/support/postgres.js';
import { ContentVersion, openStore, SchemaTooNewError } from './index.js';
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

/** Runs SQL on a connection of its own, as another server would: nothing in this process hears it directly. */
async function elsewhere(databaseUrl: string, text: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

const bumpElsewhere = (databaseUrl: string) => elsewhere(databaseUrl, "UPDATE counters SET value = value + 1 WHERE name = 'changes'");

/** Resolves once `check` holds; fails after `ms` with what was last seen. */
async function eventually<T>(read: () => T | Promise<T>, check: (value: T) => boolean, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (check(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('PostgreSQL change notices', () => {
  it("hear another server's commit through LISTEN/NOTIFY, with no polling", async () => {
    const databaseUrl = await createTestDatabase();
    const store = await openStore({ databaseUrl });
    const version = new ContentVersion(store, { pollMs: 0 });
    try {
      expect(await eventually(() => store.changes.hearsOthers(), (yes) => yes)).toBe(true);
      const before = await version.current();
      let heard = 0;
      store.changes.onWrite(() => heard++);
      await bumpElsewhere(databaseUrl);
      expect(await eventually(() => heard, (n) => n > 0)).toBe(1);
      expect(await version.current()).toBe(before + 1);
    } finally {
      version.close();
      await store.close();
    }
  });

  it('fall back to polling while the listening connection is lost, and catch up when it is back', async () => {
    const databaseUrl = await createTestDatabase();
    const store = await openStore({ databaseUrl });
    let heard = 0;
    store.changes.onWrite(() => heard++);
    try {
      expect(await eventually(() => store.changes.hearsOthers(), (yes) => yes)).toBe(true);
      await elsewhere(databaseUrl, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'folio-listen' AND datname = current_database()");
      expect(await eventually(() => store.changes.hearsOthers(), (yes) => !yes)).toBe(false);
      heard = 0;
      // Missed while nobody listened: the reconnection announces it, so readers read again.
      await bumpElsewhere(databaseUrl);
      expect(await eventually(() => store.changes.hearsOthers(), (yes) => yes)).toBe(true);
      expect(heard).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  });

  it('keep the background read of the counter for while the listener is down', async () => {
    const databaseUrl = await createTestDatabase();
    const store = await openStore({ databaseUrl });
    let reads = 0;
    const latest = store.changes.latest.bind(store.changes);
    store.changes.latest = () => {
      reads++;
      return latest();
    };
    const version = new ContentVersion(store, { pollMs: 20 });
    try {
      expect(await eventually(() => store.changes.hearsOthers(), (yes) => yes)).toBe(true);
      await version.current();
      reads = 0;
      // Hearing every commit: the next background read is seconds away, not 20 ms.
      await new Promise((r) => setTimeout(r, 300));
      expect(reads).toBe(0);
      await elsewhere(databaseUrl, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'folio-listen' AND datname = current_database()");
      expect(await eventually(() => reads, (n) => n > 0)).toBeGreaterThan(0);
    } finally {
      version.close();
      await store.close();
    }
  });

  it('refuse a schema migrated by a newer Folio, before touching it', async () => {
    const databaseUrl = await createTestDatabase();
    await (await openStore({ databaseUrl })).close();
    await elsewhere(databaseUrl, "INSERT INTO kysely_migration (name, timestamp) VALUES ('9999_from_the_future', '2030-01-01T00:00:00.000Z')");
    const opening = openStore({ databaseUrl });
    await expect(opening).rejects.toBeInstanceOf(SchemaTooNewError);
    await expect(opening).rejects.toThrow(/9999_from_the_future/);
  });
});
