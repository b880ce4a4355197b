/**
 * What a client sees, and what is logged, for each class of failure, through
 * the real Lambda handler over the real local engine, in production and in
 * development mode. The answers are pinned as inline snapshots (stack traces,
 * present in development only, are shown as "<stack>"). The failures of the
 * data store (down, throttling, an unexpected error) are real SDK calls that
 * fail: an address where nothing listens, or an error raised inside the SDK's
 * own middleware stack, where DynamoDB's would surface.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDataSources, type DataSources } from '../../functions/data/client.js';
import {
  handlerFor,
  httpEvent,
  invoke,
  startEngine,
  tableNames,
  type Handler,
  type Json,
  type TestEngine,
} from '../../scripts/harness/local-engine.js';
import { lambdaRequestListener, type LambdaHttpHandler } from '../../scripts/http-adapter.js';

let env: TestEngine;
const closing: DataSources[] = [];

beforeAll(async () => {
  env = await startEngine();
});
afterAll(async () => {
  for (const ds of closing) ds.raw.destroy();
  await env.close();
});

/** A logger that logs at INFO, whatever the suite's POWERTOOLS_LOG_LEVEL, to the real stdout and stderr. */
const testLogger = () => new Logger({ serviceName: 'client-errors-test', logLevel: 'INFO' });

/** Data sources over the test tables whose every DynamoDB call fails with `error` (raised inside the SDK). */
function failingDataSources(error: () => Error, endpoint = env.engine.endpoint): DataSources {
  const ds = createDataSources({ endpoint, tables: tableNames('test'), maxAttempts: 1 });
  ds.raw.middlewareStack.add(
    () => () => {
      throw error();
    },
    { step: 'finalizeRequest', name: 'failEveryCall' },
  );
  closing.push(ds);
  return ds;
}

const dataStoreDown = () => {
  const ds = createDataSources({ endpoint: 'http://127.0.0.1:9', tables: tableNames('test'), maxAttempts: 1 });
  closing.push(ds);
  return ds;
};
const throttled = () =>
  failingDataSources(() =>
    Object.assign(new Error('Rate of requests exceeds the allowed throughput.'), {
      name: 'ThrottlingException',
      $fault: 'client',
      $metadata: { httpStatusCode: 400 },
    }),
  );
const internalFault = () =>
  failingDataSources(() => new TypeError("Cannot read properties of undefined (reading 'pk') in table v000001#secret"));

interface LogLine {
  level: string;
  message: string;
  /** The codes a refusal line lists, or the logged error's name. */
  about: unknown;
  stack: boolean;
}

interface Seen {
  status: number;
  body: Json;
  logs: LogLine[];
}

/** Stack traces vary with every edit of the code: a snapshot shows where one is, not what it says. */
function withoutStacks(body: Json): Json {
  for (const error of body?.errors ?? []) {
    if (error.extensions?.stacktrace !== undefined) error.extensions.stacktrace = '<stack>';
  }
  return body;
}

function logLine(line: Json): LogLine {
  const text = JSON.stringify(line);
  return {
    level: line.level,
    message: line.message,
    about: line.errors?.map((e: Json) => e.code) ?? line.code ?? line.error?.name,
    stack: text.includes('"stack"') || text.includes('\\n    at '),
  };
}

/** Invokes the handler and collects the JSON lines its logger printed meanwhile. */
async function send(handler: Handler, event: APIGatewayProxyEventV2): Promise<Seen & { raw: string }> {
  const written: string[] = [];
  const capture = (chunk: unknown) => {
    written.push(String(chunk));
    return true;
  };
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(capture);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(capture);
  let result;
  try {
    result = await invoke(handler, event);
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  const lines = written
    .join('')
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => logLine(JSON.parse(l)));
  const raw = result.body ?? '';
  return { status: result.statusCode ?? 200, body: withoutStacks(raw === '' ? '' : JSON.parse(raw)), logs: lines, raw };
}

const post = (body: unknown, headers: Record<string, string> = {}) => httpEvent('POST', { body, headers });
const query = (q: string, variables?: Record<string, unknown>) => post({ query: q, variables });

