import type { Context } from 'aws-lambda';
import { InvalidCorpusError } from '../refresh/corpus-reader.js';
import { refresh, type RefreshReport } from '../refresh/refresh.js';
import { s3Source } from '../refresh/s3-source.js';
import { createDataSources } from '../data/client.js';
import { requiredEnv } from '../shared/env.js';
import { logger } from '../shared/logger.js';

const ds = createDataSources();
const source = s3Source({ bucket: requiredEnv('CORPUS_BUCKET'), prefix: requiredEnv('CORPUS_PREFIX') });

/**
 * Scheduled (or manually invoked) seed refresh from the corpus in S3. Any
 * failure is rethrown so the invocation fails: the async retries, the
 * dead-letter queue and the error alarm all depend on it.
 */
export const handler = async (_event: unknown, context?: Context): Promise<RefreshReport> => {
  if (context !== undefined) logger.addContext(context);
  try {
    const report = await refresh(ds, source, context === undefined ? {} : { owner: context.awsRequestId });
    logger.info('seed refresh', { source: source.location, report });
    return report;
  } catch (error) {
    if (error instanceof InvalidCorpusError) {
      logger.error('invalid corpus; tables left unchanged', { source: source.location, issues: error.issues });
    } else {
      logger.error('seed refresh failed', { source: source.location, error: error as Error });
    }
    throw error;
  }
};
