/**
 * Webhook definitions, the queue of their calls, and the log of attempts. Claiming due calls is
 * one guarded UPDATE … RETURNING with a lease (SKIP LOCKED on PostgreSQL), so several servers
 * on one database never send the same call at the same time.
 */
import type { Kysely } from 'kysely';
import { FolioError } from '../errors/index.js';
import type { DialectAdapter } from './dialect.js';
import type {
  WebhookCallLogRecord,
  WebhookCallRecord,
  WebhookCallState,
  WebhookDefinitionBody,
  WebhookDefinitionRecord,
  WebhookHeader,
} from './event-types.js';
import { newId, now } from './ids.js';
import { insertChecked } from './insert-checked.js';
import { pageBounds } from './query.js';
import type { Database, WebhookCallLogTable, WebhookCallsTable, WebhookDefinitionsTable } from './schema.js';
import type { Json, Page } from './types.js';

const definitionOf = (row: WebhookDefinitionsTable): WebhookDefinitionRecord => ({
  spaceId: row.space_id,
  id: row.id,
  name: row.name,
  url: row.url,
  topics: JSON.parse(row.topics) as string[],
  filters: JSON.parse(row.filters) as Json[],
  headers: JSON.parse(row.headers) as WebhookHeader[],
  httpBasicUsername: row.http_basic_username,
  httpBasicPassword: row.http_basic_password,
  active: row.active === 1,
  secret: row.secret,
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  createdBy: row.created_by,
  updatedBy: row.updated_by,
});

const bodyColumns = (body: WebhookDefinitionBody) => ({
  name: body.name,
  url: body.url,
  topics: JSON.stringify(body.topics),
  filters: JSON.stringify(body.filters),
  headers: JSON.stringify(body.headers),
  http_basic_username: body.httpBasicUsername,
  http_basic_password: body.httpBasicPassword,
  active: body.active ? 1 : 0,
  secret: body.secret,
});

const callOf = (row: WebhookCallsTable): WebhookCallRecord => ({
  id: row.id,
  spaceId: row.space_id,
  webhookId: row.webhook_id,
  eventSeq: Number(row.event_seq),
  topic: row.topic,
  body: row.body,
  state: row.state as WebhookCallState,
  attempts: row.attempts,
  nextAttemptAt: row.next_attempt_at,
  leaseId: row.lease_id,
  createdAt: row.created_at,
});

const logOf = (row: WebhookCallLogTable): WebhookCallLogRecord => ({
  id: row.id,
  spaceId: row.space_id,
  webhookId: row.webhook_id,
  callId: row.call_id,
  attempt: row.attempt,
  topic: row.topic,
  url: row.url,
  statusCode: row.status_code,
  errors: JSON.parse(row.errors) as string[],
  request: JSON.parse(row.request) as WebhookCallLogRecord['request'],
  response: JSON.parse(row.response) as WebhookCallLogRecord['response'],
  requestAt: row.request_at,
  responseAt: row.response_at,
});

export interface NewWebhookCall {
  spaceId: string;
  webhookId: string;
  eventSeq: number;
  topic: string;
  body: string;
}

export interface WebhookStore {
  create(spaceId: string, body: WebhookDefinitionBody & { id?: string }, actorId: string): Promise<WebhookDefinitionRecord>;
  get(spaceId: string, id: string): Promise<WebhookDefinitionRecord | undefined>;
  list(spaceId: string, query?: { skip?: number; limit?: number }): Promise<Page<WebhookDefinitionRecord>>;
  /** Active definitions of every space, for matching events. */
  listActive(): Promise<WebhookDefinitionRecord[]>;
  /** VERSION_MISMATCH when `expectedVersion` is not the current one; NOT_FOUND when missing. */
  update(spaceId: string, id: string, body: WebhookDefinitionBody, expectedVersion: number, actorId: string): Promise<WebhookDefinitionRecord>;
  /** Removes the definition, its queued calls and its log. NOT_FOUND when missing. */
  delete(spaceId: string, id: string): Promise<void>;

