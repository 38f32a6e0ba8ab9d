/**
 * Entries changed inside a release (Contentful's Releases v2, `…/releases/{id}/entries/{entryId}`):
 * the new fields are held in the release, the environment's entry keeps its own, and publishing
 * the release writes the held fields to the entry and publishes it in the release's one
 * transaction (releases.ts), so readers see the change exactly when the release goes out.
 * A held version is a document of the environment (kind ReleaseEntry) with its own version
 * number, which continues the entry's: a client that read the entry at version 5 updates the
 * release's copy with X-Contentful-Version 5 and gets 6 back.
 */
import type { Actor } from '../auth/index.js';
import { FolioError } from '../errors/index.js';
import type { Store } from '../store/store.js';
import type { DocumentRecord, EntryRecord, Json, LocalizedFields, ResourceMetadata, Scope } from '../store/types.js';
import { actorId, check } from './actor.js';
import { createEntry, getEntry, updateEntry } from './entries.js';
import { applyJsonPatch } from './json-patch.js';
import { assertNoFieldErrors, fieldErrors } from './validate-fields.js';
import { assertActive, entitiesOf, existingRelease, linkJson } from './release-rules.js';

const kind = 'ReleaseEntry';

/** `:` is never in a resource id, so release and entry ids cannot run into each other. */
const heldId = (releaseId: string, entryId: string) => `${releaseId}:${entryId}`;

interface Held {
  fields: LocalizedFields;
  metadata?: ResourceMetadata;
  /** The version the release's copy shows (see the module comment). */
  version: number;
}

const heldOf = (doc: DocumentRecord): Held => doc.body as unknown as Held;

/** The entry as the release holds it: the entry's record with the held fields and version. */
function asHeld(entry: EntryRecord, held: DocumentRecord | undefined): EntryRecord {
  if (!held) return entry;
  const { fields, metadata, version } = heldOf(held);
  return { ...entry, fields, metadata: metadata ?? entry.metadata, sys: { ...entry.sys, version, updatedAt: held.updatedAt, updatedBy: held.updatedBy } };
}

function assertInRelease(release: DocumentRecord, entryId: string) {
  if (!entitiesOf(release).some((e) => e.linkType === 'Entry' && e.id === entryId)) {
    throw new FolioError('NOT_FOUND', `Entry "${entryId}" is not in release "${release.id}"`, { details: { type: 'Entry', id: entryId } });
  }
}

export async function getReleaseEntry(store: Store, scope: Scope, releaseId: string, entryId: string, actor: Actor): Promise<EntryRecord> {
  check(actor, 'read');
  const release = await existingRelease(store, scope, releaseId);
  assertInRelease(release, entryId);
  const entry = await getEntry(store, scope, entryId, actor);
  return asHeld(entry, await store.documents.get(scope, kind, heldId(releaseId, entryId)));
}

/** The release's entries as it holds them (entries deleted since are left out). */
export async function listReleaseEntries(store: Store, scope: Scope, releaseId: string, actor: Actor): Promise<EntryRecord[]> {
  check(actor, 'read');
  const release = await existingRelease(store, scope, releaseId);
  const out: EntryRecord[] = [];
  for (const e of entitiesOf(release)) {
    if (e.linkType !== 'Entry') continue;
    const entry = await store.entries.get(scope, e.id);
    if (entry) out.push(asHeld(entry, await store.documents.get(scope, kind, heldId(releaseId, e.id))));
  }
  return out;
}

export interface ReleaseEntryWrite {
  releaseId: string;
  entryId: string;
  fields: LocalizedFields;
  metadata?: ResourceMetadata | undefined;
  /** X-Contentful-Version: the version of the release's copy (or of the entry, before the first change). */
  version: number | undefined;
  /** Set when creating: a new entry of this type is made (empty) and its fields held in the release. */
  contentTypeId?: string;
}

/**
 * Holds new fields for an entry in a release, adding the entry to the release if needed. The
 * entry itself does not change (a new one is created empty, a draft nobody reads yet).
 */
