/**
 * A GraphQL request over HTTP as Contentful takes it: POST with a JSON body, or GET with
 * `query`, `variables`, `operationName` and `extensions` in the query string; Apollo's automatic
 * persisted queries (`extensions.persistedQuery.sha256Hash`) in either.
 */
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import * as is from '../validate/is.js';
import { refuse } from './errors.js';
import type { GraphqlRequest } from './execute.js';
import { queryLimits } from './limits.js';

/** Variables beyond this (as JSON) are refused: no real query needs them, and each is coerced. */
const maxVariablesChars = 64 * 1024;
const maxPersisted = 1000;

function jsonParam(name: string, raw: unknown): unknown {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string') throw refuse('BAD_REQUEST', `The parameter ${name} was given more than once`);
  try {
    return JSON.parse(raw);
  } catch {
    throw refuse('BAD_REQUEST', `The parameter ${name} is not valid JSON`);
  }
}

interface Incoming {
  query: string | undefined;
  variables: Record<string, unknown> | undefined;
  operationName: string | undefined;
  hash: string | undefined;
}

function incoming(request: FastifyRequest): Incoming {
  const get = request.method === 'GET';
  // Fastify's query string parser makes objects of its own class; bodies are plain JSON objects.
  const params = (get ? { ...(request.query as object) } : request.body) as Record<string, unknown> | undefined;
  if (!is.plainObject(params)) throw refuse('BAD_REQUEST', 'The body must be a JSON object with a query');
  const variables = get ? jsonParam('variables', params.variables) : params.variables;
  const extensions = get ? jsonParam('extensions', params.extensions) : params.extensions;
  const { query, operationName } = params;
  if (query !== undefined && query !== null && typeof query !== 'string') throw refuse('BAD_REQUEST', 'query must be a string');
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') throw refuse('BAD_REQUEST', 'operationName must be a string');
  if (variables !== undefined && variables !== null && !is.plainObject(variables)) throw refuse('BAD_REQUEST', 'variables must be an object');
  if (variables && JSON.stringify(variables).length > maxVariablesChars) throw refuse('BAD_REQUEST', `variables take at most ${maxVariablesChars} characters of JSON`);
  const persisted = is.plainObject(extensions) && is.plainObject(extensions.persistedQuery) ? extensions.persistedQuery : undefined;
  const hash = persisted?.sha256Hash;
  if (persisted && (persisted.version !== 1 || typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash))) throw refuse('BAD_REQUEST', 'persistedQuery needs version 1 and a sha256Hash of 64 hex digits');
  return { query: query ?? undefined, variables: (variables as Record<string, unknown> | null) ?? undefined, operationName: operationName || undefined, hash: hash as string | undefined };
}

/** Reads requests; remembers persisted queries (in this process, the most recent ones). */
export function createRequestReader() {
  const persisted = new Map<string, string>();

  return function read(request: FastifyRequest): GraphqlRequest {
    const { query, variables, operationName, hash } = incoming(request);
    let text = query;
    if (hash) {
      if (text === undefined) {
        text = persisted.get(hash);
        if (text === undefined) throw refuse('PERSISTED_QUERY_NOT_FOUND');
      } else if (createHash('sha256').update(text).digest('hex') !== hash) {
        throw refuse('PERSISTED_QUERY_MISMATCH');
      }
    }
    if (text === undefined || text.trim() === '') throw refuse('MISSING_QUERY');
    const bytes = Buffer.byteLength(text);
    if (bytes > queryLimits.maxQueryBytes) throw refuse('QUERY_TOO_BIG', `Query cannot be executed. The query is ${bytes} bytes; the maximum is ${queryLimits.maxQueryBytes}.`, { size: bytes, maximumSize: queryLimits.maxQueryBytes });
    if (hash && !persisted.has(hash)) {
      if (persisted.size >= maxPersisted) persisted.delete(persisted.keys().next().value!);
      persisted.set(hash, text);
    }
    return { query: text, variables, operationName };
  };
}