/** The failures, each with the handler options that produce it. */
const CASES = {
  badInput: { event: () => query('{ events(from: "2022-02-30") { totalCount } }') },
  badCursor: { event: () => query('{ claims(first: 1, after: "bogus") { nodes { id } } }') },
  validation: { event: () => query('{ documnts { totalCount } }') },
  persistedQueryNotFound: {
    event: () => post({ extensions: { persistedQuery: { version: 1, sha256Hash: 'ab'.repeat(32) } } }),
  },
  hashMismatch: {
    event: () =>
      post({
        query: '{ documents { totalCount } }',
        extensions: { persistedQuery: { version: 1, sha256Hash: '00'.repeat(32) } },
      }),
  },
  queryTooComplex: {
    event: () =>
      query(
        'query($n: Int) { claims(first: $n) { nodes { speaker { claims(first: $n) { nodes { events { id } } } } } } }',
        {
          n: 100,
        },
      ),
  },
  responseTooLarge: {
    event: () => query('{ claims(first: 20) { nodes { id text } } }'),
    options: { maxReplyBytes: 2_000 },
  },
  dataStoreDown: { event: () => query('{ documents(first: 1) { totalCount } }'), ds: dataStoreDown },
  throttled: { event: () => query('{ documents(first: 1) { totalCount } }'), ds: throttled },
  internal: { event: () => query('{ documents(first: 1) { totalCount } }'), ds: internalFault },
} satisfies Record<
  string,
  { event: () => APIGatewayProxyEventV2; ds?: () => DataSources; options?: { maxReplyBytes: number } }
>;

/** What a client gets for a case, and what is logged, in one mode. */
async function failure(name: keyof typeof CASES, production: boolean): Promise<Seen> {
  const c: { event: () => APIGatewayProxyEventV2; ds?: () => DataSources; options?: { maxReplyBytes: number } } =
    CASES[name];
  const handler = handlerFor(c.ds?.() ?? env.ds, { production, logger: testLogger(), ...c.options });
  const { status, body, logs } = await send(handler, c.event());
  return { status, body, logs };
}

