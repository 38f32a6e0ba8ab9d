/**
 * Entry operations: validate against the content type, then write through the store in one
 * transaction. The HTTP layers (management API, admin, demo loader) call these, never the
 * store's write methods directly.
 */
import { FolioError } from '../errors/index.js';
import type { Store } from '../store/store.js';
import type { ContentTypeRecord, EntryRecord, LocalizedFields, Scope } from '../store/types.js';
import { assertNoFieldErrors, fieldErrors } from './validate-fields.js';
import { storeRuleErrors } from './publish-rules.js';

async function publishedType(store: Store, scope: Scope, contentTypeId: string): Promise<ContentTypeRecord> {
  const type = await store.contentTypes.getPublished(scope, contentTypeId);
  if (!type) {
    throw new FolioError('VALIDATION_FAILED', `Content type "${contentTypeId}" does not exist or is not published`, {
      details: { errors: [{ name: 'notResolvable', path: ['sys', 'contentType'] }] },
    });
  }
  return type;
}

export async function createEntry(
  store: Store,
  scope: Scope,
  input: { id?: string; contentTypeId: string; fields: LocalizedFields },
): Promise<EntryRecord> {
  return store.transaction(async (tx) => {
    const type = await publishedType(tx, scope, input.contentTypeId);
    assertNoFieldErrors(fieldErrors(type, input.fields, await tx.locales.list(scope), 'draft'));
    return tx.entries.create(scope, input);
  });
}

export async function updateEntry(
  store: Store,
  scope: Scope,
  id: string,
  fields: LocalizedFields,
  expectedVersion?: number,
): Promise<EntryRecord> {
  return store.transaction(async (tx) => {
    const current = await tx.entries.get(scope, id);
    if (!current) throw new FolioError('NOT_FOUND', `Entry "${id}" not found`);
    const type = await publishedType(tx, scope, current.sys.contentTypeId);
    assertNoFieldErrors(fieldErrors(type, fields, await tx.locales.list(scope), 'draft'));
    return tx.entries.update(scope, id, { contentTypeId: current.sys.contentTypeId, fields }, expectedVersion);
  });
}

export async function publishEntry(store: Store, scope: Scope, id: string, expectedVersion?: number): Promise<EntryRecord> {
  return store.transaction(async (tx) => {
    const current = await tx.entries.get(scope, id);
    if (!current) throw new FolioError('NOT_FOUND', `Entry "${id}" not found`);
    const type = await publishedType(tx, scope, current.sys.contentTypeId);
    assertNoFieldErrors([
      ...fieldErrors(type, current.fields, await tx.locales.list(scope), 'publish'),
      ...(await storeRuleErrors(tx, scope, id, current.sys.contentTypeId, type, current.fields)),
    ]);
    return tx.entries.publish(scope, id, expectedVersion);
  });
}

export const unpublishEntry = (store: Store, scope: Scope, id: string, expectedVersion?: number) =>
  store.entries.unpublish(scope, id, expectedVersion);

export const deleteEntry = (store: Store, scope: Scope, id: string, expectedVersion?: number) =>
  store.entries.delete(scope, id, expectedVersion);
