/**
 * Contentful's `where` filters: the input types for a content type (or assets, or any entry)
 * and their translation into the store's conditions, the same ones Delivery's query string
 * becomes. Each input field carries its own translation, built with the type.
 */
import {
  GraphQLBoolean,
  GraphQLFloat,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLString,
  type GraphQLInputFieldConfigMap,
  type GraphQLInputType,
} from 'graphql';
import { fieldLocale, queryLimits as deliveryLimits } from '../contentful/index.js';
import { queryLimits } from './limits.js';
import { searchLimits } from '../store/index.js';
import type { Condition, ConditionTarget, ContentTypeRecord, FieldDefinition, Scalar, SysKey } from '../store/index.js';
import type { SingleChoice } from './context.js';
import { graphqlError } from './errors.js';
import { typeNameOf } from './names.js';
import { DateTimeScalar } from './scalars.js';

export interface FilterEnv {
  /** How deep inside AND/OR and link filters this filter sits. */
  depth?: number;
  /** The collection's locale: localized fields are compared in it, others in the default locale. */
  choice: SingleChoice;
  /** Ids of entries of one content type matching conditions: the inner side of a filter on a link. */
  findIds(contentTypeId: string, where: Condition[]): Promise<string[]>;
}

type Translate = (value: unknown, env: FilterEnv) => Promise<Condition[]> | Condition[];
/** Input field name → its translation. */
export type FilterSpec = Map<string, Translate>;

type Op = 'eq' | 'not' | 'exists' | 'in' | 'not_in' | 'contains' | 'not_contains' | 'gt' | 'gte' | 'lt' | 'lte' | 'within_circle' | 'within_rectangle' | 'contains_all' | 'contains_some' | 'contains_none';

const equality: Op[] = ['exists', 'eq', 'not', 'in', 'not_in'];
const text: Op[] = [...equality, 'contains', 'not_contains'];
const range: Op[] = [...equality, 'gt', 'gte', 'lt', 'lte'];
/** The operators Contentful offers per field type. */
const opsByType: Partial<Record<FieldDefinition['type'], Op[]>> = {
  Symbol: text,
  Text: text,
  Integer: range,
  Number: range,
  Date: range,
  Boolean: ['exists', 'eq', 'not'],
  Location: ['exists', 'within_circle', 'within_rectangle'],
  RichText: ['exists', 'contains', 'not_contains'],
  Object: ['exists'],
};

const scalarOf: Partial<Record<FieldDefinition['type'], GraphQLInputType>> = {
  Symbol: GraphQLString,
  Text: GraphQLString,
  RichText: GraphQLString,
  Integer: GraphQLInt,
  Number: GraphQLFloat,
  Date: DateTimeScalar,
  Boolean: GraphQLBoolean,
};

const inputName = (name: string, op: Op) => (op === 'eq' ? name : `${name}_${op}`);

function listOf(values: unknown): Scalar[] {
  const list = values as Scalar[];
  if (list.length > deliveryLimits.maxListValues) throw graphqlError('INVALID_QUERY', `A filter list takes at most ${deliveryLimits.maxListValues} values, got ${list.length}`);
  return list;
}

function words(value: unknown): string {
  const s = String(value);
  if (s.length > searchLimits.maxLength) throw graphqlError('INVALID_QUERY', `_contains takes at most ${searchLimits.maxLength} characters`);
  return s;
}

/** One operator on one target; `matchField` names the field for full-text operators. */
function compare(target: ConditionTarget, op: Op, value: unknown, matchField: string | undefined): Condition[] {
  switch (op) {
    case 'exists':
      return [{ ...target, op: 'exists', value: value === true }];
    case 'eq':
      return [{ ...target, op: 'eq', value: value as Scalar }];
    case 'not':
      return [{ ...target, op: 'ne', value: value as Scalar }];
    case 'in':
      return [{ ...target, op: 'in', values: listOf(value) }];
    case 'not_in':
      return [{ ...target, op: 'nin', values: listOf(value) }];
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return [{ ...target, op, value: value as Scalar }];
    case 'contains':
      return [{ op: 'match', text: words(value), ...(matchField ? { field: matchField } : {}) }];
    case 'not_contains':
      return [{ op: 'not', condition: { op: 'match', text: words(value), ...(matchField ? { field: matchField } : {}) } }];
    default:
      break;
  }
  if (!('field' in target)) return [];
  const { field, locale } = target;
  switch (op) {
    case 'contains_all':
    case 'contains_some':
    case 'contains_none':
      return [{ field, locale, op: 'has', mode: op === 'contains_all' ? 'all' : op === 'contains_some' ? 'any' : 'none', values: listOf(value) }];
    case 'within_circle': {
      const c = value as { lat: number; lon: number; radius: number };
      return [{ field, locale, op: 'within', area: { circle: { lat: c.lat, lon: c.lon, radiusKm: c.radius } } }];
    }
    case 'within_rectangle': {
      const r = value as { topLeftLat: number; topLeftLon: number; bottomRightLat: number; bottomRightLon: number };
      return [{ field, locale, op: 'within', area: { box: { bottomLeft: { lat: r.bottomRightLat, lon: r.topLeftLon }, topRight: { lat: r.topLeftLat, lon: r.bottomRightLon } } } }];
    }
    default:
      return [];
  }
}

