/**
 * Releases: a titled set of up to 200 entries and assets, published, unpublished or validated
 * together as release actions. Publishing is all or nothing in one transaction (bulk-actions.ts),
 * so readers never see half a release; each action is kept (inProgress → succeeded/failed,
 * with every failing entity's error) and the release links to its last one. Archived releases
 * can only be read, unarchived or deleted.
 */
import type { Actor } from '../auth/index.js';
import { FolioError, validationFailed } from '../errors/index.js';
import type { Store } from '../store/store.js';
import type { DocumentRecord, Json, Page, Scope } from '../store/types.js';
import { actorId, check } from './actor.js';
import { assertEntityCount, runRecordedAction, type BulkActionKind, type BulkEntity } from './bulk-actions.js';
import { applyHeldEntry, dropHeldEntries } from './release-entries.js';
import { assertActive, entitiesOf, existingRelease, linkJson } from './release-rules.js';

export { entitiesOf };

export interface ReleaseInput {
  title: string;
  entities: BulkEntity[];
}

const maxTitle = 255;


function bodyOf(input: ReleaseInput): Record<string, Json> {
  const title = input.title.trim();
  if (title === '' || title.length > maxTitle) throw validationFailed([{ name: 'size', path: ['title'], details: `A release title has 1 to ${maxTitle} characters` }]);
  assertEntityCount(input.entities.length, ['entities', 'items'], 0);
  const unique = new Map(input.entities.map((e) => [`${e.linkType}:${e.id}`, e]));
  return { title, entities: [...unique.values()].map(linkJson), status: 'active' };
}

function assertVersion(doc: DocumentRecord, expected: number | undefined) {
  if (expected !== undefined && expected !== doc.version) throw new FolioError('VERSION_MISMATCH', `Release "${doc.id}" is at version ${doc.version}, not ${expected}`);
}

export async function createRelease(store: Store, scope: Scope, id: string, input: ReleaseInput, actor: Actor): Promise<DocumentRecord> {
  check(actor, 'create');
  return store.documents.create(scope, 'Release', { id, body: bodyOf(input) }, actorId(actor));
}

export async function getRelease(store: Store, scope: Scope, id: string, actor: Actor): Promise<DocumentRecord> {
  check(actor, 'read');
  return existingRelease(store, scope, id);
}

/** Newest first; `entityId` keeps the releases that hold that entry or asset. */
export async function queryReleases(store: Store, scope: Scope, query: { entityId?: string; status?: string; limit: number; skip: number }, actor: Actor): Promise<Page<DocumentRecord>> {
  check(actor, 'read');
  if (query.entityId === undefined && query.status === undefined) return store.documents.list(scope, 'Release', { ...query, newestFirst: true });
  // Filters read the environment's releases (at most a thousand are looked at) and page the result.
  const all = (await store.documents.list(scope, 'Release', { limit: 1000, newestFirst: true })).items.filter(
    (r) => (query.status === undefined || r.body.status === query.status) && (query.entityId === undefined || entitiesOf(r).some((e) => e.id === query.entityId)),
  );
  return { total: all.length, skip: query.skip, limit: query.limit, items: all.slice(query.skip, query.skip + query.limit) };
}

export async function updateRelease(store: Store, scope: Scope, id: string, input: ReleaseInput, expectedVersion: number, actor: Actor): Promise<DocumentRecord> {
  check(actor, 'update');
  return store.transaction(async (tx) => {
    const doc = await existingRelease(tx, scope, id);
    assertActive(doc);
    const updated = await tx.documents.update(scope, 'Release', id, { ...doc.body, ...bodyOf(input) }, expectedVersion, actorId(actor));
    await dropHeldEntries(tx, scope, id, new Set(entitiesOf(updated).filter((e) => e.linkType === 'Entry').map((e) => e.id)));
    return updated;
  });
}

export async function deleteRelease(store: Store, scope: Scope, id: string, actor: Actor): Promise<void> {
  check(actor, 'delete');
  await store.transaction(async (tx) => {
    await existingRelease(tx, scope, id);
    for (const action of (await tx.documents.list(scope, 'ReleaseAction', { parentId: id, limit: 1000 })).items) await tx.documents.delete(scope, 'ReleaseAction', action.id);
    await dropHeldEntries(tx, scope, id);
    await tx.documents.delete(scope, 'Release', id);
  });
}

export async function archiveRelease(store: Store, scope: Scope, id: string, archived: boolean, expectedVersion: number | undefined, actor: Actor): Promise<DocumentRecord> {
  check(actor, 'archive');
  return store.transaction(async (tx) => {
    const doc = await existingRelease(tx, scope, id);
    assertVersion(doc, expectedVersion);
    if ((doc.body.status === 'archived') === archived) throw new FolioError('BAD_REQUEST', `Release "${id}" is ${archived ? 'already' : 'not'} archived`);
    return tx.documents.update(scope, 'Release', id, { ...doc.body, status: archived ? 'archived' : 'active' }, doc.version, actorId(actor));
  });
}

/** Runs a release action; the answer is the finished ReleaseAction (the client polls it as well). */
export async function runReleaseAction(
  store: Store,
  scope: Scope,
  releaseId: string,
  actionId: string,
  action: BulkActionKind,
  expectedVersion: number | undefined,
  actor: Actor,
): Promise<DocumentRecord> {
  check(actor, action === 'validate' ? 'read' : action);
  const release = await existingRelease(store, scope, releaseId);
  assertVersion(release, expectedVersion);
  assertActive(release);
  const entities = entitiesOf(release);
  assertEntityCount(entities.length, ['entities', 'items']);
  const by = actorId(actor);
  const started = await store.documents.create(scope, 'ReleaseAction', { id: actionId, parentId: releaseId, body: { action, status: 'inProgress' } }, by);
  // Publishing (and validating) a release first writes the fields it holds to its entries.
  const before = action === 'unpublish' ? undefined : (tx: Store, e: BulkEntity) => (e.linkType === 'Entry' ? applyHeldEntry(tx, scope, releaseId, e.id, actor) : Promise.resolve());
  const finished = await runRecordedAction(store, scope, { kind: 'ReleaseAction', doc: started, errorId: 'InvalidEntry' }, { action, entities, ...(before ? { before } : {}) }, actor);
  const current = await existingRelease(store, scope, releaseId);
  await store.documents.update(scope, 'Release', releaseId, { ...current.body, lastAction: actionId }, current.version, by);
  return finished;
}

export async function getReleaseAction(store: Store, scope: Scope, releaseId: string, actionId: string, actor: Actor): Promise<DocumentRecord> {
  check(actor, 'read');
  const doc = await store.documents.get(scope, 'ReleaseAction', actionId);
  if (!doc || doc.parentId !== releaseId) throw new FolioError('NOT_FOUND', `Release action "${actionId}" not found`, { details: { type: 'ReleaseAction', id: actionId } });
  return doc;
}

export async function listReleaseActions(store: Store, scope: Scope, releaseId: string | undefined, page: { limit: number; skip: number }, actor: Actor): Promise<Page<DocumentRecord>> {
  check(actor, 'read');
  return store.documents.list(scope, 'ReleaseAction', { ...(releaseId ? { parentId: releaseId } : {}), ...page, newestFirst: true });
}
