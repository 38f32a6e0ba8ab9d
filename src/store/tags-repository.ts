/** Contentful's tags of one environment (see Store.tags). */
import type { Kysely } from 'kysely';
import { FolioError } from '../errors/index.js';
import type { DialectAdapter } from './dialect.js';
import { now } from './ids.js';
import { assertEnvironment, insertChecked, takenError } from './insert-checked.js';
import { pageBounds } from './query.js';
import type { Database, TagsTable } from './schema.js';
import type { Store } from './store.js';
import type { Scope, TagRecord, TagVisibility } from './types.js';

const tagOf = (row: TagsTable): TagRecord => ({
  id: row.id,
  name: row.name,
  visibility: row.visibility as TagVisibility,
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export function tagsRepository(db: Kysely<Database>, adapter: DialectAdapter): Store['tags'] {
  const inScope = (scope: Scope) =>
    db.selectFrom('tags').where('space_id', '=', scope.spaceId).where('environment_id', '=', scope.environmentId);

  async function current(scope: Scope, id: string, expectedVersion?: number) {
    const row = await inScope(scope).selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new FolioError('NOT_FOUND', `Tag "${id}" not found`, { details: { type: 'Tag', id } });
    if (expectedVersion !== undefined && expectedVersion !== row.version) {
      throw new FolioError('VERSION_MISMATCH', `Tag "${id}" is at version ${row.version}, not ${expectedVersion}`);
    }
    return row;
  }

  return {
    list: async (scope, query = {}) => {
      const bounds = pageBounds(query);
      const base = query.visibility ? inScope(scope).where('visibility', '=', query.visibility) : inScope(scope);
      const { total } = await base.select((eb) => eb.fn.countAll().as('total')).executeTakeFirstOrThrow();
      const rows = await base.selectAll().orderBy('name').orderBy('id').limit(bounds.limit).offset(bounds.skip).execute();
      return { total: Number(total), ...bounds, items: rows.map(tagOf) };
    },

    get: async (scope, id) => {
      const row = await inScope(scope).selectAll().where('id', '=', id).executeTakeFirst();
      return row && tagOf(row);
    },

    create: async (scope, tag) => {
      await assertEnvironment(db, scope);
      const duplicate = { message: `A tag with id "${tag.id}" or name "${tag.name}" already exists`, path: ['name'] };
      // Looked up first: in PostgreSQL a failed INSERT would spoil a caller's open transaction.
      const clash = await inScope(scope).select('id').where((eb) => eb.or([eb('id', '=', tag.id), eb('name', '=', tag.name)])).executeTakeFirst();
      if (clash) throw takenError(duplicate);
      const time = now();
      const row: TagsTable = {
        space_id: scope.spaceId,
        environment_id: scope.environmentId,
        id: tag.id,
        name: tag.name,
        visibility: tag.visibility,
        version: 1,
        created_at: time,
        updated_at: time,
      };
      await insertChecked(adapter, () => db.insertInto('tags').values(row).execute(), { duplicate });
      return tagOf(row);
    },

    update: async (scope, id, name, expectedVersion) => {
      const row = await current(scope, id, expectedVersion);
      const clash = await inScope(scope).select('id').where('name', '=', name).where('id', '<>', id).executeTakeFirst();
      if (clash) throw takenError({ message: `A tag named "${name}" already exists`, path: ['name'] });
      const updated = await db
        .updateTable('tags')
        .set({ name, version: row.version + 1, updated_at: now() })
        .where('space_id', '=', scope.spaceId)
        .where('environment_id', '=', scope.environmentId)
        .where('id', '=', id)
        .where('version', '=', row.version)
        .returningAll()
        .executeTakeFirst();
      if (!updated) throw new FolioError('VERSION_MISMATCH', `Tag "${id}" was changed by someone else; reload and retry`);
      return tagOf(updated);
    },

    delete: async (scope, id, expectedVersion) => {
      const row = await current(scope, id, expectedVersion);
      const inUse = await db
        .selectFrom('links')
        .select('id')
        .where('space_id', '=', scope.spaceId)
        .where('environment_id', '=', scope.environmentId)
        .where('to_kind', '=', 'Tag')
        .where('to_id', '=', id)
        .executeTakeFirst();
      if (inUse) throw new FolioError('BAD_REQUEST', `Tag "${id}" is still on entries or assets; remove it from them first`);
      const result = await db
        .deleteFrom('tags')
        .where('space_id', '=', scope.spaceId)
        .where('environment_id', '=', scope.environmentId)
        .where('id', '=', id)
        .where('version', '=', row.version)
        .executeTakeFirst();
      if (Number(result.numDeletedRows) !== 1) throw new FolioError('VERSION_MISMATCH', `Tag "${id}" was changed by someone else; reload and retry`);
    },
  };
}
