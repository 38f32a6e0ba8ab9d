/**
 * Editor interfaces: how the editor shows a content type's fields (a widget per field, the
 * sidebar, the layout). Each content type has exactly one, made with Contentful's default
 * widgets when the type is saved and kept in step with its fields; everything else is stored
 * as the client sends it.
 */
import type { Actor } from '../auth/index.js';
import { FolioError } from '../errors/index.js';
import type { Store } from '../store/store.js';
import type { ContentTypeRecord, DocumentRecord, FieldDefinition, Json, Scope } from '../store/types.js';
import { table } from '../validate/json-shape.js';
import { actorId, check } from './actor.js';

export interface EditorInterfaceControl {
  fieldId: string;
  widgetId?: string;
  widgetNamespace?: string;
  settings?: Record<string, Json>;
}

/** What a client may set; absent parts stay absent, as Contentful leaves them out. */
export interface EditorInterfaceInput {
  controls: EditorInterfaceControl[];
  sidebar?: Json[];
  editor?: Json;
  editors?: Json[];
  editorLayout?: Json[];
  groupControls?: Json[];
}

const kind = 'EditorInterface';

/** Contentful's default widget per field type ("Symbols" and "Entries" are arrays of them). */
const defaultWidgets = table({
  Symbol: 'singleLine',
  Text: 'markdown',
  RichText: 'richTextEditor',
  Integer: 'numberEditor',
  Number: 'numberEditor',
  Date: 'datePicker',
  Boolean: 'boolean',
  Location: 'locationEditor',
  Object: 'objectEditor',
  Entry: 'entryLinkEditor',
  Asset: 'assetLinkEditor',
  Symbols: 'tagEditor',
  Entries: 'entryLinksEditor',
  Assets: 'assetLinksEditor',
});

const arrayTypes = table({ Symbol: 'Symbols', Entry: 'Entries', Asset: 'Assets' });

/** Types whose `in` validation (a fixed list of values) makes the default a dropdown. */
const dropdownTypes = new Set(['Text', 'Symbol', 'Integer', 'Number']);

const hasIn = (validations: Json[] | undefined) => (validations ?? []).some((v) => typeof v === 'object' && v !== null && !Array.isArray(v) && 'in' in v);

/** The widget Contentful picks for a new field (its web app's getDefaultWidgetId). */
export function defaultWidgetId(field: FieldDefinition, displayField: string | null): string {
  if (dropdownTypes.has(field.type) && hasIn(field.validations)) return 'dropdown';
  if (field.type === 'Array' && field.items?.type === 'Symbol' && hasIn(field.items.validations)) return 'checkbox';
  if (field.type === 'Text' && field.id === displayField) return 'singleLine';
  const internal = field.type === 'Link' ? field.linkType : field.type === 'Array' ? arrayTypes[field.items?.linkType ?? field.items?.type ?? ''] : field.type;
  return defaultWidgets[internal ?? ''] ?? 'singleLine';
}

const defaultControl = (field: FieldDefinition, displayField: string | null): EditorInterfaceControl => ({
  fieldId: field.id,
  widgetId: defaultWidgetId(field, displayField),
  widgetNamespace: 'builtin',
});

const controlsOf = (doc: DocumentRecord) => (doc.body.controls ?? []) as unknown as EditorInterfaceControl[];

/**
 * Called in the transaction that saves a content type: makes its editor interface with default
 * widgets, or gives new fields a default control and drops the controls of fields that left.
 */
export async function syncEditorInterface(tx: Store, scope: Scope, type: ContentTypeRecord, by?: string): Promise<DocumentRecord> {
  const existing = await tx.documents.get(scope, kind, type.sys.id);
  if (!existing) {
    const controls = type.fields.map((f) => defaultControl(f, type.displayField));
    return tx.documents.create(scope, kind, { id: type.sys.id, parentId: type.sys.id, body: { controls } as unknown as Record<string, Json> }, by);
  }
  const fieldIds = new Set(type.fields.map((f) => f.id));
  const kept = controlsOf(existing).filter((c) => fieldIds.has(c.fieldId));
  const controlled = new Set(kept.map((c) => c.fieldId));
  const added = type.fields.filter((f) => !controlled.has(f.id)).map((f) => defaultControl(f, type.displayField));
  if (added.length === 0 && kept.length === controlsOf(existing).length) return existing;
  return tx.documents.update(scope, kind, type.sys.id, { ...existing.body, controls: [...kept, ...added] as unknown as Json[] }, existing.version, by);
}

/** Called in the transaction that deletes a content type. */
export async function dropEditorInterface(tx: Store, scope: Scope, contentTypeId: string): Promise<void> {
  if (await tx.documents.get(scope, kind, contentTypeId)) await tx.documents.delete(scope, kind, contentTypeId);
}

/** The content type's interface; types saved before interfaces existed get theirs on first read. */
async function interfaceOf(tx: Store, scope: Scope, contentTypeId: string): Promise<{ type: ContentTypeRecord; doc: DocumentRecord }> {
  const type = await tx.contentTypes.get(scope, contentTypeId);
  if (!type) throw new FolioError('NOT_FOUND', `Content type "${contentTypeId}" not found`, { details: { type: 'ContentType', id: contentTypeId } });
  return { type, doc: (await tx.documents.get(scope, kind, contentTypeId)) ?? (await syncEditorInterface(tx, scope, type)) };
}

export async function getEditorInterface(store: Store, scope: Scope, contentTypeId: string, actor: Actor): Promise<DocumentRecord> {
  check(actor, 'read');
  return store.transaction(async (tx) => (await interfaceOf(tx, scope, contentTypeId)).doc);
}

/** Every content type's interface (an environment has at most a thousand types). */
export async function listEditorInterfaces(store: Store, scope: Scope, actor: Actor): Promise<DocumentRecord[]> {
  check(actor, 'read');
  return store.transaction(async (tx) => {
    const types = await tx.contentTypes.list(scope, { limit: 1000, order: [{ sys: 'id', direction: 'asc' }] });
    const docs: DocumentRecord[] = [];
    for (const type of types.items) docs.push((await interfaceOf(tx, scope, type.sys.id)).doc);
    return docs;
  });
}

/** Replaces the interface (Contentful's PUT), checking the version the client read. */
export async function updateEditorInterface(
  store: Store,
  scope: Scope,
  contentTypeId: string,
  input: EditorInterfaceInput,
  expectedVersion: number,
  actor: Actor,
): Promise<DocumentRecord> {
  check(actor, 'manageModel');
  return store.transaction(async (tx) => {
    await interfaceOf(tx, scope, contentTypeId);
    return tx.documents.update(scope, kind, contentTypeId, input as unknown as Record<string, Json>, expectedVersion, actorId(actor));
  });
}
