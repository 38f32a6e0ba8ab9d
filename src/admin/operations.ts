/**
 * The editor's view of content: what its pages list and show, and its article-specific checks
 * (slugs unique among drafts). Every write calls the content operations (src/content), the same
 * ones the Management API, the scheduler and the loaders call, with their permission checks and
 * rules; nothing here writes to the store.
 */
import { fileUrl, isFocalPoint, isStoredFile, type FocalPoint, type IncomingFile } from '../assets/index.js';
import { assertCan, can, type Actor } from '../auth/index.js';
import {
  archiveAsset,
  archiveEntry,
  assetUsage,
  check,
  createAssetFromFile,
  createEntry,
  deleteAsset,
  deleteEntry,
  getEditorInterface,
  fieldErrors,
  getEntry,
  getEntrySnapshot,
  linkContentTypeError,
  listEntrySnapshots,
  ownershipOf,
  patchEntryFields,
  publishAsset,
  publishEntry,
  restoreEntrySnapshot,
  unarchiveAsset,
  unarchiveEntry,
  unpublishEntry,
  updateAssetLocale,
  type EditorInterfaceControl,
  type FieldChange,
} from '../content/index.js';
import { FolioError } from '../errors/index.js';
import { cancelScheduledAction, createScheduledAction, getScheduledAction, listScheduledActions } from '../scheduling/index.js';
import { createPreviewUrl } from '../site/index.js';
import type { ScheduledActionRecord } from '../store/index.js';
import type { AssetRecord, Condition, ContentTypeRecord, EntryRecord, Json, LocalizedFields } from '../store/types.js';
import * as is from '../validate/is.js';
import type { AdminContext } from './context.js';
import { storeQueryOf, type ListState } from './entry-list.js';
import { statusOf } from './status.js';

export const articleType = 'article';
/** The fields the article form shows: the editor's saves and restores touch these, in its locale, and nothing else. */
export const articleFields = ['title', 'slug', 'description', 'body', 'publishDate', 'type', 'featuredImage', 'topics', 'author'] as const;

export { ownershipOf };

/** Refuses early (before any write) when the actor may not do this to the article at all. */
export function assertAllowed(actor: Actor, action: 'update' | 'publish' | 'unpublish' | 'archive' | 'delete', entry: EntryRecord): void {
  check(actor, action, entry.sys);
}

const fieldError = (field: string, locale: string, name: string, details: string) => ({ name, path: ['fields', field, locale], details });

// ---- reading

/** Entries listed per page; a page is read with LIMIT and OFFSET, never the whole table. */
export const perPage = 25;

/**
 * A page of entries as the list's state asks (search is the store's `match`; filters, sort and
 * paging are SQL), with each one's status. `where` adds conditions the caller's list has of its
 * own (the articles list's topic).
 */
export async function listEntryPage(ctx: AdminContext, actor: Actor, state: ListState, extra: { where?: Condition[] } = {}) {
  assertCan(actor, 'read');
  const scheduled = await scheduledPublishIds(ctx, actor);
  const type = state.type ? await ctx.store.contentTypes.getPublished(ctx.scope, state.type) : undefined;
  const query = storeQueryOf(state, { locale: ctx.locale, displayField: type?.displayField, scheduled });
  const page = await ctx.store.entries.list(ctx.scope, { ...query, where: [...query.where, ...(extra.where ?? [])], limit: perPage, skip: (state.page - 1) * perPage });
  return { items: page.items, total: page.total, pages: Math.max(1, Math.ceil(page.total / perPage)), statusOf: (e: EntryRecord) => statusOf(e.sys, { scheduled: scheduled.has(e.sys.id) }) };
}

