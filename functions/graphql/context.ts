import type { ExecutionBudget } from './execution-budget.js';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { DataSources } from '../data/client.js';
import type { SecretSource } from '../data/secret-store.js';
import { createLoaders, type Loaders } from '../data/loaders.js';
import type { SearchIndexSource } from '../search/search-index-cache.js';
import { RequestVersion, type CorpusVersionSource, type ReadView } from './corpus-version.js';
import type { CursorCodecSource, Cursors } from './cursor-codec.js';

/** What the handler builds once, at start-up, and every request shares. */
export interface HandlerDependencies {
  dataSources: DataSources;
  /** The instance-wide search indexes, loaded on the first search of each version. */
  search: SearchIndexSource;
  /** The published-version pointer, cached in the instance for a few seconds. */
  versions: CorpusVersionSource;
  /** The cursor key: its current value seals, the accepted ones still open (in AWS, Secrets Manager; read on first use). */
  cursorSecret: SecretSource;
  /** The value CloudFront sends in the origin-verify header; undefined checks nothing (the local server). */
  originSecret?: SecretSource;
  /** Identifies the deployed code (BUILD_ID, set by the stack): part of every ETag, so a deployment changes them. */
  buildId: string;
  /** The process logger; each request gets a child that carries its request id. */
  logger: Logger;
}

export interface GraphQLContext {
  ds: DataSources;
  loaders: Loaders;
  requestId: string;
  /** This request's logger: every line carries its request id. */
  logger: Logger;
  search: SearchIndexSource;
  /** The version this request reads (set from its cursors and header before execution). */
  version: RequestVersion;
  /** The request's version and what it reads: resolved once, on the first read; every store call takes it. */
  snapshot: () => Promise<ReadView>;
  /** Cursors of the request's version (usable once `snapshot` has resolved, as every list does first). */
  cursors: Cursors;
  /** What execution may still spend (set when execution starts: execution-budget.ts). */
  budget?: ExecutionBudget;
}

/**
 * The context of one request. Its logger is made on first use: most requests
 * log nothing, and a child logger costs tens of microseconds. The getter is on
 * the prototype, so Apollo's per-operation copy of the context (own properties
 * onto an object of the same prototype) keeps it.
 */
class RequestContext implements GraphQLContext {
  readonly ds: DataSources;
  readonly loaders: Loaders;
  readonly search: SearchIndexSource;
  readonly version: RequestVersion;
  readonly snapshot: () => Promise<ReadView>;
  readonly cursors: Cursors;
  private requestLogger: Logger | undefined;

  constructor(
    deps: HandlerDependencies,
    codec: CursorCodecSource,
    readonly requestId: string,
    private readonly processLogger: Logger,
  ) {
    const version = new RequestVersion(deps.dataSources, deps.versions, codec);
    this.ds = deps.dataSources;
    this.search = deps.search;
    this.version = version;
    this.snapshot = () => version.resolve();
    this.loaders = createLoaders(this.snapshot);
    this.cursors = version.cursors;
  }

  get logger(): Logger {
    // A child per request, not addContext on the shared logger: the local server runs requests concurrently in one process.
    this.requestLogger ??= this.processLogger.createChild({ persistentKeys: { requestId: this.requestId } });
    return this.requestLogger;
  }
}

export function createContext(deps: HandlerDependencies, codec: CursorCodecSource, requestId: string): GraphQLContext {
  return new RequestContext(deps, codec, requestId, deps.logger);
}
