/**
 * The whole local stack in one process: the local DynamoDB engine (unless
 * DYNAMODB_ENDPOINT names another), the tables, the seeded corpus, and an HTTP
 * server that feeds every request to the GraphQL Lambda handler.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDataSources, type DataSources } from '../functions/data/client.js';
import { ensureTables } from './harness/table-admin.js';
import { TABLE_LIST, localTableName } from '../functions/data/tables.js';
import { logger } from '../functions/shared/logger.js';
import { directorySource, type CorpusSource } from '../functions/refresh/corpus-source.js';
import { refresh, type RefreshReport } from '../functions/refresh/refresh.js';
import { corsPolicy, SECURITY_HEADERS, type CorsPolicy } from '../functions/shared/http-contract.js';
import { serveExplorer } from './explorer-static.js';
import { functionUrlCors, responseHeaders, routes, type LocalRoute } from './edge-emulation.js';
import { exchangeListener, lambdaExchange, type LambdaHttpHandler } from './http-adapter.js';
import { startLocalDynamo, type LocalDynamo } from './local-dynamodb.js';
import { CORPUS_DIR } from '../seed/paths.js';

/**
 * Where `npm start` and `npm run seed` keep the search indexes unless SEARCH_INDEX_DIR names another folder: the same
 * place for both, so a seed run against a running server publishes a version whose index that server finds.
 */
export const LOCAL_SEARCH_INDEX_DIR = fileURLToPath(new URL('../.local/search-index/', import.meta.url));

// Locally Node may be older than the Lambda runtime; the SDK's upgrade notice is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

export interface LocalStackOptions {
  port?: number;
  host?: string;
  corpus?: CorpusSource;
  /** Skip the seed refresh (the bench loads its own corpora). */
  seed?: boolean;
  /** The search index folder when SEARCH_INDEX_DIR names none: a folder of its own (tests, the bench) by default. */
  searchIndexDir?: string;
  /** CORS as the function URL applies it; defaults to any origin without credentials (`npm start` reads CORS_ORIGINS). */
  cors?: CorsPolicy;
  /** Paths served beside the API (`/graphql`), checked after it; anything else is a 404. */
  routes?: LocalRoute[];
}

export interface LocalStack {
  url: string;
  port: number;
  endpoint: string;
  ds: DataSources;
  seedReport: RefreshReport | undefined;
  server: Server;
  /** The Lambda handler the server runs, for layers a test puts in front of it. */
  handler: LambdaHttpHandler;
  close(): Promise<void>;
}

/** Sets the env vars the Lambda code reads, as the CDK stack does in AWS. */
export function useLocalEnvironment(endpoint: string): void {
  process.env.DYNAMODB_ENDPOINT = endpoint;
  for (const def of TABLE_LIST) process.env[def.envVar] ??= localTableName(def);
}

export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  let engine: LocalDynamo | undefined;
  let endpoint = process.env.DYNAMODB_ENDPOINT;
  if (endpoint === undefined || endpoint === '') {
    engine = await startLocalDynamo();
    endpoint = engine.endpoint;
  }
  useLocalEnvironment(endpoint);
  // The refresh below writes the search indexes here and the handler reads them; a folder of its own per stack unless one is named.
  const searchIndexDir =
    process.env.SEARCH_INDEX_DIR === undefined && options.searchIndexDir === undefined
      ? await mkdtemp(join(tmpdir(), 'kb-search-index-'))
      : undefined;
  process.env.SEARCH_INDEX_DIR ??= searchIndexDir ?? options.searchIndexDir;
  const ds = createDataSources();
  await ensureTables(ds);
  const seedReport =
    options.seed === false ? undefined : await refresh(ds, options.corpus ?? directorySource(CORPUS_DIR));
  if (seedReport !== undefined) logger.info('seed refresh', { report: seedReport });

  // Imported only now: the handler reads its configuration from the environment at load.
  const handler = (await import('../functions/graphql/handler.js')).handler as unknown as LambdaHttpHandler;
  // As in AWS: CloudFront's response headers over everything, the function URL's CORS in front of the function.
  const api = functionUrlCors(options.cors ?? corsPolicy(), lambdaExchange(handler));
  const exchange = responseHeaders(
    SECURITY_HEADERS,
    // `/export/*` reaches the same function, as CloudFront's `/export/*` behaviour sends it there.
    routes([{ path: '/graphql', exchange: api }, { path: '/export', exchange: api }, ...(options.routes ?? [])]),
  );
  const listener = exchangeListener(exchange, (error) => {
    logger.error('local server error', { error: error as Error });
  });
  // The listener handles its own failures (it answers 500 and logs), so its promise is not awaited.
  // Paths outside /graphql are the explorer's (explorer/dist), as behind CloudFront.
  const server = createServer((req, res) => {
    void serveExplorer(req, res).then((served) => (served ? undefined : listener(req, res)));
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4000, options.host ?? '127.0.0.1', () => {
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://localhost:${port}/graphql`,
    port,
    endpoint,
    ds,
    seedReport,
    server,
    handler,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      });
      ds.raw.destroy();
      await engine?.close();
      if (searchIndexDir !== undefined) {
        await rm(searchIndexDir, { recursive: true, force: true });
        delete process.env.SEARCH_INDEX_DIR;
      }
    },
  };
}