  /** Queues calls, due now; a call for the same event and webhook is queued once. */
  enqueueCalls(calls: NewWebhookCall[]): Promise<void>;
  /**
   * Leases up to `limit` pending calls that are due at `at` and not leased by anyone else, and
   * counts the attempt. The lease lasts `leaseMs`; only its holder can finish the attempt.
   * Calls to the webhooks in `skip` are left for later (their receivers are busy).
   */
  claimDue(at: string, limit: number, leaseMs: number, skip?: readonly string[]): Promise<WebhookCallRecord[]>;
  /**
   * Logs one attempt and moves the call on (succeeded, failed, or pending again at
   * `nextAttemptAt`) if the lease is still `leaseId`'s. Returns false when the lease was lost.
   */
  finishAttempt(
    call: { id: string; leaseId: string },
    next: { state: WebhookCallState; nextAttemptAt: string },
    log: Omit<WebhookCallLogRecord, 'id'>,
  ): Promise<boolean>;
  /** Queued calls of a webhook, oldest first (for operators and tests). */
  listCalls(spaceId: string, webhookId: string): Promise<WebhookCallRecord[]>;
  /** The attempt log of a webhook, newest first. */
  listLog(spaceId: string, webhookId: string, query?: { skip?: number; limit?: number }): Promise<Page<WebhookCallLogRecord>>;
  getLog(spaceId: string, webhookId: string, id: string): Promise<WebhookCallLogRecord | undefined>;
  /** Of the latest `window` attempts, how many there are and how many got a 2xx. */
  health(spaceId: string, webhookId: string, window?: number): Promise<{ total: number; healthy: number }>;
  /** Deletes finished calls last changed, and logged attempts made, before `before`. */
  prune(before: string): Promise<{ calls: number; log: number }>;
}