describe('what a client sees, and what is logged, for each class of failure', () => {
  it('bad input', async () => {
    expect(await failure('badInput', true)).toMatchInlineSnapshot(`
      {
        "body": {
          "data": null,
          "errors": [
            {
              "extensions": {
                "argumentName": "from",
                "code": "BAD_USER_INPUT",
              },
              "locations": [
                {
                  "column": 3,
                  "line": 1,
                },
              ],
              "message": "Invalid "from": "2022-02-30" is not a calendar day (2022-02 has 28 days).",
              "path": [
                "events",
              ],
            },
          ],
        },
        "logs": [
          {
            "about": [
              "BAD_USER_INPUT",
            ],
            "level": "INFO",
            "message": "GraphQL request refused",
            "stack": false,
          },
        ],
        "status": 200,
      }
    `);
    expect(await failure('badInput', false)).toMatchInlineSnapshot(`
      {
        "body": {
          "data": null,
          "errors": [
            {
              "extensions": {
                "argumentName": "from",
                "code": "BAD_USER_INPUT",
                "stacktrace": "<stack>",
              },
              "locations": [
                {
                  "column": 3,
                  "line": 1,
                },
              ],
              "message": "Invalid "from": "2022-02-30" is not a calendar day (2022-02 has 28 days).",
              "path": [
                "events",
              ],
            },
          ],
        },
        "logs": [
          {
            "about": [
              "BAD_USER_INPUT",
            ],
            "level": "INFO",
            "message": "GraphQL request refused",
            "stack": false,
          },
        ],
        "status": 200,
      }
    `);
  });

  it('bad cursor', async () => {
    expect(await failure('badCursor', true)).toMatchInlineSnapshot(`
      {
        "body": {
          "data": null,
          "errors": [
            {
              "extensions": {
                "argumentName": "after",
                "code": "BAD_USER_INPUT",
              },
              "locations": [
                {
                  "column": 3,
                  "line": 1,
                },
              ],
              "message": "Invalid cursor: pass an endCursor or edge cursor that this list returned.",
              "path": [
                "claims",
              ],
            },
          ],
        },
        "logs": [
          {
            "about": [
              "BAD_USER_INPUT",
            ],
            "level": "INFO",
            "message": "GraphQL request refused",
            "stack": false,
          },
        ],
        "status": 200,
      }
    `);
    expect(await failure('badCursor', false)).toMatchInlineSnapshot(`
      {
        "body": {
          "data": null,
          "errors": [
            {
              "extensions": {
                "argumentName": "after",
                "code": "BAD_USER_INPUT",
                "stacktrace": "<stack>",
              },
              "locations": [
                {
                  "column": 3,
                  "line": 1,
                },
              ],
              "message": "Invalid cursor: pass an endCursor or edge cursor that this list returned.",
              "path": [
                "claims",
              ],
            },
          ],
        },
        "logs": [
          {
            "about": [
              "BAD_USER_INPUT",
            ],
            "level": "INFO",
            "message": "GraphQL request refused",
            "stack": false,
          },
        ],
        "status": 200,
      }
    `);
  });

  it('validation, with "Did you mean" in development only', async () => {
    expect(await failure('validation', true)).toMatchInlineSnapshot(`
      {
        "body": {
          "errors": [
            {
              "extensions": {
                "code": "GRAPHQL_VALIDATION_FAILED",
              },
              "locations": [
                {
                  "column": 3,
                  "line": 1,
                },
              ],
              "message": "Cannot query field "documnts" on type "Query".",
            },
          ],
        },
        "logs": [
          {
            "about": [
              "GRAPHQL_VALIDATION_FAILED",
            ],
            "level": "INFO",
            "message": "GraphQL request refused",
            "stack": false,
          },
        ],
        "status": 400,
      }
    `);
    expect(await failure('validation', false)).toMatchInlineSnapshot(`
      {
        "body": {
          "errors": [
            {
              "extensions": {
                "code": "GRAPHQL_VALIDATION_FAILED",
                "stacktrace": "<stack>",
              },
              "locations": [
                {
                  "column": 3,
                  "line": 1,
                },
              ],
              "message": "Cannot query field "documnts" on type "Query". Did you mean "documents" or "document"?",
            },
          ],
        },
        "logs": [
          {
            "about": [
              "GRAPHQL_VALIDATION_FAILED",
            ],
            "level": "INFO",
            "message": "GraphQL request refused",
            "stack": false,
          },
        ],
        "status": 400,
      }
    `);
  });

  it('persisted query not found', async () => {
    expect(await failure('persistedQueryNotFound', true)).toMatchInlineSnapshot(`
      {
        "body": {
          "errors": [
            {
              "extensions": {
                "code": "PERSISTED_QUERY_NOT_FOUND",
              },
              "message": "PersistedQueryNotFound",
            },
          ],
        },
        "logs": [
          {
            "about": [
              "PERSISTED_QUERY_NOT_FOUND",
            ],
            "level": "INFO",
            "message": "GraphQL request refused",
            "stack": false,
          },
        ],
        "status": 200,
      }
    `);
    expect(await failure('persistedQueryNotFound', false)).toMatchInlineSnapshot(`
      {
        "body": {
          "errors": [
            {
              "extensions": {
                "code": "PERSISTED_QUERY_NOT_FOUND",
                "stacktrace": "<stack>",
              },
              "message": "PersistedQueryNotFound",
            },
          ],
        },
        "logs": [
          {
            "about": [
              "PERSISTED_QUERY_NOT_FOUND",
            ],
            "level": "INFO",
            "message": "GraphQL request refused",
            "stack": false,
          },
        ],
        "status": 200,
      }
    `);
  });

  it('persisted query whose hash does not match: 400, BAD_REQUEST, one INFO line', async () => {
    expect(await failure('hashMismatch', true)).toMatchInlineSnapshot(`
      {
        "body": {
          "errors": [
            {
              "extensions": {
                "code": "BAD_REQUEST",
              },
              "message": "provided sha does not match query",
            },
          ],
        },
        "logs": [
          {
            "about": [
              "BAD_REQUEST",
            ],
            "level": "INFO",
            "message": "GraphQL request refused",
            "stack": false,
          },
        ],
        "status": 400,
      }
    `);
    expect(await failure('hashMismatch', false)).toMatchInlineSnapshot(`
      {
        "body": {
          "errors": [
            {
              "extensions": {
                "code": "BAD_REQUEST",
                "stacktrace": "<stack>",
              },
              "message": "provided sha does not match query",
            },
          ],
        },
        "logs": [
          {
            "about": [
              "BAD_REQUEST",
            ],
            "level": "INFO",
            "message": "GraphQL request refused",
            "stack": false,
          },
        ],
        "status": 400,
      }
    `);
  });

  it('query too complex', async () => {
    expect(await failure('queryTooComplex', true)).toMatchInlineSnapshot(`
      {
        "body": {
          "errors": [
            {
              "extensions": {
                "code": "QUERY_TOO_COMPLEX",
                "cost": 681351,
                "maxCost": 58000,
              },
              "message": "Query is too expensive: cost 681351 exceeds the limit of 58000. Ask for fewer items (smaller "first"), fewer nested lists or fewer long text fields.",
            },
          ],
        },
        "logs": [
          {
            "about": [
              "QUERY_TOO_COMPLEX",
            ],
            "level": "INFO",
            "message": "GraphQL request refused",
            "stack": false,
          },
        ],
        "status": 400,
      }
    `);
    expect(await failure('queryTooComplex', false)).toMatchInlineSnapshot(`
      {
        "body": {
          "errors": [
            {
              "extensions": {
                "code": "QUERY_TOO_COMPLEX",
                "cost": 681351,
                "maxCost": 58000,
                "stacktrace": "<stack>",
              },
              "message": "Query is too expensive: cost 681351 exceeds the limit of 58000. Ask for fewer items (smaller "first"), fewer nested lists or fewer long text fields.",
            },
          ],
        },
        "logs": [
          {
            "about": [
              "QUERY_TOO_COMPLEX",
            ],
            "level": "INFO",
            "message": "GraphQL request refused",
            "stack": false,
          },
        ],
        "status": 400,
      }
    `);
  });

  it('response too large', async () => {
    expect(await failure('responseTooLarge', true)).toMatchInlineSnapshot(`
      {
        "body": {
          "data": null,
          "errors": [
            {
              "extensions": {
                "code": "RESPONSE_TOO_LARGE",
                "maxBytes": 2000,
              },
              "message": "The reply is larger than 2000 bytes. Ask for fewer items (smaller "first"), fewer nested lists or fewer long text fields.",
            },
          ],
        },
        "logs": [
          {
            "about": undefined,
            "level": "WARN",
            "message": "Reply over the size cap replaced by RESPONSE_TOO_LARGE",
            "stack": false,
          },
        ],
        "status": 200,
      }
    `);
    expect(await failure('responseTooLarge', false)).toMatchInlineSnapshot(`
      {
        "body": {
          "data": null,
          "errors": [
            {
              "extensions": {
                "code": "RESPONSE_TOO_LARGE",
                "maxBytes": 2000,
              },
              "message": "The reply is larger than 2000 bytes. Ask for fewer items (smaller "first"), fewer nested lists or fewer long text fields.",
            },
          ],
        },
        "logs": [
          {
            "about": undefined,
            "level": "WARN",
            "message": "Reply over the size cap replaced by RESPONSE_TOO_LARGE",
            "stack": false,
          },
        ],
        "status": 200,
      }
    `);
  });

  it('data store down', async () => {
    expect(await failure('dataStoreDown', true)).toMatchInlineSnapshot(`
      {
        "body": {
          "data": null,
          "errors": [
            {
              "extensions": {
                "code": "SERVICE_UNAVAILABLE",
              },
              "message": "The data store is unavailable right now; retry shortly.",
              "path": [
                "documents",
              ],
            },
          ],
        },
        "logs": [
          {
            "about": "Error",
            "level": "ERROR",
            "message": "GraphQL request failed",
            "stack": true,
          },
        ],
        "status": 200,
      }
    `);
    expect(await failure('dataStoreDown', false)).toMatchInlineSnapshot(`
      {
        "body": {
          "data": null,
          "errors": [
            {
              "extensions": {
                "code": "SERVICE_UNAVAILABLE",
                "stacktrace": "<stack>",
              },
              "locations": [
                {
                  "column": 3,
                  "line": 1,
                },
              ],
              "message": "The data store is unavailable right now; retry shortly.",
              "path": [
                "documents",
              ],
            },
          ],
        },
        "logs": [
          {
            "about": "Error",
            "level": "ERROR",
            "message": "GraphQL request failed",
            "stack": true,
          },
        ],
        "status": 200,
      }
    `);
  });

  it('data store throttling', async () => {
    expect(await failure('throttled', true)).toMatchInlineSnapshot(`
      {
        "body": {
          "data": null,
          "errors": [
            {
              "extensions": {
                "code": "SERVICE_UNAVAILABLE",
              },
              "message": "The data store is unavailable right now; retry shortly.",
              "path": [
                "documents",
              ],
            },
          ],
        },
        "logs": [
          {
            "about": "ThrottlingException",
            "level": "ERROR",
            "message": "GraphQL request failed",
            "stack": true,
          },
        ],
        "status": 200,
      }
    `);
    expect(await failure('throttled', false)).toMatchInlineSnapshot(`
      {
        "body": {
          "data": null,
          "errors": [
            {
              "extensions": {
                "code": "SERVICE_UNAVAILABLE",
                "stacktrace": "<stack>",
              },
              "locations": [
                {
                  "column": 3,
                  "line": 1,
                },
              ],
              "message": "The data store is unavailable right now; retry shortly.",
              "path": [
                "documents",
              ],
            },
          ],
        },
        "logs": [
          {
            "about": "ThrottlingException",
            "level": "ERROR",
            "message": "GraphQL request failed",
            "stack": true,
          },
        ],
        "status": 200,
      }
    `);
  });

  it('internal error, its message masked in both modes and logged with its stack', async () => {
    expect(await failure('internal', true)).toMatchInlineSnapshot(`
      {
        "body": {
          "data": null,
          "errors": [
            {
              "extensions": {
                "code": "INTERNAL_SERVER_ERROR",
              },
              "message": "Internal server error",
              "path": [
                "documents",
              ],
            },
          ],
        },
        "logs": [
          {
            "about": "TypeError",
            "level": "ERROR",
            "message": "GraphQL request failed",
            "stack": true,
          },
        ],
        "status": 200,
      }
    `);
    expect(await failure('internal', false)).toMatchInlineSnapshot(`
      {
        "body": {
          "data": null,
          "errors": [
            {
              "extensions": {
                "code": "INTERNAL_SERVER_ERROR",
                "stacktrace": "<stack>",
              },
              "locations": [
                {
                  "column": 3,
                  "line": 1,
                },
              ],
              "message": "Internal server error",
              "path": [
                "documents",
              ],
            },
          ],
        },
        "logs": [
          {
            "about": "TypeError",
            "level": "ERROR",
            "message": "GraphQL request failed",
            "stack": true,
          },
        ],
        "status": 200,
      }
    `);
  });
});

