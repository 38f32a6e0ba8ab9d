/**
 * Bulk actions as Contentful runs them: publish, unpublish or validate up to 200 entries and
 * assets in one go, all or nothing. Each entity goes through the same operation as when it is
 * published by hand, inside one transaction; if any entity fails, the transaction is rolled back
 * and the BulkAction records every entity's error. Validation is a publish that is always
 * rolled back. The BulkAction itself (status created → inProgress → succeeded/failed) is a
 * document of the environment, readable afterwards.
 */
import type { Actor } from '../auth/index.js';
import { FolioError, isFolioError } from '../errors/index.js';
import type { Store } from '../store/store.js';
import type { DocumentRecord, Json, Scope } from '../store/types.js';
import { actorId, check } from './actor.js';
import { publishAsset, unpublishAsset } from './assets.js';
import { publishEntry, unpublishEntry } from './entries.js';

export type BulkActionKind = 'publish' | 'unpublish' | 'validate';

export interface BulkEntity {
  linkType: 'Entry' | 'Asset';
  id: string;
  /** Publish only: the version the client saw; a newer one is a VersionMismatch for that entity. */
  version?: number;
}

/** Contentful's limit per bulk action. */
export const maxBulkEntities = 200;

const kind = 'BulkAction';

export interface EntityError {
  entity: Json;
  error: Json;
}

/** Rolls the transaction back after collecting the errors (a sentinel, never seen outside). */
class RollBack extends Error {}

const linkOf = (e: BulkEntity): Json => ({ sys: { type: 'Link', linkType: e.linkType, id: e.id, ...(e.version !== undefined ? { version: e.version } : {}) } });

const errorJson = (err: FolioError): Json => ({
  sys: { type: 'Error', id: err.id },
  message: err.message,
  ...(err.details ? { details: err.details as Json } : {}),
});

/** One entity's part of an action (validate publishes, and the caller rolls back). */
export async function applyBulkEntity(tx: Store, scope: Scope, action: BulkActionKind, e: BulkEntity, actor: Actor) {
  if (action === 'unpublish') {
    if (e.linkType === 'Entry') await unpublishEntry(tx, scope, { id: e.id }, actor);
    else await unpublishAsset(tx, scope, { id: e.id }, actor);
    return;
  }
  if (e.linkType === 'Entry') await publishEntry(tx, scope, { id: e.id, version: e.version }, actor);
  else await publishAsset(tx, scope, { id: e.id, version: e.version }, actor);
}

/**
 * Runs every entity in one transaction; commits only when all succeeded and the action writes
 * (releases publish through this too, so readers never see half of one). Call it outside any
 * transaction: inside one, `store.transaction` is that transaction and a failure could not be
 * rolled back on its own (the scheduler applies entities itself and throws instead).
 */
export async function runAllOrNothing(
  store: Store,
  scope: Scope,
  action: BulkActionKind,
  entities: BulkEntity[],
  actor: Actor,
  /** Runs first for each entity, in the same transaction (a release writes the fields it holds). */
  before?: (tx: Store, e: BulkEntity) => Promise<void>,
): Promise<EntityError[]> {
  const errors: EntityError[] = [];
  try {
    await store.transaction(async (tx) => {
      for (const e of entities) {
        try {
          await before?.(tx, e);
          await applyBulkEntity(tx, scope, action, e, actor);
        } catch (err) {
          if (!isFolioError(err)) throw err;
          errors.push({ entity: linkOf(e), error: errorJson(err) });
        }
      }
      if (errors.length > 0 || action === 'validate') throw new RollBack();
    });
  } catch (err) {
    if (!(err instanceof RollBack)) throw err;
  }
  return errors;
}

/** The status (and Contentful's error with every entity's error) an action ends with. */
export function outcomeOf(errors: EntityError[], errorId: string): Record<string, Json> {
  if (errors.length === 0) return { status: 'succeeded' };
  return { status: 'failed', error: { sys: { type: 'Error', id: errorId }, message: 'Not all entities could be processed', details: { errors: errors as unknown as Json[] } } };
}

/** 1 to 200 entities, or a 422 naming where they are listed. */
export function assertEntityCount(count: number, path: string[], min = 1) {
  if (count >= min && count <= maxBulkEntities) return;
  const details = `An action holds ${min} to ${maxBulkEntities} entities, not ${count}`;
  throw new FolioError('VALIDATION_FAILED', details, { details: { errors: [{ name: 'size', path, details, max: maxBulkEntities }] } });
}

export async function runBulkAction(
  store: Store,
  scope: Scope,
  id: string,
  action: BulkActionKind,
  entities: BulkEntity[],
  payload: Json,
  actor: Actor,
): Promise<DocumentRecord> {
  check(actor, action === 'validate' ? 'read' : action);
  assertEntityCount(entities.length, ['entities', 'items']);
  const by = actorId(actor);
  const created = await store.documents.create(scope, kind, { id, body: { action, payload, status: 'created' } }, by);
  const started = await store.documents.update(scope, kind, id, { ...created.body, status: 'inProgress' }, created.version, by);
  const errors = await runAllOrNothing(store, scope, action, entities, actor);
  return store.documents.update(scope, kind, id, { ...started.body, ...outcomeOf(errors, 'BulkActionFailed') }, started.version, by);
}

export async function getBulkAction(store: Store, scope: Scope, id: string, actor: Actor): Promise<DocumentRecord> {
  check(actor, 'read');
  const found = await store.documents.get(scope, kind, id);
  if (!found) throw new FolioError('NOT_FOUND', `Bulk action "${id}" not found`, { details: { type: 'BulkAction', id } });
  return found;
}
