/**
 * The editor's one door to content: every read and write of articles and assets goes through
 * here, after the permission check, into src/content and src/assets operations. Keeping it in
 * one file makes the merge with the Management API branch (actor-aware operations, createdBy)
 * and the faces branch (a validated focal-point operation) a change in one place.
 */
import { createAssetWithFile, fileUrl, isStoredFile, publishAsset, type IncomingFile } from '../assets/index.js';
import { assertCan, can, type Actor, type Ownership } from '../auth/index.js';
import { createEntry, getEntrySnapshot, listEntrySnapshots, publishEntry, restoreEntrySnapshot, unpublishEntry, updateEntry } from '../content/index.js';
import { FolioError } from '../errors/index.js';
import { cancelScheduledAction, createScheduledAction, getScheduledAction, listScheduledActions } from '../scheduling/index.js';
import { createPreviewUrl } from '../site/index.js';
import type { ScheduledActionRecord } from '../store/index.js';
import type { AssetRecord, Condition, EntryRecord, Json, LocalizedFields, VersionedSys } from '../store/types.js';
import * as is from '../validate/is.js';
import type { AdminContext } from './context.js';
import { embeddedAssetIds, isRichTextDocument } from './rich-text/convert.js';
import { statusOf, type Status } from './status.js';

export const articleType = 'article';

/** Who created a record, for the author rule (authors change only their own drafts). */
export function ownershipOf(sys: VersionedSys): Ownership {
  return { createdBy: sys.createdBy ?? undefined, published: sys.publishedVersion !== null };
}

/** Refuses early (before any write) when the actor may not do this to the article at all. */
export function assertAllowed(actor: Actor, action: 'update' | 'publish' | 'unpublish', entry: EntryRecord): void {
  assertCan(actor, action, ownershipOf(entry.sys));
}

const fieldError = (field: string, locale: string, name: string, details: string) => ({ name, path: ['fields', field, locale], details });

// ---- reading

export interface ArticleQuery {
  q?: string;
  topic?: string;
  status?: Status;
  page: number;
  perPage: number;
}

/** Status needs version arithmetic the store cannot filter on: lists that filter by it are read whole (up to this many). */
const statusScanLimit = 10_000;

export async function listArticles(ctx: AdminContext, actor: Actor, query: ArticleQuery) {
  assertCan(actor, 'read');
  const where: Condition[] = [];
  if (query.q) where.push({ op: 'match', text: query.q });
  if (query.topic) where.push({ op: 'linksTo', linkType: 'Entry', ids: [query.topic], field: 'topics' });
  const order = [{ sys: 'updatedAt' as const, direction: 'desc' as const }, { sys: 'id' as const, direction: 'asc' as const }];
  const skip = (query.page - 1) * query.perPage;
  const scheduled = await scheduledPublishIds(ctx, actor);
  const statusOfEntry = (e: EntryRecord) => statusOf(e.sys, { scheduled: scheduled.has(e.sys.id) });
  if (!query.status) {
    const page = await ctx.store.entries.list(ctx.scope, { contentTypeId: articleType, where, order, limit: query.perPage, skip });
    return { items: page.items, total: page.total, statusOf: statusOfEntry };
  }
  const matching: EntryRecord[] = [];
  for (let skipped = 0; skipped < statusScanLimit; skipped += 1000) {
    const page = await ctx.store.entries.list(ctx.scope, { contentTypeId: articleType, where, order, limit: 1000, skip: skipped });
    matching.push(...page.items.filter((e) => statusOfEntry(e) === query.status));
    if (skipped + page.items.length >= page.total) break;
  }
  return { items: matching.slice(skip, skip + query.perPage), total: matching.length, statusOf: statusOfEntry };
}

export async function getArticle(ctx: AdminContext, actor: Actor, id: string): Promise<EntryRecord> {
  assertCan(actor, 'read');
  const entry = await ctx.store.entries.get(ctx.scope, id);
  if (!entry || entry.sys.contentTypeId !== articleType) throw new FolioError('NOT_FOUND', 'There is no such article.');
  return entry;
}

/** Entries of a content type for pickers (topics, authors), by display name. */
export async function listEntries(ctx: AdminContext, contentTypeId: string, nameField: string) {
  const page = await ctx.store.entries.list(ctx.scope, { contentTypeId, order: [{ field: nameField, locale: ctx.locale, direction: 'asc' }], limit: 1000 });
  return page.items.map((e) => ({ id: e.sys.id, name: String(e.fields[nameField]?.[ctx.locale] ?? e.sys.id) }));
}