/** A request as a client sends it, to the handler (as its event) and to the local HTTP server. */
interface Request {
  method: 'GET' | 'POST';
  body?: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
}

const GET_HEADERS = { 'apollo-require-preflight': 'true' };
const json = (value: unknown) => JSON.stringify(value);

/** Every kind of reply: success, each refusal and fault, the size refusal; 304 is added once its ETag is known. */
const REPLIES: { name: string; request: Request; ds?: () => DataSources; options?: { maxReplyBytes: number } }[] = [
  { name: 'success', request: { method: 'POST', body: json({ query: '{ documents(first: 2) { nodes { id } } }' }) } },
  {
    name: 'cacheable GET',
    request: { method: 'GET', query: { query: '{ documents(first: 2) { totalCount } }' }, headers: GET_HEADERS },
  },
  ...Object.entries(CASES).map(([name, c]) => {
    const event = c.event();
    return {
      name,
      request: { method: 'POST' as const, body: event.body, headers: event.headers as Record<string, string> },
      ds: 'ds' in c ? c.ds : undefined,
      options: 'options' in c ? c.options : undefined,
    };
  }),
  { name: 'GRAPHQL_PARSE_FAILED', request: { method: 'POST', body: json({ query: '{ documents {' }) } },
  { name: 'body not JSON (BAD_REQUEST)', request: { method: 'POST', body: '{"query": ' } },
  {
    name: 'GET without preflight (BAD_REQUEST)',
    request: { method: 'GET', query: { query: '{ healthy }' }, headers: { 'content-type': 'text/plain' } },
  },
  {
    name: 'variables nested too deep (BAD_REQUEST)',
    request: {
      method: 'POST',
      body: json({ query: '{ healthy }', variables: { v: JSON.parse('['.repeat(20) + ']'.repeat(20)) } }),
    },
  },
  {
    name: 'PAYLOAD_TOO_LARGE',
    request: { method: 'POST', body: json({ query: `{ healthy } #${'x'.repeat(70_000)}` }) },
  },
];

