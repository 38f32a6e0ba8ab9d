/**
 * Validations that need the store: `unique`, `linkContentType`, the asset rules
 * (`linkMimetypeGroup`, `assetFileSize`, `assetImageDimensions`) and Folio's alt-text rule.
 */
import { isStoredFile, mimetypeGroupOf } from '../assets/index.js';
import type { Store } from '../store/store.js';
import { linksIn } from '../store/index.js';
import type { AssetRecord, ContentTypeBody, FieldDefinition, Json, LocalizedFields, Scope } from '../store/types.js';
import * as is from '../validate/is.js';
import { altTextMessage, hasAltText } from './assets.js';
import type { FieldError } from './field-rules.js';

const hasRule = (validations: Json[] | undefined, key: string) =>
  (validations ?? []).find((v): v is Record<string, Json> => is.plainObject(v) && key in v);

const groupsOfRule = (rule: Json | undefined) => (Array.isArray(rule) ? rule.filter(is.string) : is.string(rule) ? [rule] : undefined);

/** The mimetype groups an asset field (single or list) allows, by its `linkMimetypeGroup` rule; undefined when any file goes. */
export function allowedMimetypeGroups(def: FieldDefinition): string[] | undefined {
  const validations = (def.type === 'Array' ? def.items?.validations : def.validations) ?? [];
  return groupsOfRule(hasRule(validations, 'linkMimetypeGroup')?.linkMimetypeGroup);
}

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
  const defaultLocale = (await store.locales.list(scope)).find((l) => l.default)?.code ?? 'en-US';
  for (const def of type.fields) {
    errors.push(...(await assetRuleErrors(store, scope, def, fields, defaultLocale)));
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
      const wrongType = await linkContentTypeError(store, scope, def, locale, value);
      if (wrongType) errors.push(wrongType);
    }
  }
  return errors;
}

/**
 * A reference field's value naming an entry of a type its `linkContentType` rule does not allow,
 * in the API's words (publishing refuses it; the editor refuses it on save too).
 */
export async function linkContentTypeError(store: Store, scope: Scope, def: FieldDefinition, locale: string, value: Json): Promise<FieldError | undefined> {
  const allowed = hasRule(def.type === 'Array' ? def.items?.validations : def.validations, 'linkContentType')?.linkContentType;
  if (!Array.isArray(allowed)) return undefined;
  const ids = linkIds(value);
  const linked = ids.length ? await store.entries.list(scope, { where: [{ sys: 'id', op: 'in', values: ids }], limit: ids.length }) : undefined;
  const wrong = linked?.items.find((e) => !allowed.includes(e.sys.contentTypeId));
  return wrong ? { name: 'linkContentType', path: ['fields', def.id, locale], details: `Linked entry ${wrong.sys.id} must be of type ${allowed.join(' or ')}` } : undefined;
}

const altTextError = (asset: AssetRecord, path: string[], defaultLocale: string, value: Json): FieldError => ({ name: 'altText', path, details: altTextMessage(asset, defaultLocale), value });

const assetsById = async (store: Store, scope: Scope, ids: string[]) =>
  ids.length ? (await store.assets.list(scope, { where: [{ sys: 'id', op: 'in', values: ids }], limit: ids.length })).items : [];

/**
 * Asset links: linked drafts are checked, as the editor sees them; missing assets are skipped
 * (drafts may link ahead; unresolvedLinkErrors reports them). Every image a page shows needs alt
 * text: the featured image and the images embedded in rich text.
 */