export function webhookStore(
  db: Kysely<Database>,
  adapter: DialectAdapter,
  transaction: <T>(fn: (db: Kysely<Database>) => Promise<T>) => Promise<T>,
): WebhookStore {
  const notFound = (id: string) => new FolioError('NOT_FOUND', `Webhook "${id}" not found`, { details: { type: 'WebhookDefinition', id } });
  const readRow = (spaceId: string, id: string) =>
    db.selectFrom('webhook_definitions').selectAll().where('space_id', '=', spaceId).where('id', '=', id).executeTakeFirst();

  return {
    create: async (spaceId, body, actorId) => {
      const time = now();
      const row: WebhookDefinitionsTable = {
        space_id: spaceId,
        id: body.id ?? newId(),
        ...bodyColumns(body),
        version: 1,
        created_at: time,
        updated_at: time,
        created_by: actorId,
        updated_by: actorId,
      };
      await insertChecked(adapter, () => db.insertInto('webhook_definitions').values(row).execute(), {
        duplicate: { message: `Webhook "${row.id}" already exists`, path: ['sys', 'id'] },
        missingParent: `Space "${spaceId}" not found`,
      });
      return definitionOf(row);
    },

    get: async (spaceId, id) => {
      const row = await readRow(spaceId, id);
      return row && definitionOf(row);
    },

    list: async (spaceId, query = {}) => {
      const bounds = pageBounds(query);
      const base = db.selectFrom('webhook_definitions').where('space_id', '=', spaceId);
      const { total } = await base.select((eb) => eb.fn.countAll().as('total')).executeTakeFirstOrThrow();
      const rows = await base.selectAll().orderBy('created_at').orderBy('id').limit(bounds.limit).offset(bounds.skip).execute();
      return { total: Number(total), ...bounds, items: rows.map(definitionOf) };
    },

    listActive: async () => (await db.selectFrom('webhook_definitions').selectAll().where('active', '=', 1).orderBy('created_at').execute()).map(definitionOf),

    update: async (spaceId, id, body, expectedVersion, actorId) => {
      const row = await readRow(spaceId, id);
      if (!row) throw notFound(id);
      const mismatch = () => new FolioError('VERSION_MISMATCH', `Webhook "${id}" is at version ${row.version}, not ${expectedVersion}`);
      if (row.version !== expectedVersion) throw mismatch();
      const updated = await db
        .updateTable('webhook_definitions')
        .set({ ...bodyColumns(body), version: row.version + 1, updated_at: now(), updated_by: actorId })
        .where('space_id', '=', spaceId)
        .where('id', '=', id)
        .where('version', '=', expectedVersion)
        .returningAll()
        .executeTakeFirst();
      if (!updated) throw mismatch();
      return definitionOf(updated);
    },

    delete: (spaceId, id) =>
      transaction(async (trx) => {
        const result = await trx.deleteFrom('webhook_definitions').where('space_id', '=', spaceId).where('id', '=', id).executeTakeFirst();
        if (Number(result.numDeletedRows) !== 1) throw notFound(id);
        await trx.deleteFrom('webhook_calls').where('space_id', '=', spaceId).where('webhook_id', '=', id).execute();
        await trx.deleteFrom('webhook_call_log').where('space_id', '=', spaceId).where('webhook_id', '=', id).execute();
      }),

    enqueueCalls: async (calls) => {
      if (calls.length === 0) return;
      const time = now();
      await db
        .insertInto('webhook_calls')
        .values(
          calls.map((c) => ({
            id: newId(),
            space_id: c.spaceId,
            webhook_id: c.webhookId,
            event_seq: c.eventSeq,
            topic: c.topic,
            body: c.body,
            state: 'pending',
            attempts: 0,
            next_attempt_at: time,
            lease_id: null,
            lease_until: null,
            created_at: time,
            updated_at: time,
          })),
        )
        .onConflict((oc) => oc.columns(['webhook_id', 'space_id', 'event_seq']).doNothing())
        .execute();
    },

    claimDue: async (at, limit, leaseMs, skip = []) => {
      const leaseId = newId();
      const until = new Date(Date.parse(at) + leaseMs).toISOString();
      const due = db
        .selectFrom('webhook_calls')
        .select('id')
        .where('state', '=', 'pending')
        .where('next_attempt_at', '<=', at)
        .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', at)]))
        .$if(skip.length > 0, (q) => q.where('webhook_id', 'not in', skip))
        .orderBy('next_attempt_at')
        .limit(limit)
        .$if(adapter.name === 'postgres', (q) => q.forUpdate().skipLocked());
      // The outer conditions repeat the inner ones: PostgreSQL re-checks them on rows another
      // server changed meanwhile, so a call leased a moment ago is not leased twice.
      const rows = await db
        .updateTable('webhook_calls')
        .set((eb) => ({ lease_id: leaseId, lease_until: until, attempts: eb('attempts', '+', 1), updated_at: at }))
        .where('id', 'in', due)
        .where('state', '=', 'pending')
        .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', at)]))
        .returningAll()
        .execute();
      return rows.map(callOf).sort((a, b) => a.nextAttemptAt.localeCompare(b.nextAttemptAt));
    },

    finishAttempt: (call, next, log) =>
      transaction(async (trx) => {
        const result = await trx
          .updateTable('webhook_calls')
          .set({ state: next.state, next_attempt_at: next.nextAttemptAt, lease_id: null, lease_until: null, updated_at: now() })
          .where('id', '=', call.id)
          .where('lease_id', '=', call.leaseId)
          .executeTakeFirst();
        // The attempt happened either way, so it is logged either way.
        await trx
          .insertInto('webhook_call_log')
          .values({
            id: newId(),
            space_id: log.spaceId,
            webhook_id: log.webhookId,
            call_id: log.callId,
            attempt: log.attempt,
            topic: log.topic,
            url: log.url,
            status_code: log.statusCode,
            errors: JSON.stringify(log.errors),
            request: JSON.stringify(log.request),
            response: JSON.stringify(log.response),
            request_at: log.requestAt,
            response_at: log.responseAt,
          })
          .execute();
        return Number(result.numUpdatedRows) === 1;
      }),

    listCalls: async (spaceId, webhookId) =>
      (
        await db
          .selectFrom('webhook_calls')
          .selectAll()
          .where('space_id', '=', spaceId)
          .where('webhook_id', '=', webhookId)
          .orderBy('event_seq')
          .execute()
      ).map(callOf),

    listLog: async (spaceId, webhookId, query = {}) => {
      const bounds = pageBounds(query);
      const base = db.selectFrom('webhook_call_log').where('space_id', '=', spaceId).where('webhook_id', '=', webhookId);
      const { total } = await base.select((eb) => eb.fn.countAll().as('total')).executeTakeFirstOrThrow();
      const rows = await base.selectAll().orderBy('request_at', 'desc').orderBy('attempt', 'desc').limit(bounds.limit).offset(bounds.skip).execute();
      return { total: Number(total), ...bounds, items: rows.map(logOf) };
    },

    getLog: async (spaceId, webhookId, id) => {
      const row = await db
        .selectFrom('webhook_call_log')
        .selectAll()
        .where('space_id', '=', spaceId)
        .where('webhook_id', '=', webhookId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && logOf(row);
    },

    health: async (spaceId, webhookId, window = 100) => {
      const rows = await db
        .selectFrom('webhook_call_log')
        .select('status_code')
        .where('space_id', '=', spaceId)
        .where('webhook_id', '=', webhookId)
        .orderBy('request_at', 'desc')
        .limit(window)
        .execute();
      return { total: rows.length, healthy: rows.filter((r) => r.status_code >= 200 && r.status_code < 300).length };
    },

    prune: async (before) => {
      const calls = await db.deleteFrom('webhook_calls').where('state', '<>', 'pending').where('updated_at', '<', before).executeTakeFirst();
      const log = await db.deleteFrom('webhook_call_log').where('request_at', '<', before).executeTakeFirst();
      return { calls: Number(calls.numDeletedRows), log: Number(log.numDeletedRows) };
    },
  };
}
