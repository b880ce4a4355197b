import { Logger } from '@aws-lambda-powertools/logger';

/** One structured JSON logger per process; the request id is appended per request. */
export const logger = new Logger({
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'knowledge-base',
  logLevel: (process.env.POWERTOOLS_LOG_LEVEL as 'INFO' | undefined) ?? 'INFO',
});