export async function putReleaseEntry(store: Store, scope: Scope, input: ReleaseEntryWrite, actor: Actor): Promise<{ entry: EntryRecord; created: boolean }> {
  check(actor, input.contentTypeId !== undefined ? 'create' : 'update');
  return store.transaction(async (tx) => {
    const release = await existingRelease(tx, scope, input.releaseId);
    assertActive(release);
    let entry = await tx.entries.get(scope, input.entryId);
    const created = !entry;
    if (!entry) {
      if (input.contentTypeId === undefined) throw new FolioError('NOT_FOUND', `Entry "${input.entryId}" not found`, { details: { type: 'Entry', id: input.entryId } });
      entry = await createEntry(tx, scope, { id: input.entryId, contentTypeId: input.contentTypeId, fields: {} }, actor);
    }
    check(actor, 'update', entry.sys);
    const type = await tx.contentTypes.getPublished(scope, entry.sys.contentTypeId);
    if (type) assertNoFieldErrors(fieldErrors(type, input.fields, await tx.locales.list(scope), 'draft'));

    const id = heldId(input.releaseId, input.entryId);
    const previous = await tx.documents.get(scope, kind, id);
    const current = previous ? heldOf(previous).version : entry.sys.version;
    if (!created && input.version !== undefined && input.version !== current) {
      throw new FolioError('VERSION_MISMATCH', `Entry "${input.entryId}" in release "${input.releaseId}" is at version ${current}, not ${input.version}`);
    }
    if (!created && input.version === undefined) throw new FolioError('VERSION_MISMATCH', 'X-Contentful-Version header missing');
    const body = { entryId: input.entryId, fields: input.fields, ...(input.metadata ? { metadata: input.metadata } : {}), version: current + 1 } as unknown as Record<string, Json>;
    const by = actorId(actor);
    const held = previous
      ? await tx.documents.update(scope, kind, id, body, previous.version, by)
      : await tx.documents.create(scope, kind, { id, parentId: input.releaseId, body }, by);

    const entities = entitiesOf(release);
    if (!entities.some((e) => e.linkType === 'Entry' && e.id === input.entryId)) {
      await tx.documents.update(scope, 'Release', release.id, { ...release.body, entities: [...entities, { linkType: 'Entry' as const, id: input.entryId }].map(linkJson) }, release.version, by);
    }
    return { entry: asHeld(entry, held), created };
  });
}

/** JSON Patch on the release's copy of the entry (the codec is the door's, as for patchEntry). */
export async function patchReleaseEntry(
  store: Store,
  scope: Scope,
  input: { releaseId: string; entryId: string; operations: unknown; version: number; codec: { toDocument(entry: EntryRecord): Json; fromDocument(document: Json): { fields: LocalizedFields; metadata: ResourceMetadata | undefined } } },
  actor: Actor,
): Promise<EntryRecord> {
  return store.transaction(async (tx) => {
    const current = await getReleaseEntry(tx, scope, input.releaseId, input.entryId, actor);
    const { fields, metadata } = input.codec.fromDocument(applyJsonPatch(input.codec.toDocument(current), input.operations));
    return (await putReleaseEntry(tx, scope, { releaseId: input.releaseId, entryId: input.entryId, fields, metadata, version: input.version }, actor)).entry;
  });
}

/**
 * Inside a release's publish (or validate) transaction: writes the held fields of an entry to it,
 * so the publish that follows publishes them, and lets go of the held copy.
 */
export async function applyHeldEntry(tx: Store, scope: Scope, releaseId: string, entryId: string, actor: Actor): Promise<void> {
  const held = await tx.documents.get(scope, kind, heldId(releaseId, entryId));
  if (!held) return;
  const { fields, metadata } = heldOf(held);
  await updateEntry(tx, scope, { id: entryId, fields, metadata }, actor);
  await tx.documents.delete(scope, kind, held.id);
}

/** A release's held copies go with it, and with an entry taken out of it (`keep`: the entries still in it). */
export async function dropHeldEntries(tx: Store, scope: Scope, releaseId: string, keep = new Set<string>()): Promise<void> {
  for (const doc of (await tx.documents.list(scope, kind, { parentId: releaseId, limit: 1000 })).items) {
    if (!keep.has(String(doc.body.entryId))) await tx.documents.delete(scope, kind, doc.id);
  }
}
