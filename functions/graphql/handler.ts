import { createDataSources } from '../data/client.js';
import { searchIndexFromEnv } from '../search/search-index-cache.js';
import { buildIdFromEnv, cursorKeyFromEnv, previousCursorKeysFromEnv } from '../shared/env.js';
import { logger } from '../shared/logger.js';
import { cachedCorpusVersions } from './corpus-version.js';
import { createGraphQLHandler } from './lambda.js';
import { mapStackTracesOnDemand } from './stack-traces.js';

mapStackTracesOnDemand(import.meta.url);

const dataSources = createDataSources();
const versions = cachedCorpusVersions(dataSources);
// Start reading the version pointer once init's synchronous work is done: the first request finds it in flight
// (or read) instead of waiting a round trip for it before its own reads. A failure is not cached: that request reads it again.
setImmediate(() => void versions.pointer().catch(() => undefined));

/** Lambda entry point: everything the requests share is built here, once, from the environment the CDK stack sets. */
export const handler = createGraphQLHandler({
  dataSources,
  search: searchIndexFromEnv(),
  versions,
  cursorKey: cursorKeyFromEnv(),
  previousCursorKeys: previousCursorKeysFromEnv(),
  buildId: buildIdFromEnv(),
  logger,
});
