/**
 * A public read-only API under abusive queries and bad input: limits refuse
 * before any DynamoDB request, production mode leaks nothing, errors carry codes.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { QUERY_LIMITS } from '../../functions/graphql/limits.js';
import { loadExampleTabs } from '../../playground/examples.js';
import {
  gql,
  handlerFor,
  httpEvent,
  invoke,
  startEngine,
  type Handler,
  type TestEngine,
} from '../../scripts/harness/local-engine.js';

let env: TestEngine;
let dev: Handler;
let prod: Handler;

beforeAll(async () => {
  env = await startEngine({ searchIndex: true });
  dev = handlerFor(env.ds, { production: false, search: env.search });
  prod = handlerFor(env.ds, { production: true, search: env.search });
});
afterAll(() => env.close());

// The playground's example tabs, with the variables the playground gives them.
const examples = (await loadExampleTabs()).map(
  (tab) => [tab.file, tab.query, JSON.parse(tab.variables) as Record<string, unknown>] as const,
);

describe('query limits', () => {
  it.each(examples)('lets the example %s through', async (_file, query, variables) => {
    const res = await gql(prod, query, variables);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    expect(res.data).not.toBeNull();
  });

  const nested = (depth: number) => {
    let q = 'id';
    for (let i = 0; i < depth; i++)
      q =
        i % 2 === 0
          ? `speaker { claims(first: 1) { nodes { ${q} } } }`
          : `document { claims(first: 1) { nodes { ${q} } } }`;
    return `{ claims(first: 1) { nodes { ${q} } } }`;
  };
  const hostile: [string, string, RegExp][] = [
    ['depth', nested(6), /depth/i],
    [
      'aliases',
      `{ ${Array.from({ length: QUERY_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: healthy`).join(' ')} }`,
      /aliases/i,
    ],
    ['directives', `{ healthy ${'@skip(if: false) '.repeat(QUERY_LIMITS.maxDirectives + 1)} }`, /directives/i],
    ['tokens', `{ ${'healthy '.repeat(QUERY_LIMITS.maxTokens)} }`, /token/i],
    [
      'cost',
      `{ claims(first: 100) { nodes { speaker { claims(first: 100) { nodes { events { id title } } } } } } }`,
      /too expensive/,
    ],
  ];

  it.each(hostile)(
    'refuses a query over the %s limit with a code, a 4xx and zero DynamoDB requests',
    async (_name, query, message) => {
      env.counter.reset();
      const res = await gql(prod, query);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.errors?.[0]?.message).toMatch(message);
      expect(res.errors?.[0]?.extensions?.code).toMatch(/^[A-Z_]+$/);
      expect(res.data).toBeUndefined();
      expect(env.counter.total()).toBe(0);
    },
  );

  it('counts `first` from variables in the cost', async () => {
    const query = `query($n: Int) { claims(first: $n) { nodes { speaker { claims(first: $n) { nodes { events { id } } } } } } }`;
    expect((await gql(prod, query, { n: 10 })).errors).toBeUndefined();
    const refused = await gql(prod, query, { n: 100 });
    expect(refused.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('refuses a request body over the size limit before parsing it', async () => {
    env.counter.reset();
    const padding = ' '.repeat(QUERY_LIMITS.maxBodyBytes);
    const result = await invoke(
      prod,
      httpEvent('POST', { body: JSON.stringify({ query: `{ documents { nodes { id } } }${padding}` }) }),
    );
    expect(result.statusCode).toBe(413);
    expect(JSON.parse(result.body ?? '{}').errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect(env.counter.total()).toBe(0);
  });

  it('refuses batched requests', async () => {
    env.counter.reset();
    const result = await invoke(
      prod,
      httpEvent('POST', { body: [{ query: '{ healthy }' }, { query: '{ documents { nodes { id } } }' }] }),
    );
    expect(result.statusCode).toBe(400);
    expect(env.counter.total()).toBe(0);
  });
});

describe('production mode', () => {
  it('gives no stack traces and no field suggestions', async () => {
    const typo = await gql(prod, `{ documnts { nodes { id } } }`);
    expect(typo.status).toBe(400);
    expect(JSON.stringify(typo.errors)).not.toMatch(/Did you mean|stacktrace/);
    const devTypo = await gql(dev, `{ documnts { nodes { id } } }`);
    expect(JSON.stringify(devTypo.errors)).toMatch(/Did you mean/);
    const bad = await gql(prod, `{ documents(first: 1000) { nodes { id } } }`);
    expect(bad.status).toBe(400);
    expect(bad.errors?.[0]).toEqual({
      message: expect.stringMatching(/between 0 and 100/),
      locations: expect.any(Array),
      extensions: { code: 'BAD_USER_INPUT', argumentName: 'first' },
    });
  });

  it('masks internal errors and logs the cause with the request id', async () => {
    // Each request logs through a child of the process logger that carries its request id.
    const spy = vi.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const broken = handlerFor(
      { ...env.ds, tables: { ...env.ds.tables, documents: 'no-such-table' } },
      { production: true },
    );
    const event = httpEvent('POST', { body: { query: '{ documents { nodes { id } } }' } });
    const result = await invoke(broken, event);
    const body = JSON.parse(result.body ?? '{}');
    expect(body.errors[0]).toEqual({
      message: 'Internal server error',
      path: ['documents'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(JSON.stringify(body)).not.toMatch(/no-such-table|ResourceNotFound|at /);
    expect(spy).toHaveBeenCalledWith('GraphQL request failed', expect.objectContaining({ path: ['documents'] }));
    expect((spy.mock.contexts[0] as Logger).getPersistentLogAttributes()).toMatchObject({
      requestId: event.requestContext.requestId,
    });
    const logged = spy.mock.calls[0]?.[1] as { error: { name: string; message: string; stack: string } };
    expect(logged.error).toMatchObject({
      name: expect.stringMatching(/ResourceNotFound/),
      message: expect.stringMatching(/non-existent table|not found/i),
      stack: expect.stringMatching(/\n {4}at /),
    });
    spy.mockRestore();
  });

  it('turns introspection off when configured', async () => {
    const closed = handlerFor(env.ds, { production: true, introspection: false });
    const res = await gql(closed, `{ __schema { types { name } } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await gql(prod, `{ __schema { queryType { name } } }`)).errors).toBeUndefined();
  });
});

describe('bad input', () => {
  it.each([
    ['a string for an Int', `query($n: Int) { documents(first: $n) { nodes { id } } }`, { n: 'ten' }],
    ['a missing required variable', `query($id: ID!) { document(id: $id) { id } }`, {}],
    ['a cursor from nowhere', `{ people(after: "abc.def") { nodes { id } } }`, {}],
    ['an impossible date', `{ events(from: "2022-02-31") { nodes { id } } }`, {}],
  ])('answers %s with BAD_USER_INPUT', async (_what, query, variables) => {
    const res = await gql(prod, query, variables);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.status).toBeLessThan(500);
  });

  it.each([
    ['not JSON', '{"query": '],
    ['no query', '{}'],
    ['a query that is not a string', '{"query": 42}'],
    ['syntax error', '{"query": "{ documents { "}'],
  ])('answers a body with %s with a 400 and a code', async (_what, body) => {
    const result = await invoke(prod, httpEvent('POST', { body }));
    expect(result.statusCode).toBe(400);
  });

  it('refuses mutations: the API is read-only', async () => {
    const res = await gql(prod, `mutation { deleteEverything }`);
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
