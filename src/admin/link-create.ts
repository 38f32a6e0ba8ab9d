/**
 * "Create new <type>" in a reference field: which types a person may make there (the field's
 * allowed types, when they may create at all), and making one, as an empty draft, through the
 * content operations, on that explicit action only.
 */
import { assertCan, can, type Actor } from '../auth/index.js';
import { FolioError } from '../errors/index.js';
import type { ContentTypeRecord, EntryRecord } from '../store/types.js';
import type { AdminContext } from './context.js';
import { formFields, type FormField } from './entry-form.js';
import * as ops from './operations.js';

/** A field linking to entries (or, with `linkType` Asset, to assets) named `contentTypeId/fieldId`, as the editor's pickers name it. */
export async function linkField(ctx: AdminContext, actor: Actor, ref: string, linkType: 'Entry' | 'Asset' = 'Entry'): Promise<FormField> {
  const [typeId = '', fieldId = '', ...rest] = ref.split('/');
  if (!typeId || !fieldId || rest.length) throw new FolioError('BAD_REQUEST', 'Name the field as contentTypeId/fieldId.');
  const { type, controls } = await ops.getEditable(ctx, actor, typeId);
  const field = formFields(type.fields, controls).find((f) => f.def.id === fieldId);
  const kinds = linkType === 'Asset' ? ['asset', 'assets'] : ['entry', 'entries'];
  if (!field || !kinds.includes(field.kind)) throw new FolioError('NOT_FOUND', `This content type has no such ${linkType === 'Asset' ? 'media' : 'reference'} field.`);
  return field;
}

/** The types a person may create from this field, by name: none when they may not create. */
export function creatableTypes(actor: Actor, field: FormField, types: ReadonlyMap<string, ContentTypeRecord>): ContentTypeRecord[] {
  if (!can(actor, 'create')) return [];
  const all = [...types.values()];
  return field.linkTypes.length ? all.filter((t) => field.linkTypes.includes(t.sys.id)) : all;
}

export async function createLinked(ctx: AdminContext, actor: Actor, ref: string, typeId: string): Promise<{ entry: EntryRecord; field: FormField; types: Map<string, ContentTypeRecord> }> {
  assertCan(actor, 'create');
  const field = await linkField(ctx, actor, ref);
  const types = new Map((await ops.listContentTypes(ctx)).map((t) => [t.sys.id, t]));
  if (!creatableTypes(actor, field, types).some((t) => t.sys.id === typeId)) {
    throw new FolioError('VALIDATION_FAILED', `This field cannot link to entries of type “${typeId}”.`, {
      details: { errors: [{ name: 'linkContentType', path: ['fields', field.def.id], details: `Linked entry must be of type ${field.linkTypes.join(' or ')}` }] },
    });
  }
  const entry = typeId === ops.articleType ? await ops.createArticle(ctx, actor, Object.create(null)) : await ops.createAnyEntry(ctx, actor, typeId, Object.create(null));
  return { entry, field, types };
}

/**
 * Without the script: "Create new <type>" submits the entry's form (saved first, as Save draft
 * would), then the new draft is made and linked into the field in that locale (after the links
 * it has), through the content operations.
 */
export async function createAndLink(ctx: AdminContext, actor: Actor, parent: EntryRecord, target: { field: string; locale: string; type: string }): Promise<EntryRecord> {
  const { entry, field } = await createLinked(ctx, actor, `${parent.sys.contentTypeId}/${target.field}`, target.type);
  const link = { sys: { type: 'Link', linkType: 'Entry', id: entry.sys.id } };
  const had = parent.fields[target.field]?.[target.locale];
  const value = field.kind === 'entries' ? [...(Array.isArray(had) ? had : []), link] : link;
  await ops.patchAnyEntry(ctx, actor, { id: parent.sys.id, version: parent.sys.version, changes: [{ field: target.field, locale: target.locale, value }] });
  return entry;
}