export function listArticles(ctx: AdminContext, actor: Actor, state: ListState, topic: string) {
  const where: Condition[] = topic ? [{ op: 'linksTo', linkType: 'Entry', ids: [topic], field: 'topics' }] : [];
  return listEntryPage(ctx, actor, { ...state, type: articleType }, { where });
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

/** A page of assets, newest first; the store filters and pages (media-filters.ts makes `where`). */
export async function listAssets(ctx: AdminContext, actor: Actor, query: { page: number; perPage: number; where?: Condition[]; skip?: number }) {
  assertCan(actor, 'read');
  const page = await ctx.store.assets.list(ctx.scope, {
    ...(query.where?.length ? { where: query.where } : {}),
    order: [{ sys: 'createdAt', direction: 'desc' }, { sys: 'id', direction: 'asc' }],
    limit: query.perPage,
    // A picker reads one more than its page, to know whether there is a next one.
    skip: query.skip ?? (query.page - 1) * query.perPage,
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
  const embargo = ctx.signEmbargoed ?? ((pathAndQuery: string) => pathAndQuery);
  const image = file.details.image as ({ width: number; height: number; focalPoint?: { x: number; y: number } } & Record<string, Json>) | undefined;
  return {
    path: embargo(url),
    contentType: file.contentType,
    fileName: file.fileName,
    size: file.details.size,
    ...(image ? { width: image.width, height: image.height } : {}),
    focalPoint: isFocalPoint(image?.focalPoint) ? image.focalPoint : undefined,
    /** A transformed image URL (signed when signing is on). */
    transform: (query: string) => embargo(ctx.signImage ? ctx.signImage(url + query) : url + query),
  };
}

// ---- writing articles

/** Another entry of the type with this value in the field and locale, drafts included, or none. */
async function otherWith(ctx: AdminContext, q: { contentTypeId: string; field: string; locale: string; value: string; exceptId?: string | undefined }) {
  const found = await ctx.store.entries.list(ctx.scope, { contentTypeId: q.contentTypeId, where: [{ field: q.field, locale: q.locale, op: 'eq', value: q.value }], limit: 2 });
  return found.items.find((e) => e.sys.id !== q.exceptId);
}

/** Slugs are unique among articles, drafts included, so an editor hears about a clash while writing. */
export async function slugProblem(ctx: AdminContext, id: string | undefined, slug: Json | undefined) {
  if (!is.nonEmptyString(slug)) return undefined;
  const other = await otherWith(ctx, { contentTypeId: articleType, field: 'slug', locale: ctx.locale, value: slug, exceptId: id });
  if (!other) return undefined;
  const title = String(other.fields.title?.[ctx.locale] ?? other.sys.id);
  return fieldError('slug', ctx.locale, 'taken', `The slug “${slug}” is already used by “${title}”. Choose another.`);
}

/**
 * The slug editor's check, for any content type (Contentful's slug editor warns the same way):
 * the entry of the type that already has this slug in the locale, drafts included.
 */
export async function slugClash(ctx: AdminContext, actor: Actor, q: { contentTypeId: string; field: string; locale: string; value: string; exceptId?: string | undefined }) {
  assertCan(actor, 'read');
  if (q.value === '') return undefined;
  const other = await otherWith(ctx, q);
  if (!other) return undefined;
  const type = await ctx.store.contentTypes.get(ctx.scope, q.contentTypeId);
  const shown = type?.displayField ? other.fields[type.displayField]?.[q.locale] : undefined;
  return { id: other.sys.id, title: is.string(shown) && shown !== '' ? shown : 'Untitled' };
}

async function assertSlugFree(ctx: AdminContext, id: string | undefined, slug: Json | undefined) {
  const problem = await slugProblem(ctx, id, slug);
  if (problem) throw new FolioError('VALIDATION_FAILED', 'Validation error', { details: { errors: [problem] } });
}

export async function createArticle(ctx: AdminContext, actor: Actor, fields: LocalizedFields): Promise<EntryRecord> {
  assertCan(actor, 'create');
  await assertSlugFree(ctx, undefined, fields.slug?.[ctx.locale]);
  return createEntry(ctx.store, ctx.scope, { contentTypeId: articleType, fields }, actor);
}

/** Saves what the form changed, as a per-field patch: fields and locales the form does not show stay. */
export async function saveArticle(ctx: AdminContext, actor: Actor, { id, version, changes }: { id: string; version: number; changes: FieldChange[] }): Promise<EntryRecord> {
  const current = await getArticle(ctx, actor, id);
  check(actor, 'update', current.sys);
  const slug = changes.find((c) => c.field === 'slug' && c.locale === ctx.locale);
  if (slug) await assertSlugFree(ctx, id, slug.value);
  return patchEntryFields(ctx.store, ctx.scope, { id, version, changes }, actor);
}

/**
 * Publishes an article through the content operation, with the rules every door shares (every
 * image it shows needs alt text) and its images published with it, in one transaction, so the
 * public page never links to a draft asset.
 */
export async function publishArticle(ctx: AdminContext, actor: Actor, id: string, version: number): Promise<EntryRecord> {
  await getArticle(ctx, actor, id);
  return publishEntry(ctx.store, ctx.scope, { id, version, withAssets: true }, actor);
}

export async function unpublishArticle(ctx: AdminContext, actor: Actor, id: string, version: number): Promise<EntryRecord> {
  await getArticle(ctx, actor, id);
  return unpublishEntry(ctx.store, ctx.scope, { id, version }, actor);
}

export async function unarchiveArticle(ctx: AdminContext, actor: Actor, id: string, version: number): Promise<EntryRecord> {
  await getArticle(ctx, actor, id);
  return unarchiveEntry(ctx.store, ctx.scope, { id, version }, actor);
}

// ---- writing assets

/** `allowedGroups`: a media field's mimetype groups, when the upload comes from its picker. */
export async function uploadAsset(ctx: AdminContext, actor: Actor, file: IncomingFile, title: string, allowedGroups?: readonly string[]): Promise<AssetRecord> {
  return createAssetFromFile(ctx.store, ctx.storage, ctx.scope, { locale: ctx.locale, title, description: '', file, allowedGroups }, actor);
}

export interface AssetDetails {
  /** The locale edited; the editor's own when absent. */
  locale?: string | undefined;
  title?: string | undefined;
  description?: string | undefined;
  /** 0..1 from the left and top; null removes it, undefined keeps it. */
  focalPoint?: FocalPoint | null | undefined;
  /** A new file for the locale. */
  file?: IncomingFile | undefined;
}

/**
 * Saves title, alt text and focal point of the editor's locale, then publishes the asset when
 * the actor may and the asset's publish rules allow (an image needs its alt text): assets have
 * no editorial workflow of their own here. Returns whether it is published now.
 */
export async function saveAssetDetails(ctx: AdminContext, actor: Actor, id: string, details: AssetDetails, version: number): Promise<{ asset: AssetRecord; published: boolean }> {
  const { file, locale, ...change } = details;
  const replace = file ? { file, storage: ctx.storage } : undefined;
  const saved = await updateAssetLocale(ctx.store, ctx.scope, { id, version, locale: locale ?? ctx.locale, ...change, replace }, actor);
  if (!can(actor, 'publish', ownershipOf(saved.sys))) return { asset: saved, published: false };
  try {
    return { asset: await publishAsset(ctx.store, ctx.scope, { id, version: saved.sys.version }, actor), published: true };
  } catch (err) {
    // Saved as a draft; the page says why it is not public (alt text missing).
    if (err instanceof FolioError && err.code === 'VALIDATION_FAILED') return { asset: saved, published: false };
    throw err;
  }
}

/** What the media library's buttons do to an asset: the content operations, guarded as the editor wants. */
export const assetActions = {
  archive: (ctx: AdminContext, actor: Actor, id: string, version: number) => archiveAsset(ctx.store, ctx.scope, { id, version, guarded: true }, actor),
  unarchive: (ctx: AdminContext, actor: Actor, id: string, version: number) => unarchiveAsset(ctx.store, ctx.scope, { id, version }, actor),
  delete: (ctx: AdminContext, actor: Actor, id: string, version: number) => deleteAsset(ctx.store, ctx.scope, { id, version, guarded: true }, actor),
} as const;

export const usageOf = (ctx: AdminContext, actor: Actor, id: string) => assetUsage(ctx.store, ctx.scope, id, actor);

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
  return can(actor, 'update', ownershipOf(entry.sys));
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
  check(actor, 'update', current.sys);
  const snapshot = await getVersion(ctx, actor, id, snapshotId);
  await assertSlugFree(ctx, id, snapshot.record.fields.slug?.[ctx.locale]);
  return restoreEntrySnapshot(ctx.store, ctx.scope, { id, snapshotId, version, only: { fields: articleFields, locale: ctx.locale } }, actor);
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

// ---- entries of any content type

/** The published content types, by name: what entries can be made of (the Content menu, the list's filter). */
export async function listContentTypes(ctx: AdminContext): Promise<ContentTypeRecord[]> {
  const page = await ctx.store.contentTypes.listPublished(ctx.scope, { limit: 1000 });
  return page.items.sort((a, b) => a.name.localeCompare(b.name) || a.sys.id.localeCompare(b.sys.id));
}

/** A content type and its editor interface's controls by field id (widget and help text). */
export async function getEditable(ctx: AdminContext, actor: Actor, contentTypeId: string) {
  const type = await ctx.store.contentTypes.getPublished(ctx.scope, contentTypeId);
  if (!type) throw new FolioError('NOT_FOUND', 'There is no such content type, or it is not active.');
  const ui = await getEditorInterface(ctx.store, ctx.scope, contentTypeId, actor).catch(() => undefined);
  const controls = new Map<string, EditorInterfaceControl>();
  for (const c of (ui?.body.controls ?? []) as unknown as EditorInterfaceControl[]) if (is.plainObject(c) && is.string(c.fieldId)) controls.set(c.fieldId, c);
  return { type, controls };
}

/** What would stop a draft from being published (its fields' rules, required values), in the API's words: the editor shows it as people type. */
export async function publishChecks(ctx: AdminContext, entry: EntryRecord) {
  const type = await ctx.store.contentTypes.getPublished(ctx.scope, entry.sys.contentTypeId);
  return type ? fieldErrors(type, entry.fields, await ctx.store.locales.list(ctx.scope), 'publish') : [];
}

export function getAnyEntry(ctx: AdminContext, actor: Actor, id: string): Promise<EntryRecord> {
  return getEntry(ctx.store, ctx.scope, id, actor);
}

export function createAnyEntry(ctx: AdminContext, actor: Actor, contentTypeId: string, fields: LocalizedFields): Promise<EntryRecord> {
  return createEntry(ctx.store, ctx.scope, { contentTypeId, fields }, actor);
}

export function patchAnyEntry(ctx: AdminContext, actor: Actor, target: { id: string; version: number; changes: FieldChange[] }): Promise<EntryRecord> {
  return patchEntryFields(ctx.store, ctx.scope, target, actor);
}

/** What the editor's buttons do to any entry: the content operations, with the version the page showed. */
export const entryActions = {
  publish: (ctx: AdminContext, actor: Actor, id: string, version: number) => publishEntry(ctx.store, ctx.scope, { id, version, withAssets: true }, actor),
  unpublish: (ctx: AdminContext, actor: Actor, id: string, version: number) => unpublishEntry(ctx.store, ctx.scope, { id, version }, actor),
  archive: (ctx: AdminContext, actor: Actor, id: string, version: number) => archiveEntry(ctx.store, ctx.scope, { id, version }, actor),
  unarchive: (ctx: AdminContext, actor: Actor, id: string, version: number) => unarchiveEntry(ctx.store, ctx.scope, { id, version }, actor),
  delete: (ctx: AdminContext, actor: Actor, id: string, version: number) => deleteEntry(ctx.store, ctx.scope, { id, version }, actor),
} as const;

/** Picker choices for link fields: recent entries of the allowed types, with their status, plus the ones already linked. */
export async function entryChoices(ctx: AdminContext, actor: Actor, contentTypeIds: string[], linked: string[], limit = 200) {
  assertCan(actor, 'read');
  const order = [{ sys: 'updatedAt' as const, direction: 'desc' as const }];
  const pages = contentTypeIds.length
    ? await Promise.all(contentTypeIds.map((contentTypeId) => ctx.store.entries.list(ctx.scope, { contentTypeId, order, limit })))
    : [await ctx.store.entries.list(ctx.scope, { order, limit })];
  const found = new Map(pages.flatMap((p) => p.items).map((e) => [e.sys.id, e]));
  for (const id of linked) {
    if (found.has(id)) continue;
    const e = await ctx.store.entries.get(ctx.scope, id);
    if (e) found.set(id, e);
  }
  return [...found.values()];
}

export async function assetChoices(ctx: AdminContext, actor: Actor, linked: string[], limit = 200) {
  const { items } = await listAssets(ctx, actor, { page: 1, perPage: limit });
  const found = new Map(items.map((a) => [a.sys.id, a]));
  for (const id of linked) {
    if (found.has(id)) continue;
    const a = await ctx.store.assets.get(ctx.scope, id);
    if (a) found.set(id, a);
  }
  return [...found.values()];
}

/**
 * Links in these changes to entries of a type their field does not allow: refused on save in
 * the editor (the API refuses them on publish, as Contentful does), in the API's words.
 */
export async function linkTypeErrors(ctx: AdminContext, type: ContentTypeRecord, changes: FieldChange[]) {
  const found = await Promise.all(
    changes.map((c) => {
      const def = type.fields.find((f) => f.id === c.field);
      return def && c.value !== undefined ? linkContentTypeError(ctx.store, ctx.scope, def, c.locale, c.value) : undefined;
    }),
  );
  return found.filter((e) => e !== undefined);
}
