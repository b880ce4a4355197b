/**
 * `npm run seed`: runs the seed refresh against DYNAMODB_ENDPOINT (or AWS, with
 * the table env vars set), creating missing tables first. Prints the report.
 */
import { createDataSources } from '../functions/data/client.js';
import { ensureTables } from '../functions/data/table-admin.js';
import { logger } from '../functions/shared/logger.js';
import { directorySource } from '../functions/refresh/corpus-source.js';
import { refresh } from '../functions/refresh/refresh.js';
import { CORPUS_DIR } from '../seed/paths.js';
import { useLocalEnvironment } from './local-stack.js';
import { startLocalDynamo } from './local-dynamodb.js';

// CORPUS_DIR names the corpus folder (as for `npm start`); a first argument still works.
const dir = process.env.CORPUS_DIR ?? process.argv[2] ?? CORPUS_DIR;
// Without an endpoint, load into a throw-away local engine: a dry run that proves the corpus loads.
const engine = process.env.DYNAMODB_ENDPOINT === undefined ? await startLocalDynamo() : undefined;
if (engine !== undefined) logger.info('no DYNAMODB_ENDPOINT set: loading into a temporary in-memory engine');
useLocalEnvironment(process.env.DYNAMODB_ENDPOINT ?? engine?.endpoint ?? '');
const ds = createDataSources();
try {
  await ensureTables(ds);
  const report = await refresh(ds, directorySource(dir));
  logger.info('seed refresh', { report });
} catch (error) {
  logger.error('seed refresh failed', { error: error as Error });
  process.exitCode = 1;
} finally {
  ds.raw.destroy();
  await engine?.close();
}
