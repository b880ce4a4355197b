import { createDataSources } from '../data/client.js';
import { searchIndexFromEnv } from '../search/search-index-cache.js';
import { cursorKeyFromEnv } from '../shared/env.js';
import { logger } from '../shared/logger.js';
import { createGraphQLHandler } from './lambda.js';
import { mapStackTracesOnDemand } from './stack-traces.js';

mapStackTracesOnDemand(import.meta.url);

/** Lambda entry point: everything the requests share is built here, once, from the environment the CDK stack sets. */
export const handler = createGraphQLHandler({
  dataSources: createDataSources(),
  search: searchIndexFromEnv(),
  cursorKey: cursorKeyFromEnv(),
  logger,
});