/** The values a Symbol field allows (its `in` validation), read from the published content type. */
export async function fieldChoices(ctx: AdminContext, contentTypeId: string, fieldId: string): Promise<string[]> {
  const type = await ctx.store.contentTypes.getPublished(ctx.scope, contentTypeId);
  const rules = type?.fields.find((f) => f.id === fieldId)?.validations ?? [];
  for (const rule of rules) if (is.plainObject(rule) && Array.isArray(rule.in)) return rule.in.filter(is.string);
  return [];
}

export async function listAssets(ctx: AdminContext, actor: Actor, query: { page: number; perPage: number; q?: string }) {
  assertCan(actor, 'read');
  const page = await ctx.store.assets.list(ctx.scope, {
    ...(query.q ? { where: [{ op: 'match', text: query.q }] } : {}),
    order: [{ sys: 'createdAt', direction: 'desc' }, { sys: 'id', direction: 'asc' }],
    limit: query.perPage,
    skip: (query.page - 1) * query.perPage,
  });
  return { items: page.items, total: page.total };
}

export async function getAsset(ctx: AdminContext, actor: Actor, id: string): Promise<AssetRecord> {
  assertCan(actor, 'read');
  const asset = await ctx.store.assets.get(ctx.scope, id);
  if (!asset) throw new FolioError('NOT_FOUND', 'There is no such asset.');
  return asset;
}

/** An asset's image as the editor shows it: same-origin /images path, size, alt, focal point. */
export function imageInfo(ctx: AdminContext, asset: AssetRecord) {
  const file = asset.fields.file?.[ctx.locale];
  if (!isStoredFile(file)) return undefined;
  const url = fileUrl(ctx.publicUrl, ctx.scope.spaceId, asset.sys.id, file).replace(/^\/\/[^/]+/, '');
  const image = file.details.image as ({ width: number; height: number; focalPoint?: { x: number; y: number } } & Record<string, Json>) | undefined;
  return {
    path: url,
    contentType: file.contentType,
    fileName: file.fileName,
    size: file.details.size,
    ...(image ? { width: image.width, height: image.height } : {}),
    focalPoint: image?.focalPoint && is.number(image.focalPoint.x) && is.number(image.focalPoint.y) ? image.focalPoint : undefined,
    /** A transformed image URL (signed when signing is on). */
    transform: (query: string) => (ctx.signImage ? ctx.signImage(url + query) : url + query),
  };
}

// ---- writing articles

/** Slugs are unique among articles, drafts included, so an editor hears about a clash while writing. */
async function assertSlugFree(ctx: AdminContext, id: string | undefined, fields: LocalizedFields) {
  const slug = fields.slug?.[ctx.locale];
  if (!is.nonEmptyString(slug)) return;
  const clash = await ctx.store.entries.list(ctx.scope, { contentTypeId: articleType, where: [{ field: 'slug', locale: ctx.locale, op: 'eq', value: slug }], limit: 2 });
  const other = clash.items.find((e) => e.sys.id !== id);
  if (other) {
    const title = String(other.fields.title?.[ctx.locale] ?? other.sys.id);
    throw new FolioError('VALIDATION_FAILED', 'Validation error', {
      details: { errors: [fieldError('slug', ctx.locale, 'taken', `The slug “${slug}” is already used by “${title}”. Choose another.`)] },
    });
  }
}

export async function createArticle(ctx: AdminContext, actor: Actor, fields: LocalizedFields): Promise<EntryRecord> {
  assertCan(actor, 'create');
  await assertSlugFree(ctx, undefined, fields);
  return createEntry(ctx.store, ctx.scope, { contentTypeId: articleType, fields }, actor);
}

export async function saveArticle(ctx: AdminContext, actor: Actor, id: string, fields: LocalizedFields, version: number): Promise<EntryRecord> {
  const current = await getArticle(ctx, actor, id);
  assertCan(actor, 'update', ownershipOf(current.sys));
  await assertSlugFree(ctx, id, fields);
  return updateEntry(ctx.store, ctx.scope, id, fields, version, actor);
}

const linkedId = (v: Json | undefined) => (is.plainObject(v) && is.plainObject(v.sys) && is.string(v.sys.id) ? v.sys.id : undefined);

/**
 * Publishes an article after the checks the hub depends on: every image it shows needs alt
 * text. Its images are published with it, so the public page never links to a draft asset.
 */
