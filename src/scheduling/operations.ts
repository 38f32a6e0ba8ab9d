/**
 * Scheduled actions as operations: permission (with the caller's Actor) → checks → store write.
 * The Management API routes and the editor both call these, so the rules live in one place:
 * `schedule` to create, change or cancel, `read` to look; the target must exist and the time
 * must lie ahead.
 */
import { assertCan, type Actor } from '../auth/index.js';
import { FolioError, isFolioError, refused } from '../errors/index.js';
import type { Page, ScheduledActionBody, ScheduledActionRecord, Store } from '../store/index.js';

export type ScheduledActionQuery = Parameters<Store['scheduledActions']['list']>[1];

const inThePast = 'scheduledFor.datetime must be in the future';

/** The time lies ahead of `now`, else a 422 naming scheduledFor.datetime. */
function assertFuture(body: ScheduledActionBody, now: number) {
  if (Date.parse(body.scheduledFor) > now) return;
  throw refused('invalid', ['scheduledFor', 'datetime'], inThePast);
}

/** True when the error is the refusal of a time that has passed (the editor words it its own way). */
export function isPastTimeError(err: unknown): boolean {
  if (!isFolioError(err) || err.code !== 'VALIDATION_FAILED') return false;
  const errors = (err.details as { errors?: Array<{ path?: unknown[]; details?: string }> } | undefined)?.errors ?? [];
  return errors.some((e) => e.details === inThePast);
}

/** The environment and the entity must exist when an action is made or moved. */
async function assertTarget(store: Store, spaceId: string, body: ScheduledActionBody) {
  if (!(await store.environments.get(spaceId, body.environmentId))) {
    throw new FolioError('NOT_FOUND', `Environment "${body.environmentId}" not found`, { details: { type: 'Environment', id: body.environmentId } });
  }
  const scope = { spaceId, environmentId: body.environmentId };
  const entity =
    body.entityType === 'Entry'
      ? await store.entries.get(scope, body.entityId)
      : body.entityType === 'Asset'
        ? await store.assets.get(scope, body.entityId)
        : await store.documents.get(scope, 'Release', body.entityId);
  if (!entity) {
    // Contentful's answer for an entity that is not there: a 400 with its stock message.
    throw new FolioError('BAD_REQUEST', 'The resource could not be found.', { details: { type: body.entityType, id: body.entityId } });
  }
}

async function existing(store: Store, spaceId: string, id: string) {
  const action = await store.scheduledActions.get(spaceId, id);
  if (!action) throw new FolioError('NOT_FOUND', `Scheduled action "${id}" not found`, { details: { type: 'ScheduledAction', id } });
  return action;
}

export async function createScheduledAction(store: Store, spaceId: string, body: ScheduledActionBody, actor: Actor, now = Date.now()): Promise<ScheduledActionRecord> {
  assertCan(actor, 'schedule');
  assertFuture(body, now);
  return store.transaction(async (tx) => {
    await assertTarget(tx, spaceId, body);
    return tx.scheduledActions.create(spaceId, body, actor.id);
  });
}

export async function listScheduledActions(store: Store, spaceId: string, query: ScheduledActionQuery, actor: Actor): Promise<Page<ScheduledActionRecord>> {
  assertCan(actor, 'read');
  return store.scheduledActions.list(spaceId, query);
}

export async function getScheduledAction(store: Store, spaceId: string, id: string, actor: Actor): Promise<ScheduledActionRecord> {
  assertCan(actor, 'read');
  return existing(store, spaceId, id);
}

export async function updateScheduledAction(
  store: Store,
  spaceId: string,
  id: string,
  body: ScheduledActionBody,
  expectedVersion: number,
  actor: Actor,
  now = Date.now(),
): Promise<ScheduledActionRecord> {
  assertCan(actor, 'schedule');
  assertFuture(body, now);
  return store.transaction(async (tx) => {
    await existing(tx, spaceId, id);
    await assertTarget(tx, spaceId, body);
    return tx.scheduledActions.update(spaceId, id, body, expectedVersion, actor.id);
  });
}

export async function cancelScheduledAction(store: Store, spaceId: string, id: string, actor: Actor): Promise<ScheduledActionRecord> {
  assertCan(actor, 'schedule');
  await existing(store, spaceId, id);
  return store.scheduledActions.cancel(spaceId, id, actor.id);
}
