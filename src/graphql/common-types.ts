/**
 * The types every schema has whatever the content model: Sys, ContentfulMetadata, the Entry
 * interface, Asset with its transforms, and the collection shape. Built per schema (a GraphQL
 * type belongs to one schema), from one function.
 */
import {
  GraphQLBoolean,
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLInterfaceType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
  type GraphQLFieldConfigArgumentMap,
  type GraphQLOutputType,
} from 'graphql';
import { localizedValue } from '../contentful/index.js';
import { isStoredFile } from '../assets/index.js';
import type { AssetRecord, EntryRecord, Json, ListQuery } from '../store/index.js';
import { assetUrl, imageFormats, resizeFocuses, resizeStrategies, type ImageTransform } from './asset-url.js';
import type { AssetNode, GraphqlContext, Kind, Node, SingleChoice } from './context.js';
import { graphqlError } from './errors.js';
import { DateTimeScalar, DimensionScalar, HexColorScalar, QualityScalar } from './scalars.js';

export const nonNull = <T extends GraphQLOutputType>(t: T) => new GraphQLNonNull(t);
export const localeArg: GraphQLFieldConfigArgumentMap = { locale: { type: GraphQLString } };
export const linkArgs: GraphQLFieldConfigArgumentMap = { preview: { type: GraphQLBoolean }, locale: { type: GraphQLString } };
export const pageArgs: GraphQLFieldConfigArgumentMap = {
  skip: { type: GraphQLInt, defaultValue: 0 },
  limit: { type: GraphQLInt, defaultValue: 100 },
  ...linkArgs,
};

/** Contentful's page bounds: limit up to 1000. */
export function pageOf(args: { skip?: unknown; limit?: unknown }): { skip: number; limit: number } {
  const skip = (args.skip as number | null | undefined) ?? 0;
  const limit = (args.limit as number | null | undefined) ?? 100;
  if (limit < 0 || limit > 1000) throw graphqlError('INVALID_QUERY', `Query execution error. limit must be from 0 to 1000, got ${limit}`);
  if (skip < 0 || skip > 1_000_000_000) throw graphqlError('INVALID_QUERY', `Query execution error. skip must be from 0 to 1000000000, got ${skip}`);
  return { skip, limit };
}

export const nodeOf = <R extends EntryRecord | AssetRecord>(kind: Kind, record: R, choice: SingleChoice, preview: boolean): Node<R> => ({ kind, record, choice, preview });

export interface CollectionValue {
  total: number;
  skip: number;
  limit: number;
  items: unknown[];
}

/** `{ total skip limit items }` around items of one type. */
export const collectionType = (name: string, item: GraphQLOutputType) =>
  new GraphQLObjectType({
    name,
    fields: { total: { type: nonNull(GraphQLInt) }, skip: { type: nonNull(GraphQLInt) }, limit: { type: nonNull(GraphQLInt) }, items: { type: nonNull(new GraphQLList(item)) } },
  });

/** A page of a list read, as a collection of nodes inheriting locale and side. */
export async function listCollection(ctx: GraphqlContext, kind: Kind, preview: boolean, choice: SingleChoice, query: ListQuery): Promise<CollectionValue> {
  const page = await ctx.list(kind, preview, query);
  return { total: page.total, skip: page.skip, limit: page.limit, items: page.items.map((r) => nodeOf(kind, r, choice, preview)) };
}

