/**
 * Entry operations: check the actor, validate against the content type, then write through the
 * store in one transaction. The HTTP layers (management API, admin, demo loader) call these,
 * never the store's write methods directly.
 */
import type { Actor } from '../auth/index.js';
import { FolioError, refused } from '../errors/index.js';
import type { Store } from '../store/store.js';
import type { ContentTypeRecord, EntryRecord, Json, LocalizedFields, ResourceMetadata, Scope } from '../store/types.js';
import { actorId, check } from './actor.js';
import { assertNoFieldErrors, fieldErrors } from './validate-fields.js';
import { storeRuleErrors, unresolvedLinkErrors } from './publish-rules.js';
import { applyJsonPatch } from './json-patch.js';

async function publishedType(store: Store, scope: Scope, contentTypeId: string): Promise<ContentTypeRecord> {
  const type = await store.contentTypes.getPublished(scope, contentTypeId);
  if (!type) {
    throw refused('notResolvable', ['sys', 'contentType'], `Content type "${contentTypeId}" does not exist or is not published`);
  }
  return type;
}

async function currentEntry(store: Store, scope: Scope, id: string): Promise<EntryRecord> {
  const current = await store.entries.get(scope, id);
  if (!current) throw new FolioError('NOT_FOUND', `Entry "${id}" not found`, { details: { type: 'Entry', id } });
  return current;
}

export async function getEntry(store: Store, scope: Scope, id: string, actor: Actor): Promise<EntryRecord> {
  check(actor, 'read');
  return currentEntry(store, scope, id);
}

export async function createEntry(
  store: Store,
  scope: Scope,
  input: { id?: string; contentTypeId: string; fields: LocalizedFields; metadata?: ResourceMetadata },
  actor: Actor,
): Promise<EntryRecord> {
  check(actor, 'create');
  return store.transaction(async (tx) => {
    const type = await publishedType(tx, scope, input.contentTypeId);
    assertNoFieldErrors(fieldErrors(type, input.fields, await tx.locales.list(scope), 'draft'));
    return tx.entries.create(scope, input, actorId(actor));
  });
}

export async function updateEntry(
  store: Store,
  scope: Scope,
  id: string,
  fields: LocalizedFields,
  expectedVersion: number | undefined,
  actor: Actor,
  /** Undefined keeps the entry's tags. */
  metadata?: ResourceMetadata,
): Promise<EntryRecord> {
  return store.transaction(async (tx) => {
    const current = await currentEntry(tx, scope, id);
    check(actor, 'update', current.sys);
    const type = await publishedType(tx, scope, current.sys.contentTypeId);
    assertNoFieldErrors(fieldErrors(type, fields, await tx.locales.list(scope), 'draft'));
    return tx.entries.update(scope, id, { contentTypeId: current.sys.contentTypeId, fields, ...(metadata ? { metadata } : {}) }, expectedVersion, actorId(actor));
  });
}

/**
 * JSON Patch on an entry. The door says how its document looks (`toDocument`) and reads the
 * patched one back (`fromDocument`, which validates the input's shape); the permission is
 * checked on the current record before the patch is even looked at.
 */
export async function patchEntry(
  store: Store,
  scope: Scope,
  id: string,
  operations: unknown,
  expectedVersion: number | undefined,
  actor: Actor,
  codec: { toDocument(entry: EntryRecord): Json; fromDocument(document: Json): { fields: LocalizedFields; metadata: ResourceMetadata | undefined } },
): Promise<EntryRecord> {
  return store.transaction(async (tx) => {
    const current = await currentEntry(tx, scope, id);
    check(actor, 'update', current.sys);
    const { fields, metadata } = codec.fromDocument(applyJsonPatch(codec.toDocument(current), operations));
    return updateEntry(tx, scope, id, fields, expectedVersion, actor, metadata);
  });
}

export async function publishEntry(store: Store, scope: Scope, id: string, expectedVersion: number | undefined, actor: Actor): Promise<EntryRecord> {
  return store.transaction(async (tx) => {
    const current = await currentEntry(tx, scope, id);
    check(actor, 'publish', current.sys);
    // A stale version is a conflict before it is a validation question.
    if (expectedVersion !== undefined && expectedVersion !== current.sys.version) return tx.entries.publish(scope, id, expectedVersion);
    if (current.sys.archivedAt) return tx.entries.publish(scope, id, expectedVersion);
    const type = await publishedType(tx, scope, current.sys.contentTypeId);
    assertNoFieldErrors([
      ...fieldErrors(type, current.fields, await tx.locales.list(scope), 'publish'),
      ...(await storeRuleErrors(tx, scope, id, current.sys.contentTypeId, type, current.fields)),
      ...(await unresolvedLinkErrors(tx, scope, current.fields)),
    ]);
    return tx.entries.publish(scope, id, expectedVersion, actorId(actor));
  });
}

/** Unpublish, archive, unarchive and delete: a permission check on the current record, then the store's rule. */
function simple(action: 'unpublish' | 'archive' | 'unarchive') {
  return (store: Store, scope: Scope, id: string, expectedVersion: number | undefined, actor: Actor): Promise<EntryRecord> =>
    store.transaction(async (tx) => {
      check(actor, action === 'unarchive' ? 'archive' : action, (await currentEntry(tx, scope, id)).sys);
      return tx.entries[action](scope, id, expectedVersion, actorId(actor));
    });
}

export const unpublishEntry = simple('unpublish');
export const archiveEntry = simple('archive');
export const unarchiveEntry = simple('unarchive');

export const deleteEntry = (store: Store, scope: Scope, id: string, expectedVersion: number | undefined, actor: Actor) =>
  store.transaction(async (tx) => {
    check(actor, 'delete', (await currentEntry(tx, scope, id)).sys);
    return tx.entries.delete(scope, id, expectedVersion);
  });
