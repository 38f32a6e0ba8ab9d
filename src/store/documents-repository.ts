/** Small versioned JSON documents of one environment, by kind (see Store.documents). */
import type { Kysely } from 'kysely';
import { FolioError } from '../errors/index.js';
import type { DialectAdapter } from './dialect.js';
import { now } from './ids.js';
import { assertEnvironment, insertChecked, takenError } from './insert-checked.js';
import { pageBounds } from './query.js';
import type { Database, DocumentsTable } from './schema.js';
import type { Store } from './store.js';
import type { DocumentKind, DocumentRecord, Json, Scope } from './types.js';

const documentOf = (row: DocumentsTable): DocumentRecord => ({
  kind: row.kind as DocumentKind,
  id: row.id,
  parentId: row.parent_id,
  body: JSON.parse(row.body) as Record<string, Json>,
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  createdBy: row.created_by,
  updatedBy: row.updated_by,
});

const missing = (kind: DocumentKind, id: string) => new FolioError('NOT_FOUND', `${kind} "${id}" not found`, { details: { type: kind, id } });

export function documentsRepository(db: Kysely<Database>, adapter: DialectAdapter): Store['documents'] {
  const inScope = (scope: Scope, kind: DocumentKind) =>
    db.selectFrom('documents').where('space_id', '=', scope.spaceId).where('environment_id', '=', scope.environmentId).where('kind', '=', kind);

  async function current(scope: Scope, kind: DocumentKind, id: string, expectedVersion?: number) {
    const row = await inScope(scope, kind).selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw missing(kind, id);
    if (expectedVersion !== undefined && expectedVersion !== row.version) {
      throw new FolioError('VERSION_MISMATCH', `${kind} "${id}" is at version ${row.version}, not ${expectedVersion}`);
    }
    return row;
  }

  const changedBySomeoneElse = (kind: DocumentKind, id: string) =>
    new FolioError('VERSION_MISMATCH', `${kind} "${id}" was changed by someone else; reload and retry`);

  return {
    get: async (scope, kind, id) => {
      const row = await inScope(scope, kind).selectAll().where('id', '=', id).executeTakeFirst();
      return row && documentOf(row);
    },

    list: async (scope, kind, query = {}) => {
      const bounds = pageBounds(query);
      const base = query.parentId === undefined ? inScope(scope, kind) : inScope(scope, kind).where('parent_id', '=', query.parentId);
      const { total } = await base.select((eb) => eb.fn.countAll().as('total')).executeTakeFirstOrThrow();
      const order = query.newestFirst ? 'desc' : 'asc';
      const rows = await base.selectAll().orderBy('created_at', order).orderBy('id', order).limit(bounds.limit).offset(bounds.skip).execute();
      return { total: Number(total), ...bounds, items: rows.map(documentOf) };
    },

    create: async (scope, kind, document, by) => {
      await assertEnvironment(db, scope);
      const duplicate = { message: `A ${kind} with id "${document.id}" already exists`, path: ['sys', 'id'] };
      // Looked up first: in PostgreSQL a failed INSERT would spoil a caller's open transaction.
      if (await inScope(scope, kind).select('id').where('id', '=', document.id).executeTakeFirst()) throw takenError(duplicate);
      const time = now();
      const row: DocumentsTable = {
        space_id: scope.spaceId,
        environment_id: scope.environmentId,
        kind,
        id: document.id,
        parent_id: document.parentId ?? null,
        body: JSON.stringify(document.body),
        version: 1,
        created_at: time,
        updated_at: time,
        created_by: by ?? null,
        updated_by: by ?? null,
      };
      await insertChecked(adapter, () => db.insertInto('documents').values(row).execute(), { duplicate });
      return documentOf(row);
    },

    update: async (scope, kind, id, body, expectedVersion, by) => {
      const row = await current(scope, kind, id, expectedVersion);
      const updated = await db
        .updateTable('documents')
        .set({ body: JSON.stringify(body), version: row.version + 1, updated_at: now(), updated_by: by ?? row.updated_by })
        .where('space_id', '=', scope.spaceId)
        .where('environment_id', '=', scope.environmentId)
        .where('kind', '=', kind)
        .where('id', '=', id)
        .where('version', '=', row.version)
        .returningAll()
        .executeTakeFirst();
      if (!updated) throw changedBySomeoneElse(kind, id);
      return documentOf(updated);
    },

    listInProgress: async (kinds) => {
      // The body is JSON.stringify's, so the status reads exactly so; the parse below confirms it.
      const rows = await db.selectFrom('documents').selectAll().where('kind', 'in', kinds).where('body', 'like', '%"status":"inProgress"%').execute();
      return rows
        .map((row) => ({ scope: { spaceId: row.space_id, environmentId: row.environment_id }, doc: documentOf(row) }))
        .filter(({ doc }) => doc.body.status === 'inProgress');
    },

    delete: async (scope, kind, id, expectedVersion) => {
      const row = await current(scope, kind, id, expectedVersion);
      const result = await db
        .deleteFrom('documents')
        .where('space_id', '=', scope.spaceId)
        .where('environment_id', '=', scope.environmentId)
        .where('kind', '=', kind)
        .where('id', '=', id)
        .where('version', '=', row.version)
        .executeTakeFirst();
      if (Number(result.numDeletedRows) !== 1) throw changedBySomeoneElse(kind, id);
    },
  };
}
