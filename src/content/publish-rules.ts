/** Validations that need the store: `unique` and `linkContentType`. */
import type { Store } from '../store/store.js';
import type { ContentTypeBody, Json, LocalizedFields, Scope } from '../store/types.js';
import * as is from '../validate/is.js';
import type { FieldError } from './field-rules.js';

const hasRule = (validations: Json[] | undefined, key: string) =>
  (validations ?? []).find((v): v is Record<string, Json> => is.plainObject(v) && key in v);

function linkIds(v: Json): string[] {
  const list = Array.isArray(v) ? v : [v];
  return list.flatMap((l) => (is.plainObject(l) && is.plainObject(l.sys) && is.string(l.sys.id) ? [l.sys.id] : []));
}

export async function storeRuleErrors(
  store: Store,
  scope: Scope,
  entryId: string,
  contentTypeId: string,
  type: ContentTypeBody,
  fields: LocalizedFields,
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  for (const def of type.fields) {
    for (const [locale, value] of Object.entries(fields[def.id] ?? {})) {
      if (value === null) continue;
      if (hasRule(def.validations, 'unique') && (is.string(value) || is.number(value))) {
        const clash = await store.entries.listPublished(scope, {
          contentTypeId,
          where: [{ field: def.id, locale, op: 'eq', value }],
          limit: 2,
        });
        if (clash.items.some((e) => e.sys.id !== entryId)) {
          errors.push({ name: 'unique', path: ['fields', def.id, locale], details: `Another published entry already has this ${def.id}`, value });
        }
      }
      const linkRule = hasRule(def.type === 'Array' ? def.items?.validations : def.validations, 'linkContentType');
      const allowed = linkRule?.linkContentType;
      if (Array.isArray(allowed)) {
        const ids = linkIds(value);
        const linked = ids.length ? await store.entries.list(scope, { where: [{ sys: 'id', op: 'in', values: ids }], limit: ids.length }) : undefined;
        const wrong = linked?.items.find((e) => !allowed.includes(e.sys.contentTypeId));
        if (wrong) {
          errors.push({
            name: 'linkContentType',
            path: ['fields', def.id, locale],
            details: `Linked entry ${wrong.sys.id} must be of type ${allowed.join(' or ')}`,
          });
        }
      }
    }
  }
  return errors;
}
