/**
 * Environments and their aliases (see Store.environments, Store.environmentAliases). A clone is
 * one INSERT … SELECT per table inside one transaction, so it is fast and a half-made copy is
 * never visible; asset files are content-addressed in storage, so only their rows are copied.
 */
import { sql, type Kysely } from 'kysely';
import { FolioError, resourceNotFound } from '../errors/index.js';
import type { DialectAdapter } from './dialect.js';
import { now } from './ids.js';
import { insertChecked } from './insert-checked.js';
import { generatedColumns, type Database, type EnvironmentAliasesTable, type EnvironmentsTable } from './schema.js';
import type { Store } from './store.js';
import type { EnvironmentAliasRecord, EnvironmentRecord, EnvironmentStatus } from './types.js';
import { bumpChangeCounter, type RepositoryContext } from './versioned-repository.js';

const environmentOf = (row: EnvironmentsTable): EnvironmentRecord => ({
  spaceId: row.space_id,
  id: row.id,
  name: row.name,
  status: row.status as EnvironmentStatus,
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const aliasOf = (row: EnvironmentAliasesTable): EnvironmentAliasRecord => ({
  spaceId: row.space_id,
  id: row.id,
  environmentId: row.environment_id,
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/**
 * What a clone copies, as Contentful's does: locales, the model, entries and assets (drafts and
 * published), tags, editor interfaces, the link rows and the sync log. Version history,
 * releases, comments, tasks and scheduled actions stay with the source.
 */
const clonedTables = [
  { table: 'locales' },
  { table: 'resources' },
  { table: 'published' },
  { table: 'tags' },
  { table: 'links' },
  { table: 'changes', where: sql`deleted = 0` },
  { table: 'documents', where: sql`kind = 'EditorInterface'` },
] as const;

/** Environment-scoped tables a deletion leaves alone: the webhook outbox keeps its history. */
const keptOnDelete = new Set(['content_events', 'environments']);

async function scopedTables(db: Kysely<Database>): Promise<Map<string, string[]>> {
  const tables = await db.introspection.getTables();
  const scoped = new Map<string, string[]>();
  for (const t of tables) {
    const columns = t.columns.map((c) => c.name);
    if (columns.includes('space_id') && columns.includes('environment_id')) scoped.set(t.name, columns);
  }
  return scoped;
}

async function copyRows(db: Kysely<Database>, spaceId: string, from: string, to: string, columns: Map<string, string[]>) {
  for (const { table, ...rest } of clonedTables) {
    const names = columns.get(table)!.filter((c) => !generatedColumns.has(c));
    const selected = names.map((c) => (c === 'environment_id' ? sql`${to}` : sql.ref(c)));
    const extra = 'where' in rest ? sql` AND ${rest.where}` : sql``;
    await sql`INSERT INTO ${sql.table(table)} (${sql.join(names.map((c) => sql.ref(c)))})
      SELECT ${sql.join(selected)} FROM ${sql.table(table)} WHERE space_id = ${spaceId} AND environment_id = ${from}${extra}`.execute(db);
  }
}

export function environmentsRepository(context: RepositoryContext): Pick<Store, 'environments' | 'environmentAliases'> {
  const { db, adapter } = context;
  const envRow = (d: Kysely<Database>, spaceId: string, id: string) =>
    d.selectFrom('environments').selectAll().where('space_id', '=', spaceId).where('id', '=', id).executeTakeFirst();
  const aliasRow = (d: Kysely<Database>, spaceId: string, id: string) =>
    d.selectFrom('environment_aliases').selectAll().where('space_id', '=', spaceId).where('id', '=', id).executeTakeFirst();

  const environments: Store['environments'] = {
    get: async (spaceId, id) => {
      const row = await envRow(db, spaceId, id);
      return row && environmentOf(row);
    },
    list: async (spaceId) => {
      const rows = await db.selectFrom('environments').selectAll().where('space_id', '=', spaceId).orderBy('id').execute();
      return rows.map(environmentOf);
    },
    create: async (spaceId, { id, name, status = 'ready' }) => {
      const time = now();
      await insertChecked(adapter, () => db.insertInto('environments').values({ space_id: spaceId, id, name, status, version: 1, created_at: time, updated_at: time }).execute(), {
        duplicate: { message: `Environment "${id}" already exists in space "${spaceId}"`, path: ['sys', 'id'] },
        missingParent: `Space "${spaceId}" not found`,
      });
      return { spaceId, id, name, status, version: 1, createdAt: time, updatedAt: time };
    },
    rename: async (spaceId, id, name, expectedVersion) => {
      const result = await db
        .updateTable('environments')
        .set((eb) => ({ name, updated_at: now(), version: eb('version', '+', 1) }))
        .where('space_id', '=', spaceId)
        .where('id', '=', id)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) {
        if (!(await envRow(db, spaceId, id))) throw resourceNotFound('Environment', id);
        throw new FolioError('VERSION_MISMATCH');
      }
      return environmentOf((await envRow(db, spaceId, id))!);
    },
    clone: (spaceId, sourceId, targetId) =>
      context.atomically(async ({ db: tx, adapter: a }) => {
        const target = await envRow(tx, spaceId, targetId);
        if (!target) throw resourceNotFound('Environment', targetId);
        if (!(await envRow(tx, spaceId, sourceId))) throw resourceNotFound('Environment', sourceId);
        // Claims the row until commit: a settling server's UPDATE waits, then finds it ready.
        const claimed = await tx.updateTable('environments').set({ updated_at: now() }).where('space_id', '=', spaceId).where('id', '=', targetId).where('status', '=', 'queued').executeTakeFirst();
        if (Number(claimed.numUpdatedRows) !== 1) throw new FolioError('BAD_REQUEST', `Environment "${targetId}" is no longer waiting for its copy (${target.status})`);
        await copyRows(tx, spaceId, sourceId, targetId, await scopedTables(tx));
        await a.search.copy(tx, spaceId, sourceId, targetId);
        await tx.updateTable('environments').set({ status: 'ready', updated_at: now() }).where('space_id', '=', spaceId).where('id', '=', targetId).execute();
        // New content became readable: the content version moves, so caches keyed by it look again.
        await bumpChangeCounter(tx);
        return environmentOf((await envRow(tx, spaceId, targetId))!);
      }),
    setStatus: async (spaceId, id, status) => {
      await db.updateTable('environments').set({ status, updated_at: now() }).where('space_id', '=', spaceId).where('id', '=', id).execute();
    },
    settleQueued: async () => {
      const rows = await db.updateTable('environments').set({ status: 'failed', updated_at: now() }).where('status', '=', 'queued').returning(['space_id', 'id']).execute();
      return rows.map((r) => ({ spaceId: r.space_id, id: r.id }));
    },
    delete: (spaceId, id) =>
      context.atomically(async ({ db: tx, adapter: a }) => {
        if (!(await envRow(tx, spaceId, id))) throw resourceNotFound('Environment', id);
        const target = await tx.selectFrom('environment_aliases').select('id').where('space_id', '=', spaceId).where('environment_id', '=', id).executeTakeFirst();
        if (target) throw new FolioError('BAD_REQUEST', `Environment "${id}" is the target of the alias "${target.id}": point the alias elsewhere first`);
        await a.search.drop(tx, spaceId, id);
        for (const table of (await scopedTables(tx)).keys()) {
          if (keptOnDelete.has(table) || table.startsWith('search_')) continue;
          await sql`DELETE FROM ${sql.table(table)} WHERE space_id = ${spaceId} AND environment_id = ${id}`.execute(tx);
        }
        await tx.deleteFrom('environments').where('space_id', '=', spaceId).where('id', '=', id).execute();
        await bumpChangeCounter(tx);
      }),
    resolve: async (spaceId, id) => {
      const alias = await aliasRow(db, spaceId, id);
      const row = await envRow(db, spaceId, alias?.environment_id ?? id);
      return row && { environment: environmentOf(row), ...(alias ? { aliasId: alias.id } : {}) };
    },
  };

  const environmentAliases: Store['environmentAliases'] = {
    list: async (spaceId) => (await db.selectFrom('environment_aliases').selectAll().where('space_id', '=', spaceId).orderBy('id').execute()).map(aliasOf),
    get: async (spaceId, id) => {
      const row = await aliasRow(db, spaceId, id);
      return row && aliasOf(row);
    },
    put: (spaceId, id, environmentId, expectedVersion) =>
      context.atomically(async ({ db: tx }) => {
        const target = await envRow(tx, spaceId, environmentId);
        if (!target) throw resourceNotFound('Environment', environmentId);
        if (target.status !== 'ready') throw new FolioError('BAD_REQUEST', `Environment "${environmentId}" is not ready (${target.status})`);
        // An alias and an environment never share an id, except `master` aliasing master itself.
        if (id !== environmentId && (await envRow(tx, spaceId, id)) && id !== 'master') {
          throw new FolioError('BAD_REQUEST', `"${id}" is an environment's id; an alias needs an id of its own`);
        }
        const existing = await aliasRow(tx, spaceId, id);
        const time = now();
        if (!existing) {
          if (expectedVersion !== undefined) throw resourceNotFound('EnvironmentAlias', id);
          await insertChecked(adapter, () => tx.insertInto('environment_aliases').values({ space_id: spaceId, id, environment_id: environmentId, version: 1, created_at: time, updated_at: time }).execute(), {
            duplicate: { message: `Environment alias "${id}" already exists`, path: ['sys', 'id'] },
            missingParent: `Space "${spaceId}" not found`,
          });
        } else {
          if (expectedVersion === undefined || expectedVersion !== existing.version) throw new FolioError('VERSION_MISMATCH');
          await tx
            .updateTable('environment_aliases')
            .set({ environment_id: environmentId, version: existing.version + 1, updated_at: time })
            .where('space_id', '=', spaceId)
            .where('id', '=', id)
            .execute();
        }
        // Every reader of the alias now reads another environment: caches keyed by the content version drop.
        await bumpChangeCounter(tx);
        return aliasOf((await aliasRow(tx, spaceId, id))!);
      }),
    delete: (spaceId, id) =>
      context.atomically(async ({ db: tx }) => {
        if (id === 'master') throw new FolioError('BAD_REQUEST', 'The master alias cannot be deleted');
        const result = await tx.deleteFrom('environment_aliases').where('space_id', '=', spaceId).where('id', '=', id).executeTakeFirst();
        if (Number(result.numDeletedRows) !== 1) throw resourceNotFound('EnvironmentAlias', id);
        await bumpChangeCounter(tx);
      }),
  };

  return { environments, environmentAliases };
}
