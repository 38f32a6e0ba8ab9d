/**
 * Drafts and published snapshots of one kind of resource, with Contentful's version rules
 * (see VersionedRepository in store.ts). Every write checks the version it read in the same
 * UPDATE, so two writers that read the same version cannot both win.
 */
import type { CompiledQuery, Kysely, SelectQueryBuilder } from 'kysely';
import type { CountMemo } from './count-memo.js';
import { link } from '../contentful/links.js';
import { FolioError, validationFailed } from '../errors/index.js';
import type { DialectAdapter } from './dialect.js';
import { newId, now } from './ids.js';
import { environmentMissing, insertChecked, takenError, type InsertProblems } from './insert-checked.js';
import { byIdList, idListLength, orderExpressions, pageBounds, whereClause } from './query.js';
import { publishedColumns, resourcesColumns, type Database, type ResourceKind, type ResourcesTable, type SnapshotsTable } from './schema.js';
import type { VersionedRepository } from './store.js';
import { fieldLinks } from './links.js';
import { recordContentEvent } from './outbox.js';
import type { ContentAction } from './event-types.js';
import { tagsField } from './tags-field.js';
import type { Json, ListQuery, LocalizedFields, Page, ResourceMetadata, Scope, SnapshotRecord, VersionedSys } from './types.js';

/** How one kind maps between its record and the `data` column. */
export interface KindCodec<TBody, TRecord extends { sys: VersionedSys }> {
  kind: ResourceKind;
  label: string;
  contentTypeId(body: TBody): string | null;
  data(body: TBody): Json;
  /** Entries' and assets' tags; undefined on update keeps what is stored. */
  metadata(body: TBody): ResourceMetadata | undefined;
  record(sys: VersionedSys, contentTypeId: string | null, data: Json, metadata: ResourceMetadata): TRecord;
}

export interface RepositoryContext {
  db: Kysely<Database>;
  adapter: DialectAdapter;
  /** Runs fn in a transaction (or the current one) and hands it that transaction's context. */
  atomically<T>(fn: (ctx: RepositoryContext) => Promise<T>): Promise<T>;
  /** Runs fn on one read-only moment of the data (or the current transaction), see Store.snapshot. */
  snapshot<T>(fn: (ctx: RepositoryContext) => Promise<T>): Promise<T>;
  /** True in a transaction or snapshot: every read through this context sees the same moment. */
  oneMoment: boolean;
  /** Totals by content version; absent in a transaction (see count-memo.ts). */
  counts?: CountMemo;
}

/**
 * Rows one statement reads at most. A page of 1000 whole rows (sorted, then parsed) held the
 * event loop for tens of milliseconds in one go on a synchronous driver; beyond this a page is
 * read as its ordered ids, then rows in slices with the loop free between them. Sorting ids
 * alone is also several times cheaper than sorting whole rows (SQLite's sorter carries every
 * column), so smaller pages read at one moment take the same path.
 */
const rowsPerRead = 200;
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The columns a list reads its rows with, by table. */
const rowColumns = { resources: resourcesColumns, published: publishedColumns } as const;

const sysOf = (row: ResourcesTable): VersionedSys => ({
  id: row.id,
  version: row.version,
  publishedVersion: row.published_version,
  publishedCounter: row.published_counter,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  publishedAt: row.published_at,
  firstPublishedAt: row.first_published_at,
  archivedAt: row.archived_at,
  createdBy: row.created_by,
  updatedBy: row.updated_by,
  publishedBy: row.published_by,
  archivedBy: row.archived_by,
  archivedVersion: row.archived_version,
});

const sysColumns = (sys: VersionedSys) => ({
  version: sys.version,
  published_version: sys.publishedVersion,
  published_counter: sys.publishedCounter,
  updated_at: sys.updatedAt,
  published_at: sys.publishedAt,
  first_published_at: sys.firstPublishedAt,
  archived_at: sys.archivedAt,
  updated_by: sys.updatedBy ?? null,
  published_by: sys.publishedBy ?? null,
  archived_by: sys.archivedBy ?? null,
  archived_version: sys.archivedVersion ?? null,
});