/** Every condition of one filter object (all must hold); null values ask for nothing, as in Contentful. */
export async function toConditions(spec: FilterSpec, filter: unknown, outer: FilterEnv): Promise<Condition[]> {
  const out: Condition[] = [];
  if (!filter || typeof filter !== 'object') return out;
  const env = { ...outer, depth: (outer.depth ?? 0) + 1 };
  if (env.depth > queryLimits.maxFilterDepth) throw graphqlError('INVALID_QUERY', `Query execution error. Filters nest at most ${queryLimits.maxFilterDepth} levels deep`);
  for (const [key, value] of Object.entries(filter)) {
    if (value === null || value === undefined) continue;
    const translate = spec.get(key);
    if (translate) out.push(...(await translate(value, env)));
  }
  return out;
}

/** The input types of one schema; each is built once and shared by every type that uses it. */
export function createFilters(types: Map<string, ContentTypeRecord>, linkTargets: (def: FieldDefinition) => string[] | undefined) {
  const circle = new GraphQLInputObjectType({
    name: 'Circle',
    fields: { lat: { type: new GraphQLNonNull(GraphQLFloat) }, lon: { type: new GraphQLNonNull(GraphQLFloat) }, radius: { type: new GraphQLNonNull(GraphQLFloat) } },
  });
  const rectangle = new GraphQLInputObjectType({
    name: 'Rectangle',
    fields: Object.fromEntries(['topLeftLat', 'topLeftLon', 'bottomRightLat', 'bottomRightLon'].map((n) => [n, { type: new GraphQLNonNull(GraphQLFloat) }])),
  });
  const opType = (op: Op, scalar: GraphQLInputType): GraphQLInputType =>
    op === 'exists' ? GraphQLBoolean : op === 'within_circle' ? circle : op === 'within_rectangle' ? rectangle : op === 'in' || op === 'not_in' || op.startsWith('contains_') ? new GraphQLList(scalar) : scalar;

  /** Adds `name` with each operator to the input fields and the spec. */
  function addOps(fields: GraphQLInputFieldConfigMap, spec: FilterSpec, name: string, ops: Op[], scalar: GraphQLInputType, target: (env: FilterEnv) => ConditionTarget, matchField?: string) {
    for (const op of ops) {
      fields[inputName(name, op)] = { type: opType(op, scalar) };
      spec.set(inputName(name, op), (value, env) => compare(target(env), op, value, matchField));
    }
  }

  const sysSpec: FilterSpec = new Map();
  const sysFilter = new GraphQLInputObjectType({
    name: 'SysFilter',
    fields: () => {
      const fields: GraphQLInputFieldConfigMap = {};
      const sys = (key: SysKey) => () => ({ sys: key });
      addOps(fields, sysSpec, 'id', equality, GraphQLString, sys('id'));
      addOps(fields, sysSpec, 'publishedAt', range, DateTimeScalar, sys('publishedAt'));
      addOps(fields, sysSpec, 'firstPublishedAt', range, DateTimeScalar, sys('firstPublishedAt'));
      addOps(fields, sysSpec, 'publishedVersion', range, GraphQLFloat, sys('publishedVersion'));
      return fields;
    },
  });
  const tagsSpec: FilterSpec = new Map<string, Translate>([
    ['id_contains_all', (v) => [{ op: 'tagged', mode: 'all', ids: listOf(v) as string[] }]],
    ['id_contains_some', (v) => [{ op: 'tagged', mode: 'any', ids: listOf(v) as string[] }]],
    ['id_contains_none', (v) => [{ op: 'tagged', mode: 'none', ids: listOf(v) as string[] }]],
  ]);
  const tagsFilter = new GraphQLInputObjectType({
    name: 'ContentfulMetadataTagsFilter',
    fields: Object.fromEntries([...tagsSpec.keys()].map((k) => [k, { type: new GraphQLList(GraphQLString) }])),
  });
  const metadataSpec: FilterSpec = new Map<string, Translate>([
    ['tags_exists', (v) => [{ op: 'tagged', mode: v === true ? 'any' : 'none' }]],
    ['tags', (v, env) => toConditions(tagsSpec, v, env)],
  ]);
  const metadataFilter = new GraphQLInputObjectType({
    name: 'ContentfulMetadataFilter',
    fields: { tags_exists: { type: GraphQLBoolean }, tags: { type: tagsFilter } },
  });

  /** sys, contentfulMetadata, AND and OR: on every filter type. */
  function common(fields: GraphQLInputFieldConfigMap, spec: FilterSpec, self: () => GraphQLInputObjectType) {
    fields.sys = { type: sysFilter };
    spec.set('sys', (v, env) => toConditions(sysSpec, v, env));
    fields.contentfulMetadata = { type: metadataFilter };
    spec.set('contentfulMetadata', (v, env) => toConditions(metadataSpec, v, env));
    fields.OR = { type: new GraphQLList(self()) };
    spec.set('OR', async (v, env) => [{ op: 'any', of: await Promise.all((v as unknown[]).map((f) => toConditions(spec, f, env))) }]);
    fields.AND = { type: new GraphQLList(self()) };
    spec.set('AND', async (v, env) => (await Promise.all((v as unknown[]).map((f) => toConditions(spec, f, env)))).flat());
  }

  const built = new Map<string, { type: GraphQLInputObjectType; spec: FilterSpec }>();

  /** `ArticleFilter`, or `cfArticleNestedFilter` (one level below a link: no links of its own). */
  function forType(type: ContentTypeRecord, nested: boolean): { type: GraphQLInputObjectType; spec: FilterSpec } {
    const name = nested ? `cf${typeNameOf(type.sys.id)}NestedFilter` : `${typeNameOf(type.sys.id)}Filter`;
    const known = built.get(name);
    if (known) return known;
    const spec: FilterSpec = new Map();
    const input: GraphQLInputObjectType = new GraphQLInputObjectType({
      name,
      fields: () => {
        const fields: GraphQLInputFieldConfigMap = {};
        common(fields, spec, () => input);
        for (const def of type.fields) {
          if (def.omitted || def.disabled) continue;
          const target = (env: FilterEnv) => ({ field: def.id, locale: fieldLocale(def, env.choice) });
          const ops = opsByType[def.type];
          const scalar = scalarOf[def.type];
          if (ops) addOps(fields, spec, def.id, ops, scalar ?? GraphQLString, target, def.id);
          else if (def.type === 'Array' && def.items?.type === 'Symbol') addOps(fields, spec, def.id, ['exists', 'contains_all', 'contains_some', 'contains_none'], GraphQLString, target);
          else if (def.type === 'Link' || def.type === 'Array') {
            const existsName = def.type === 'Array' ? `${def.id}Collection_exists` : `${def.id}_exists`;
            fields[existsName] = { type: GraphQLBoolean };
            spec.set(existsName, (v, env) => [{ ...target(env), op: 'exists', value: v === true }]);
            const targets = linkTargets(def);
            const only = targets?.length === 1 ? types.get(targets[0]!) : undefined;
            if (!nested && only) {
              const inner = forType(only, true);
              fields[def.id] = { type: inner.type };
              spec.set(def.id, async (v, env) => [{ op: 'linksTo', linkType: 'Entry', ids: await env.findIds(only.sys.id, await toConditions(inner.spec, v, env)), field: def.id }]);
            }
          }
        }
        return fields;
      },
    });
    const made = { type: input, spec };
    built.set(name, made);
    return made;
  }

  /** EntryFilter: what every entry has. */
  const entrySpec: FilterSpec = new Map();
  const entryFilter: GraphQLInputObjectType = new GraphQLInputObjectType({
    name: 'EntryFilter',
    fields: () => {
      const fields: GraphQLInputFieldConfigMap = {};
      common(fields, entrySpec, () => entryFilter);
      return fields;
    },
  });

  /** AssetFilter: the asset's own fields (all localized) and its file's properties. */
  const assetSpec: FilterSpec = new Map();
  const assetFilter: GraphQLInputObjectType = new GraphQLInputObjectType({
    name: 'AssetFilter',
    fields: () => {
      const fields: GraphQLInputFieldConfigMap = {};
      common(fields, assetSpec, () => assetFilter);
      const field = (id: string, path?: string[]) => (env: FilterEnv) => ({ field: id, locale: env.choice.code, ...(path ? { path } : {}) });
      addOps(fields, assetSpec, 'title', text, GraphQLString, field('title'), 'title');
      addOps(fields, assetSpec, 'description', text, GraphQLString, field('description'), 'description');
      addOps(fields, assetSpec, 'contentType', equality, GraphQLString, field('file', ['contentType']));
      addOps(fields, assetSpec, 'fileName', equality, GraphQLString, field('file', ['fileName']));
      addOps(fields, assetSpec, 'size', range, GraphQLInt, field('file', ['details', 'size']));
      addOps(fields, assetSpec, 'width', range, GraphQLInt, field('file', ['details', 'image', 'width']));
      addOps(fields, assetSpec, 'height', range, GraphQLInt, field('file', ['details', 'image', 'height']));
      return fields;
    },
  });

  return { forType, entry: { type: entryFilter, spec: entrySpec }, asset: { type: assetFilter, spec: assetSpec } };
}

export type Filters = ReturnType<typeof createFilters>;
