/**
 * Version history of entries: a snapshot of the whole entry at each publish. The editor lists,
 * compares and restores through these; the Management API serves them as Snapshot resources.
 */
import type { Actor } from '../auth/index.js';
import { FolioError } from '../errors/index.js';
import type { Store } from '../store/store.js';
import type { ContentTypeRecord, EntryRecord, Page, Scope, SnapshotRecord } from '../store/types.js';
import { check } from './actor.js';
import { patchEntryFields, updateEntry } from './entries.js';

async function assertEntry(store: Store, scope: Scope, id: string) {
  if (!(await store.entries.get(scope, id))) throw new FolioError('NOT_FOUND', `Entry "${id}" not found`, { details: { type: 'Entry', id } });
}

export async function listEntrySnapshots(
  store: Store,
  scope: Scope,
  entryId: string,
  page: { limit?: number; skip?: number } = {},
  actor: Actor,
): Promise<Page<SnapshotRecord<EntryRecord>>> {
  check(actor, 'read');
  await assertEntry(store, scope, entryId);
  return store.entries.snapshots(scope, entryId, page);
}

export async function getEntrySnapshot(store: Store, scope: Scope, entryId: string, snapshotId: string, actor: Actor): Promise<SnapshotRecord<EntryRecord>> {
  check(actor, 'read');
  const snapshot = await store.entries.snapshot(scope, entryId, snapshotId);
  if (!snapshot) throw new FolioError('NOT_FOUND', `Snapshot "${snapshotId}" of entry "${entryId}" not found`, { details: { type: 'Snapshot', id: snapshotId } });
  return snapshot;
}

export interface SnapshotRestore {
  id: string;
  snapshotId: string;
  version?: number | undefined;
  /**
   * Restore only these fields in this locale (the editor restores what its form shows); every
   * other field and locale stays as it is now. Without it the whole entry is the snapshot's.
   */
  only?: { fields: readonly string[]; locale: string };
}

/**
 * Makes a snapshot's fields the entry's draft again (a normal update: version checked,
 * validated against today's content type, permission checked). Publishing stays a separate step.
 */
export async function restoreEntrySnapshot(store: Store, scope: Scope, { id, snapshotId, version, only }: SnapshotRestore, actor: Actor): Promise<EntryRecord> {
  return store.transaction(async (tx) => {
    const snapshot = await getEntrySnapshot(tx, scope, id, snapshotId, actor);
    if (!only) return updateEntry(tx, scope, { id, fields: snapshot.record.fields, version }, actor);
    const changes = only.fields.map((field) => ({ field, locale: only.locale, value: snapshot.record.fields[field]?.[only.locale] }));
    return patchEntryFields(tx, scope, { id, version, changes }, actor);
  });
}

/** Content types keep a snapshot at each activation too. */
export async function listContentTypeSnapshots(
  store: Store,
  scope: Scope,
  contentTypeId: string,
  page: { limit?: number; skip?: number } = {},
  actor: Actor,
): Promise<Page<SnapshotRecord<ContentTypeRecord>>> {
  check(actor, 'read');
  if (!(await store.contentTypes.get(scope, contentTypeId))) {
    throw new FolioError('NOT_FOUND', `Content type "${contentTypeId}" not found`, { details: { type: 'ContentType', id: contentTypeId } });
  }
  return store.contentTypes.snapshots(scope, contentTypeId, page);
}

export async function getContentTypeSnapshot(
  store: Store,
  scope: Scope,
  contentTypeId: string,
  snapshotId: string,
  actor: Actor,
): Promise<SnapshotRecord<ContentTypeRecord>> {
  check(actor, 'read');
  const snapshot = await store.contentTypes.snapshot(scope, contentTypeId, snapshotId);
  if (!snapshot) throw new FolioError('NOT_FOUND', `Snapshot "${snapshotId}" of content type "${contentTypeId}" not found`, { details: { type: 'Snapshot', id: snapshotId } });
  return snapshot;
}
