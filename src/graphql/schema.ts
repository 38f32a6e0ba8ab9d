/**
 * The schema for one content model, named as Contentful names it (names.ts). Built from the
 * published content types; routes keep one per model and build a new one when the model changes.
 */
import {
  GraphQLBoolean,
  GraphQLFloat,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLList,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  GraphQLUnionType,
  type GraphQLFieldConfig,
  type GraphQLFieldConfigMap,
  type GraphQLOutputType,
} from 'graphql';
import { localizedValue } from '../contentful/index.js';
import type { AssetRecord, ContentTypeRecord, EntryRecord, FieldDefinition, Json, Page } from '../store/index.js';
import { collectionType, createCommonTypes, linkArgs, listCollection, localeArg, nodeOf, nonNull, pageArgs, pageOf, type CollectionValue } from './common-types.js';
import type { EntryNode, GraphqlContext, Kind, Node, SingleChoice } from './context.js';
import { graphqlError, refuse } from './errors.js';
import { createFilters, toConditions, type FilterEnv, type FilterSpec } from './filters.js';
import { collectionFieldOf, rootFieldOf, typeNameOf, usableFieldName } from './names.js';
import { orderForType, sysOnlyOrder, toOrder, type OrderEnum } from './order.js';
import { richTextLinks } from './rich-text.js';
import { JSONScalar, LocationType } from './scalars.js';

type Args = Record<string, unknown>;
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Content type ids a link field may point to; undefined when any entry may be linked. */
function allowedTypes(def: FieldDefinition): string[] | undefined {
  const validations = (def.type === 'Array' ? def.items?.validations : def.validations) ?? [];
  for (const v of validations) {
    const ids = (v as { linkContentType?: unknown } | null)?.linkContentType;
    if (Array.isArray(ids) && ids.every((id) => typeof id === 'string')) return ids as string[];
  }
  return undefined;
}

const linkTypeOf = (def: FieldDefinition) => (def.type === 'Array' ? def.items?.linkType : def.linkType);

