import type { Logger } from '@aws-lambda-powertools/logger';
import type { DataSources } from '../data/client.js';
import { createLoaders, type Loaders } from '../data/loaders.js';
import type { SearchIndexSource } from '../search/search-index-cache.js';
import { RequestVersion, type CorpusVersionSource, type ReadView } from './corpus-version.js';
import type { CursorCodec, Cursors } from './paging.js';

/** What the handler builds once, at start-up, and every request shares. */
export interface HandlerDependencies {
  dataSources: DataSources;
  /** The instance-wide search indexes, loaded on the first search of each version. */
  search: SearchIndexSource;
  /** The published-version pointer, cached in the instance for a few seconds. */
  versions: CorpusVersionSource;
  /** Signs cursors; in AWS the deployment's CURSOR_SECRET. */
  cursorKey: string;
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
}

export function createContext(deps: HandlerDependencies, codec: CursorCodec, requestId: string): GraphQLContext {
  const version = new RequestVersion(deps.dataSources, deps.versions, codec);
  const snapshot = () => version.resolve();
  return {
    ds: deps.dataSources,
    loaders: createLoaders(snapshot),
    requestId,
    // A child per request, not addContext on the shared logger: the local server runs requests concurrently in one process.
    logger: deps.logger.createChild({ persistentKeys: { requestId } }),
    search: deps.search,
    version,
    snapshot,
    cursors: version.cursors,
  };
}
