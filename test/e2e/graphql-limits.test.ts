/**
 * The GraphQL Content API's limits and errors over real HTTP: complexity as Contentful counts it,
 * size, depth, auth, persisted queries, batched link reads, and random queries never a 5xx.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { buildClientSchema, getIntrospectionQuery, getNamedType, isEnumType, isInputObjectType, isLeafType, isObjectType, isInterfaceType, isUnionType, type GraphQLField, type GraphQLNamedType, type GraphQLSchema, type IntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExecutor } from '../../src/graphql/execute.js';
import { openStore, type Store } from '../../src/store/index.js';
import { startTestFolio, type TestFolio } from './folio.js';

const token = 'graphql-limits-delivery';
type Body = { data?: Record<string, any> | null; errors?: Array<{ message: string; extensions: { contentful: { code: string; requestId: string; details?: Record<string, unknown> } } }> };

describe('GraphQL Content API: limits, errors and batching', () => {
  let folio: TestFolio;
  let endpoint: string;
  const post = async (body: unknown, headers: Record<string, string> = { authorization: `Bearer ${token}` }, url = endpoint) => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as Body };
  };
  const codeOf = (b: Body) => b.errors?.[0]?.extensions.contentful.code;

  beforeAll(async () => {
    folio = await startTestFolio({ FOLIO_DELIVERY_TOKEN: token });
    endpoint = `${folio.url}/graphql/content/v1/spaces/folio/environments/master`;
  });
  afterAll(() => folio?.destroy());

  it("counts complexity as Contentful documents it: each collection's limit times what each item asks for", async () => {
    const query = (limit: number) => `query($inner: Int = 100) { articleCollection(limit: ${limit}) { items { title author { name } topicsCollection(limit: $inner) { total } } } }`;
    // 108 × (1 + 1 author + 100 topics) = 11,016: over 11,000.
    const over = await post({ query: query(108) });
    expect(over.status).toBe(400);
    expect(codeOf(over.body)).toBe('TOO_COMPLEX_QUERY');
    expect(over.body.errors![0]!.extensions.contentful.details).toEqual({ cost: 11016, maximumCost: 11000 });
    expect(over.body).not.toHaveProperty('data');
    // 107 × 102 = 10,914 passes; a variable lowering the inner limit counts too.
    expect((await post({ query: query(107) })).status).toBe(200);
    expect((await post({ query: query(1000), variables: { inner: 9 } })).status).toBe(200);
    expect(codeOf((await post({ query: query(1000), variables: { inner: 10 } })).body)).toBe('TOO_COMPLEX_QUERY');
    // Fragments count where they are spread.
    const viaFragment = await post({ query: 'query { articleCollection(limit: 200) { items { ...T } } } fragment T on Article { topicsCollection(limit: 60) { total } }' });
    expect(viaFragment.body.errors![0]!.extensions.contentful.details).toEqual({ cost: 12200, maximumCost: 11000 });
  });

  it('refuses queries too big, too deep, unparsable, invalid or naming no operation, with 400 and a code', async () => {
    const big = await post({ query: `{ articleCollection { total } } # ${'x'.repeat(9000)}` });
    expect([big.status, codeOf(big.body)]).toEqual([400, 'QUERY_TOO_BIG']);
    let deep = 'name';
    for (let i = 0; i < 22; i++) deep = `ofType { ${deep} }`;
    const tooDeep = await post({ query: `{ __schema { types { fields { type { ${deep} } } } } }` });
    expect([tooDeep.status, codeOf(tooDeep.body)]).toEqual([400, 'QUERY_TOO_DEEP']);
    const parse = await post({ query: '{ articleCollection { ' });
    expect([parse.status, codeOf(parse.body)]).toEqual([400, 'GRAPHQL_PARSE_FAILED']);
    const invalid = await post({ query: '{ articleCollection { nope } }' });
    expect([invalid.status, codeOf(invalid.body)]).toEqual([400, 'GRAPHQL_VALIDATION_FAILED']);
    const operation = await post({ query: 'query A { articleCollection { total } } query B { topicCollection { total } }', operationName: 'C' });
    expect([operation.status, codeOf(operation.body)]).toEqual([400, 'QUERY_OPERATION_NAME_MISMATCH']);
    expect((await post({ query: 'query A { articleCollection { total } } query B { topicCollection { total } }', operationName: 'B' })).body.data).toEqual({ topicCollection: { total: 6 } });
    const missing = await post({});
    expect([missing.status, codeOf(missing.body)]).toEqual([400, 'MISSING_QUERY']);
    const badVariables = await post({ query: 'query($n: Int) { articleCollection(limit: $n) { total } }', variables: { n: 'many' } });
    expect([badVariables.status, codeOf(badVariables.body)]).toEqual([400, 'GRAPHQL_VALIDATION_FAILED']);
    let nested = '{ slug: "x" }';
    for (let i = 0; i < 9; i++) nested = `{ OR: [${nested}] }`;
    const deepFilter = await post({ query: `{ articleCollection(where: ${nested}) { total } }` });
    expect([deepFilter.status, codeOf(deepFilter.body), deepFilter.body.data]).toEqual([200, 'INVALID_QUERY', { articleCollection: null }]);
    // limit: 0 still costs one read, so what sits below it counts.
    const zero = await post({ query: '{ articleCollection(limit: 0) { items { topicsCollection(limit: 11000) { total } } } }' });
    expect(zero.body.errors![0]!.extensions.contentful.details).toEqual({ cost: 11000 + 1, maximumCost: 11000 });
    const limit = await post({ query: '{ articleCollection(limit: 1001) { total } }' });
    expect([limit.status, codeOf(limit.body), limit.body.data]).toEqual([200, 'INVALID_QUERY', { articleCollection: null }]);
  });

  it("answers auth and scope problems with Contentful's codes and statuses", async () => {
    const query = { query: '{ articleCollection { total } }' };
    const none = await post(query, {});
    expect([none.status, codeOf(none.body)]).toEqual([401, 'ACCESS_TOKEN_MISSING']);
    const wrong = await post(query, { authorization: 'Bearer not-a-token' });
    expect([wrong.status, codeOf(wrong.body)]).toEqual([401, 'ACCESS_TOKEN_INVALID']);
    const space = await post(query, { authorization: `Bearer ${token}` }, `${folio.url}/graphql/content/v1/spaces/other`);
    expect([space.status, codeOf(space.body)]).toEqual([404, 'UNKNOWN_SPACE']);
    const env = await post(query, { authorization: `Bearer ${token}` }, `${endpoint.replace(/master$/, 'staging')}`);
    expect([env.status, codeOf(env.body)]).toEqual([404, 'UNKNOWN_ENVIRONMENT']);
    expect(none.body.errors![0]!.extensions.contentful.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('lets front ends on other origins call it (CORS), errors included', async () => {
    const pre = await fetch(endpoint, { method: 'OPTIONS', headers: { origin: 'https://example.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    expect(pre.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    expect(pre.headers.get('access-control-allow-methods')).toContain('POST');
    const ok = await fetch(endpoint, { method: 'POST', headers: { origin: 'https://example.com', authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ topicCollection { total } }' }) });
    expect([ok.status, ok.headers.get('access-control-allow-origin')]).toEqual([200, '*']);
    const refused = await fetch(endpoint, { method: 'POST', headers: { origin: 'https://example.com', 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ topicCollection { total } }' }) });
    expect([refused.status, refused.headers.get('access-control-allow-origin')]).toEqual([401, '*']);
  });

  it("takes Apollo's automatic persisted queries: a hash alone once the query is known", async () => {
    const query = '{ topicCollection(order: name_ASC, limit: 2) { items { name } } }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    const unknown = await post({ extensions });
    expect([unknown.status, codeOf(unknown.body), unknown.body.errors![0]!.message]).toEqual([400, 'PERSISTED_QUERY_NOT_FOUND', 'PersistedQueryNotFound']);
    const first = await post({ query, extensions });
    expect(first.status).toBe(200);
    const url = new URL(endpoint);
    url.searchParams.set('extensions', JSON.stringify(extensions));
    url.searchParams.set('access_token', token);
    const byGet = await fetch(url);
    expect(await byGet.json()).toEqual(first.body);
    const mismatch = await post({ query: `${query} `, extensions });
    expect(codeOf(mismatch.body)).toBe('PERSISTED_QUERY_MISMATCH');
  });

  it('reads links one store query per level, never one per item', async () => {
    const store = await openStore(folio.storeOptions);
    try {
      const counts = { entries: 0, assets: 0 };
      const counted = <T extends object>(repo: T, key: keyof typeof counts): T =>
        new Proxy(repo, {
          get(target, property) {
            const value = Reflect.get(target, property, target) as unknown;
            if (typeof value !== 'function') return value;
            return (...args: unknown[]) => {
              if (property === 'listPublished') counts[key]++;
              return (value as (...a: unknown[]) => unknown).apply(target, args);
            };
          },
        });
      const countingStore = new Proxy(store, {
        get: (target, property) => (property === 'entries' ? counted(target.entries, 'entries') : property === 'assets' ? counted(target.assets, 'assets') : Reflect.get(target, property, target)),
      }) as Store;
      const executor = createExecutor({ store: countingStore, publicUrl: folio.url });
      const query = `{ articleCollection(limit: 7) { items {
        featuredImage { url }
        author { name linkedFrom { articleCollection(limit: 1) { total } } }
        topicsCollection(limit: 10) { items { name } }
      } } }`;
      const answer = await executor.run({ query, variables: undefined, operationName: undefined }, { spaceId: 'folio', environmentId: 'master' }, false, 'test', () => undefined);
      expect(answer.body.errors).toBeUndefined();
      const items = (answer.body.data as any).articleCollection.items;
      expect(items).toHaveLength(7);
      expect(items.every((i: any) => i.author.name && i.featuredImage.url && i.topicsCollection.items.length > 0)).toBe(true);
      // The page; then authors and topics together (one level of entry links); linkedFrom of the one
      // author, asked under each of the 7 articles, read once; images in one asset query.
      expect(counts).toEqual({ entries: 3, assets: 1 });
    } finally {
      await store.close();
    }
  });

  it('never answers a random query with a 5xx', async () => {
    const introspection = await post({ query: getIntrospectionQuery() });
    expect(introspection.status).toBe(200);
    const schema = buildClientSchema(introspection.body.data as unknown as IntrospectionQuery);
    await fc.assert(
      fc.asyncProperty(fc.oneof({ weight: 4, arbitrary: queryArbitrary(schema) }, { weight: 1, arbitrary: fc.string({ maxLength: 200 }) }), fc.option(fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 })), async (query, variables) => {
        const res = await post({ query, ...(variables ? { variables } : {}) });
        expect(res.status, query).toBeLessThan(500);
        expect(res.body.data !== undefined || res.body.errors !== undefined, query).toBe(true);
        for (const e of res.body.errors ?? []) expect(e.extensions.contentful.code, `${query}: ${e.message}`).not.toBe('INTERNAL_SERVER_ERROR');
      }),
      { numRuns: 150 },
    );
  });
});

/** Random argument values: right and wrong types, odd strings, locales, limits out of range. */
const scalarValue = fc.oneof(
  fc.integer({ min: -5, max: 2000 }).map(String),
  fc.constantFrom('true', 'false', 'null', '"en-US"', '"xx-XX"', '"*"', '"2021-11-01"', '"not a date"', '1.5', '"#ff0000"', '[]', '["a", "b"]'),
  fc.string({ maxLength: 12 }).map((s) => JSON.stringify(s)),
);