export function buildContentSchema(contentTypes: ContentTypeRecord[]): GraphQLSchema {
  const types = new Map(contentTypes.map((t) => [t.sys.id, t]));
  const names = new Map<string, string>();
  for (const t of contentTypes) {
    const name = typeNameOf(t.sys.id);
    const other = [...names.entries()].find(([, n]) => n === name);
    if (other) throw refuse('COLLIDING_TYPE_NAMES', `Schema generation failed. Type name generated for the content types '${other[0]}' and '${t.sys.id}' is the same: ${name}`, { contentTypeIds: [other[0], t.sys.id], typeName: name });
    names.set(t.sys.id, name);
  }
  const common = createCommonTypes((id) => names.get(id));
  const targetsOf = (def: FieldDefinition) => allowedTypes(def)?.filter((id) => types.has(id));
  const filters = createFilters(types, targetsOf);
  const fields = (t: ContentTypeRecord) => t.fields.filter((f) => !f.omitted && !f.disabled && usableFieldName(f.id));

  /** What may link to `kind` (or to entries of `typeId`): content types with such a field. */
  const linkersOf = (kind: Kind, typeId?: string) =>
    contentTypes.filter((t) => fields(t).some((f) => linkTypeOf(f) === kind && (kind === 'Asset' || !targetsOf(f) || targetsOf(f)!.includes(typeId!))));

  const entryTypes = new Map<string, GraphQLObjectType>();
  const collections = new Map<string, GraphQLObjectType>();
  const orders = new Map<string, OrderEnum>();
  const entryCollection = collectionType('EntryCollection', common.entry);
  const entryOrder = sysOnlyOrder('EntryOrder');
  const assetOrder = sysOnlyOrder('AssetOrder');

  const filterEnv = (ctx: GraphqlContext, preview: boolean, choice: SingleChoice): FilterEnv => ({
    choice,
    findIds: async (contentTypeId, where) => (await ctx.list('Entry', preview, { contentTypeId, where, limit: 1000 })).items.map((e) => e.sys.id),
  });

  /** A root or linkedFrom collection: a page of a list read, filtered and ordered. */
  async function listed(ctx: GraphqlContext, kind: Kind, args: Args, inherited: { preview: boolean; choice: SingleChoice }, query: { contentTypeId?: string; spec?: FilterSpec; order: OrderEnum; extra?: Parameters<GraphqlContext['list']>[2]['where'] }): Promise<CollectionValue> {
    const preview = ctx.previewOf(args.preview, inherited.preview);
    const choice = ctx.choose(args.locale, inherited.choice);
    const page = pageOf(args);
    const where = [...(query.extra ?? []), ...(query.spec ? await toConditions(query.spec, args.where, filterEnv(ctx, preview, choice)) : [])];
    return listCollection(ctx, kind, preview, choice, { ...(query.contentTypeId ? { contentTypeId: query.contentTypeId } : {}), where, order: toOrder(query.order, args.order, choice), ...page });
  }

  /** One linked item as a node, or the partial error Contentful gives for it. */
  async function linked(ctx: GraphqlContext, kind: Kind, id: string, preview: boolean, choice: SingleChoice, where: { type: string; field: string; allowed?: string[] | undefined }): Promise<Node | Error> {
    const record = await ctx.load(kind, id, preview);
    if (!record || (kind === 'Entry' && !names.has((record as EntryRecord).sys.contentTypeId))) {
      return graphqlError('UNRESOLVABLE_LINK', `Query execution error. Link to ${kind.toLowerCase()} '${id}' on field '${where.field}' within type '${where.type}' cannot be resolved`, {
        details: { type: where.type, linkType: kind, field: where.field, linkId: id },
      });
    }
    if (kind === 'Entry' && where.allowed && !where.allowed.includes((record as EntryRecord).sys.contentTypeId)) {
      return graphqlError('UNEXPECTED_LINKED_CONTENT_TYPE', `Query execution error. Link from entry field '${where.field}' within type '${where.type}' points to an entry of an unexpected content type`, {
        details: { type: where.type, field: where.field, linkId: id, contentType: (record as EntryRecord).sys.contentTypeId },
      });
    }
    return nodeOf(kind, record, choice, preview);
  }

  /** The type of a link to entries given their allowed types: one type, a union, or the Entry interface. */
  function entryTargetType(owner: string, def: FieldDefinition, unionName: string): GraphQLOutputType {
    const targets = targetsOf(def);
    if (!targets || targets.length === 0) return common.entry;
    if (targets.length === 1) return entryTypeOf(types.get(targets[0]!)!);
    return new GraphQLUnionType({ name: unionName, types: () => targets.map((id) => entryTypeOf(types.get(id)!)), resolveType: (n: EntryNode) => names.get(n.record.sys.contentTypeId) });
  }

  function rootArgs(filter: { type: GraphQLInputObjectType }, order: OrderEnum) {
    return { ...pageArgs, where: { type: filter.type }, order: { type: new GraphQLList(order.type) } };
  }

  const linkOf = (value: Json | undefined) => {
    const id = (value as { sys?: { id?: unknown } } | null)?.sys?.id;
    return typeof id === 'string' ? id : undefined;
  };

  function fieldConfig(t: ContentTypeRecord, def: FieldDefinition): [string, GraphQLFieldConfig<EntryNode, GraphqlContext>] | undefined {
    const typeName = names.get(t.sys.id)!;
    const value = (n: EntryNode, choice: SingleChoice) => localizedValue(n.record.fields[def.id], choice, def.localized);
    const scalar = (type: GraphQLOutputType): GraphQLFieldConfig<EntryNode, GraphqlContext> => ({
      type,
      args: localeArg,
      resolve: (n, a, ctx) => value(n, ctx.choose(a.locale, n.choice)) ?? null,
    });
    switch (def.type) {
      case 'Symbol':
      case 'Text':
        return [def.id, scalar(GraphQLString)];
      case 'Integer':
        return [def.id, scalar(GraphQLInt)];
      case 'Number':
        return [def.id, scalar(GraphQLFloat)];
      case 'Boolean':
        return [def.id, scalar(GraphQLBoolean)];
      case 'Date':
        return [def.id, scalar(common.sys.getFields().publishedAt!.type)];
      case 'Object':
        return [def.id, scalar(JSONScalar)];
      case 'Location':
        return [def.id, scalar(LocationType)];
      case 'RichText':
        return [def.id, richTextField(typeName, def, value)];
      case 'Link': {
        const kind = def.linkType === 'Asset' ? 'Asset' : 'Entry';
        const type = kind === 'Asset' ? assetType : entryTargetType(typeName, def, `${typeName}${capitalize(def.id)}`);
        return [
          def.id,
          {
            type,
            args: linkArgs,
            // The link itself is read in the parent's locale; the linked item in the asked one.
            resolve: (n, a, ctx) => {
              const id = linkOf(value(n, n.choice));
              if (!id) return null;
              return linked(ctx, kind, id, ctx.previewOf(a.preview, n.preview), ctx.choose(a.locale, n.choice), { type: typeName, field: def.id, allowed: targetsOf(def) }).then((r) => {
                if (r instanceof Error) throw r;
                return r;
              });
            },
          },
        ];
      }
      case 'Array': {
        if (def.items?.type === 'Symbol') return [def.id, scalar(new GraphQLList(GraphQLString))];
        const kind = def.items?.linkType === 'Asset' ? 'Asset' : 'Entry';
        const item = kind === 'Asset' ? assetType : entryTargetType(typeName, def, `${typeName}${capitalize(def.id)}Item`);
        const collection = collectionType(`${typeName}${capitalize(def.id)}Collection`, item);
        // Links to one content type can be filtered and ordered as a list of that type, as in Contentful.
        const targets = kind === 'Entry' ? targetsOf(def) : undefined;
        const only = targets?.length === 1 ? types.get(targets[0]!) : undefined;
        const filter = only && filters.forType(only, false);
        const order = only && orderForType(`${typeName}${capitalize(def.id)}CollectionOrder`, only);
        return [
          `${def.id}Collection`,
          {
            type: collection,
            args: filter && order ? rootArgs(filter, order) : pageArgs,
            resolve: async (n, a, ctx): Promise<CollectionValue | null> => {
              const links = value(n, n.choice);
              if (!Array.isArray(links)) return null;
              const ids = links.map(linkOf).filter((id): id is string => !!id);
              if (only && filter && order && (a.where || a.order)) {
                // Only what this field links to, read as one filtered, ordered list.
                return listed(ctx, 'Entry', a, n, { contentTypeId: only.sys.id, spec: filter.spec, order, extra: [{ sys: 'id', op: 'in', values: ids }] });
              }
              const preview = ctx.previewOf(a.preview, n.preview);
              const choice = ctx.choose(a.locale, n.choice);
              const { skip, limit } = pageOf(a);
              // Unresolvable items stay in place as null with their error, as in Contentful.
              const items = await Promise.all(ids.slice(skip, skip + limit).map((id) => linked(ctx, kind, id, preview, choice, { type: typeName, field: def.id, allowed: targetsOf(def) })));
              return { total: ids.length, skip, limit, items };
            },
          },
        ];
      }
      default:
        return undefined;
    }
  }

  function richTextField(typeName: string, def: FieldDefinition, value: (n: EntryNode, choice: SingleChoice) => Json | undefined): GraphQLFieldConfig<EntryNode, GraphqlContext> {
    const base = `${typeName}${capitalize(def.id)}`;
    type Doc = { doc: Json; node: EntryNode; choice: SingleChoice };
    const resolved = (kind: Kind, pick: (l: ReturnType<typeof richTextLinks>) => string[]) => async (d: Doc, _a: Args, ctx: GraphqlContext) => {
      const ids = pick(richTextLinks(d.doc));
      // Links that go nowhere are left out of these lists, as Contentful does.
      const found = await Promise.all(ids.map((id) => linked(ctx, kind, id, d.node.preview, d.choice, { type: typeName, field: def.id })));
      return found.filter((f) => !(f instanceof Error));
    };
    const entries = new GraphQLObjectType<Doc, GraphqlContext>({
      name: `${base}Entries`,
      fields: {
        inline: { type: nonNull(new GraphQLList(common.entry)), resolve: resolved('Entry', (l) => l.entries.inline) },
        hyperlink: { type: nonNull(new GraphQLList(common.entry)), resolve: resolved('Entry', (l) => l.entries.hyperlink) },
        block: { type: nonNull(new GraphQLList(common.entry)), resolve: resolved('Entry', (l) => l.entries.block) },
      },
    });
    const assets = new GraphQLObjectType<Doc, GraphqlContext>({
      name: `${base}Assets`,
      fields: () => ({
        hyperlink: { type: nonNull(new GraphQLList(assetType)), resolve: resolved('Asset', (l) => l.assets.hyperlink) },
        block: { type: nonNull(new GraphQLList(assetType)), resolve: resolved('Asset', (l) => l.assets.block) },
      }),
    });
    const links = new GraphQLObjectType<Doc, GraphqlContext>({
      name: `${base}Links`,
      fields: { entries: { type: nonNull(entries), resolve: (d) => d }, assets: { type: nonNull(assets), resolve: (d) => d } },
    });
    const richText = new GraphQLObjectType<Doc, GraphqlContext>({
      name: base,
      fields: { json: { type: nonNull(JSONScalar), resolve: (d) => d.doc }, links: { type: nonNull(links), resolve: (d) => d } },
    });
    return {
      type: richText,
      args: localeArg,
      resolve: (n, a, ctx) => {
        const choice = ctx.choose(a.locale, n.choice);
        const doc = value(n, choice);
        return doc === undefined ? null : { doc, node: n, choice };
      },
    };
  }

  /** `{Type}LinkingCollections`: entryCollection and one collection per type that may link here. */
  function linkingCollections(name: string, kind: Kind, typeId?: string) {
    return new GraphQLObjectType<Node, GraphqlContext>({
      name,
      fields: () => {
        const out: GraphQLFieldConfigMap<Node, GraphqlContext> = {
          entryCollection: {
            type: entryCollection,
            args: pageArgs,
            resolve: (n, a, ctx) => listed(ctx, 'Entry', a, n, { order: entryOrder, extra: [{ op: 'linksTo', linkType: kind, ids: [n.record.sys.id] }] }),
          },
        };
        for (const linker of linkersOf(kind, typeId)) {
          out[collectionFieldOf(names.get(linker.sys.id)!)] = {
            type: collectionOf(linker),
            args: pageArgs,
            resolve: (n, a, ctx) => listed(ctx, 'Entry', a, n, { contentTypeId: linker.sys.id, order: orderOf(linker), extra: [{ op: 'linksTo', linkType: kind, ids: [n.record.sys.id] }] }),
          };
        }
        return out;
      },
    });
  }
  const linkedFromField = (type: GraphQLObjectType): GraphQLFieldConfig<Node, GraphqlContext> => ({
    type,
    args: { allowedLocales: { type: new GraphQLList(GraphQLString) } },
    resolve: (n) => n,
  });

  function entryTypeOf(t: ContentTypeRecord): GraphQLObjectType {
    const known = entryTypes.get(t.sys.id);
    if (known) return known;
    const name = names.get(t.sys.id)!;
    const linking = linkingCollections(`${name}LinkingCollections`, 'Entry', t.sys.id);
    const type = new GraphQLObjectType<EntryNode, GraphqlContext>({
      name,
      description: t.description ?? undefined,
      interfaces: [common.entry],
      fields: () => {
        const out: GraphQLFieldConfigMap<EntryNode, GraphqlContext> = {
          sys: common.sysField,
          contentfulMetadata: common.metadataField,
          linkedFrom: linkedFromField(linking) as GraphQLFieldConfig<EntryNode, GraphqlContext>,
        };
        for (const def of fields(t)) {
          const made = fieldConfig(t, def);
          // A generated name already taken (a field `topicsCollection` beside an array `topics`) keeps the first.
          if (made && !(made[0] in out)) out[made[0]] = made[1];
        }
        return out;
      },
    });
    entryTypes.set(t.sys.id, type);
    return type;
  }

  function collectionOf(t: ContentTypeRecord): GraphQLObjectType {
    let c = collections.get(t.sys.id);
    if (!c) collections.set(t.sys.id, (c = collectionType(`${names.get(t.sys.id)!}Collection`, entryTypeOf(t))));
    return c;
  }
  function orderOf(t: ContentTypeRecord): OrderEnum {
    let o = orders.get(t.sys.id);
    if (!o) orders.set(t.sys.id, (o = orderForType(`${names.get(t.sys.id)!}Order`, t)));
    return o;
  }

  const assetLinking = linkingCollections('AssetLinkingCollections', 'Asset');
  const assetType: GraphQLObjectType = new GraphQLObjectType<Node<AssetRecord>, GraphqlContext>({
    name: 'Asset',
    fields: () => ({ ...common.assetFields, linkedFrom: linkedFromField(assetLinking) }) as GraphQLFieldConfigMap<Node<AssetRecord>, GraphqlContext>,
  });
  const assetCollection = collectionType('AssetCollection', assetType);

  const root = { preview: false };
  const single = (kind: Kind, contentTypeId?: string): GraphQLFieldConfig<unknown, GraphqlContext, Args> => ({
    type: contentTypeId ? entryTypeOf(types.get(contentTypeId)!) : assetType,
    args: { id: { type: nonNull(GraphQLString) }, ...linkArgs },
    resolve: async (_s, a, ctx) => {
      const preview = ctx.previewOf(a.preview, false);
      const choice = ctx.choose(a.locale, ctx.defaultChoice);
      const record = await ctx.load(kind, a.id as string, preview);
      if (!record || (contentTypeId && (record as EntryRecord).sys.contentTypeId !== contentTypeId)) return null;
      return nodeOf(kind, record, choice, preview);
    },
  });


  const queryFields: GraphQLFieldConfigMap<unknown, GraphqlContext> = {
    asset: single('Asset'),
    assetCollection: {
      type: assetCollection,
      args: rootArgs(filters.asset, assetOrder),
      resolve: (_s, a, ctx) => listed(ctx, 'Asset', a, { ...root, choice: ctx.defaultChoice }, { spec: filters.asset.spec, order: assetOrder }),
    },
  };
  for (const t of contentTypes) {
    const name = names.get(t.sys.id)!;
    const filter = filters.forType(t, false);
    queryFields[rootFieldOf(name)] = single('Entry', t.sys.id);
    queryFields[collectionFieldOf(name)] = {
      type: collectionOf(t),
      args: rootArgs(filter, orderOf(t)),
      resolve: (_s, a, ctx) => listed(ctx, 'Entry', a, { ...root, choice: ctx.defaultChoice }, { contentTypeId: t.sys.id, spec: filter.spec, order: orderOf(t) }),
    };
  }
  queryFields.entryCollection = {
    type: entryCollection,
    args: rootArgs(filters.entry, entryOrder),
    resolve: (_s, a, ctx) => listed(ctx, 'Entry', a, { ...root, choice: ctx.defaultChoice }, { spec: filters.entry.spec, order: entryOrder }),
  };

  return new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: queryFields }),
    // Types only reachable through the Entry interface still belong to the schema.
    types: contentTypes.map(entryTypeOf),
  });
}

