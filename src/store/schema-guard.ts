/**
 * A server must not run on a schema a newer Folio made: it would read and write tables it does
 * not understand. Seen before migrating, as a migration recorded in the database that this
 * build does not have.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

export class SchemaTooNewError extends Error {
  constructor(readonly unknown: string[]) {
    super(`the database was migrated by a newer Folio (unknown migration ${unknown.join(', ')}): upgrade Folio before starting it on this database`);
    this.name = 'SchemaTooNewError';
  }
}

export async function refuseNewerSchema(db: Kysely<Database>, known: string[]): Promise<void> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((t) => t.name === 'kysely_migration')) return;
  const { rows } = await sql<{ name: string }>`SELECT name FROM kysely_migration`.execute(db);
  const knownNames = new Set(known);
  const unknown = rows.map((r) => r.name).filter((name) => !knownNames.has(name)).sort();
  if (unknown.length > 0) throw new SchemaTooNewError(unknown);
}
