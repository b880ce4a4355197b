/**
 * Operations run on graphql-js first and compiled (graphql-jit) once they
 * repeat: both paths must give the same answers, errors included, and the
 * compiled path must really be taken.
 */
import { readdirSync, readFileSync } from 'node:fs';
import {
  buildSchema,
  execute,
  getIntrospectionQuery,
  parse,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cachedCorpusVersions } from '../../functions/graphql/corpus-version.js';
import { createContext, type HandlerDependencies } from '../../functions/graphql/context.js';
import { compilingExecutor } from '../../functions/graphql/jit-executor.js';
import { cursorCodecs } from '../../functions/graphql/cursor-codec.js';
import { resolvers } from '../../functions/graphql/resolvers/index.js';
import { buildExecutableSchema } from '../../functions/graphql/server.js';
import { fixedSecret } from '../../functions/data/secret-store.js';
import { LOCAL_CURSOR_KEY } from '../../functions/shared/env.js';
import { logger } from '../../functions/shared/logger.js';
import { EXAMPLE_VARIABLES } from '../../playground/examples.js';
import {
  handlerFor,
  httpEvent,
  invoke,
  startEngine,
  type Handler,
  type TestEngine,
} from '../../scripts/harness/local-engine.js';

const OPERATIONS_DIR = new URL('../../schema/operations/', import.meta.url);

interface Case {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  /** Whether the answer holds errors (graphql-js answers it again, by design). */
  errors?: true;
}

const committed: Case[] = readdirSync(OPERATIONS_DIR)
  .filter((file) => file.endsWith('.graphql'))
  .map((file) => {
    const query = readFileSync(new URL(file, OPERATIONS_DIR), 'utf8');
    const name = /query (\w+)/.exec(query)?.[1] ?? file;
    return { name, query, variables: EXAMPLE_VARIABLES[name] ?? {} };
  });

/** Beyond the committed operations: abstract types, fragments, directives, paging and the error paths. */
const MORE: Case[] = [
  {
    name: 'union members and __typename',
    query: `{ claims(first: 30) { nodes { id about { __typename ... on Person { name } ... on Organization { name kind } ... on Place { name } ... on Event { title } } } } }`,
  },
  {
    name: 'named fragments, aliases and @include/@skip from variables',
    query: `query($yes: Boolean!, $no: Boolean!) { a: person(id: "ilham-aliyev") { ...P } b: person(id: "vladimir-putin") { ...P @include(if: $yes) name @skip(if: $no) } }
            fragment P on Person { id name claims(first: 2) { totalCount edges { cursor node { id text } } } }`,
    variables: { yes: true, no: true },
  },
  {
    name: '@include/@skip false on fragment spreads, inline fragments and fields',
    query: `query($yes: Boolean!, $no: Boolean!) { person(id: "ilham-aliyev") { ...P @include(if: $no) ... on Person @skip(if: $yes) { description } id name @include(if: $yes) aliases @skip(if: $yes) } }
            fragment P on Person { claims(first: 1) { totalCount } }`,
    variables: { yes: true, no: false },
  },
  {
    name: 'a list of enums and optional filters in variables',
    query:
      'query($q: String!, $types: [SearchType!]) { search(query: $q, types: $types, first: 5) { totalCount nodes { score node { __typename ... on Person { id } ... on Claim { id } } } } }',
    variables: { q: 'Aliyev', types: ['PERSON', 'CLAIM'] },
  },
  { name: 'the introspection query the playground sends', query: getIntrospectionQuery() },
  {
    name: 'a list with totalCount and pageInfo',
    query:
      '{ documents(first: 3) { totalCount pageInfo { hasNextPage endCursor } nodes { id title publishedOn { value precision } } } }',
  },
  { name: 'an unknown id is null', query: '{ person(id: "nobody-at-all") { id } document(id: "none") { id } }' },
  {
    name: 'an invalid cursor is BAD_USER_INPUT',
    query: '{ people(first: 2, after: "not-a-cursor") { nodes { id } } }',
    errors: true,
  },
  { name: 'a bad date is BAD_USER_INPUT', query: '{ events(from: "not-a-date") { nodes { id } } }', errors: true },
  {
    name: 'one failing field beside good ones',
    query: '{ healthy people(first: 1) { nodes { id } } events(from: "2022-13") { nodes { id } } }',
    errors: true,
  },
];

