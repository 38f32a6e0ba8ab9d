/**
 * The transactional outbox: `recordContentEvent` appends one event in the caller's transaction
 * (versioned-repository.ts calls it on every write), so an event exists exactly when its write
 * committed. Webhook dispatchers take undispatched events, several servers at once safely.
 */
import type { Kysely } from 'kysely';
import type { DialectAdapter } from './dialect.js';
import type { ContentAction, ContentEventRecord } from './event-types.js';
import { now } from './ids.js';
import type { Selectable } from 'kysely';
import type { ContentEventsTable, Database, ResourceKind } from './schema.js';
import type { Json, Scope } from './types.js';

/** Contentful's topic for a write: `ContentManagement.Entry.publish`. */
export const contentTopic = (kind: ResourceKind, action: ContentAction) => `ContentManagement.${kind}.${action}`;

/**
 * Appends the event of one write. Call it with the transaction the write ran in (`ctx.db` in
 * versioned-repository.ts), after the write, with the record as the write left it.
 */
export async function recordContentEvent(
  db: Kysely<Database>,
  scope: Scope,
  kind: ResourceKind,
  action: ContentAction,
  record: { sys: { id: string; contentTypeId?: string } },
): Promise<void> {
  await db
    .insertInto('content_events')
    .values({
      space_id: scope.spaceId,
      environment_id: scope.environmentId,
      topic: contentTopic(kind, action),
      entity_type: kind,
      entity_id: record.sys.id,
      content_type_id: record.sys.contentTypeId ?? null,
      entity: JSON.stringify(record),
      created_at: now(),
    })
    .execute();
}

const eventOf = (row: Selectable<ContentEventsTable>): ContentEventRecord => ({
  seq: Number(row.seq),
  spaceId: row.space_id,
  environmentId: row.environment_id,
  topic: row.topic,
  entityType: row.entity_type as ResourceKind,
  entityId: row.entity_id,
  contentTypeId: row.content_type_id,
  entity: JSON.parse(row.entity) as Json,
  createdAt: row.created_at,
});

export interface OutboxStore {
  /** Events of a space after `after` (by seq), oldest first; for inspection and tests. */
  list(spaceId: string, query?: { after?: number; limit?: number; entityId?: string }): Promise<ContentEventRecord[]>;
  /**
   * Marks up to `limit` undispatched events dispatched and returns them, oldest first. Run it
   * inside `store.transaction` together with what is made of them: on PostgreSQL the rows are
   * locked (SKIP LOCKED), so concurrent dispatchers take disjoint events and a rollback
   * returns them.
   */
  takeUndispatched(limit: number): Promise<ContentEventRecord[]>;
  /** Deletes dispatched events older than `before`; returns how many. */
  prune(before: string): Promise<number>;
}

export function outboxStore(db: Kysely<Database>, adapter: DialectAdapter): OutboxStore {
  return {
    list: async (spaceId, q = {}) => {
      let query = db.selectFrom('content_events').selectAll().where('space_id', '=', spaceId).where('seq', '>', q.after ?? 0);
      if (q.entityId !== undefined) query = query.where('entity_id', '=', q.entityId);
      const rows = await query.orderBy('seq').limit(q.limit ?? 1000).execute();
      return rows.map(eventOf);
    },
    takeUndispatched: async (limit) => {
      const rows = await db
        .selectFrom('content_events')
        .selectAll()
        .where('dispatched', '=', 0)
        .orderBy('seq')
        .limit(limit)
        .$if(adapter.name === 'postgres', (q) => q.forUpdate().skipLocked())
        .execute();
      if (rows.length === 0) return [];
      await db
        .updateTable('content_events')
        .set({ dispatched: 1 })
        .where(
          'seq',
          'in',
          rows.map((r) => r.seq),
        )
        .execute();
      return rows.map(eventOf);
    },
    prune: async (before) => {
      const result = await db.deleteFrom('content_events').where('dispatched', '=', 1).where('created_at', '<', before).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
