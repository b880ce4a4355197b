import type { Context } from 'aws-lambda';
import { refresh, type RefreshReport } from '../refresh/refresh.js';
import { s3Source } from '../refresh/s3-source.js';
import { createDataSources } from '../data/client.js';
import { keepVersionsFromEnv, requiredEnv } from '../shared/env.js';
import { InvalidCorpusError } from '../shared/errors.js';
import { logger } from '../shared/logger.js';

const ds = createDataSources();
const source = s3Source({ bucket: requiredEnv('CORPUS_BUCKET'), prefix: requiredEnv('CORPUS_PREFIX') });
const keepVersions = keepVersionsFromEnv();

/**
 * What an invocation may say: `{ "allowShrink": true }` publishes a corpus that removes much of a table, or empties
 * one; `{ "allowOrphans": true }` publishes claims whose quote left their text as ORPHANED.
 */
interface RefreshEvent {
  allowShrink?: unknown;
  allowOrphans?: unknown;
}

/**
 * Scheduled (or manually invoked) seed refresh from the corpus in S3. Any
 * failure is rethrown so the invocation fails: the async retries, the
 * dead-letter queue and the error alarm all depend on it. A run that nears
 * the function's timeout stops writing and fails; its retry resumes.
 */
export const handler = async (event: RefreshEvent | null | undefined, context?: Context): Promise<RefreshReport> => {
  if (context !== undefined) logger.addContext(context);
  try {
    const report = await refresh(ds, source, {
      allowShrink: event?.allowShrink === true,
      allowOrphans: event?.allowOrphans === true,
      ...(keepVersions === undefined ? {} : { keepVersions }),
      // Lambda retries an async invocation with the same request id: the retry takes the lease over at once.
      ...(context === undefined
        ? {}
        : { owner: context.awsRequestId, remainingMs: () => context.getRemainingTimeInMillis() }),
    });
    logger.info('seed refresh', { source: source.location, report });
    return report;
  } catch (error) {
    if (error instanceof InvalidCorpusError) {
      logger.error('invalid corpus; nothing published', { source: source.location, issues: error.issues });
    } else {
      logger.error('seed refresh failed; readers stay on the current version', {
        source: source.location,
        error: error as Error,
      });
    }
    throw error;
  }
};