let env: TestEngine;
let handler: Handler;
let schema: GraphQLSchema;
let deps: HandlerDependencies;
const codec = cursorCodecs(fixedSecret(LOCAL_CURSOR_KEY));
beforeAll(async () => {
  env = await startEngine({ searchIndex: true });
  // As deployed: graphql-js on an operation's first run, compiled from its second.
  handler = handlerFor(env.ds, { production: true, compileAfterRuns: 1, search: env.search });
  schema = buildExecutableSchema(resolvers);
  deps = {
    dataSources: env.ds,
    search: env.search,
    versions: cachedCorpusVersions(env.ds),
    cursorSecret: fixedSecret(LOCAL_CURSOR_KEY),
    buildId: 'test',
    logger,
  } as HandlerDependencies;
});
afterAll(() => env.close());

async function post(query: string, variables?: Record<string, unknown>) {
  const result = await invoke(handler, httpEvent('POST', { body: { query, variables } }));
  return { status: result.statusCode, body: result.body };
}

async function executorOf(
  options: Parameters<typeof compilingExecutor>[1],
  on: GraphQLSchema = schema,
  context: () => object = () => createContext(deps, codec, 'r'),
) {
  const gateway = compilingExecutor(on, options);
  const { executor } = await gateway.load({ apollo: { key: undefined, keyHash: undefined, graphRef: undefined } });
  if (executor === null) throw new Error('the gateway loaded no executor');
  const run = (query: DocumentNode, variables: Record<string, unknown> = {}, operationName?: string) =>
    executor({
      document: query,
      request: { operationName, variables },
      context: context(),
    } as never) as Promise<ExecutionResult>;
  return { stats: gateway.stats, run };
}

const reference = (document: DocumentNode, variables: Record<string, unknown> = {}) =>
  execute({
    schema,
    document,
    variableValues: variables,
    contextValue: createContext(deps, codec, 'r'),
  }) as Promise<ExecutionResult>;

