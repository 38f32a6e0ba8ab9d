/** ListQuery → WHERE and ORDER BY on the resources or published table. */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { FolioError } from '../errors/index.js';
import type { DialectAdapter } from './dialect.js';
import { searchTermsOf } from './search-index.js';
import type { Database } from './schema.js';
import { tagsField } from './tags-field.js';
import type { Condition, EditorialStatus, ListQuery, OrderBy, Scalar, SysKey } from './types.js';

export const defaultLimit = 100;
export const maxLimit = 1000;

type Table = 'resources' | 'published';
type Eb = ExpressionBuilder<Database, Table>;

const sysColumns = { id: 'id', createdAt: 'created_at', updatedAt: 'updated_at', publishedAt: 'published_at', contentType: 'content_type_id' } as const;
/** Columns of drafts only; a published snapshot keeps them in its sys JSON. */
const draftSysColumns = {
  firstPublishedAt: 'first_published_at',
  publishedVersion: 'published_version',
  archivedAt: 'archived_at',
  createdBy: 'created_by',
  updatedBy: 'updated_by',
} as const;

/**
 * A draft's editorial status from its columns, so lists filter and sort on it in SQL rather than
 * reading every row: publishing bumps the version once, so an untouched published draft is at
 * publishedVersion + 1 (the same rule as the editor's statusOf).
 */
const draftStatus = sql`(CASE WHEN archived_at IS NOT NULL THEN 'archived' WHEN published_version IS NULL THEN 'draft'
  WHEN version > published_version + 1 THEN 'changed' ELSE 'published' END)`;

/**
 * A sys property as SQL, and how values compared with it are written: a column, or on a
 * published snapshot a value in its sys JSON (its revision is the publish count).
 */
function sysTarget(key: SysKey, adapter: DialectAdapter, table: Table) {
  const plain = (v: Scalar) => sql`${v}`;
  if (key === 'status') return { target: table === 'resources' ? draftStatus : sql`'published'`, value: plain };
  if (key === 'revision') return { target: table === 'published' ? adapter.jsonNumberAt('sys', ['publishedCounter']) : sql.ref('version'), value: plain };
  if (key in sysColumns) return { target: sql.ref(sysColumns[key as keyof typeof sysColumns]), value: plain };
  const k = key as keyof typeof draftSysColumns;
  return table === 'resources' ? { target: sql.ref(draftSysColumns[k]), value: plain } : { target: adapter.jsonAt('sys', [k]), value: (v: Scalar) => adapter.jsonValue(v) };
}

export function pageBounds(query: ListQuery): { limit: number; skip: number } {
  const limit = query.limit ?? defaultLimit;
  const skip = query.skip ?? 0;
  if (!Number.isInteger(limit) || limit < 0 || limit > maxLimit) {
    throw new FolioError('INVALID_QUERY', `limit must be an integer from 0 to ${maxLimit}`);
  }
  if (!Number.isInteger(skip) || skip < 0) throw new FolioError('INVALID_QUERY', 'skip must be a non-negative integer');
  return { limit, skip };
}

/**
 * Squared distance in km² on an equirectangular projection: exact enough for city-scale
 * queries, and plain arithmetic that both engines (and an index-free scan) can do.
 */
function squaredKm(adapter: DialectAdapter, field: string, locale: string, lat: number, lon: number) {
  const kmPerDegree = 111.32;
  const lonScale = kmPerDegree * Math.cos((lat * Math.PI) / 180);
  const dLat = sql`(${adapter.jsonNumberAt(adapter.fieldsColumn, [field, locale, 'lat'])} - ${lat}) * ${kmPerDegree}`;
  const dLon = sql`(${adapter.jsonNumberAt(adapter.fieldsColumn, [field, locale, 'lon'])} - ${lon}) * ${lonScale}`;
  return sql`((${dLat}) * (${dLat}) + (${dLon}) * (${dLon}))`;
}

function within(c: Extract<Condition, { op: 'within' }>, adapter: DialectAdapter): Expression<SqlBool> {
  if ('circle' in c.area) {
    const { lat, lon, radiusKm } = c.area.circle;
    return sql<SqlBool>`${squaredKm(adapter, c.field, c.locale, lat, lon)} <= ${radiusKm * radiusKm}`;
  }
  const { bottomLeft, topRight } = c.area.box;
  const lat = adapter.jsonNumberAt(adapter.fieldsColumn, [c.field, c.locale, 'lat']);
  const lon = adapter.jsonNumberAt(adapter.fieldsColumn, [c.field, c.locale, 'lon']);
  return sql<SqlBool>`(${lat} BETWEEN ${bottomLeft.lat} AND ${topRight.lat} AND ${lon} BETWEEN ${bottomLeft.lon} AND ${topRight.lon})`;
}