export async function publishArticle(ctx: AdminContext, actor: Actor, id: string, version: number): Promise<EntryRecord> {
  const current = await getArticle(ctx, actor, id);
  assertCan(actor, 'publish', ownershipOf(current.sys));
  if (current.sys.version !== version) throw new FolioError('VERSION_MISMATCH', 'Someone changed this article since you opened it.');
  const uses: Array<{ field: string; assetId: string }> = [];
  const featured = linkedId(current.fields.featuredImage?.[ctx.locale]);
  if (featured) uses.push({ field: 'featuredImage', assetId: featured });
  const body = current.fields.body?.[ctx.locale];
  if (isRichTextDocument(body)) for (const assetId of embeddedAssetIds(body)) uses.push({ field: 'body', assetId });
  const errors = [];
  const assets = new Map<string, AssetRecord>();
  for (const use of uses) {
    const asset = assets.get(use.assetId) ?? (await ctx.store.assets.get(ctx.scope, use.assetId));
    if (!asset) {
      errors.push(fieldError(use.field, ctx.locale, 'notResolvable', `The image ${use.assetId} no longer exists. Choose another.`));
      continue;
    }
    assets.set(use.assetId, asset);
    const alt = asset.fields.description?.[ctx.locale];
    if (!is.string(alt) || alt.trim() === '') {
      const title = String(asset.fields.title?.[ctx.locale] || asset.sys.id);
      errors.push(fieldError(use.field, ctx.locale, 'altText', `The image “${title}” has no alt text. Add it in the media library before publishing.`));
    }
  }
  if (errors.length) throw new FolioError('VALIDATION_FAILED', 'Validation error', { details: { errors } });
  // One transaction: if the article's own publish is refused, its images stay as they were.
  return ctx.store.transaction(async (tx) => {
    for (const asset of assets.values()) {
      if (statusOf(asset.sys) !== 'published') await publishAsset(tx, ctx.scope, asset.sys.id);
    }
    return publishEntry(tx, ctx.scope, id, version, actor);
  });
}

export async function unpublishArticle(ctx: AdminContext, actor: Actor, id: string, version: number): Promise<EntryRecord> {
  const current = await getArticle(ctx, actor, id);
  assertCan(actor, 'unpublish', ownershipOf(current.sys));
  return unpublishEntry(ctx.store, ctx.scope, id, version, actor);
}

// ---- writing assets

export async function uploadAsset(ctx: AdminContext, actor: Actor, file: IncomingFile, title: string): Promise<AssetRecord> {
  assertCan(actor, 'create');
  return createAssetWithFile(ctx.store, ctx.storage, ctx.scope, { locale: ctx.locale, title, description: '', file, createdBy: actor.id });
}

export interface AssetDetails {
  title: string;
  description: string;
  /** 0..1 from the left and top; null removes it. */
  focalPoint: { x: number; y: number } | null;
}

/**
 * Saves title, alt text and focal point (in `fields.file[locale].details.image.focalPoint`, where
 * the Images API reads it), then publishes the asset when the actor may: assets have no
 * editorial workflow of their own here. The faces branch replaces the focal-point write with its
 * validated operation.
 */
export async function saveAssetDetails(ctx: AdminContext, actor: Actor, id: string, details: AssetDetails, version: number): Promise<AssetRecord> {
  const current = await getAsset(ctx, actor, id);
  assertCan(actor, 'update', ownershipOf(current.sys));
  const { locale } = ctx;
  const fields: LocalizedFields = { ...current.fields, title: { [locale]: details.title }, description: { [locale]: details.description } };
  const file = current.fields.file?.[locale];
  if (isStoredFile(file) && file.details.image) {
    const { focalPoint: _old, ...image } = file.details.image as Record<string, Json>;
    fields.file = { ...current.fields.file, [locale]: { ...file, details: { ...file.details, image: { ...image, ...(details.focalPoint ? { focalPoint: details.focalPoint } : {}) } } } };
  }
  return ctx.store.transaction(async (tx) => {
    const saved = await tx.assets.update(ctx.scope, id, { fields }, version, actor.id);
    return can(actor, 'publish') ? publishAsset(tx, ctx.scope, id, saved.sys.version) : saved;
  });
}

// ---- version history

export interface HistoryItem {
  snapshotId: string;
  /** The draft version that was published. */
  version: number;
  publishedAt: string;
  /** A person's name, an API key's name, or who Folio itself is (the demo loader, setup). */
  publishedBy: string;
  /** The version the site shows now. */
  live: boolean;
}

/** Names for the ids recorded as createdBy/publishedBy, looked up once per id. */
export function nameResolver(ctx: AdminContext) {
  const names = new Map<string, Promise<string>>();
  const lookup = async (id: string) => {
    const user = await ctx.store.users.get(id);
    if (user) return user.name || user.email;
    const key = await ctx.store.apiKeys.get(ctx.scope.spaceId, id);
    return key ? `API key “${key.name}”` : 'a removed user';
  };
  return (id: string | null | undefined): Promise<string> => {
    if (!id) return Promise.resolve('Folio');
    if (!names.has(id)) names.set(id, lookup(id));
    return names.get(id)!;
  };
}

