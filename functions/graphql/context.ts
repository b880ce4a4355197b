import type { Logger } from '@aws-lambda-powertools/logger';
import type { DataSources } from '../data/client.js';
import { createLoaders, type Loaders } from '../data/loaders.js';
import { searchIndexFromEnv, type SearchIndexSource } from '../search/search-index-cache.js';

export interface GraphQLContext {
  ds: DataSources;
  loaders: Loaders;
  requestId: string;
  logger: Logger;
  /** The instance-wide search index, loaded on the first search. */
  search: SearchIndexSource;
}

export function createContext(ds: DataSources, requestId: string, logger: Logger): GraphQLContext {
  return { ds, loaders: createLoaders(ds), requestId, logger, search: searchIndexFromEnv };
}
