import type { Logger } from '@aws-lambda-powertools/logger';
import type { DataSources } from '../data/client.js';
import { createLoaders, type Loaders } from '../data/loaders.js';
import type { SearchIndexSource } from '../search/search-index-cache.js';
import type { CursorCodec } from './paging.js';

/** What the handler builds once, at start-up, and every request shares. */
export interface HandlerDependencies {
  dataSources: DataSources;
  /** The instance-wide search index, loaded on the first search. */
  search: SearchIndexSource;
  /** Signs cursors; in AWS the deployment's CURSOR_SECRET. */
  cursorKey: string;
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
  cursors: CursorCodec;
}

export function createContext(deps: HandlerDependencies, cursors: CursorCodec, requestId: string): GraphQLContext {
  return {
    ds: deps.dataSources,
    loaders: createLoaders(deps.dataSources),
    requestId,
    // A child per request, not addContext on the shared logger: the local server runs requests concurrently in one process.
    logger: deps.logger.createChild({ persistentKeys: { requestId } }),
    search: deps.search,
    cursors,
  };
}