const eventOf = (r: Request) =>
  httpEvent(r.method, { body: r.body, query: r.query, headers: { 'content-type': 'application/json', ...r.headers } });

/** The ETag a GET of this reply got: its repetition with If-None-Match is answered 304. */
async function notModified(handler: Handler): Promise<Request> {
  const cacheable = REPLIES[1]!.request;
  const etag = (await invoke(handler, eventOf(cacheable))).headers?.etag;
  expect(etag).toBeDefined();
  return { ...cacheable, headers: { ...cacheable.headers, 'if-none-match': String(etag) } };
}

async function serve(handler: Handler): Promise<{ url: string; close: () => Promise<void> }> {
  const failures: unknown[] = [];
  // As scripts/local-stack.ts serves it; a failure of the listener itself fails the case.
  const listener = lambdaRequestListener(handler as unknown as LambdaHttpHandler, (error) => failures.push(error));
  const server = createServer((req, res) => void listener(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
      expect(failures).toEqual([]);
    },
  };
}

/** Sends every kind of reply through the handler and the local HTTP server; what was made, by name and status. */
async function checkLengths(production: boolean): Promise<string[]> {
  const made: string[] = [];
  for (const reply of [...REPLIES, { name: '304', request: undefined }]) {
    const handler = handlerFor((reply as { ds?: () => DataSources }).ds?.() ?? env.ds, {
      production,
      logger: new Logger({ logLevel: 'SILENT' }),
      ...(reply as { options?: object }).options,
    });
    const request = reply.request ?? (await notModified(handler));
    // The handler's result: the length it declares is the length of the body it returns.
    const result = await invoke(handler, eventOf(request));
    const declared = result.headers?.['content-length'];
    if (declared !== undefined) expect(Number(declared), reply.name).toBe(Buffer.byteLength(result.body ?? ''));
    // Over HTTP: a declared length the body does not have makes the client wait, or cuts the body.
    const server = await serve(handler);
    try {
      const url = new URL(server.url);
      for (const [k, v] of Object.entries(request.query ?? {})) url.searchParams.set(k, v);
      const res = await fetch(url, {
        method: request.method,
        // The headers httpEvent gives the handler's event (an answer varies with Accept).
        headers: { 'content-type': 'application/json', accept: 'application/json', ...request.headers },
        body: request.body,
        // Fails the case, rather than the whole test by its timeout, when the declared bytes never come.
        signal: AbortSignal.timeout(20_000),
      });
      const bytes = Buffer.from(await res.arrayBuffer()).length;
      const length = res.headers.get('content-length');
      if (length !== null) expect(Number(length), reply.name).toBe(bytes);
      expect(res.status, reply.name).toBe(result.statusCode);
      made.push(`${reply.name}: ${res.status}${declared === undefined ? '' : ', content-length from the handler'}`);
    } finally {
      await server.close();
    }
  }
  return made;
}