/** An article's published versions, newest first (at most `limit`). */
export async function listHistory(ctx: AdminContext, actor: Actor, entry: EntryRecord, limit = 50): Promise<{ items: HistoryItem[]; total: number }> {
  const page = await listEntrySnapshots(ctx.store, ctx.scope, entry.sys.id, { limit }, actor);
  const nameOf = nameResolver(ctx);
  const items = await Promise.all(
    page.items.map(async (s) => ({
      snapshotId: s.id,
      version: s.record.sys.publishedVersion ?? s.record.sys.version - 1,
      publishedAt: s.createdAt,
      publishedBy: await nameOf(s.createdBy),
      live: entry.sys.publishedAt !== null && entry.sys.publishedAt === s.record.sys.publishedAt,
    })),
  );
  return { items, total: page.total };
}

/** Restoring is an update, judged as the content operation judges it: once published, an author's article is not theirs to change. */
export function canRestore(actor: Actor, entry: EntryRecord): boolean {
  return can(actor, 'update', { createdBy: entry.sys.createdBy ?? undefined, published: entry.sys.firstPublishedAt !== null });
}

export async function getVersion(ctx: AdminContext, actor: Actor, id: string, snapshotId: string) {
  const snapshot = await getEntrySnapshot(ctx.store, ctx.scope, id, snapshotId, actor);
  if (snapshot.record.sys.contentTypeId !== articleType) throw new FolioError('NOT_FOUND', 'There is no such article.');
  return snapshot;
}

/**
 * Makes a published version the draft again (a normal, version-checked update through the
 * content operation, which enforces the author rule); publishing it stays a separate step.
 */
export async function restoreVersion(ctx: AdminContext, actor: Actor, id: string, snapshotId: string, version: number): Promise<EntryRecord> {
  const current = await getArticle(ctx, actor, id);
  assertCan(actor, 'update', ownershipOf(current.sys));
  const snapshot = await getVersion(ctx, actor, id, snapshotId);
  await assertSlugFree(ctx, id, snapshot.record.fields);
  return restoreEntrySnapshot(ctx.store, ctx.scope, id, snapshotId, version, actor);
}

// ---- scheduling

export type ScheduledChange = Pick<ScheduledActionRecord, 'id' | 'action' | 'scheduledFor' | 'timezone' | 'status' | 'error'> & { by: string };

/** An article's pending scheduled actions, soonest first. */
export async function listSchedule(ctx: AdminContext, actor: Actor, id: string): Promise<ScheduledChange[]> {
  const page = await listScheduledActions(ctx.store, ctx.scope.spaceId, { environmentId: ctx.scope.environmentId, entityType: 'Entry', entityId: id, statuses: ['scheduled'], limit: 100 }, actor);
  const nameOf = nameResolver(ctx);
  return Promise.all(page.items.map(async (a) => ({ id: a.id, action: a.action, scheduledFor: a.scheduledFor, timezone: a.timezone, status: a.status, error: a.error, by: await nameOf(a.createdBy) })));
}

/** Ids of entries with a pending scheduled publish: these list as 'scheduled'. */
export async function scheduledPublishIds(ctx: AdminContext, actor: Actor): Promise<Set<string>> {
  const ids = new Set<string>();
  for (let skip = 0; ; skip += 1000) {
    const page = await listScheduledActions(ctx.store, ctx.scope.spaceId, { environmentId: ctx.scope.environmentId, entityType: 'Entry', action: 'publish', statuses: ['scheduled'], limit: 1000, skip }, actor);
    for (const a of page.items) ids.add(a.entityId);
    if (skip + page.items.length >= page.total || page.items.length === 0) return ids;
  }
}

export async function scheduleChange(ctx: AdminContext, actor: Actor, id: string, change: { action: 'publish' | 'unpublish'; scheduledFor: string; timezone: string | null }) {
  await getArticle(ctx, actor, id);
  return createScheduledAction(ctx.store, ctx.scope.spaceId, { environmentId: ctx.scope.environmentId, entityType: 'Entry', entityId: id, ...change }, actor);
}

export async function cancelChange(ctx: AdminContext, actor: Actor, id: string, actionId: string) {
  const action = await getScheduledAction(ctx.store, ctx.scope.spaceId, actionId, actor);
  if (action.entityId !== id || action.environmentId !== ctx.scope.environmentId) throw new FolioError('NOT_FOUND', 'This article has no such scheduled change.');
  return cancelScheduledAction(ctx.store, ctx.scope.spaceId, actionId, actor);
}

// ---- preview

/** A signed link to the article's current draft on the hub (the reader needs only `read`). */
export async function previewLink(ctx: AdminContext, actor: Actor, id: string): Promise<string> {
  await getArticle(ctx, actor, id);
  return createPreviewUrl(ctx.store, ctx.publicUrl, id);
}