const comparators = { eq: '=', ne: '<>', lt: '<', lte: '<=', gt: '>', gte: '>=' } as const;

const linkSide = { resources: 'draft', published: 'published' } as const;

/** Items of this table (same space, environment, kind) with a link (to one of `ids`, when given). */
function linkExists(table: Table, toKind: string, ids: string[] | undefined, field: string | undefined): Expression<SqlBool> {
  return sql<SqlBool>`EXISTS (SELECT 1 FROM links l WHERE l.space_id = ${sql.ref(`${table}.space_id`)}
    AND l.environment_id = ${sql.ref(`${table}.environment_id`)} AND l.kind = ${sql.ref(`${table}.kind`)}
    AND l.id = ${sql.ref(`${table}.id`)} AND l.side = ${linkSide[table]} AND l.to_kind = ${toKind}
    ${ids ? sql`AND l.to_id IN (${sql.join(ids)})` : sql``}${field !== undefined ? sql` AND l.field_id = ${field}` : sql``})`;
}

function linksTo(c: Extract<Condition, { op: 'linksTo' }>, table: Table): Expression<SqlBool> {
  if (c.ids.length === 0) return sql<SqlBool>`1 = 0`;
  return linkExists(table, c.linkType, c.ids, c.field);
}

function tagged(c: Extract<Condition, { op: 'tagged' }>, table: Table): Expression<SqlBool> {
  if (c.ids?.length === 0) return c.mode === 'any' ? sql<SqlBool>`1 = 0` : sql<SqlBool>`1 = 1`;
  if (c.mode === 'all' && c.ids) return sql<SqlBool>`(${sql.join(c.ids.map((id) => linkExists(table, 'Tag', [id], tagsField)), sql` AND `)})`;
  const any = linkExists(table, 'Tag', c.ids, tagsField);
  return c.mode === 'none' ? sql<SqlBool>`NOT ${any}` : any;
}

function arrayHas(c: Extract<Condition, { op: 'has' }>, adapter: DialectAdapter): Expression<SqlBool> {
  if (c.values.length === 0) return c.mode === 'any' ? sql<SqlBool>`1 = 0` : sql<SqlBool>`1 = 1`;
  const each = c.values.map((v) => adapter.jsonArrayHas(adapter.fieldsColumn, [c.field, c.locale], v));
  if (c.mode === 'all') return sql<SqlBool>`(${sql.join(each, sql` AND `)})`;
  const any = sql<SqlBool>`(${sql.join(each, sql` OR `)})`;
  return c.mode === 'any' ? any : sql<SqlBool>`NOT ${any}`;
}