describe('compiled execution', () => {
  it.each([...committed, ...MORE])(
    'answers $name the same on graphql-js and compiled, through the handler',
    async ({ query, variables }) => {
      const first = await post(query, variables);
      const second = await post(query, variables);
      const third = await post(query, variables);
      expect(second).toEqual(first);
      expect(third).toEqual(first);
      expect(JSON.parse(first.body ?? '{}')).toHaveProperty('data');
    },
  );

  it.each([...committed, ...MORE])(
    'runs $name compiled, with graphql-js answering only results with errors',
    async ({ query, variables, errors }) => {
      const { stats, run } = await executorOf({ runsBeforeCompiling: 0 });
      const document = parse(query);
      const answer = await run(document, variables);
      expect(stats).toEqual({ compiled: 1, uncompilable: 0, reruns: errors === true ? 1 : 0, diverged: 0 });
      expect(answer).toEqual(await reference(document, variables));
      expect(answer.errors !== undefined).toBe(errors === true);
    },
  );

  it('covers every committed operation with answers that hold data', async () => {
    expect(committed.map((op) => op.name).sort()).toEqual([
      'ClaimAnchor',
      'ClaimsPage',
      'Disagreements',
      'DocumentReader',
      'DocumentsDeep',
      'DocumentsList',
      'EventClaims',
      'OrganizationProfile',
      'PeopleList',
      'PersonProfile',
      'PlaceProfile',
      'Search',
      'Timeline',
    ]);
    for (const op of committed) {
      const body = JSON.parse((await post(op.query, op.variables)).body ?? '{}') as {
        data?: Record<string, unknown>;
        errors?: unknown;
      };
      expect(body.errors, op.name).toBeUndefined();
      expect(
        Object.values(body.data ?? {}).some((value) => value !== null),
        op.name,
      ).toBe(true);
    }
  });

  it('compiles an operation on the run the option names, and graphql-js answers until then', async () => {
    const { stats, run } = await executorOf({ runsBeforeCompiling: 2 });
    const document = parse(
      'query Deep($first: Int = 2) { documents(first: $first) { nodes { id claims(first: 3) { nodes { id speaker { name } } } } } }',
    );

    const answers = [];
    for (let i = 0; i < 2; i++) answers.push(await run(document, {}, 'Deep'));
    expect(stats).toEqual({ compiled: 0, uncompilable: 0, reruns: 0, diverged: 0 });
    answers.push(await run(document, {}, 'Deep'), await run(document, { first: 1 }, 'Deep'));
    expect(stats).toEqual({ compiled: 1, uncompilable: 0, reruns: 0, diverged: 0 });

    const expected = await reference(document);
    for (const answer of answers.slice(0, 3)) expect(answer).toEqual(expected);
    expect(answers[3]).toEqual(await reference(document, { first: 1 }));
    expect((answers[3]?.data?.documents as { nodes: unknown[] }).nodes).toHaveLength(1);
  });

  it('keeps the operations of a bounded number of documents, compiling again what it dropped', async () => {
    const { stats, run } = await executorOf({ runsBeforeCompiling: 0, maxDocuments: 2 });
    const a = parse('{ healthy }');
    const b = parse('{ corpusVersion { number } }');
    const c = parse('{ people(first: 1) { nodes { id } } }');

    for (const document of [a, b, a, c]) await run(document);
    expect(stats.compiled).toBe(3);
    // `a` was used after `b`, so `c` pushed `b` out: `a` is still compiled, `b` compiles again.
    await run(a);
    expect(stats.compiled).toBe(3);
    await run(b);
    expect(stats.compiled).toBe(4);
  });

  it('leaves an unknown operation name to graphql-js, which refuses it', async () => {
    const { stats, run } = await executorOf({ runsBeforeCompiling: 0 });
    const answer = await run(parse('query A { healthy }'), {}, 'B');
    expect(answer.errors?.[0]?.message).toBe('Unknown operation named "B".');
    expect(stats.compiled).toBe(0);
  });

  it('answers with graphql-js and warns where the compiled run fails and graphql-js does not', async () => {
    // graphql-js's default resolver calls a function-valued property; graphql-jit reads it as the value.
    // (This is why every edge type has a cursor resolver.)
    const lazy = buildSchema('type Query { thing: Thing } type Thing { label: String! }');
    const thing = lazy.getQueryType()?.getFields().thing;
    if (thing === undefined) throw new Error('no Query.thing');
    thing.resolve = () => ({ label: () => 'made on demand' });
    const warn = vi.fn();
    const debug = vi.fn();
    const { stats, run } = await executorOf({ runsBeforeCompiling: 0 }, lazy, () => ({ logger: { warn, debug } }));

    const answer = await run(parse('query Thing { thing { label } }'), {}, 'Thing');

    expect(answer).toEqual({ data: { thing: { label: 'made on demand' } } });
    expect(stats).toEqual({ compiled: 1, uncompilable: 0, reruns: 1, diverged: 1 });
    expect(warn).toHaveBeenCalledWith('Compiled execution failed where graphql-js did not; graphql-js answered', {
      operationName: 'Thing',
      errors: [{ message: expect.stringContaining('String cannot represent value'), path: ['thing', 'label'] }],
    });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(debug).toHaveBeenCalledWith('Compiled operation', { operationName: 'Thing', ms: expect.any(Number) });
  });
});
