/** ListQuery → WHERE and ORDER BY on the resources or published table. */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { FolioError } from '../errors/index.js';
import type { DialectAdapter } from './dialect.js';
import type { Database } from './schema.js';
import type { Condition, ListQuery, OrderBy, Scalar } from './types.js';

export const defaultLimit = 100;
export const maxLimit = 1000;

type Table = 'resources' | 'published';
type Eb = ExpressionBuilder<Database, Table>;

const sysColumns = { id: 'id', createdAt: 'created_at', updatedAt: 'updated_at', publishedAt: 'published_at' } as const;

export function pageBounds(query: ListQuery): { limit: number; skip: number } {
  const limit = query.limit ?? defaultLimit;
  const skip = query.skip ?? 0;
  if (!Number.isInteger(limit) || limit < 0 || limit > maxLimit) {
    throw new FolioError('INVALID_QUERY', `limit must be an integer from 0 to ${maxLimit}`);
  }
  if (!Number.isInteger(skip) || skip < 0) throw new FolioError('INVALID_QUERY', 'skip must be a non-negative integer');
  return { limit, skip };
}

const comparators = { eq: '=', ne: '<>', lt: '<', lte: '<=', gt: '>', gte: '>=' } as const;

function condition(c: Condition, adapter: DialectAdapter): Expression<SqlBool> {
  const isSys = 'sys' in c;
  const target = isSys ? sql.ref(sysColumns[c.sys]) : adapter.jsonAt('data', [c.field, c.locale]);
  const value = (v: Scalar) => (isSys ? sql`${v}` : adapter.jsonValue(v));
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

export function whereClause(query: ListQuery, adapter: DialectAdapter) {
  return (eb: Eb) => {
    const parts: Expression<SqlBool>[] = [];
    if (query.contentTypeId !== undefined) parts.push(eb('content_type_id', '=', query.contentTypeId));
    for (const c of query.where ?? []) parts.push(condition(c, adapter));
    return eb.and(parts);
  };
}

export function orderExpressions(order: OrderBy[] | undefined, adapter: DialectAdapter) {
  const list = order?.length ? order : [{ sys: 'createdAt' as const, direction: 'asc' as const }];
  // The id last makes every order total, so pages never overlap.
  const withId = list.some((o) => 'sys' in o && o.sys === 'id') ? list : [...list, { sys: 'id' as const, direction: 'asc' as const }];
  return withId.map((o) => {
    const dir = o.direction === 'desc' ? sql`desc` : sql`asc`;
    const expr = 'sys' in o ? sql.ref(sysColumns[o.sys]) : adapter.jsonAt('data', [o.field, o.locale]);
    // Missing values sort last in both directions, in both dialects.
    return sql`${expr} IS NULL, ${expr} ${dir}`;
  });
}
