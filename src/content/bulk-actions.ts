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

interface EntityError {
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

async function apply(tx: Store, scope: Scope, action: BulkActionKind, e: BulkEntity, actor: Actor) {
  if (action === 'unpublish') {
    if (e.linkType === 'Entry') await unpublishEntry(tx, scope, { id: e.id }, actor);
    else await unpublishAsset(tx, scope, { id: e.id }, actor);
    return;
  }
  if (e.linkType === 'Entry') await publishEntry(tx, scope, { id: e.id, version: e.version }, actor);
  else await publishAsset(tx, scope, { id: e.id, version: e.version }, actor);
}

/** Runs every entity in one transaction; commits only when all succeeded and the action writes. */
async function run(store: Store, scope: Scope, action: BulkActionKind, entities: BulkEntity[], actor: Actor): Promise<EntityError[]> {
  const errors: EntityError[] = [];
  try {
    await store.transaction(async (tx) => {
      for (const e of entities) {
        try {
          await apply(tx, scope, action, e, actor);
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
  if (entities.length === 0 || entities.length > maxBulkEntities) {
    const details = `A bulk action holds 1 to ${maxBulkEntities} entities, not ${entities.length}`;
    throw new FolioError('VALIDATION_FAILED', details, { details: { errors: [{ name: 'size', path: ['entities', 'items'], details, max: maxBulkEntities }] } });
  }
  const by = actorId(actor);
  const created = await store.documents.create(scope, kind, { id, body: { action, payload, status: 'created' } }, by);
  const started = await store.documents.update(scope, kind, id, { ...created.body, status: 'inProgress' }, created.version, by);
  const errors = await run(store, scope, action, entities, actor);
  const outcome: Record<string, Json> = errors.length
    ? {
        status: 'failed',
        error: { sys: { type: 'Error', id: 'BulkActionFailed' }, message: 'Not all entities could be processed', details: { errors: errors as unknown as Json[] } },
      }
    : { status: 'succeeded' };
  return store.documents.update(scope, kind, id, { ...started.body, ...outcome }, started.version, by);
}

export async function getBulkAction(store: Store, scope: Scope, id: string, actor: Actor): Promise<DocumentRecord> {
  check(actor, 'read');
  const found = await store.documents.get(scope, kind, id);
  if (!found) throw new FolioError('NOT_FOUND', `Bulk action "${id}" not found`, { details: { type: 'BulkAction', id } });
  return found;
}
