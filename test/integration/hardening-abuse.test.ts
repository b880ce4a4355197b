/**
 * The second round of hardening, each case as an attacker sent it against the
 * production handler: reply size, malformed variables, suggestions, `first`,
 * forged cursors, echoed input, and errors logged with what an operator needs.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { QUERY_LIMITS, REPLY_BOUND_BYTES } from '../../functions/graphql/limits.js';
import type { HandlerDependencies } from '../../functions/graphql/context.js';
import { cachedCorpusVersions } from '../../functions/graphql/corpus-version.js';
import { createGraphQLHandler } from '../../functions/graphql/lambda.js';
import { CursorCodec } from '../../functions/graphql/cursor-codec.js';
import { requestGuard } from '../../functions/graphql/request-guard.js';
import { searchIndexFromEnv } from '../../functions/search/search-index-cache.js';
import { fixedSecret } from '../../functions/data/secret-store.js';
import { LOCAL_CURSOR_KEY } from '../../functions/shared/env.js';
import { logger } from '../../functions/shared/logger.js';
import { lambdaContext } from '../../scripts/http-adapter.js';
import {
  gql,
  handlerFor,
  httpEvent,
  invoke,
  startEngine,
  type Handler,
  type Json,
  type TestEngine,
} from '../../scripts/harness/local-engine.js';

let env: TestEngine;
let dev: Handler;
let prod: Handler;
let errorLog: MockInstance<Logger['error']>;

beforeAll(async () => {
  env = await startEngine();
  dev = handlerFor(env.ds, { production: false });
  prod = handlerFor(env.ds, { production: true });
});
afterAll(() => env.close());
beforeEach(() => {
  env.counter.reset();
  errorLog = vi.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  errorLog.mockRestore();
});

async function post(handler: Handler, body: string | Record<string, unknown>) {
  const result = await invoke(handler, httpEvent('POST', { body }));
  return { status: result.statusCode ?? 200, body: result.body ?? '', json: JSON.parse(result.body ?? '{}') };
}

/** A refusal: a 400 with one coded error, no data, no DynamoDB request and nothing logged as an error. */
function expectRefused(res: { status: number; json: Json }, code: string) {
  expect(res.status).toBe(400);
  expect(res.json.errors[0].extensions.code).toBe(code);
  expect(res.json.data).toBeUndefined();
  expect(env.counter.total()).toBe(0);
  expect(errorLog).not.toHaveBeenCalled();
}

describe('reply size', () => {
  it('refuses, before execution, a short query whose reply would repeat a document text thousands of times', async () => {
    // 215 bytes that answered with 25 MB: every claim's document text, under nested lists.
    const query = '{ claims(first: 100) { nodes { speaker { claims(first: 100) { nodes { document { text } } } } } } }';
    const res = await post(prod, { query });
    expectRefused(res, 'QUERY_TOO_COMPLEX');
    expect(res.json.errors[0].message).toMatch(/long text fields/);
  });

  it('lets the heaviest query the cost limit allows through, within the reply cap', async () => {
    // 15 aliases × 8 claims, each with its document's text: about the most document text one query may ask for.
    const query = `{ ${Array.from({ length: 15 }, (_, i) => `a${i}: claims(first: 8) { nodes { id document { text id } } }`).join(' ')} }`;
    const res = await post(prod, { query });
    expect(res.status).toBe(200);
    expect(res.json.errors).toBeUndefined();
    expect(Buffer.byteLength(res.body)).toBeLessThanOrEqual(REPLY_BOUND_BYTES);
  });

  it('replaces a reply over the cap with RESPONSE_TOO_LARGE, as Lambda would fail it (over 6 MB)', async () => {
    const warn = vi.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const event = httpEvent('POST', { body: { query: '{ healthy }' } });
    const after = await requestGuard(logger)(event);
    expect(typeof after).toBe('function');
    // Under the cap in UTF-8, over it once Lambda escapes the quotes.
    const body = JSON.stringify({ data: { a: Array.from({ length: 600_000 }, () => '"') } });
    expect(Buffer.byteLength(body)).toBeLessThan(QUERY_LIMITS.maxReplyBytes);
    const result = { statusCode: 200, headers: { 'content-type': 'application/json' }, body };
    if (typeof after === 'function') await after(result);
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body)).toEqual({
      data: null,
      errors: [
        {
          message: expect.stringMatching(/larger than 5000000 bytes/),
          extensions: { code: 'RESPONSE_TOO_LARGE', maxBytes: QUERY_LIMITS.maxReplyBytes },
        },
      ],
    });
    expect(warn).toHaveBeenCalledWith(
      expect.stringMatching(/size cap/),
      expect.objectContaining({ requestId: event.requestContext.requestId }),
    );
    expect(errorLog).not.toHaveBeenCalled();
    warn.mockRestore();
  });
});

