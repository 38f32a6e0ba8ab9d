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

/** The kinds of document that record an action's run. */
export type ActionKind = 'BulkAction' | 'ReleaseAction';

/** Rolls back a run whose action was settled (marked failed) before it could start. */
class Settled extends Error {}

/** What the action's error says when the server running it stopped before it finished. */
const stoppedError: Json = {
  sys: { type: 'Error', id: 'ActionInterrupted' },
  message: 'The server running this action stopped before it finished; nothing of it was applied. Run it again.',
};

/**
 * Runs every entity of a recorded action (its document committed at status inProgress) in one
 * transaction, all or nothing (releases publish through this too, so readers never see half of
 * one). The transaction first claims the action (a versioned write, which in PostgreSQL holds
 * its row until commit) and, when the action writes and everything succeeded, records
 * `succeeded` before it commits; so a crash leaves either all of it with `succeeded`, or none of
 * it with `inProgress`, which settleInterruptedActions turns into `failed`. Call it outside any
 * transaction: inside one, `store.transaction` is that transaction and a failure could not be
 * rolled back on its own (the scheduler applies entities itself and throws instead).
 */
export async function runRecordedAction(
  store: Store,
  scope: Scope,
  recorded: { kind: ActionKind; doc: DocumentRecord; errorId: string },
  work: {
    action: BulkOperation;
    entities: BulkEntity[];
    /** Runs first for each entity, in the same transaction (a release writes the fields it holds). */
    before?: (tx: Store, e: BulkEntity) => Promise<void>;
  },
  actor: Actor,
): Promise<DocumentRecord> {
  const { kind, doc, errorId } = recorded;
  const by = actorId(actor);
  const errors: EntityError[] = [];
  let finished: DocumentRecord | undefined;
  try {
    await store.transaction(async (tx) => {
      try {
        await tx.documents.update(scope, kind, doc.id, doc.body, doc.version, by);
      } catch (err) {
        if (isFolioError(err) && err.code === 'VERSION_MISMATCH') throw new Settled();
        throw err;
      }
      for (const e of work.entities) {
        try {
          await work.before?.(tx, e);
          await applyBulkEntity(tx, scope, work.action, e, actor);
        } catch (err) {
          if (!isFolioError(err)) throw err;
          errors.push({ entity: linkOf(e), error: errorJson(err) });
        }
      }
      if (errors.length > 0 || work.action === 'validate') throw new RollBack();
      finished = await tx.documents.update(scope, kind, doc.id, { ...doc.body, status: 'succeeded' }, doc.version + 1, by);
    });
  } catch (err) {
    if (!(err instanceof RollBack) && !(err instanceof Settled)) throw err;
  }
  if (finished) return finished;
  try {
    return await store.documents.update(scope, kind, doc.id, { ...doc.body, ...outcomeOf(errors, errorId) }, doc.version, by);
  } catch (err) {
    // Settled meanwhile by another server's start: it is failed, and nothing was applied.
    if (!isFolioError(err) || err.code !== 'VERSION_MISMATCH') throw err;
    return (await store.documents.get(scope, kind, doc.id)) ?? doc;
  }
}

/**
 * At start: actions a stopped server left `inProgress` become `failed` (their work, one
 * transaction, was never committed). An action another server is running right now holds its
 * row (PostgreSQL) or the write lock (SQLite), so this waits for it and then finds it changed.
 */
export async function settleInterruptedActions(store: Store): Promise<number> {
  let settled = 0;
  for (const { scope, doc } of await store.documents.listInProgress(['BulkAction', 'ReleaseAction'])) {
    const kind = doc.kind as ActionKind;
    try {
      await store.documents.update(scope, kind, doc.id, { ...doc.body, status: 'failed', error: stoppedError }, doc.version);
      settled++;
    } catch (err) {
      if (!isFolioError(err) || (err.code !== 'VERSION_MISMATCH' && err.code !== 'NOT_FOUND')) throw err;
    }
  }
  return settled;
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
  if (!each) return runRecordedAction(store, scope, { kind, doc: started, errorId: 'BulkActionFailed' }, { action, entities }, actor);
  // The editor's: each entity on its own, so what may be done is done and the rest says why.
  const errors = await runEach(store, scope, action, entities, actor);
  return store.documents.update(scope, kind, id, { ...started.body, ...outcomeOf(errors, 'BulkActionFailed') }, started.version, by);
}

export async function getBulkAction(store: Store, scope: Scope, id: string, actor: Actor): Promise<DocumentRecord> {
  check(actor, 'read');
  const found = await store.documents.get(scope, kind, id);
  if (!found) throw new FolioError('NOT_FOUND', `Bulk action "${id}" not found`, { details: { type: 'BulkAction', id } });
  return found;
}
