/** `npm start`: the seeded API and its playground on http://localhost:4000/graphql (PORT overrides). */
import { logger } from '../functions/shared/logger.js';
import { directorySource } from '../functions/refresh/corpus-source.js';
import { corsPolicy, parseCorsOrigins } from '../functions/shared/http-contract.js';
import { LOCAL_SEARCH_INDEX_DIR, startLocalStack } from './local-stack.js';

const started = performance.now();
const port = Number(process.env.PORT ?? 4000);
const corpus = process.env.CORPUS_DIR === undefined ? undefined : directorySource(process.env.CORPUS_DIR);
// Origins allowed to call the API from a browser, as `-c corsOrigins=…` sets them in AWS: any by default.
const cors = (() => {
  try {
    return corsPolicy(parseCorsOrigins(process.env.CORS_ORIGINS));
  } catch (error) {
    logger.error('CORS_ORIGINS is not a list of origins', { error: error as Error });
    process.exit(1);
  }
})();
// The well-known index folder (or SEARCH_INDEX_DIR): `npm run seed` against this server writes its versions' indexes there too.
const stack = await startLocalStack({
  port,
  host: process.env.HOST ?? '127.0.0.1',
  corpus,
  searchIndexDir: LOCAL_SEARCH_INDEX_DIR,
  cors,
}).catch((error: unknown) => {
  logger.error('could not start the local stack', { error: error as Error });
  process.exit(1);
});
logger.info('ready', {
  url: stack.url,
  dynamodb: stack.endpoint,
  corsOrigins: cors.allowOrigins,
  startupMs: Math.round(performance.now() - started),
});
process.stdout.write(`\nGraphQL API and playground: ${stack.url}\n\n`);

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger.info('stopping', { signal });
  await stack.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