describe('malformed variables and extensions', () => {
  const nested = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;

  it.each([
    ['unused variables nested 5,000 deep', `{"query":"{ healthy }","variables":{"x":${nested(5000)}}}`],
    ['extensions nested 5,000 deep', `{"query":"{ healthy }","extensions":{"x":${nested(5000)}}}`],
    [
      'variables one level over the limit',
      `{"query":"{ healthy }","variables":{"x":${nested(QUERY_LIMITS.maxInputDepth)}}}`,
    ],
    [
      'variables with too many values',
      `{"query":"{ healthy }","variables":{"x":[${Array.from({ length: QUERY_LIMITS.maxInputValues }, () => '0').join(',')}]}}`,
    ],
  ])('refuses %s with a 400 before parsing them further', async (_what, body) => {
    expectRefused(await post(prod, body), 'BAD_REQUEST');
  });

  it('refuses deep variables in a GET too', async () => {
    const result = await invoke(
      prod,
      httpEvent('GET', { query: { query: '{ healthy }', variables: `{"x":${nested(5000)}}` } }),
    );
    expect(result.statusCode).toBe(400);
    expect(JSON.parse(result.body ?? '{}').errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(errorLog).not.toHaveBeenCalled();
  });

  it('lets variables within the limits through', async () => {
    const res = await post(prod, {
      query: 'query($n: Int) { documents(first: $n) { nodes { id } } }',
      variables: { n: 2, unused: { a: [1, [2, [3]]] } },
    });
    expect(res.status).toBe(200);
    expect(res.json.errors).toBeUndefined();
  });
});

describe('no suggestions in production', () => {
  const cases: [string, string, Record<string, unknown>][] = [
    [
      'an enum value in a variable',
      'query($t: [SearchType!]) { search(query: "putin", types: $t) { totalCount } }',
      { t: ['PERSN'] },
    ],
    ['an inline enum value', '{ search(query: "putin", types: [PERSN]) { totalCount } }', {}],
    ['a field name', '{ documnts { nodes { id } } }', {}],
    ['an argument name', '{ documents(frist: 1) { nodes { id } } }', {}],
    ['a type in a fragment', '{ search(query: "putin") { nodes { node { ... on Persn { id } } } } }', {}],
  ];

  it.each(cases)('gives none for %s (development still does)', async (_what, query, variables) => {
    const res = await post(prod, { query, variables });
    expect(res.status).toBe(400);
    expect(res.json.errors[0].extensions.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
    expect(res.body).not.toMatch(/Did you mean/);
    expect(errorLog).not.toHaveBeenCalled();
    expect((await post(dev, { query, variables })).body).toMatch(/Did you mean/);
  });
});

describe('`first` out of range', () => {
  it.each([
    ['inline, slightly', '{ documents(first: 101) { nodes { id } } }', {}],
    ['inline, hugely', '{ documents(first: 100000) { nodes { id } } }', {}],
    ['inline, negative', '{ people(first: -1) { nodes { id } } }', {}],
    ['in a variable, slightly', 'query($n: Int) { documents(first: $n) { nodes { id } } }', { n: 101 }],
    ['in a variable, hugely', 'query($n: Int) { documents(first: $n) { nodes { id } } }', { n: 100000 }],
    [
      'in a variable, nested',
      'query($n: Int) { documents(first: 1) { nodes { claims(first: $n) { nodes { id } } } } }',
      { n: 1000 },
    ],
    [
      'in a fragment',
      '{ documents(first: 1) { nodes { ...C } } } fragment C on Document { claims(first: 500) { nodes { id } } }',
      {},
    ],
  ])('is BAD_USER_INPUT with a 400 before execution, %s', async (_how, query, variables) => {
    const res = await post(prod, { query, variables });
    expectRefused(res, 'BAD_USER_INPUT');
    expect(res.json.errors[0]).toMatchObject({
      message: expect.stringMatching(/"first" must be between 0 and 100/),
      extensions: { argumentName: 'first' },
    });
  });
});

describe('cursors and echoed input', () => {
  const codec = CursorCodec.fromSecrets(LOCAL_CURSOR_KEY);
  it.each([
    ['a key part longer than DynamoDB takes', { pk: 'SUBJECT#PERSON', sk: 'x'.repeat(2000) }],
    ['more key parts than a key has', Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`a${i}`, 'x']))],
    ['key parts of the wrong shape', { pk: 'x', sk: 'y', other: 'z' }],
    ['a key part that is not a string', { pk: 1 }],
  ])('refuses a sealed cursor with %s before any DynamoDB request', async (_what, key) => {
    const after = codec.encode({ version: 1, list: 'people', position: { key: key as never } });
    // The version pointer, cached for a few seconds, is read now: what follows is the cursor's own cost.
    await gql(prod, '{ corpusVersion { number } }');
    env.counter.reset();
    const res = await gql(prod, 'query($after: String) { people(after: $after) { totalCount nodes { id } } }', {
      after,
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.status).toBeLessThan(500);
    expect(env.counter.total()).toBe(0);
    expect(errorLog).not.toHaveBeenCalled();
  });

  it('repeats at most 100 characters of an operation name', async () => {
    const res = await post(prod, { query: 'query A { healthy }', operationName: 'x'.repeat(60_000) });
    expect(res.status).toBe(400);
    expect(res.json.errors[0].message).toMatch(/Unknown operation named "x{100}…"/);
    expect(res.body.length).toBeLessThan(400);
    expect(errorLog).not.toHaveBeenCalled();
  });
});

