import { createDataSources } from '../data/client.js';
import { searchIndexFromEnv } from '../search/search-index-cache.js';
import { secretFromSetting } from '../data/secret-store.js';
import { buildIdFromEnv, cursorSecretFromEnv, originSecretFromEnv } from '../shared/env.js';
import { logger } from '../shared/logger.js';
import { cachedCorpusVersions } from './corpus-version.js';
import { createGraphQLHandler } from './lambda.js';
import { mapStackTracesOnDemand } from './stack-traces.js';

mapStackTracesOnDemand(import.meta.url);

const dataSources = createDataSources();
const versions = cachedCorpusVersions(dataSources);
// Start reading the version pointer once init's synchronous work is done: the first request finds it in flight
// (or read) instead of waiting a round trip for it before its own reads. A failure is not cached: that request reads it again.
const originSetting = originSecretFromEnv();
const originSecret = originSetting === undefined ? undefined : secretFromSetting(originSetting);
setImmediate(() => void versions.pointer().catch(() => undefined));
// Every request is checked against the origin secret: its read starts with the pointer's, off init's path.
// The cursor key is read by the first request that makes or reads a cursor, and by no other.
setImmediate(() => void originSecret?.().catch(() => undefined));

/** Lambda entry point: everything the requests share is built here, once, from the environment the CDK stack sets. */
export const handler = createGraphQLHandler({
  dataSources,
  search: searchIndexFromEnv(),
  versions,
  cursorSecret: secretFromSetting(cursorSecretFromEnv()),
  originSecret,
  buildId: buildIdFromEnv(),
  logger,
});