async function assetRuleErrors(store: Store, scope: Scope, def: FieldDefinition, fields: LocalizedFields, defaultLocale: string): Promise<FieldError[]> {
  if (def.type === 'RichText') {
    const errors: FieldError[] = [];
    for (const [locale, value] of Object.entries(fields[def.id] ?? {})) {
      const ids = [...new Set(linksIn(value).filter((l) => l.linkType === 'Asset').map((l) => l.id))];
      for (const asset of await assetsById(store, scope, ids)) {
        if (!hasAltText(asset, defaultLocale)) errors.push(altTextError(asset, ['fields', def.id, locale], defaultLocale, { sys: { type: 'Link', linkType: 'Asset', id: asset.sys.id } }));
      }
    }
    return errors;
  }
  const linkType = def.type === 'Array' ? def.items?.linkType : def.linkType;
  if (linkType !== 'Asset') return [];
  const validations = (def.type === 'Array' ? def.items?.validations : def.validations) ?? [];
  const mimeRule = hasRule(validations, 'linkMimetypeGroup')?.linkMimetypeGroup;
  const sizeRule = hasRule(validations, 'assetFileSize')?.assetFileSize;
  const dimensionRule = hasRule(validations, 'assetImageDimensions')?.assetImageDimensions;
  const needsAlt = def.id === 'featuredImage';
  if (!mimeRule && !sizeRule && !dimensionRule && !needsAlt) return [];
  const errors: FieldError[] = [];
  for (const [locale, value] of Object.entries(fields[def.id] ?? {})) {
    if (value === null) continue;
    const path = ['fields', def.id, locale];
    for (const asset of await assetsById(store, scope, linkIds(value))) {
      const file = fileOf(asset, locale, defaultLocale);
      const groups = groupsOfRule(mimeRule);
      if (groups && file && !groups.includes(mimetypeGroupOf(file.contentType))) {
        errors.push({ name: 'linkMimetypeGroup', path, details: `Asset ${asset.sys.id} must be of type ${groups.join(' or ')}`, value });
      }
      if (is.plainObject(sizeRule) && file) {
        const { min, max } = sizeRule;
        if ((is.number(min) && file.size < min) || (is.number(max) && file.size > max)) {
          errors.push({ name: 'assetFileSize', path, details: `Asset ${asset.sys.id} must be between ${min ?? 0} and ${max ?? '∞'} bytes`, value });
        }
      }
      if (is.plainObject(dimensionRule) && file) {
        const outside = (n: number | undefined, range: unknown) =>
          is.plainObject(range) && (n === undefined || (is.number(range.min) && n < range.min) || (is.number(range.max) && n > range.max));
        if (outside(file.width, dimensionRule.width) || outside(file.height, dimensionRule.height)) {
          errors.push({ name: 'assetImageDimensions', path, details: `Image ${asset.sys.id} is ${file.width ?? '?'}×${file.height ?? '?'}, outside the allowed dimensions`, value });
        }
      }
      if (needsAlt && !hasAltText(asset, defaultLocale)) errors.push(altTextError(asset, path, defaultLocale, value));
    }
  }
  return errors;
}

function fileOf(asset: AssetRecord, locale: string, defaultLocale: string) {
  const file = asset.fields.file?.[locale] ?? asset.fields.file?.[defaultLocale];
  if (!isStoredFile(file)) return undefined;
  const image = file.details.image;
  return { contentType: file.contentType, size: file.details.size, width: image?.width, height: image?.height };
}

/**
 * Contentful refuses to publish an entry whose links (Link fields, arrays of links, entries and
 * assets embedded or linked in rich text) point at nothing: a deleted or archived target is
 * `notResolvable`, reported per field and locale with the link itself. Drafts may link to
 * drafts; only existence counts. One query per link type, whatever the number of links.
 */
export async function unresolvedLinkErrors(store: Store, scope: Scope, fields: LocalizedFields): Promise<FieldError[]> {
  const found: Array<{ path: string[]; linkType: 'Entry' | 'Asset'; id: string }> = [];
  for (const [fieldId, byLocale] of Object.entries(fields)) {
    for (const [locale, value] of Object.entries(byLocale ?? {})) {
      for (const link of linksIn(value as Json)) found.push({ path: ['fields', fieldId, locale], ...link });
    }
  }
  if (found.length === 0) return [];
  const live = async (linkType: 'Entry' | 'Asset'): Promise<Set<string>> => {
    const ids = [...new Set(found.filter((l) => l.linkType === linkType).map((l) => l.id))];
    if (ids.length === 0) return new Set();
    const repo = linkType === 'Entry' ? store.entries : store.assets;
    const items = (await repo.list(scope, { where: [{ sys: 'id', op: 'in', values: ids }], limit: ids.length })).items as Array<{ sys: { id: string; archivedAt?: string | null } }>;
    return new Set(items.filter((i) => !i.sys.archivedAt).map((i) => i.sys.id));
  };
  const [entries, assets] = await Promise.all([live('Entry'), live('Asset')]);
  return found
    .filter((l) => !(l.linkType === 'Entry' ? entries : assets).has(l.id))
    .map((l) => ({
      name: 'notResolvable',
      path: l.path,
      details: `The linked ${l.linkType.toLowerCase()} "${l.id}" does not exist or is archived`,
      link: { type: 'Link', linkType: l.linkType, id: l.id },
    }));
}