/** Sys, ContentfulMetadata, Entry and Asset for one schema; `assetLinkedFrom` is added by the model. */
export function createCommonTypes(entryTypeName: (contentTypeId: string) => string | undefined) {
  const sys = new GraphQLObjectType<Node, GraphqlContext>({
    name: 'Sys',
    fields: {
      id: { type: nonNull(GraphQLString), resolve: (n) => n.record.sys.id },
      spaceId: { type: nonNull(GraphQLString), resolve: (_n, _a, ctx) => ctx.scope.spaceId },
      environmentId: { type: nonNull(GraphQLString), resolve: (_n, _a, ctx) => ctx.scope.environmentId },
      publishedAt: { type: DateTimeScalar, resolve: (n) => n.record.sys.publishedAt },
      firstPublishedAt: { type: DateTimeScalar, resolve: (n) => n.record.sys.firstPublishedAt },
      publishedVersion: { type: GraphQLInt, resolve: (n) => n.record.sys.publishedVersion },
      locale: { type: GraphQLString, resolve: (n) => n.choice.code },
    },
  });
  const tag = new GraphQLObjectType({ name: 'ContentfulTag', fields: { id: { type: GraphQLString }, name: { type: GraphQLString } } });
  const concept = new GraphQLObjectType({ name: 'TaxonomyConcept', fields: { id: { type: GraphQLString } } });
  const metadata = new GraphQLObjectType<Node, GraphqlContext>({
    name: 'ContentfulMetadata',
    fields: {
      // Only public tags exist for the read APIs, as in Contentful.
      tags: {
        type: nonNull(new GraphQLList(tag)),
        resolve: async (n, _a, ctx) => {
          const tags = await ctx.tags();
          return n.record.metadata.tags.flatMap((id) => {
            const t = tags.get(id);
            return t ? [{ id: t.id, name: t.name }] : [];
          });
        },
      },
      concepts: { type: nonNull(new GraphQLList(concept)), resolve: () => [] },
    },
  });
  const sysField = { type: nonNull(sys), resolve: (n: Node) => n };
  const metadataField = { type: nonNull(metadata), resolve: (n: Node) => n };

  const entry = new GraphQLInterfaceType({
    name: 'Entry',
    fields: { sys: { type: nonNull(sys) }, contentfulMetadata: { type: nonNull(metadata) } },
    resolveType: (n: Node<EntryRecord>) => entryTypeName(n.record.sys.contentTypeId),
  });

  const transform = new GraphQLInputObjectType({
    name: 'ImageTransformOptions',
    fields: {
      width: { type: DimensionScalar },
      height: { type: DimensionScalar },
      quality: { type: QualityScalar },
      cornerRadius: { type: GraphQLInt },
      resizeStrategy: { type: new GraphQLEnumType({ name: 'ImageResizeStrategy', values: Object.fromEntries(resizeStrategies.map((v) => [v, { value: v }])) }) },
      resizeFocus: { type: new GraphQLEnumType({ name: 'ImageResizeFocus', values: Object.fromEntries(resizeFocuses.map((v) => [v, { value: v }])) }) },
      backgroundColor: { type: HexColorScalar },
      format: { type: new GraphQLEnumType({ name: 'ImageFormat', values: Object.fromEntries(imageFormats.map((v) => [v, { value: v }])) }) },
    },
  });

  const fileOf = (n: AssetNode, locale: unknown, ctx: GraphqlContext) => {
    const file = localizedValue(n.record.fields.file, ctx.choose(locale, n.choice), true);
    return isStoredFile(file) ? file : undefined;
  };
  const assetText = (id: string) => ({
    type: GraphQLString,
    args: localeArg,
    resolve: (n: AssetNode, a: { locale?: string }, ctx: GraphqlContext) => localizedValue(n.record.fields[id], ctx.choose(a.locale, n.choice), true) ?? null,
  });
  const fileProperty = (type: typeof GraphQLString | typeof GraphQLInt, read: (file: NonNullable<ReturnType<typeof fileOf>>) => Json | undefined) => ({
    type,
    args: localeArg,
    resolve: (n: AssetNode, a: { locale?: string }, ctx: GraphqlContext) => {
      const file = fileOf(n, a.locale, ctx);
      return file ? (read(file) ?? null) : null;
    },
  });
  const assetFields = {
    contentfulMetadata: metadataField,
    sys: sysField,
    title: assetText('title'),
    description: assetText('description'),
    contentType: fileProperty(GraphQLString, (f) => f.contentType),
    fileName: fileProperty(GraphQLString, (f) => f.fileName),
    size: fileProperty(GraphQLInt, (f) => f.details.size),
    url: {
      type: GraphQLString,
      args: { transform: { type: transform }, ...localeArg },
      resolve: (n: AssetNode, a: { transform?: ImageTransform; locale?: string }, ctx: GraphqlContext) => {
        const file = fileOf(n, a.locale, ctx);
        if (!file) return null;
        return assetUrl({ publicUrl: ctx.publicUrl, spaceId: ctx.scope.spaceId, assetId: n.record.sys.id, file, transform: a.transform, signImage: ctx.signImage });
      },
    },
    width: fileProperty(GraphQLInt, (f) => f.details.image?.width),
    height: fileProperty(GraphQLInt, (f) => f.details.image?.height),
  };
  return { sys, metadata, entry, sysField, metadataField, assetFields };
}

export type CommonTypes = ReturnType<typeof createCommonTypes>;