describe('replies whose content-length matches their body', () => {
  it('in production, through the handler and the local HTTP server, for every kind of reply', async () => {
    expect(await checkLengths(true)).toMatchInlineSnapshot(`
      [
        "success: 200, content-length from the handler",
        "cacheable GET: 200, content-length from the handler",
        "badInput: 200, content-length from the handler",
        "badCursor: 200, content-length from the handler",
        "validation: 400, content-length from the handler",
        "persistedQueryNotFound: 200, content-length from the handler",
        "hashMismatch: 400, content-length from the handler",
        "queryTooComplex: 400, content-length from the handler",
        "responseTooLarge: 200, content-length from the handler",
        "dataStoreDown: 200, content-length from the handler",
        "throttled: 200, content-length from the handler",
        "internal: 200, content-length from the handler",
        "GRAPHQL_PARSE_FAILED: 400, content-length from the handler",
        "body not JSON (BAD_REQUEST): 400",
        "GET without preflight (BAD_REQUEST): 400, content-length from the handler",
        "variables nested too deep (BAD_REQUEST): 400",
        "PAYLOAD_TOO_LARGE: 413",
        "304: 304",
      ]
    `);
  });

  it('in development, through the handler and the local HTTP server, for every kind of reply', async () => {
    expect(await checkLengths(false)).toMatchInlineSnapshot(`
      [
        "success: 200, content-length from the handler",
        "cacheable GET: 200, content-length from the handler",
        "badInput: 200, content-length from the handler",
        "badCursor: 200, content-length from the handler",
        "validation: 400, content-length from the handler",
        "persistedQueryNotFound: 200, content-length from the handler",
        "hashMismatch: 400, content-length from the handler",
        "queryTooComplex: 400, content-length from the handler",
        "responseTooLarge: 200, content-length from the handler",
        "dataStoreDown: 200, content-length from the handler",
        "throttled: 200, content-length from the handler",
        "internal: 200, content-length from the handler",
        "GRAPHQL_PARSE_FAILED: 400, content-length from the handler",
        "body not JSON (BAD_REQUEST): 400",
        "GET without preflight (BAD_REQUEST): 400, content-length from the handler",
        "variables nested too deep (BAD_REQUEST): 400",
        "PAYLOAD_TOO_LARGE: 413",
        "304: 304",
      ]
    `);
  });
});