function argsFor(schema: GraphQLSchema, field: GraphQLField<unknown, unknown>): fc.Arbitrary<string> {
  if (field.args.length === 0) return fc.constant('');
  const one = field.args.map((arg) => {
    const named = getNamedType(arg.type);
    const value: fc.Arbitrary<string> = isEnumType(named)
      ? fc.oneof(fc.constantFrom(...named.getValues().map((v) => v.name)), scalarValue)
      : isInputObjectType(named)
        ? inputObject(named, 2)
        : scalarValue;
    return value.map((v) => `${arg.name}: ${v}`);
  });
  return fc.subarray(one.map((_, i) => i), { maxLength: Math.min(3, one.length) }).chain((picked) => (picked.length ? fc.tuple(...picked.map((i) => one[i]!)).map((parts) => `(${parts.join(', ')})`) : fc.constant('')));
}

function inputObject(type: GraphQLNamedType, depth: number): fc.Arbitrary<string> {
  if (!isInputObjectType(type)) return scalarValue;
  const fields = Object.values(type.getFields());
  const entry = fc.constantFrom(...fields).chain((f) => {
    const named = getNamedType(f.type);
    const value = isInputObjectType(named) && depth > 0 ? inputObject(named, depth - 1) : isEnumType(named) ? fc.constantFrom(...named.getValues().map((v) => v.name)) : scalarValue;
    const listed = String(f.type).startsWith('[') ? value.map((v) => `[${v}]`) : value;
    return listed.map((v) => `${f.name}: ${v}`);
  });
  return fc.array(entry, { maxLength: 3 }).map((parts) => `{ ${parts.join(', ')} }`);
}

function selection(schema: GraphQLSchema, type: GraphQLNamedType, depth: number): fc.Arbitrary<string> {
  if (isLeafType(type)) return fc.constant('');
  if (isUnionType(type) || (isInterfaceType(type) && depth <= 0)) return fc.constant('{ __typename }');
  if (!isObjectType(type) && !isInterfaceType(type)) return fc.constant('{ __typename }');
  const fields = Object.values(type.getFields()).filter((f) => depth > 0 || isLeafType(getNamedType(f.type)));
  if (fields.length === 0) return fc.constant('{ __typename }');
  const field = fc.constantFrom(...fields).chain((f) => fc.tuple(fc.constant(f.name), argsFor(schema, f), selection(schema, getNamedType(f.type), depth - 1)).map(([n, a, s]) => `${n}${a} ${s}`));
  return fc.array(field, { minLength: 1, maxLength: 3 }).map((parts) => `{ ${parts.map((p, i) => `f${i}: ${p}`).join(' ')} }`);
}

/** Queries shaped by the schema (so most get past validation), with random arguments. */
function queryArbitrary(schema: GraphQLSchema): fc.Arbitrary<string> {
  return selection(schema, schema.getQueryType()!, 4);
}
