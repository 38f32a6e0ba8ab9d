/**
 * Entry operations: check the actor, validate against the content type, then write through the
 * store in one transaction. The HTTP layers (management API, admin, demo loader) call these,
 * never the store's write methods directly.
 */
import type { Actor } from '../auth/index.js';
import { FolioError, refused, validationFailed } from '../errors/index.js';
import { linksIn } from '../store/index.js';
import { isForbiddenKey } from '../validate/json-shape.js';
import type { Store } from '../store/store.js';
import type { ContentTypeRecord, EntryRecord, Json, LocalizedFields, ResourceMetadata, Scope } from '../store/types.js';
import { actorId, check } from './actor.js';
import { assertNoFieldErrors, fieldErrors } from './validate-fields.js';
import { storeRuleErrors, unresolvedLinkErrors } from './publish-rules.js';
import { applyJsonPatch } from './json-patch.js';
import { publishAsset } from './assets.js';

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

/** Which entry, at which version (undefined: whatever is current, for callers that hold none). */
export interface EntryTarget {
  id: string;
  version?: number | undefined;
}

export interface EntryUpdate extends EntryTarget {
  /** The entry's fields after the update: fields and locales left out are removed. */
  fields: LocalizedFields;
  /** Undefined keeps the entry's tags. */
  metadata?: ResourceMetadata | undefined;
}

/** The Management API's PUT (and what the other writes end in): the fields sent replace the entry's. */
export async function updateEntry(store: Store, scope: Scope, { id, fields, version, metadata }: EntryUpdate, actor: Actor): Promise<EntryRecord> {
  return store.transaction(async (tx) => {
    const current = await currentEntry(tx, scope, id);
    check(actor, 'update', current.sys);
    const type = await publishedType(tx, scope, current.sys.contentTypeId);
    assertNoFieldErrors(fieldErrors(type, fields, await tx.locales.list(scope), 'draft'));
    return tx.entries.update(scope, id, { contentTypeId: current.sys.contentTypeId, fields, ...(metadata ? { metadata } : {}) }, version, actorId(actor));
  });
}

/** One field in one locale: a value to set, or undefined to remove it. */
export interface FieldChange {
  field: string;
  locale: string;
  value: Json | undefined;
}

/**
 * A per-field, per-locale patch with the version (the editor's saves): only the values named
 * change; every other field and locale stays exactly as stored, whoever wrote it.
 */
export async function patchEntryFields(store: Store, scope: Scope, { id, version, changes }: EntryTarget & { changes: FieldChange[] }, actor: Actor): Promise<EntryRecord> {
  return store.transaction(async (tx) => {
    const current = await currentEntry(tx, scope, id);
    check(actor, 'update', current.sys);
    const fields: LocalizedFields = Object.create(null);
    for (const [field, byLocale] of Object.entries(current.fields)) fields[field] = { ...byLocale };
    for (const { field, locale, value } of changes) {
      if (isForbiddenKey(field) || isForbiddenKey(locale)) throw validationFailed([{ name: 'prohibitedKey', path: ['fields', field, locale], details: 'This name would reach an object\'s prototype' }]);
      const byLocale: Record<string, Json> = fields[field] ?? (fields[field] = {});
      if (value === undefined) delete byLocale[locale];
      else byLocale[locale] = value;
      if (Object.keys(byLocale).length === 0) delete fields[field];
    }
    return updateEntry(tx, scope, { id, fields: { ...fields }, version }, actor);
  });
}

export interface EntryPatch extends EntryTarget {
  operations: unknown;
  /** How the door's document looks (`toDocument`), and reading the patched one back (`fromDocument`, which validates its shape). */
  codec: { toDocument(entry: EntryRecord): Json; fromDocument(document: Json): { fields: LocalizedFields; metadata: ResourceMetadata | undefined } };
}

/** JSON Patch on an entry; the permission is checked on the current record before the patch is even looked at. */
export async function patchEntry(store: Store, scope: Scope, { id, operations, version, codec }: EntryPatch, actor: Actor): Promise<EntryRecord> {
  return store.transaction(async (tx) => {
    const current = await currentEntry(tx, scope, id);
    check(actor, 'update', current.sys);
    const { fields, metadata } = codec.fromDocument(applyJsonPatch(codec.toDocument(current), operations));
    return updateEntry(tx, scope, { id, fields, version, metadata }, actor);
  });
}

