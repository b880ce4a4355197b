/** Shared by tests and the bench: a real local DynamoDB engine, seeded, and the real Lambda handler over it. */
import { randomUUID } from 'node:crypto';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { createDataSources, type DataSources } from '../../functions/data/client.js';
import type { RequestCounter } from './request-counter.js';
import { ensureTables } from './table-admin.js';
import { TABLE_LIST, localTableName, type EntityTable } from '../../functions/data/tables.js';
import { cachedCorpusVersions } from '../../functions/graphql/corpus-version.js';
import { createGraphQLHandler } from '../../functions/graphql/lambda.js';
import { memorySearchIndexStore } from '../../functions/data/search-index-store.js';
import {
  cachedSearchIndex,
  searchIndexFromEnv,
  type SearchIndexSource,
} from '../../functions/search/search-index-cache.js';
import { fixedSecret } from '../../functions/data/secret-store.js';
import { LOCAL_CURSOR_KEY } from '../../functions/shared/env.js';
import { logger } from '../../functions/shared/logger.js';
import type { ServerOptions } from '../../functions/graphql/server.js';
import { directorySource, type CorpusSource } from '../../functions/refresh/corpus-source.js';
import { refresh, type RefreshReport } from '../../functions/refresh/refresh.js';
import { lambdaContext } from '../http-adapter.js';
import { startLocalDynamo, type LocalDynamo } from '../local-dynamodb.js';
import { CORPUS_DIR } from '../../seed/paths.js';
import { logRequests, type RequestLog } from './request-log.js';

export interface TestEngine {
  engine: LocalDynamo;
  ds: DataSources;
  counter: RequestCounter;
  /** The same requests with their timing: how many sequential round trips a query waited for. */
  log: RequestLog;
  seedReport: RefreshReport | undefined;
  /** The search index the seed refresh built, when asked for (`searchIndex: true`), kept in memory. */
  search: SearchIndexSource | undefined;
  close(): Promise<void>;
}

export function tableNames(prefix: string): Record<EntityTable, string> {
  return Object.fromEntries(TABLE_LIST.map((t) => [t.name, localTableName(t, prefix)])) as Record<EntityTable, string>;
}

export async function startEngine(
  options: { corpus?: CorpusSource | false; maxAttempts?: number; searchIndex?: boolean } = {},
): Promise<TestEngine> {
  const engine = await startLocalDynamo();
  const ds = createDataSources({
    endpoint: engine.endpoint,
    tables: tableNames('test'),
    maxAttempts: options.maxAttempts,
  });
  const log = logRequests(ds);
  const counter = log.counter;
  await ensureTables(ds);
  const store = options.searchIndex === true ? memorySearchIndexStore() : undefined;
  const seedReport =
    options.corpus === false
      ? undefined
      : await refresh(
          ds,
          options.corpus ?? directorySource(CORPUS_DIR),
          store === undefined ? {} : { searchIndex: store },
        );
  log.reset();
  return {
    engine,
    ds,
    counter,
    log,
    seedReport,
    search: store === undefined ? undefined : cachedSearchIndex({ store: async () => store }),
    async close() {
      ds.raw.destroy();
      await engine.close();
    },
  };
}

export function httpEvent(
  method: 'GET' | 'POST',
  options: { body?: unknown; query?: Record<string, string>; headers?: Record<string, string>; path?: string } = {},
): APIGatewayProxyEventV2 {
  const path = options.path ?? '/graphql';
  const rawQueryString = new URLSearchParams(options.query ?? {}).toString();
  const now = Date.now();
  return {
    version: '2.0',
    routeKey: `${method} ${path}`,
    rawPath: path,
    rawQueryString,
    headers: { 'content-type': 'application/json', accept: 'application/json', ...options.headers },
    queryStringParameters: options.query,
    requestContext: {
      accountId: 'test',
      apiId: 'test',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
      requestId: randomUUID(),
      routeKey: `${method} ${path}`,
      stage: '$default',
      time: new Date(now).toISOString(),
      timeEpoch: now,
    },
    body:
      options.body === undefined
        ? undefined
        : typeof options.body === 'string'
          ? options.body
          : JSON.stringify(options.body),
    isBase64Encoded: false,
  };
}

