/**
 * Bulk actions as Contentful runs them: publish, unpublish or validate up to 200 entries and
 * assets in one go, all or nothing. Each entity goes through the same operation as when it is
 * published by hand, inside one transaction; if any entity fails, the transaction is rolled back
 * and the BulkAction records every entity's error. Validation is a publish that is always
 * rolled back. The BulkAction itself (status created → inProgress → succeeded/failed) is a
 * document of the environment, readable afterwards.
 *
 * The editor's list runs its bulk actions here too, with the verbs Contentful's web app adds
 * (archive, unarchive, delete) and `each`: every entity in its own transaction, so the ones
 * that may be done are done and the action records which were refused and why.
 */
import { assertCan, type Actor } from '../auth/index.js';
import { FolioError, isFolioError } from '../errors/index.js';
import type { Store } from '../store/store.js';
import type { DocumentRecord, Json, Scope } from '../store/types.js';
import { actorId, check } from './actor.js';
import { archiveAsset, deleteAsset, publishAsset, unarchiveAsset, unpublishAsset } from './assets.js';
import { archiveEntry, deleteEntry, publishEntry, unarchiveEntry, unpublishEntry } from './entries.js';

/** What Contentful's Management API runs in bulk. */
export type BulkActionKind = 'publish' | 'unpublish' | 'validate';
/** What the editor also runs in bulk (never offered by the Management API, as in Contentful). */
export const editorBulkActions = ['publish', 'unpublish', 'archive', 'unarchive', 'delete'] as const;
export type BulkOperation = BulkActionKind | (typeof editorBulkActions)[number];

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

/** The operations each verb runs, per kind of entity (validate publishes, and the caller rolls back). */
const operations = {
  unpublish: { Entry: unpublishEntry, Asset: unpublishAsset },
  archive: { Entry: archiveEntry, Asset: archiveAsset },
  unarchive: { Entry: unarchiveEntry, Asset: unarchiveAsset },
  delete: { Entry: deleteEntry, Asset: deleteAsset },
} as const;

/** One entity's part of an action. */
export async function applyBulkEntity(tx: Store, scope: Scope, action: BulkOperation, e: BulkEntity, actor: Actor) {
  if (action === 'publish' || action === 'validate') {
    if (e.linkType === 'Entry') await publishEntry(tx, scope, { id: e.id, version: e.version }, actor);
    else await publishAsset(tx, scope, { id: e.id, version: e.version }, actor);
    return;
  }
  await operations[action][e.linkType](tx, scope, { id: e.id, version: e.version }, actor);
}

/** Every entity in its own transaction: what may be done is done, the rest is refused with its error. */
async function runEach(store: Store, scope: Scope, action: BulkOperation, entities: BulkEntity[], actor: Actor): Promise<EntityError[]> {
  const errors: EntityError[] = [];
  for (const e of entities) {
    try {
      await store.transaction((tx) => applyBulkEntity(tx, scope, action, e, actor));
    } catch (err) {
      if (!isFolioError(err)) throw err;
      errors.push({ entity: linkOf(e), error: errorJson(err) });
    }
  }
  return errors;
}

/**
 * Runs every entity in one transaction; commits only when all succeeded and the action writes
 * (releases publish through this too, so readers never see half of one). Call it outside any
 * transaction: inside one, `store.transaction` is that transaction and a failure could not be
 * rolled back on its own (the scheduler applies entities itself and throws instead).
 */
export async function runAllOrNothing(store: Store, scope: Scope, action: BulkOperation, entities: BulkEntity[], actor: Actor): Promise<EntityError[]> {
  const errors: EntityError[] = [];
  try {
    await store.transaction(async (tx) => {
      for (const e of entities) {
        try {
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

export interface BulkActionRun {
  id: string;
  action: BulkOperation;
  entities: BulkEntity[];
  /** What the client sent, kept as Contentful keeps it. */
  payload: Json;
  /** Each entity on its own (the editor) rather than all or nothing (the Management API). */
  each?: boolean;
}

/** The permission a verb needs (unarchiving is the archive permission's undo). */
export const permissionOf = (action: BulkOperation) => (action === 'validate' ? 'read' : action === 'unarchive' ? 'archive' : action);

export async function runBulkAction(store: Store, scope: Scope, { id, action, entities, payload, each = false }: BulkActionRun, actor: Actor): Promise<DocumentRecord> {
  check(actor, 'read');
  // Refused before any work when the role may not do this even to a draft of its own; each
  // entity's operation then checks the entity itself.
  assertCan(actor, permissionOf(action), { createdBy: actorId(actor), published: false });
  assertEntityCount(entities.length, ['entities', 'items']);
  const by = actorId(actor);
  const created = await store.documents.create(scope, kind, { id, body: { action, payload, status: 'created', ...(each ? { each } : {}) } }, by);
  const started = await store.documents.update(scope, kind, id, { ...created.body, status: 'inProgress' }, created.version, by);
  const errors = await (each ? runEach : runAllOrNothing)(store, scope, action, entities, actor);
  return store.documents.update(scope, kind, id, { ...started.body, ...outcomeOf(errors, 'BulkActionFailed') }, started.version, by);
}

export async function getBulkAction(store: Store, scope: Scope, id: string, actor: Actor): Promise<DocumentRecord> {
  check(actor, 'read');
  const found = await store.documents.get(scope, kind, id);
  if (!found) throw new FolioError('NOT_FOUND', `Bulk action "${id}" not found`, { details: { type: 'BulkAction', id } });
  return found;
}