export interface EntryPublish extends EntryTarget {
  /**
   * Publish the assets the entry links to along with it (the editor's publish), each through
   * the asset operation and its rules, so the public page never links to a draft asset.
   */
  withAssets?: boolean;
  /**
   * Locale-based publishing, as contentful-management 12 asks for it: publish the draft's
   * values of `add` locales, take `remove` locales out of the published entry, and keep every
   * other locale as it was published. Undefined: publish every locale.
   */
  locales?: { add: string[]; remove: string[] };
}

/** The published fields after a locale-based publish (see EntryPublish.locales). */
function localePublished(draft: LocalizedFields, published: LocalizedFields | undefined, { add, remove }: { add: string[]; remove: string[] }): LocalizedFields {
  const out: LocalizedFields = Object.create(null);
  for (const id of new Set([...Object.keys(draft), ...Object.keys(published ?? {})])) {
    const byLocale: Record<string, Json> = Object.create(null);
    for (const [code, value] of Object.entries(published?.[id] ?? {})) if (!add.includes(code) && !remove.includes(code)) byLocale[code] = value;
    for (const code of add) if (draft[id]?.[code] !== undefined) byLocale[code] = draft[id]![code]!;
    if (Object.keys(byLocale).length > 0) out[id] = byLocale;
  }
  return out;
}

export async function publishEntry(store: Store, scope: Scope, { id, version, withAssets = false, locales }: EntryPublish, actor: Actor): Promise<EntryRecord> {
  return store.transaction(async (tx) => {
    const current = await currentEntry(tx, scope, id);
    check(actor, 'publish', current.sys);
    // A stale version is a conflict before it is a validation question.
    if (version !== undefined && version !== current.sys.version) return tx.entries.publish(scope, id, version);
    if (current.sys.archivedAt) return tx.entries.publish(scope, id, version);
    const type = await publishedType(tx, scope, current.sys.contentTypeId);
    const spaceLocales = await tx.locales.list(scope);
    if (locales) {
      const known = new Set(spaceLocales.map((l) => l.code));
      const unknown = [...locales.add, ...locales.remove].find((code) => !known.has(code));
      if (unknown !== undefined) throw refused('unknown', ['locales'], `Unknown locale "${unknown}"`);
    }
    // What readers will see is what is checked: with chosen locales, the mix of new and kept ones.
    const fields = locales ? localePublished(current.fields, (await tx.entries.getPublished(scope, id))?.fields, locales) : current.fields;
    assertNoFieldErrors([
      ...fieldErrors(type, fields, spaceLocales, 'publish'),
      ...(await storeRuleErrors(tx, scope, id, current.sys.contentTypeId, type, fields)),
      ...(await unresolvedLinkErrors(tx, scope, fields)),
    ]);
    if (withAssets) {
      for (const assetId of new Set(linksIn(current.fields as unknown as Json).filter((l) => l.linkType === 'Asset').map((l) => l.id))) {
        const asset = await tx.assets.get(scope, assetId);
        if (asset && asset.sys.publishedVersion !== asset.sys.version - 1) await publishAsset(tx, scope, { id: assetId }, actor);
      }
    }
    return tx.entries.publish(scope, id, version, actorId(actor), locales ? { fields: fields as unknown as Json } : undefined);
  });
}

/** Unpublish, archive, unarchive and delete: a permission check on the current record, then the store's rule. */
function simple(action: 'unpublish' | 'archive' | 'unarchive') {
  return (store: Store, scope: Scope, { id, version }: EntryTarget, actor: Actor): Promise<EntryRecord> =>
    store.transaction(async (tx) => {
      check(actor, action === 'unarchive' ? 'archive' : action, (await currentEntry(tx, scope, id)).sys);
      return tx.entries[action](scope, id, version, actorId(actor));
    });
}

export const unpublishEntry = simple('unpublish');
export const archiveEntry = simple('archive');
export const unarchiveEntry = simple('unarchive');

export const deleteEntry = (store: Store, scope: Scope, { id, version }: EntryTarget, actor: Actor) =>
  store.transaction(async (tx) => {
    check(actor, 'delete', (await currentEntry(tx, scope, id)).sys);
    return tx.entries.delete(scope, id, version);
  });
