/**
 * One GraphQL request apart from HTTP: the schema of the current model, parse, validate, limits,
 * execute with per-request batched reads. Whole-request problems throw a GraphqlRefusal; errors
 * beside data come back in the body.
 */
import {
  execute,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
} from 'graphql';
import { createReader, type ResponseDep } from '../delivery/index.js';
import type { ContentTypeRecord, Scope, Store } from '../store/index.js';
import { createContext } from './context.js';
import { formatError, graphqlError, GraphqlRefusal, refuse } from './errors.js';
import { measure, queryLimits } from './limits.js';
import { buildContentSchema } from './schema.js';

export interface GraphqlRequest {
  query: string;
  variables: Record<string, unknown> | undefined;
  operationName: string | undefined;
}

export interface ExecutorOptions {
  store: Store;
  publicUrl: string;
  signImage?: ((pathAndQuery: string) => string) | undefined;
}

export interface GraphqlAnswer {
  body: { data?: unknown; errors?: unknown[] };
  cost: number;
  /** What the answer showed, for the response cache; null when it must not be kept. */
  dep: ResponseDep | null;
}

/** Parsed and validated documents per schema: a repeated query skips both. */
const maxDocuments = 500;

export function createExecutor(options: ExecutorOptions) {
  const { store, publicUrl } = options;
  const readers = { delivery: createReader(store, publicUrl, 'delivery'), preview: createReader(store, publicUrl, 'preview') };
  const schemas = new Map<string, { fingerprint: string; schema: GraphQLSchema; documents: Map<string, DocumentNode> }>();

  /** The schema of the published model; rebuilt only when a content type was (un)published. */
  function schemaFor(scope: Scope, types: Map<string, ContentTypeRecord>) {
    const fingerprint = [...types.values()].map((t) => `${t.sys.id}@${t.sys.publishedVersion}@${t.sys.publishedAt}`).sort().join(',');
    const id = `${scope.spaceId}/${scope.environmentId}`;
    const known = schemas.get(id);
    if (known?.fingerprint === fingerprint) return known;
    const built = { fingerprint, schema: buildContentSchema([...types.values()].sort((a, b) => a.sys.id.localeCompare(b.sys.id))), documents: new Map<string, DocumentNode>() };
    schemas.set(id, built);
    return built;
  }

  function documentFor(built: ReturnType<typeof schemaFor>, query: string): DocumentNode {
    const known = built.documents.get(query);
    if (known) return known;
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens: queryLimits.maxTokens, noLocation: false });
    } catch (err) {
      if (err instanceof GraphQLError) throw new GraphqlRefusal([graphqlError('GRAPHQL_PARSE_FAILED', err.message, { nodes: err.nodes ?? [] })]);
      throw err;
    }
    const errors = validate(built.schema, document);
    if (errors.length) throw new GraphqlRefusal(errors.map((e) => graphqlError('GRAPHQL_VALIDATION_FAILED', e.message, { nodes: e.nodes ?? [] })));
    if (built.documents.size >= maxDocuments) built.documents.clear();
    built.documents.set(query, document);
    return document;
  }

  async function run(request: GraphqlRequest, scope: Scope, canPreview: boolean, requestId: string, log: (err: unknown) => void): Promise<GraphqlAnswer> {
    const { ctx, locales } = await readers.delivery.context(scope, undefined);
    const built = schemaFor(scope, ctx.types);
    const document = documentFor(built, request.query);
    const operation = getOperationAST(document, request.operationName);
    if (!operation) throw refuse('QUERY_OPERATION_NAME_MISMATCH', request.operationName ? `The query has no operation named '${request.operationName}'` : 'The query has several operations: name one with operationName');
    const variables = getVariableValues(built.schema, operation.variableDefinitions ?? [], request.variables ?? {});
    if (variables.errors) throw new GraphqlRefusal(variables.errors.map((e) => graphqlError('GRAPHQL_VALIDATION_FAILED', e.message, { nodes: e.nodes ?? [] })));
    const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
    const { cost, depth } = measure(built.schema, operation, fragments, variables.coerced);
    if (depth > queryLimits.maxDepth) throw refuse('QUERY_TOO_DEEP', `Query cannot be executed. The maximum allowed depth for a query is ${queryLimits.maxDepth} but it was ${depth}.`, { depth, maximumDepth: queryLimits.maxDepth });
    if (cost > queryLimits.maxComplexity) {
      throw refuse('TOO_COMPLEX_QUERY', `Query cannot be executed. The maximum allowed complexity for a query is ${queryLimits.maxComplexity} but it was ${cost}. Simplify the query e.g. by setting lower limits for collections.`, { cost, maximumCost: queryLimits.maxComplexity });
    }
    const context = createContext({ store, readers, scope, publicUrl, signImage: options.signImage, types: ctx.types, locales, canPreview });
    const result = await execute({ schema: built.schema, document, contextValue: context, variableValues: request.variables ?? {}, ...(request.operationName ? { operationName: request.operationName } : {}) });
    const errors = result.errors?.map((e) => formatError(e, requestId, log));
    return {
      body: { ...(errors?.length ? { errors } : {}), data: result.data ?? null },
      cost,
      // Errors carry this request's id, and drafts change without a publish: neither is kept.
      dep: errors?.length || context.usedPreview ? null : context.deps ? [...context.deps] : undefined,
    };
  }

  return { run };
}