/**
 * JSON as a test reads it (a GraphQL response body, a corpus entry): its shape
 * is what the test's own assertions check, so it is left untyped on purpose.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the one untyped JSON type of the tests, said why above
export type Json = any;

export interface GraphQLResponse<T = Record<string, Json>> {
  status: number;
  headers: Record<string, string>;
  // Test assertions walk arbitrary response shapes.
  data?: T;
  errors?: { message: string; extensions?: { code?: string; [key: string]: unknown }; path?: (string | number)[] }[];
}

export type Handler = ReturnType<typeof createGraphQLHandler>;

/**
 * For tests that read the whole corpus in one request (nested pages of 100 under 100 parents): such a query may
 * read up to 10,000 items, over the cost limit's work by design (docs/limits.md), though the corpus has far fewer.
 */
export const WHOLE_CORPUS_READS = { maxCost: 100_000_000 } as const;

/**
 * The Lambda handler over a test engine, with its dependencies built as the
 * deployed handler builds them. `versionCacheMs`: how long it trusts the
 * version pointer it read (5 s as deployed; 0 reads it on every request).
 * Operations are compiled from their first run unless `compileAfterRuns` says
 * otherwise, so tests take the path of a warm instance (graphql-jit); the first
 * runs on graphql-js are tested on their own (test/integration/compiled-execution.test.ts).
 */
export function handlerFor(
  ds: DataSources,
  options: ServerOptions & {
    search?: SearchIndexSource;
    versionCacheMs?: number;
    buildId?: string;
    /** The process logger (the shared one unless a test captures what is logged). */
    logger?: Logger;
  } = {},
): Handler {
  const { search, versionCacheMs, buildId, logger: processLogger = logger, compileAfterRuns = 0, ...rest } = options;
  const serverOptions = { ...rest, compileAfterRuns };
  return createGraphQLHandler(
    {
      dataSources: ds,
      search: search ?? searchIndexFromEnv(),
      versions: cachedCorpusVersions(ds, { maxAgeMs: versionCacheMs }),
      cursorSecret: fixedSecret(LOCAL_CURSOR_KEY),
      buildId: buildId ?? 'test',
      logger: processLogger,
    },
    serverOptions,
  );
}

export async function invoke(
  handler: Handler,
  event: APIGatewayProxyEventV2,
): Promise<APIGatewayProxyStructuredResultV2> {
  const result = await handler(event, lambdaContext(event.requestContext.requestId), () => undefined);
  if (result === undefined || typeof result === 'string') throw new Error('handler returned no structured result');
  return result;
}

/** Sends a GraphQL operation through the Lambda handler as an HTTP API POST. */
export async function gql<T = Record<string, Json>>(
  handler: Handler,
  query: string,
  variables?: Record<string, unknown>,
): Promise<GraphQLResponse<T>> {
  const result = await invoke(handler, httpEvent('POST', { body: { query, variables } }));
  const body = JSON.parse(result.body ?? '{}') as Omit<GraphQLResponse<T>, 'status' | 'headers'>;
  return { status: result.statusCode ?? 200, headers: (result.headers ?? {}) as Record<string, string>, ...body };
}

/** Every claim, page by page (more than one page holds): the fields asked for, in reading order. */
/**
 * Follows a connection page by page, its endCursor as `$after`, to its end; an answer with errors throws.
 * `path` picks the connection from each answer's data. The nodes in order, the distinct totalCounts the
 * pages reported (when the query asks for it), and the pages read (at most `maxPages`).
 */
export async function walkConnection(
  handler: Handler,
  query: string,
  path: (data: Json) => Json,
  variables: Record<string, unknown> = {},
  maxPages = 1000,
): Promise<{ nodes: Json[]; totals: number[]; pages: number }> {
  const nodes: Json[] = [];
  const totals = new Set<number>();
  let after: string | null = null;
  let pages = 0;
  do {
    const res: GraphQLResponse = await gql(handler, query, { ...variables, after });
    if (res.errors !== undefined) throw new Error(JSON.stringify(res.errors));
    const connection = path(res.data);
    if (typeof connection.totalCount === 'number') totals.add(connection.totalCount);
    nodes.push(...connection.nodes);
    after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
    pages++;
  } while (after !== null && pages < maxPages);
  return { nodes, totals: [...totals], pages };
}

/** Every claim, through the paged `claims` list, with the given fields. */
export async function allClaims<T = Record<string, Json>>(handler: Handler, fields: string): Promise<T[]> {
  const query = `query($after: String) { claims(first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { ${fields} } } }`;
  return (await walkConnection(handler, query, (data) => data.claims)).nodes as T[];
}
