/**
 * Tools introspect the production handler: the standard introspection queries
 * of GraphiQL (every option on), graphql-codegen, Apollo Rover and Postman
 * pass the limits and return the served schema, because introspection is
 * costed by the exact size of its reply (functions/graphql/introspection-cost.ts).
 * Shapes that multiply that size are still refused, with the same code as
 * any query over the limit.
 */
import { readFile } from 'node:fs/promises';
import {
  buildClientSchema,
  buildSchema,
  getIntrospectionQuery,
  lexicographicSortSchema,
  parse,
  printSchema,
  type IntrospectionQuery,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUERY_LIMITS, queryCost } from '../../functions/graphql/limits.js';
import { buildExecutableSchema } from '../../functions/graphql/server.js';
import { resolvers } from '../../functions/graphql/resolvers/index.js';
import { gql, handlerFor, startEngine, type Handler, type TestEngine } from '../../scripts/harness/local-engine.js';

const ALL_OPTIONS = {
  descriptions: true,
  specifiedByUrl: true,
  directiveIsRepeatable: true,
  schemaDescription: true,
  inputValueDeprecation: true,
  oneOf: true,
};

/** Each tool's query as it sends it. */
const STANDARD_QUERIES: [string, string][] = [
  ['GraphiQL (every option on)', getIntrospectionQuery(ALL_OPTIONS)],
  // graphql-codegen's URL loader sends graphql-js's query with the options its loader enables (all but oneOf).
  ['graphql-codegen', getIntrospectionQuery({ ...ALL_OPTIONS, oneOf: false })],
  ['Apollo Rover', await readFile(new URL('../fixtures/introspection/rover.graphql', import.meta.url), 'utf8')],
  // Postman, Insomnia and the older playgrounds send graphql-js's classic query (its default options).
  ['Postman', getIntrospectionQuery()],
];

const schema = buildExecutableSchema(resolvers);
const served = printSchema(lexicographicSortSchema(schema));

let env: TestEngine;
let prod: Handler;

beforeAll(async () => {
  env = await startEngine({});
  prod = handlerFor(env.ds, { production: true, search: env.search });
});
afterAll(() => env.close());

describe('standard introspection', () => {
  it.each(STANDARD_QUERIES)(
    '%s introspects the production handler and gets the served schema',
    async (_tool, query) => {
      // Act
      const res = await gql<IntrospectionQuery>(prod, query);

      // Assess
      expect(res.errors).toBeUndefined();
      expect(res.status).toBe(200);
      expect(printSchema(lexicographicSortSchema(buildClientSchema(res.data!)))).toBe(served);
    },
  );

  it('matches the committed SDL file, schema/__generated__/schema.graphql', async () => {
    const sdl = await readFile(new URL('../../schema/__generated__/schema.graphql', import.meta.url), 'utf8');
    expect(printSchema(lexicographicSortSchema(buildSchema(sdl)))).toBe(served);
  });

  it('costs what the reply holds: at most its bytes over BYTES_PER_COST_UNIT, under the limit', async () => {
    for (const [tool, query] of STANDARD_QUERIES) {
      const cost = queryCost(schema, parse(query));
      const bytes = JSON.stringify((await gql(prod, query)).data).length;
      expect(cost, tool).toBeLessThanOrEqual(QUERY_LIMITS.maxCost);
      // The count includes the reply's keys and punctuation: within a few percent of the real size.
      expect(cost * 25, tool).toBeGreaterThanOrEqual(bytes);
      expect(cost * 25, tool).toBeLessThan(bytes * 1.1 + 25);
    }
  });
});

describe('abusive introspection', () => {
  const refusedAsTooComplex = async (query: string) => {
    const res = await gql(prod, query);
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(res.data).toBeUndefined();
  };

  it('refuses the full introspection under many aliases', async () => {
    const full = getIntrospectionQuery(ALL_OPTIONS);
    const body = full.slice(full.indexOf('__schema') + '__schema'.length, full.indexOf('fragment FullType'));
    const selection = body.slice(0, body.lastIndexOf('}'));
    const aliases = Array.from({ length: QUERY_LIMITS.maxAliases }, (_, i) => `s${i}: __schema ${selection}`);
    await refusedAsTooComplex(
      `query Many {\n${aliases.join('\n')}\n}\n${full.slice(full.indexOf('fragment FullType'))}`,
    );
  });

  it('adds to the cost of the rest of the query: a data query just under the limit is refused with it', async () => {
    // Prepare: documents' texts, as many as fit under the limit but not beside the full introspection.
    const full = getIntrospectionQuery(ALL_OPTIONS);
    const introspection = queryCost(schema, parse(full));
    const dataQuery = (first: number) =>
      `all: documents(first: 100) { nodes { id text } } more: documents(first: ${first}) { nodes { id text } }`;
    const dataCost = (first: number) => queryCost(schema, parse(`{ ${dataQuery(first)} }`));
    let first = 0;
    while (first < 100 && dataCost(first + 1) <= QUERY_LIMITS.maxCost - introspection) first++;
    first++;
    const combined = full.replace('__schema {', `${dataQuery(first)}\n    __schema {`);
    expect(dataCost(first)).toBeLessThanOrEqual(QUERY_LIMITS.maxCost);
    expect(queryCost(schema, parse(combined))).toBeGreaterThan(QUERY_LIMITS.maxCost);

    // Act, Assess
    expect((await gql(prod, `{ ${dataQuery(first)} }`)).errors).toBeUndefined();
    await refusedAsTooComplex(combined);
  });

  it('refuses a deep ofType chain by the depth limit, as any deep query', async () => {
    let chain = 'name';
    for (let level = 0; level < 40; level++) chain = `name ofType { ${chain} }`;
    const res = await gql(prod, `{ __type(name: "Query") { fields { type { ${chain} } } } }`);
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.message).toMatch(/depth limit of 12/);
  });
});
