/** Records → Contentful's Delivery/Preview JSON shapes. */
import { compact, environmentLink, fileJson, link, localizeFields, spaceLink, type LocaleChoice } from '../contentful/index.js';
import type { AssetRecord, ContentTypeRecord, EntryRecord, Json, LocaleRecord, SpaceRecord, TagRecord, VersionedSys } from '../store/types.js';

export interface SerializeContext {
  spaceId: string;
  environmentId: string;
  publicUrl: string;
  choice: LocaleChoice;
  /** Published content types by id: they say which entry fields are localized. */
  types: Map<string, ContentTypeRecord>;
  preview: boolean;
  /** Ids of the environment's public tags: private tags are for the Management API only. */
  publicTags: Set<string>;
}

/** Delivery shows the publish timeline; preview shows the draft's. */
function baseSys(ctx: SerializeContext, type: string, sys: VersionedSys) {
  return {
    space: spaceLink(ctx.spaceId),
    id: sys.id,
    type,
    createdAt: ctx.preview ? sys.createdAt : (sys.firstPublishedAt ?? sys.createdAt),
    updatedAt: ctx.preview ? sys.updatedAt : (sys.publishedAt ?? sys.updatedAt),
    environment: environmentLink(ctx.environmentId),
    ...(ctx.preview ? { publishedVersion: sys.publishedVersion ?? undefined } : {}),
    revision: ctx.preview ? sys.version : sys.publishedCounter,
  };
}

const metadataJson = (ctx: SerializeContext, tags: string[]) => ({
  tags: tags.filter((id) => ctx.publicTags.has(id)).map((id) => link('Tag', id)),
  concepts: [],
});

/** Contentful's Tag shape on the read APIs. */
export function tagJson(ctx: SerializeContext, tag: TagRecord) {
  return {
    name: tag.name,
    sys: {
      id: tag.id,
      type: 'Tag',
      visibility: tag.visibility,
      createdAt: tag.createdAt,
      updatedAt: tag.updatedAt,
      version: tag.version,
      space: spaceLink(ctx.spaceId),
      environment: environmentLink(ctx.environmentId),
    },
  };
}

const localeSys = (ctx: SerializeContext) => (ctx.choice.all ? {} : { locale: ctx.choice.code });

export function entryJson(ctx: SerializeContext, entry: EntryRecord) {
  const type = ctx.types.get(entry.sys.contentTypeId);
  const localized = new Set(type?.fields.filter((f) => f.localized).map((f) => f.id));
  // Only fields the model has and shows: an omitted field is hidden, a deleted one is gone.
  const shown = new Set(type?.fields.filter((f) => !f.omitted).map((f) => f.id));
  const fields = localizeFields(entry.fields, ctx.choice, (id) => localized.has(id));
  for (const id of Object.keys(fields)) if (!shown.has(id)) delete fields[id];
  return {
    metadata: metadataJson(ctx, entry.metadata.tags),
    sys: { ...baseSys(ctx, 'Entry', entry.sys), contentType: link('ContentType', entry.sys.contentTypeId), ...localeSys(ctx) },
    fields,
  };
}

export function assetJson(ctx: SerializeContext, asset: AssetRecord) {
  const fields = localizeFields(asset.fields, ctx.choice, () => true);
  const file = { publicUrl: ctx.publicUrl, spaceId: ctx.spaceId, assetId: asset.sys.id };
  if (fields.file !== undefined) {
    fields.file = ctx.choice.all
      ? Object.fromEntries(Object.entries(fields.file as Record<string, Json>).map(([code, f]) => [code, fileJson(file, f)]))
      : fileJson(file, fields.file);
  }
  return { metadata: metadataJson(ctx, asset.metadata.tags), sys: { ...baseSys(ctx, 'Asset', asset.sys), ...localeSys(ctx) }, fields };
}

/** A field as Contentful shows it: no empty validations, no items or linkType it lacks. */
export function fieldJson(field: ContentTypeRecord['fields'][number]) {
  const { validations, items, ...rest } = field;
  return compact({
    ...rest,
    ...(items ? { items: compact({ ...items, validations: items.validations?.length ? items.validations : undefined }) } : {}),
    ...(validations.length ? { validations } : {}),
  });
}

export function contentTypeJson(ctx: SerializeContext, type: ContentTypeRecord) {
  const { sys, name, description, displayField, fields } = type;
  // Contentful keeps a null description and leaves out what a field does not have.
  return { sys: baseSys(ctx, 'ContentType', sys), displayField, name, description, fields: fields.map(fieldJson) };
}

export function localeJson(locale: LocaleRecord) {
  return {
    code: locale.code,
    name: locale.name,
    default: locale.default,
    fallbackCode: locale.fallbackCode,
    sys: { id: locale.id, type: 'Locale', version: locale.version },
  };
}

export function spaceJson(space: SpaceRecord, locales: LocaleRecord[]) {
  return {
    sys: { type: 'Space', id: space.id },
    name: space.name,
    locales: locales.filter((l) => l.contentDeliveryApi).map((l) => ({ code: l.code, default: l.default, name: l.name, fallbackCode: l.fallbackCode })),
  };
}

