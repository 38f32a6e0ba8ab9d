/** Contentful's `order` enums (`publishDate_DESC`, `sys_id_ASC`) and their store OrderBy. */
import { GraphQLEnumType } from 'graphql';
import { fieldLocale, unorderable } from '../contentful/index.js';
import type { ContentTypeRecord, OrderBy, SysKey } from '../store/index.js';
import type { SingleChoice } from './context.js';

type ToOrder = (choice: SingleChoice) => OrderBy;

const sysOrders: Array<[string, SysKey]> = [
  ['sys_id', 'id'],
  ['sys_publishedAt', 'publishedAt'],
  ['sys_firstPublishedAt', 'firstPublishedAt'],
  ['sys_publishedVersion', 'publishedVersion'],
];

export interface OrderEnum {
  type: GraphQLEnumType;
  byValue: Map<string, ToOrder>;
}

function orderEnum(name: string, fieldOrders: Array<[string, (dir: 'asc' | 'desc') => ToOrder]>): OrderEnum {
  const byValue = new Map<string, ToOrder>();
  const all = [...fieldOrders, ...sysOrders.map(([n, sys]): [string, (dir: 'asc' | 'desc') => ToOrder] => [n, (direction) => () => ({ sys, direction })])];
  for (const [n, make] of all) {
    byValue.set(`${n}_ASC`, make('asc'));
    byValue.set(`${n}_DESC`, make('desc'));
  }
  const type = new GraphQLEnumType({ name, values: Object.fromEntries([...byValue.keys()].map((v) => [v, { value: v }])) });
  return { type, byValue };
}

export function orderForType(name: string, type: ContentTypeRecord): OrderEnum {
  const fields = type.fields.filter((f) => !unorderable.has(f.type) && !f.omitted && !f.disabled);
  return orderEnum(
    name,
    fields.map((def) => [def.id, (direction) => (choice) => ({ field: def.id, locale: fieldLocale(def, choice), direction })]),
  );
}

export const sysOnlyOrder = (name: string) => orderEnum(name, []);

/**
 * The store's order for a list of enum values; Contentful's default is newest change first, the
 * id breaking ties (the store adds the id last).
 */
export function toOrder(order: OrderEnum, values: unknown, choice: SingleChoice): OrderBy[] {
  const list = Array.isArray(values) ? (values as string[]) : values ? [values as string] : [];
  const out = list.map((v) => order.byValue.get(v)?.(choice)).filter((o): o is OrderBy => !!o);
  return out.length ? out : [{ sys: 'updatedAt', direction: 'desc' }];
}
