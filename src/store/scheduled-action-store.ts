/**
 * Scheduled actions. Every change of status is one UPDATE guarded by the status it expects, so
 * of several servers (or a user cancelling) exactly one moves an action on.
 */
import type { Kysely } from 'kysely';
import { FolioError } from '../errors/index.js';
import type { DialectAdapter } from './dialect.js';
import type { ScheduledActionBody, ScheduledActionRecord, ScheduledActionStatus } from './event-types.js';
import { newId, now } from './ids.js';
import { insertChecked } from './insert-checked.js';
import { pageBounds } from './query.js';
import type { Database, ScheduledActionsTable } from './schema.js';
import type { Json, Page } from './types.js';

const actionOf = (row: ScheduledActionsTable): ScheduledActionRecord => ({
  spaceId: row.space_id,
  id: row.id,
  environmentId: row.environment_id,
  entityType: row.entity_type as ScheduledActionRecord['entityType'],
  entityId: row.entity_id,
  action: row.action as ScheduledActionRecord['action'],
  scheduledFor: row.scheduled_for,
  timezone: row.timezone,
  status: row.status as ScheduledActionStatus,
  error: row.error === null ? null : (JSON.parse(row.error) as Json),
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  createdBy: row.created_by,
  updatedBy: row.updated_by,
  canceledAt: row.canceled_at,
  canceledBy: row.canceled_by,
  payload: row.payload ? (JSON.parse(row.payload) as Json) : null,
});

const bodyColumns = (body: ScheduledActionBody) => ({
  environment_id: body.environmentId,
  entity_type: body.entityType,
  entity_id: body.entityId,
  action: body.action,
  scheduled_for: body.scheduledFor,
  timezone: body.timezone,
  payload: body.payload === undefined || body.payload === null ? null : JSON.stringify(body.payload),
});

export interface ScheduledActionQuery {
  environmentId: string;
  statuses?: ScheduledActionStatus[];
  entityId?: string;
  entityType?: 'Entry' | 'Asset' | 'Release';
  action?: 'publish' | 'unpublish';
  /** By scheduledFor; ascending unless 'desc'. */
  direction?: 'asc' | 'desc';
  skip?: number;
  limit?: number;
}

export interface ScheduledActionStore {
  create(spaceId: string, body: ScheduledActionBody, actorId: string): Promise<ScheduledActionRecord>;
  get(spaceId: string, id: string): Promise<ScheduledActionRecord | undefined>;
  list(spaceId: string, query: ScheduledActionQuery): Promise<Page<ScheduledActionRecord>>;
  /** Only while scheduled (else BAD_REQUEST); VERSION_MISMATCH on a stale version. */
  update(spaceId: string, id: string, body: ScheduledActionBody, expectedVersion: number, actorId: string): Promise<ScheduledActionRecord>;
  /** scheduled → canceled; BAD_REQUEST in any other status. */
  cancel(spaceId: string, id: string, actorId: string): Promise<ScheduledActionRecord>;
  /** Scheduled actions due at `at`, earliest first, across spaces. */
  listDue(at: string, limit: number): Promise<ScheduledActionRecord[]>;
  /**
   * scheduled → `to` if it is still scheduled; false when someone else moved it first. Inside a
   * transaction the row stays locked until commit, so a concurrent claim waits and then loses.
   */
  finish(spaceId: string, id: string, to: 'succeeded' | 'failed', error?: Json): Promise<boolean>;
}

