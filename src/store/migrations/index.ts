/** The one migration set, shared by SQLite and PostgreSQL, applied in name order. */
import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './0001_initial.js';
import * as users from './0002_users.js';

const migrations: Record<string, Migration> = {
  '0001_initial': initial,
  '0002_users': users,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