const metadataOf = (text: string): ResourceMetadata => {
  const parsed = JSON.parse(text) as Partial<ResourceMetadata>;
  return { tags: Array.isArray(parsed.tags) ? parsed.tags : [] };
};

/** Stored as JSON; duplicate tags collapse, as a set. */
const encodeMetadata = (metadata: ResourceMetadata | undefined) => JSON.stringify({ tags: [...new Set(metadata?.tags ?? [])] });

/** Connections and transactions that moved the counter: their commit is announced to readers. */
const moved = new WeakSet<Kysely<Database>>();
export const movedChangeCounter = (db: Kysely<Database>) => moved.has(db);

/** The change log's position now: the content version readers key their caches by. */
export const readChangeCounter = async (db: Kysely<Database>) =>
  Number((await db.selectFrom('counters').select('value').where('name', '=', 'changes').executeTakeFirst())?.value ?? 0);

/** Next position of the change log; any published change takes one. */
export async function bumpChangeCounter(db: Kysely<Database>) {
  moved.add(db);
  return db
    .updateTable('counters')
    .set((eb) => ({ value: eb('value', '+', 1) }))
    .where('name', '=', 'changes')
    .returning('value')
    .executeTakeFirstOrThrow();
}

export function versionedRepository<TBody, TRecord extends { sys: VersionedSys }>(
  context: RepositoryContext,
  codec: KindCodec<TBody, TRecord>,
): VersionedRepository<TBody, TRecord> {
  const { kind, label } = codec;
  const key = (scope: Scope, id: string) =>
    ({ space_id: scope.spaceId, environment_id: scope.environmentId, kind, id }) as const;

  const fromRow = (row: ResourcesTable) => codec.record(sysOf(row), row.content_type_id, JSON.parse(row.data) as Json, metadataOf(row.metadata));
  /** The record as it stands after a state change (new sys, same data), announced in the outbox. */
  async function changed(ctx: RepositoryContext, scope: Scope, row: ResourcesTable, sys: VersionedSys, action: ContentAction) {
    const record = codec.record(sys, row.content_type_id, JSON.parse(row.data) as Json, metadataOf(row.metadata));
    await recordContentEvent(ctx.db, scope, kind, action, record);
    return record;
  }
  const fromPublished = (row: Database['published']) =>
    codec.record(JSON.parse(row.sys) as VersionedSys, row.content_type_id, JSON.parse(row.data) as Json, metadataOf(row.metadata));

  const readRow = (ctx: RepositoryContext, scope: Scope, id: string) =>
    ctx.db
      .selectFrom('resources')
      .select(resourcesColumns)
      .where('space_id', '=', scope.spaceId)
      .where('environment_id', '=', scope.environmentId)
      .where('kind', '=', kind)
      .where('id', '=', id)
      .executeTakeFirst();

  async function current(ctx: RepositoryContext, scope: Scope, id: string, expectedVersion?: number) {
    const row = await readRow(ctx, scope, id);
    if (!row) throw new FolioError('NOT_FOUND', `${label} "${id}" not found`, { details: { type: kind, id } });
    if (expectedVersion !== undefined && expectedVersion !== row.version) {
      throw new FolioError('VERSION_MISMATCH', `${label} "${id}" is at version ${row.version}, not ${expectedVersion}`);
    }
    return row;
  }

  /** Writes the new sys (and data) only if nobody changed the row since `row` was read. */
  async function guardedUpdate(ctx: RepositoryContext, scope: Scope, row: ResourcesTable, sys: VersionedSys, data?: string, metadata?: string) {
    const result = await ctx.db
      .updateTable('resources')
      .set({ ...sysColumns(sys), ...(data !== undefined ? { data } : {}), ...(metadata !== undefined ? { metadata } : {}) })
      .where('space_id', '=', scope.spaceId)
      .where('environment_id', '=', scope.environmentId)
      .where('kind', '=', kind)
      .where('id', '=', row.id)
      .where('version', '=', row.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw changedMeanwhile(row.id);
  }

  const archivedError = (id: string) => new FolioError('BAD_REQUEST', `${label} "${id}" is archived; unarchive it first`);

  const snapshotOf = (row: SnapshotsTable): SnapshotRecord<TRecord> => ({
    id: row.id,
    createdAt: row.created_at,
    createdBy: row.created_by,
    record: codec.record(JSON.parse(row.sys) as VersionedSys, kind === 'Entry' ? ((JSON.parse(row.sys) as { contentTypeId?: string }).contentTypeId ?? null) : null, JSON.parse(row.data) as Json, metadataOf(row.metadata)),
  });

  const changedMeanwhile = (id: string) => new FolioError('VERSION_MISMATCH', `${label} "${id}" was changed by someone else; reload and retry`);

  /** Tags must exist in the environment before anything carries them. */
  async function checkTags(ctx: RepositoryContext, scope: Scope, metadata: string) {
    const { tags } = metadataOf(metadata);
    if (tags.length === 0) return;
    const found = await ctx.db
      .selectFrom('tags')
      .select('id')
      .where('space_id', '=', scope.spaceId)
      .where('environment_id', '=', scope.environmentId)
      .where('id', 'in', tags)
      .execute();
    const missing = tags.filter((t) => !found.some((f) => f.id === t));
    if (missing.length) {
      const problems = missing.map((id) => ({ name: 'notResolvable', path: ['metadata', 'tags'], details: `Tag "${id}" does not exist`, value: link('Tag', id) }));
      throw validationFailed(problems, problems[0]!.details);
    }
  }

  /** Rewrites one side's link and search rows for an item from its data (or removes them). */
  async function writeIndexes(
    ctx: RepositoryContext,
    scope: Scope,
    id: string,
    side: 'draft' | 'published',
    data: string | undefined,
    metadata?: string,
  ) {
    if (kind === 'ContentType') return;
    await ctx.db
      .deleteFrom('links')
      .where('space_id', '=', scope.spaceId)
      .where('environment_id', '=', scope.environmentId)
      .where('side', '=', side)
      .where('kind', '=', kind)
      .where('id', '=', id)
      .execute();
    const fields = data === undefined ? undefined : (JSON.parse(data) as LocalizedFields);
    await ctx.adapter.search.write(ctx.db, key(scope, id), side, fields);
    // Tags sit in the link index too, so tag queries are the same indexed EXISTS as links_to.
    const tags = fields && metadata ? metadataOf(metadata).tags.map((tag) => ({ field: tagsField, linkType: 'Tag', id: tag })) : [];
    const links = fields ? [...fieldLinks(fields), ...tags] : [];
    if (links.length === 0) return;
    await ctx.db
      .insertInto('links')
      .values(links.map((l) => ({ ...key(scope, id), side, field_id: l.field, to_kind: l.linkType, to_id: l.id })))
      .execute();
  }

  /** The published row changed: its Delivery fragments (delivery_fragments) were shaped from the old one. */
  const dropFragments = (ctx: RepositoryContext, scope: Scope, id: string) =>
    kind === 'ContentType' ? undefined : ctx.db.deleteFrom('delivery_fragments').where((eb) => eb.and(key(scope, id))).execute();

  /** Numbers this change after every earlier one, for sync. Content types are not synced. */
  async function logChange(ctx: RepositoryContext, scope: Scope, row: ResourcesTable, sys: VersionedSys, deleted: boolean) {
    const counter = await bumpChangeCounter(ctx.db);
    // The model is not synced, but its changes still move the counter, which readers use as
    // the content version (delivery cache).
    if (kind === 'ContentType') return;
    const values = {
      seq: Number(counter.value),
      deleted: deleted ? 1 : 0,
      content_type_id: row.content_type_id,
      changed_at: sys.updatedAt,
      sys: JSON.stringify(sys),
    };
    await ctx.db
      .insertInto('changes')
      .values({ ...key(scope, row.id), ...values })
      .onConflict((oc) => oc.columns(['space_id', 'environment_id', 'kind', 'id']).doUpdateSet(values))
      .execute();
  }

  /**
   * A count, kept per content version when `keep`: for published rows only, since only published
   * changes move the counter (an id list is counted as cheaply as it is looked up).
   */
  async function countOf(ctx: RepositoryContext, query: { compile(): CompiledQuery; executeTakeFirstOrThrow(): Promise<{ total: unknown }> }, keep: boolean) {
    const count = async () => Number((await query.executeTakeFirstOrThrow()).total);
    if (!keep || !ctx.counts) return count();
    const { sql: text, parameters } = query.compile();
    return ctx.counts.total(ctx.db, `${kind}\0${text}\0${JSON.stringify(parameters)}`, ctx.oneMoment, count);
  }

  /**
   * The rows a list query matches, how to order them, and how many there are (-1 when not
   * `counting`: a count reads every match, however few of them the page shows).
   */
  async function counted(ctx: RepositoryContext, table: 'resources' | 'published', scope: Scope, query: ListQuery, counting = true) {
    const inScope = (ctx.db.selectFrom(table) as unknown as SelectQueryBuilder<Database, 'resources' | 'published', object>)
      .where('space_id', '=', scope.spaceId)
      .where('environment_id', '=', scope.environmentId)
      .where('kind', '=', kind);
    const base = inScope.where(whereClause(query, ctx.adapter, table));
    const ordered = <S extends typeof base>(select: S) => orderExpressions(query.order, ctx.adapter, table, byIdList(query)).reduce((q, order) => q.orderBy(order) as S, select);
    // One after the other: in a transaction both run on one pg client, which must not get two at once.
    // Only published totals are kept per content version: saving a draft does not move the counter.
    const total = counting ? await countOf(ctx, base.select((eb) => eb.fn.countAll().as('total')), table === 'published' && !byIdList(query)) : -1;
    return { inScope, base, ordered, page: { total, ...pageBounds(query) } };
  }

  async function listFrom<T extends 'resources' | 'published'>(
    table: T,
    scope: Scope,
    query: ListQuery,
    toRecord: (row: Database[T]) => TRecord,
    counting = true,
  ): Promise<Page<TRecord>> {
    const bounds = pageBounds(query);
    // A short id list is read in one statement: its ids alone, ordered, SQLite read off a whole covering index.
    const fewIds = idListLength(query) <= rowsPerRead;
    const read = async (ctx: RepositoryContext): Promise<Page<TRecord>> => {
      const { inScope, base, ordered, page } = await counted(ctx, table, scope, query, counting);
      if (!ctx.oneMoment || fewIds) {
        const rows = await (ordered(base.select(rowColumns[table]) as typeof base) as typeof base).limit(bounds.limit).offset(bounds.skip).execute();
        return { ...page, items: (rows as unknown as Database[T][]).map(toRecord) };
      }
      // The ordered ids first, then their rows a slice at a time, the loop free in between.
      const ids = ((await (ordered(base.select('id') as typeof base) as typeof base).limit(bounds.limit).offset(bounds.skip).execute()) as Array<{ id: string }>).map((r) => r.id);
      const items: TRecord[] = [];
      for (let i = 0; i < ids.length; i += rowsPerRead) {
        if (i > 0) await yieldToLoop();
        const slice = ids.slice(i, i + rowsPerRead);
        const rows = (await inScope.select(rowColumns[table]).where('id', 'in', slice).execute()) as unknown as Database[T][];
        const byId = new Map(rows.map((row) => [row.id, row]));
        for (const id of slice) items.push(toRecord(byId.get(id)!));
      }
      return { ...page, items };
    };
    // A page read in slices must come from one moment, or a publish between slices could show in half of it.
    return bounds.limit <= rowsPerRead || fewIds ? read(context) : context.snapshot(read);
  }

  return {
    create: (scope, body, by) =>
      context.atomically(async (ctx) => {
        const id = (body as { id?: string }).id ?? newId();
        const contentTypeId = codec.contentTypeId(body);
        if (contentTypeId !== null) {
          const type = await ctx.db
            .selectFrom('resources')
            .select('id')
            .where('space_id', '=', scope.spaceId)
            .where('environment_id', '=', scope.environmentId)
            .where('kind', '=', 'ContentType')
            .where('id', '=', contentTypeId)
            .executeTakeFirst();
          if (!type) throw new FolioError('VALIDATION_FAILED', `Content type "${contentTypeId}" does not exist`);
        }
        const problems: InsertProblems = {
          duplicate: { message: `${label} "${id}" already exists`, path: ['sys', 'id'] },
          missingParent: environmentMissing(scope.spaceId, scope.environmentId),
        };
        // Checked first too: in PostgreSQL a failed INSERT would spoil a caller's open transaction.
        if (await readRow(ctx, scope, id)) throw takenError(problems.duplicate);
        const time = now();
        const row: ResourcesTable = {
          ...key(scope, id),
          content_type_id: contentTypeId,
          version: 1,
          published_version: null,
          published_counter: 0,
          created_at: time,
          updated_at: time,
          published_at: null,
          first_published_at: null,
          archived_at: null,
          created_by: by ?? null,
          updated_by: by ?? null,
          published_by: null,
          archived_by: null,
          archived_version: null,
          data: JSON.stringify(codec.data(body)),
          metadata: encodeMetadata(codec.metadata(body)),
        };
        await checkTags(ctx, scope, row.metadata);
        await insertChecked(ctx.adapter, () => ctx.db.insertInto('resources').values(row).execute(), problems);
        await writeIndexes(ctx, scope, id, 'draft', row.data, row.metadata);
        await recordContentEvent(ctx.db, scope, kind, 'create', fromRow(row));
        return fromRow(row);
      }),

    get: async (scope, id) => {
      const row = await readRow(context, scope, id);
      return row && fromRow(row);
    },

    update: (scope, id, body, expectedVersion, by) =>
      context.atomically(async (ctx) => {
        const row = await current(ctx, scope, id, expectedVersion);
        if (row.archived_at) throw archivedError(id);
        const sys = { ...sysOf(row), version: row.version + 1, updatedAt: now(), updatedBy: by ?? null };
        const data = JSON.stringify(codec.data(body));
        const given = codec.metadata(body);
        const metadata = given ? encodeMetadata(given) : row.metadata;
        if (given) await checkTags(ctx, scope, metadata);
        await guardedUpdate(ctx, scope, row, sys, data, metadata);
        await writeIndexes(ctx, scope, id, 'draft', data, metadata);
        const record = codec.record(sys, row.content_type_id, JSON.parse(data) as Json, metadataOf(metadata));
        await recordContentEvent(ctx.db, scope, kind, 'save', record);
        return record;
      }),

    publish: (scope, id, expectedVersion, by, options) =>
      context.atomically(async (ctx) => {
        const row = await current(ctx, scope, id, expectedVersion);
        if (row.archived_at) throw archivedError(id);
        const data = options?.fields === undefined ? row.data : JSON.stringify(options.fields);
        const time = now();
        const sys: VersionedSys = {
          ...sysOf(row),
          version: row.version + 1,
          publishedVersion: row.version,
          publishedCounter: row.published_counter + 1,
          updatedAt: time,
          publishedAt: time,
          firstPublishedAt: row.first_published_at ?? time,
          updatedBy: by ?? null,
          publishedBy: by ?? null,
        };
        await guardedUpdate(ctx, scope, row, sys);
        await ctx.db.deleteFrom('published').where((eb) => eb.and(key(scope, id))).execute();
        await dropFragments(ctx, scope, id);
        await ctx.db
          .insertInto('published')
          .values({
            ...key(scope, id),
            content_type_id: row.content_type_id,
            // The delivery timeline: readers see an item born at its first publish.
            created_at: sys.firstPublishedAt ?? time,
            updated_at: time,
            published_at: time,
            sys: JSON.stringify(sys),
            data,
            metadata: row.metadata,
          })
          .execute();
        await writeIndexes(ctx, scope, id, 'published', data, row.metadata);
        await logChange(ctx, scope, row, sys, false);
        if (kind !== 'Asset') {
          await ctx.db
            .insertInto('snapshots')
            .values({ space_id: scope.spaceId, environment_id: scope.environmentId, kind, entity_id: id, id: newId(), created_at: time, created_by: by ?? null, sys: JSON.stringify(kind === 'Entry' ? { ...sys, contentTypeId: row.content_type_id } : sys), data, metadata: row.metadata })
            .execute();
        }
        return changed(ctx, scope, row, sys, 'publish');
      }),

    unpublish: (scope, id, expectedVersion, by) =>
      context.atomically(async (ctx) => {
        const row = await current(ctx, scope, id, expectedVersion);
        if (row.published_version === null) throw new FolioError('BAD_REQUEST', `${label} "${id}" is not published`);
        const sys: VersionedSys = { ...sysOf(row), version: row.version + 1, publishedVersion: null, publishedAt: null, updatedAt: now(), updatedBy: by ?? null };
        await guardedUpdate(ctx, scope, row, sys);
        const was = await ctx.db.selectFrom('published').select('sys').where((eb) => eb.and(key(scope, id))).executeTakeFirst();
        await ctx.db.deleteFrom('published').where((eb) => eb.and(key(scope, id))).execute();
        await dropFragments(ctx, scope, id);
        await writeIndexes(ctx, scope, id, 'published', undefined);
        // Sync reports the deletion with the sys readers last saw, stamped with when it went.
        await logChange(ctx, scope, row, { ...(was ? (JSON.parse(was.sys) as VersionedSys) : sys), updatedAt: sys.updatedAt }, true);
        return changed(ctx, scope, row, sys, 'unpublish');
      }),

    archive: (scope, id, expectedVersion, by) =>
      context.atomically(async (ctx) => {
        const row = await current(ctx, scope, id, expectedVersion);
        if (row.archived_at) throw archivedError(id);
        if (row.published_version !== null) throw new FolioError('BAD_REQUEST', `${label} "${id}" is published; unpublish it before archiving it`);
        const time = now();
        const sys: VersionedSys = { ...sysOf(row), version: row.version + 1, updatedAt: time, updatedBy: by ?? null, archivedAt: time, archivedVersion: row.version, archivedBy: by ?? null };
        await guardedUpdate(ctx, scope, row, sys);
        return changed(ctx, scope, row, sys, 'archive');
      }),

    unarchive: (scope, id, expectedVersion, by) =>
      context.atomically(async (ctx) => {
        const row = await current(ctx, scope, id, expectedVersion);
        if (!row.archived_at) throw new FolioError('BAD_REQUEST', `${label} "${id}" is not archived`);
        const sys: VersionedSys = { ...sysOf(row), version: row.version + 1, updatedAt: now(), updatedBy: by ?? null, archivedAt: null, archivedVersion: null, archivedBy: null };
        await guardedUpdate(ctx, scope, row, sys);
        return changed(ctx, scope, row, sys, 'unarchive');
      }),

    delete: (scope, id, expectedVersion) =>
      context.atomically(async (ctx) => {
        const row = await current(ctx, scope, id, expectedVersion);
        if (row.published_version !== null) {
          throw new FolioError('BAD_REQUEST', `${label} "${id}" is published; unpublish it before deleting it`);
        }
        const result = await ctx.db
          .deleteFrom('resources')
          .where((eb) => eb.and(key(scope, id)))
          .where('version', '=', row.version)
          .executeTakeFirst();
        // A writer (say, a publish) got in between: deleting now would act on a state never seen.
        if (Number(result.numDeletedRows) !== 1) throw changedMeanwhile(row.id);
        await writeIndexes(ctx, scope, id, 'draft', undefined);
        await ctx.db
          .deleteFrom('snapshots')
          .where('space_id', '=', scope.spaceId)
          .where('environment_id', '=', scope.environmentId)
          .where('kind', '=', kind)
          .where('entity_id', '=', id)
          .execute();
        await recordContentEvent(ctx.db, scope, kind, 'delete', fromRow(row));
      }),

    getPublished: async (scope, id) => {
      const row = await context.db
        .selectFrom('published')
        .select(publishedColumns)
        .where((eb) => eb.and(key(scope, id)))
        .executeTakeFirst();
      return row && fromPublished(row);
    },

    list: (scope, query = {}) => listFrom('resources', scope, query, fromRow),

    snapshots: async (scope, id, page = {}) => {
      const bounds = pageBounds(page);
      const base = context.db
        .selectFrom('snapshots')
        .where('space_id', '=', scope.spaceId)
        .where('environment_id', '=', scope.environmentId)
        .where('kind', '=', kind)
        .where('entity_id', '=', id);
      const { total } = await base.select((eb) => eb.fn.countAll().as('total')).executeTakeFirstOrThrow();
      const rows = await base.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(bounds.limit).offset(bounds.skip).execute();
      return { total: Number(total), ...bounds, items: rows.map(snapshotOf) };
    },

    snapshot: async (scope, id, snapshotId) => {
      const row = await context.db
        .selectFrom('snapshots')
        .selectAll()
        .where('space_id', '=', scope.spaceId)
        .where('environment_id', '=', scope.environmentId)
        .where('kind', '=', kind)
        .where('entity_id', '=', id)
        .where('id', '=', snapshotId)
        .executeTakeFirst();
      return row && snapshotOf(row);
    },

    listPublished: (scope, query = {}) => listFrom('published', scope, query, fromPublished),

    pagePublished: async (scope, query = {}) => (await listFrom('published', scope, query, fromPublished, false)).items,

    publishedKeys: async (scope, query = {}) => {
      const { base, ordered, page } = await counted(context, 'published', scope, query);
      const rows = (await (ordered(base.select(['id', 'published_at']) as typeof base) as typeof base).limit(page.limit).offset(page.skip).execute()) as Array<{ id: string; published_at: string }>;
      return { ...page, items: rows.map((r) => ({ id: r.id, publishedAt: r.published_at })) };
    },

    removeField: (scope, contentTypeId, fieldId) =>
      context.atomically(async (ctx) => {
        let changedRows = 0;
        for (const table of ['resources', 'published'] as const) {
          const rows = await ctx.db
            .selectFrom(table)
            .select(['id', 'data', 'metadata'])
            .where('space_id', '=', scope.spaceId)
            .where('environment_id', '=', scope.environmentId)
            .where('kind', '=', kind)
            .where('content_type_id', '=', contentTypeId)
            .execute();
          for (const row of rows) {
            const fields = JSON.parse(row.data) as Record<string, Json>;
            if (!Object.hasOwn(fields, fieldId)) continue;
            delete fields[fieldId];
            const data = JSON.stringify(fields);
            await ctx.db.updateTable(table).set({ data }).where((eb) => eb.and(key(scope, row.id))).execute();
            if (table === 'published') await dropFragments(ctx, scope, row.id);
            await writeIndexes(ctx, scope, row.id, table === 'resources' ? 'draft' : 'published', data, row.metadata);
            changedRows++;
          }
        }
        // Cached answers (Delivery, the hub) are keyed by the change counter: move it so none survive.
        if (changedRows > 0) await bumpChangeCounter(ctx.db);
        return changedRows;
      }),
  };
}
