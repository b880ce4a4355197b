import { Logger } from '@aws-lambda-powertools/logger';
import { loggerSettingsFromEnv } from './env.js';

/** One structured JSON logger per process; the request id is appended per request. */
export const logger = new Logger(loggerSettingsFromEnv());

export interface ErrorDetails {
  name: string;
  message: string;
  stack?: string;
  /** The AWS SDK's or Node's error code, where there is one. */
  code?: string;
  cause?: ErrorDetails;
}

/** Causes followed in a log line; a chain deeper than this is cut. */
const MAX_CAUSES = 5;

/**
 * An error as a log line needs it: name, message, stack, code and causes, as plain data.
 * Handed to the logger as an object, an error that has a `toJSON` (GraphQLError)
 * would be logged as that JSON only, without its name, stack or cause.
 */
export function errorDetails(error: unknown, depth = 0): ErrorDetails {
  if (!(error instanceof Error)) return { name: typeof error, message: String(error) };
  const details: ErrorDetails = { name: error.name, message: error.message, stack: error.stack };
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') details.code = code;
  if (error.cause !== undefined && depth < MAX_CAUSES) details.cause = errorDetails(error.cause, depth + 1);
  return details;
}
