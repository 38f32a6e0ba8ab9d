/**
 * Contentful's limits on a query, checked before anything is read: its size, its depth, and its
 * complexity: the most entries and assets it could return, each collection counting its `limit`
 * (default 100) times what each item asks for, each single link counting one.
 */
import {
  getArgumentValues,
  getNamedType,
  isAbstractType,
  isInterfaceType,
  isObjectType,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

export const queryLimits = {
  /** Contentful's: 8 KB of query text. */
  maxQueryBytes: 8 * 1024,
  /** Far beyond real queries (GraphiQL's introspection query nests 13 levels). */
  maxDepth: 20,
  /** Contentful's default. */
  maxComplexity: 11_000,
  /** Tokens the parser reads before it gives up: a bound on parse time whatever the text. */
  maxTokens: 4000,
  /** AND/OR and link filters nested in one `where`: each level is a nested SQL expression. */
  maxFilterDepth: 8,
} as const;

const isCollection = (t: GraphQLNamedType) => isObjectType(t) && t.name.endsWith('Collection') && 'items' in t.getFields();
const isEntity = (t: GraphQLNamedType) => t.name === 'Asset' || t.name === 'Entry' || isAbstractType(t) || (isObjectType(t) && t.getInterfaces().some((i) => i.name === 'Entry'));

function fieldDef(schema: GraphQLSchema, parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (name === SchemaMetaFieldDef.name && parent === schema.getQueryType()) return SchemaMetaFieldDef;
  if (name === TypeMetaFieldDef.name && parent === schema.getQueryType()) return TypeMetaFieldDef;
  if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef;
  return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
}

/** Cost and depth of a validated operation with coerced variables. */
export function measure(schema: GraphQLSchema, operation: OperationDefinitionNode, fragments: Map<string, FragmentDefinitionNode>, variables: Record<string, unknown>): { cost: number; depth: number } {
  // Each fragment is measured once (from depth 0) however often it is spread: no exponential walk.
  const measured = new Map<string, { cost: number; depth: number }>();
  function walk(set: SelectionSetNode, parent: GraphQLCompositeType, depth: number): { cost: number; depth: number } {
    let cost = 0;
    let deepest = depth;
    for (const sel of set.selections) {
      let inner: { cost: number; depth: number } | undefined;
      if (sel.kind === Kind.FIELD) {
        const def = fieldDef(schema, parent, sel.name.value);
        if (!def) continue;
        const named = getNamedType(def.type);
        const child = sel.selectionSet ? walk(sel.selectionSet, named as GraphQLCompositeType, depth + 1) : { cost: 0, depth: depth + 1 };
        deepest = Math.max(deepest, child.depth);
        if (isCollection(named)) {
          const limit = (getArgumentValues(def, sel, variables).limit as number | null | undefined) ?? 100;
          // A collection costs at least one read, so `limit: 0` aliases cannot multiply reads for free.
          cost += Math.max(1, limit) * (1 + child.cost);
        } else if (sel.name.value !== 'items' && isEntity(named)) cost += 1 + child.cost;
        else cost += child.cost;
        continue;
      }
      if (sel.kind === Kind.INLINE_FRAGMENT) {
        const type = sel.typeCondition ? (schema.getType(sel.typeCondition.name.value) as GraphQLCompositeType | undefined) : parent;
        if (type) inner = walk(sel.selectionSet, type, depth);
      } else {
        const name = sel.name.value;
        let own = measured.get(name);
        const fragment = fragments.get(name);
        const type = fragment && (schema.getType(fragment.typeCondition.name.value) as GraphQLCompositeType | undefined);
        if (!own && fragment && type) measured.set(name, (own = walk(fragment.selectionSet, type, 0)));
        if (own) inner = { cost: own.cost, depth: depth + own.depth };
      }
      if (inner) {
        cost += inner.cost;
        deepest = Math.max(deepest, inner.depth);
      }
    }
    return { cost, depth: deepest };
  }
  return walk(operation.selectionSet, schema.getQueryType()!, 0);
}