describe('error logs', () => {
  const requestIdOf = (call: number) =>
    (errorLog.mock.contexts[call] as Logger).getPersistentLogAttributes().requestId ??
    (errorLog.mock.calls[call]?.[1] as Json)?.requestId;

  it('logs an error outside resolvers (the context function) with the Lambda request id, name, stack and cause', async () => {
    // The context function reads the dependencies of every request: one that throws breaks it.
    // (Not the logger: each request's child logger is made on first use, after the context.)
    const versions = cachedCorpusVersions(env.ds);
    let broken = false;
    const deps = {
      dataSources: env.ds,
      search: searchIndexFromEnv(),
      cursorSecret: fixedSecret(LOCAL_CURSOR_KEY),
      buildId: 'test',
      logger,
    } as unknown as HandlerDependencies;
    Object.defineProperty(deps, 'versions', {
      get: () => {
        if (broken) throw new Error('context broke', { cause: new TypeError('underneath') });
        return versions;
      },
    });
    const handler = createGraphQLHandler(deps, { production: true });
    // Broken once the handler is built: it is the request's context that reads it then.
    broken = true;
    const event = httpEvent('POST', { body: { query: '{ healthy }' } });
    const context = { awsRequestId: 'lambda-request-1' };
    const result = await handler(event, { ...lambdaContext('x'), ...context }, () => undefined);
    if (result === undefined || typeof result === 'string') throw new Error('no structured result');
    expect(result.statusCode).toBe(500);
    expect(JSON.parse(result.body ?? '{}').errors[0]).toEqual({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(errorLog).toHaveBeenCalledWith(expect.stringMatching(/context creation failed/), {
      requestId: 'lambda-request-1',
      error: {
        name: 'Error',
        message: 'context broke',
        stack: expect.stringMatching(/\n {4}at /),
        cause: { name: 'TypeError', message: 'underneath', stack: expect.any(String) },
      },
    });
  });

  it('logs a failing middleware with the request id and answers 500, not 400 with its message', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kb-playground-'));
    // A manifest that cannot be read: a directory where the file should be.
    await mkdir(join(dir, 'manifest.json'));
    process.env.PLAYGROUND_DIR = dir;
    try {
      const event = httpEvent('GET', { headers: { accept: 'text/html' } });
      const result = await invoke(prod, event);
      expect(result.statusCode).toBe(500);
      expect(result.body).not.toMatch(/EISDIR/);
      expect(errorLog).toHaveBeenCalledWith(expect.stringMatching(/middleware failed/), {
        requestId: event.requestContext.requestId,
        error: expect.objectContaining({ code: 'EISDIR', stack: expect.any(String) }),
      });
    } finally {
      delete process.env.PLAYGROUND_DIR;
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('logs an error inside a resolver with the request id and its name, message and stack', async () => {
    const broken = handlerFor(
      { ...env.ds, tables: { ...env.ds.tables, people: 'no-such-table' } },
      { production: true },
    );
    const event = httpEvent('POST', { body: { query: '{ people { nodes { id } } }' } });
    await invoke(broken, event);
    expect(requestIdOf(0)).toBe(event.requestContext.requestId);
    expect(errorLog.mock.calls[0]?.[1]).toMatchObject({
      path: ['people'],
      error: {
        name: expect.stringMatching(/ResourceNotFound/),
        message: expect.any(String),
        stack: expect.any(String),
      },
    });
  });
});