/** LIKE with the text's own % and _ taken literally; LOWER on both sides makes it any case in both engines. */
function contains(c: Extract<Condition, { op: 'contains' }>, adapter: DialectAdapter): Expression<SqlBool> {
  const pattern = `%${c.text.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  return sql<SqlBool>`LOWER(${adapter.jsonTextAt(adapter.fieldsColumn, [c.field, c.locale, ...(c.path ?? [])])}) LIKE ${pattern} ESCAPE '\\'`;
}

/**
 * The editor's status rule (src/admin/status.ts statusOf) in SQL, so lists filter by status in
 * the database and page there: publishing bumps the version once, so an untouched published
 * draft is publishedVersion + 1. Published snapshots have no draft status.
 */
function editorialStatus(status: EditorialStatus, table: Table): Expression<SqlBool> {
  if (table === 'published') return sql<SqlBool>`1 = 0`;
  switch (status) {
    case 'archived':
      return sql<SqlBool>`archived_at IS NOT NULL`;
    case 'draft':
      return sql<SqlBool>`(archived_at IS NULL AND published_version IS NULL)`;
    case 'published':
      return sql<SqlBool>`(archived_at IS NULL AND version <= published_version + 1)`;
    case 'changed':
      return sql<SqlBool>`(archived_at IS NULL AND version > published_version + 1)`;
  }
}

const all = (parts: Expression<SqlBool>[]) => (parts.length ? sql<SqlBool>`(${sql.join(parts, sql` AND `)})` : sql<SqlBool>`1 = 1`);

function condition(c: Condition, adapter: DialectAdapter, table: Table): Expression<SqlBool> {
  if (c.op === 'any') {
    if (c.of.length === 0) return sql<SqlBool>`1 = 0`;
    return sql<SqlBool>`(${sql.join(c.of.map((group) => all(group.map((g) => condition(g, adapter, table)))), sql` OR `)})`;
  }
  // IS NOT TRUE: a comparison with a missing value (NULL) counts as not holding, so its negation holds.
  if (c.op === 'not') return sql<SqlBool>`(${condition(c.condition, adapter, table)}) IS NOT TRUE`;
  if (c.op === 'linksTo') return linksTo(c, table);
  if (c.op === 'tagged') return tagged(c, table);
  if (c.op === 'within') return within(c, adapter);
  if (c.op === 'match') {
    const terms = searchTermsOf(c.text);
    return terms.length ? adapter.search.matches(table, linkSide[table], terms, c.field) : sql<SqlBool>`1 = 1`;
  }
  if (c.op === 'has') return arrayHas(c, adapter);
  if (c.op === 'contains') return contains(c, adapter);
  if (c.op === 'status') return editorialStatus(c.status, table);
  const { target, value } = 'sys' in c ? sysTarget(c.sys, adapter, table) : { target: adapter.jsonAt(adapter.fieldsColumn, [c.field, c.locale, ...(c.path ?? [])]), value: (v: Scalar) => adapter.jsonValue(v) };
  switch (c.op) {
    case 'exists':
      return c.value ? sql<SqlBool>`${target} IS NOT NULL` : sql<SqlBool>`${target} IS NULL`;
    case 'in':
    case 'nin': {
      if (c.values.length === 0) return c.op === 'in' ? sql<SqlBool>`1 = 0` : sql<SqlBool>`1 = 1`;
      const list = sql.join(c.values.map(value));
      return c.op === 'in' ? sql<SqlBool>`${target} IN (${list})` : sql<SqlBool>`(${target} IS NULL OR ${target} NOT IN (${list}))`;
    }
    case 'ne':
      return sql<SqlBool>`(${target} IS NULL OR ${target} <> ${value(c.value)})`;
    default:
      return sql<SqlBool>`${target} ${sql.raw(comparators[c.op])} ${value(c.value)}`;
  }
}

/**
 * A full-text condition's matches are few next to a type's items. Offered the type as an index
 * prefix, SQLite's planner walked every item of the type in the page's order (or counted them
 * all) and tested each against the matches: time in proportion to the content. With the type
 * written as an expression no index serves, the page starts from the matches (the primary key)
 * and checks the type on each.
 */
const searching = (query: ListQuery) => (query.where ?? []).some((c) => c.op === 'match' && searchTermsOf(c.text).length > 0);

export function whereClause(query: ListQuery, adapter: DialectAdapter, table: Table) {
  return (eb: Eb) => {
    const parts: Expression<SqlBool>[] = [];
    if (query.contentTypeId !== undefined) parts.push(searching(query) ? sql<SqlBool>`${sql.ref('content_type_id')} || '' = ${query.contentTypeId}` : eb('content_type_id', '=', query.contentTypeId));
    if (query.excludeArchived && table === 'resources') parts.push(sql<SqlBool>`archived_at IS NULL`);
    for (const c of query.where ?? []) parts.push(condition(c, adapter, table));
    return eb.and(parts);
  };
}

/** Sys columns declared NOT NULL in the table (a published snapshot always has its publish time). */
const neverNull = (key: SysKey, table: Table) => key === 'id' || key === 'createdAt' || key === 'updatedAt' || (key === 'publishedAt' && table === 'published');

/** How many rows an id list bounds a query to, however many the type holds (Infinity: none does). */
export const idListLength = (query: ListQuery) =>
  Math.min(...(query.where ?? []).map((c) => ('sys' in c && c.sys === 'id' && c.op === 'in' ? c.values.length : Infinity)));
export const byIdList = (query: ListQuery) => idListLength(query) < Infinity;

/** `idList`: the query is bounded by one (byIdList), so its few rows are sorted rather than the order's index walked. */
export function orderExpressions(order: OrderBy[] | undefined, adapter: DialectAdapter, table: Table, idList = false) {
  const list = order?.length ? order : [{ sys: 'createdAt' as const, direction: 'asc' as const }];
  // The id last makes every order total, so pages never overlap.
  const withId = list.some((o) => 'sys' in o && o.sys === 'id') ? list : [...list, { sys: 'id' as const, direction: 'asc' as const }];
  return withId.map((o) => {
    const dir = o.direction === 'desc' ? sql`desc` : sql`asc`;
    const value =
      'sys' in o
        ? sysTarget(o.sys, adapter, table).target
        : 'near' in o
          ? squaredKm(adapter, o.field, o.locale, o.near.lat, o.near.lon)
          : adapter.jsonAt(adapter.fieldsColumn, [o.field, o.locale]);
    const expr = idList ? adapter.sortedHere(sql`${value}`) : value;
    // Missing values sort last in both directions, in both dialects. Columns that are never
    // null are ordered plainly, so an index in that order serves a page without sorting the table.
    if ('sys' in o && neverNull(o.sys, table)) return sql`${expr} ${dir}`;
    return sql`${expr} IS NULL, ${expr} ${dir}`;
  });
}