export function scheduledActionStore(db: Kysely<Database>, adapter: DialectAdapter): ScheduledActionStore {
  const notFound = (id: string) => new FolioError('NOT_FOUND', `Scheduled action "${id}" not found`, { details: { type: 'ScheduledAction', id } });
  const readRow = (spaceId: string, id: string) =>
    db.selectFrom('scheduled_actions').selectAll().where('space_id', '=', spaceId).where('id', '=', id).executeTakeFirst();
  const notScheduled = (row: ScheduledActionsTable) =>
    new FolioError('BAD_REQUEST', `Scheduled action "${row.id}" is ${row.status}; only scheduled actions can change`);

  return {
    create: async (spaceId, body, actorId) => {
      const time = now();
      const row: ScheduledActionsTable = {
        space_id: spaceId,
        id: newId(),
        ...bodyColumns(body),
        status: 'scheduled',
        error: null,
        version: 1,
        created_at: time,
        updated_at: time,
        created_by: actorId,
        updated_by: actorId,
        canceled_at: null,
        canceled_by: null,
      };
      await insertChecked(adapter, () => db.insertInto('scheduled_actions').values(row).execute(), {
        duplicate: { message: `Scheduled action "${row.id}" already exists`, path: ['sys', 'id'] },
        missingParent: `Space "${spaceId}" not found`,
      });
      return actionOf(row);
    },

    get: async (spaceId, id) => {
      const row = await readRow(spaceId, id);
      return row && actionOf(row);
    },

    list: async (spaceId, q) => {
      const bounds = pageBounds(q);
      let base = db.selectFrom('scheduled_actions').where('space_id', '=', spaceId).where('environment_id', '=', q.environmentId);
      if (q.statuses) base = q.statuses.length ? base.where('status', 'in', q.statuses) : base.where('id', '=', '');
      if (q.entityId !== undefined) base = base.where('entity_id', '=', q.entityId);
      if (q.entityType !== undefined) base = base.where('entity_type', '=', q.entityType);
      if (q.action !== undefined) base = base.where('action', '=', q.action);
      const { total } = await base.select((eb) => eb.fn.countAll().as('total')).executeTakeFirstOrThrow();
      const direction = q.direction ?? 'asc';
      const rows = await base.selectAll().orderBy('scheduled_for', direction).orderBy('id', direction).limit(bounds.limit).offset(bounds.skip).execute();
      return { total: Number(total), ...bounds, items: rows.map(actionOf) };
    },

    update: async (spaceId, id, body, expectedVersion, actorId) => {
      const row = await readRow(spaceId, id);
      if (!row) throw notFound(id);
      if (row.version !== expectedVersion) throw new FolioError('VERSION_MISMATCH', `Scheduled action "${id}" is at version ${row.version}, not ${expectedVersion}`);
      if (row.status !== 'scheduled') throw notScheduled(row);
      const updated = await db
        .updateTable('scheduled_actions')
        .set({ ...bodyColumns(body), version: row.version + 1, updated_at: now(), updated_by: actorId })
        .where('space_id', '=', spaceId)
        .where('id', '=', id)
        .where('version', '=', expectedVersion)
        .where('status', '=', 'scheduled')
        .returningAll()
        .executeTakeFirst();
      if (!updated) throw new FolioError('VERSION_MISMATCH', `Scheduled action "${id}" was changed meanwhile; reload and retry`);
      return actionOf(updated);
    },

    cancel: async (spaceId, id, actorId) => {
      const row = await readRow(spaceId, id);
      if (!row) throw notFound(id);
      if (row.status !== 'scheduled') throw notScheduled(row);
      const time = now();
      const updated = await db
        .updateTable('scheduled_actions')
        .set({ status: 'canceled', version: row.version + 1, updated_at: time, updated_by: actorId, canceled_at: time, canceled_by: actorId })
        .where('space_id', '=', spaceId)
        .where('id', '=', id)
        .where('status', '=', 'scheduled')
        .returningAll()
        .executeTakeFirst();
      if (!updated) throw notScheduled((await readRow(spaceId, id)) ?? row);
      return actionOf(updated);
    },

    listDue: async (at, limit) =>
      (
        await db
          .selectFrom('scheduled_actions')
          .selectAll()
          .where('status', '=', 'scheduled')
          .where('scheduled_for', '<=', at)
          .orderBy('scheduled_for')
          .limit(limit)
          .execute()
      ).map(actionOf),

    finish: async (spaceId, id, to, error) => {
      const result = await db
        .updateTable('scheduled_actions')
        .set((eb) => ({ status: to, error: error === undefined ? null : JSON.stringify(error), version: eb('version', '+', 1), updated_at: now() }))
        .where('space_id', '=', spaceId)
        .where('id', '=', id)
        .where('status', '=', 'scheduled')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}
