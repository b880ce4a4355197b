import { createDataSources } from '../data/client.js';
import { searchIndexFromEnv } from '../search/search-index-cache.js';
import { buildIdFromEnv, cursorKeyFromEnv } from '../shared/env.js';
import { logger } from '../shared/logger.js';
import { cachedCorpusVersions } from './corpus-version.js';
import { createGraphQLHandler } from './lambda.js';
import { mapStackTracesOnDemand } from './stack-traces.js';

mapStackTracesOnDemand(import.meta.url);

const dataSources = createDataSources();

/** Lambda entry point: everything the requests share is built here, once, from the environment the CDK stack sets. */
export const handler = createGraphQLHandler({
  dataSources,
  search: searchIndexFromEnv(),
  versions: cachedCorpusVersions(dataSources),
  cursorKey: cursorKeyFromEnv(),
  buildId: buildIdFromEnv(),
  logger,
});
