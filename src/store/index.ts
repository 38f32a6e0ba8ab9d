/** The content store: `openStore` picks the dialect, applies migrations and returns a Store. */
import path from 'node:path';
import { Migrator } from 'kysely';
import { openPostgres, openSqlite } from './dialect.js';
import { kyselyStore } from './kysely-store.js';
import { migrationProvider } from './migrations/index.js';
import { listenForChanges } from './change-listener.js';
import { refuseNewerSchema } from './schema-guard.js';
import type { Store } from './store.js';

export type { Store, VersionedRepository, EntryBody, AssetBody } from './store.js';
export type * from './types.js';
export type * from './event-types.js';
export { recordContentEvent, contentTopic } from './outbox.js';
export { defineField } from './define-field.js';
export { linksIn, fieldLinks, type FoundLink } from './links.js';
export { queryTerms, searchLimits, searchTermsOf } from './search-index.js';
export { ChangeFollower, changesBetween, type ChangesReader } from './change-window.js';
export { portableTables, type PortableTable, type PortableRow } from './portable.js';
export { ContentVersion } from './content-version.js';
export { replicaReads, type ReplicaReads } from './replica-reads.js';
export { SchemaTooNewError } from './schema-guard.js';

export interface StoreOptions {
  /** postgres:// or postgresql:// selects PostgreSQL; otherwise SQLite at sqlitePath. */
  databaseUrl?: string | undefined;
  sqlitePath?: string;
}

export const isPostgresUrl = (url: string | undefined): url is string => !!url && /^postgres(ql)?:\/\//.test(url);

export async function openStore(options: StoreOptions): Promise<Store> {
  const { db, adapter, pool, snapshot, closeReaders } = isPostgresUrl(options.databaseUrl)
    ? await openPostgres(options.databaseUrl)
    : { ...openSqlite(options.sqlitePath ?? 'folio.db'), pool: undefined };
  try {
    // Several servers may start at once on one database: Kysely's migrator takes a PostgreSQL
    // advisory lock (SQLite: its lock table) around the run, so each migration runs once.
    const provider = migrationProvider(adapter);
    await refuseNewerSchema(db, Object.keys(await provider.getMigrations()));
    const { error } = await new Migrator({ db, provider }).migrateToLatest();
    if (error) throw error;
  } catch (err) {
    await closeReaders();
    await db.destroy();
    throw err;
  }
  const database = isPostgresUrl(options.databaseUrl) ? options.databaseUrl : path.resolve(options.sqlitePath ?? 'folio.db');
  // Other servers' commits on this database, heard within milliseconds (polling is the fallback).
  const stopListening = isPostgresUrl(options.databaseUrl) ? await listenForChanges(options.databaseUrl, database) : async () => {};
  const close = async () => {
    await stopListening();
    await closeReaders();
    await db.destroy();
  };
  const store = kyselyStore(db, adapter, { inTransaction: false, snapshot, close, database });
  if (pool) store.connections = poolState(pool);
  return store;
}

const poolState = (pool: Awaited<ReturnType<typeof openPostgres>>['pool']) => () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: pool.options.max ?? 10 });

/**
 * A Store on a streaming replica of the database openStore opened (DATABASE_REPLICA_URL), for
 * reads only (replicaReads decides when it may be read). No migrations: the replica replays the
 * primary's. No listener: the primary's counter is what tells readers what is new. Its
 * connections are named `folio-replica` in pg_stat_activity.
 */
export async function openReplicaStore(url: string): Promise<Store> {
  const { db, adapter, pool, snapshot } = await openPostgres(url, 'folio-replica');
  try {
    await refuseNewerSchema(db, Object.keys(await migrationProvider(adapter).getMigrations()));
  } catch (err) {
    await db.destroy();
    throw err;
  }
  const store = kyselyStore(db, adapter, { inTransaction: false, snapshot, close: () => db.destroy() });
  store.connections = poolState(pool);
  return store;
}
