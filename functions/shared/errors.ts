/**
 * The project's one error module: the error codes a client may see, the base
 * class of every error the project throws (it sets `name`, which minified
 * bundles would otherwise lose, and takes a `cause`), those errors, and what a
 * client sees of any error (`classifyError`, `clientMessage`).
 */
import type { ApolloServerErrorCode, ApolloServerValidationErrorCode } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/** Apollo Server's codes (`ApolloServerErrorCode`, `ApolloServerValidationErrorCode`): the type checks the names, a test the values. */
const APOLLO_CODES = {
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  GRAPHQL_PARSE_FAILED: 'GRAPHQL_PARSE_FAILED',
  GRAPHQL_VALIDATION_FAILED: 'GRAPHQL_VALIDATION_FAILED',
  PERSISTED_QUERY_NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
  PERSISTED_QUERY_NOT_SUPPORTED: 'PERSISTED_QUERY_NOT_SUPPORTED',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  OPERATION_RESOLUTION_FAILURE: 'OPERATION_RESOLUTION_FAILURE',
  BAD_REQUEST: 'BAD_REQUEST',
  INTROSPECTION_DISABLED: 'INTROSPECTION_DISABLED',
  MAX_RECURSIVE_SELECTIONS_EXCEEDED: 'MAX_RECURSIVE_SELECTIONS_EXCEEDED',
} as const satisfies Record<keyof typeof ApolloServerErrorCode | keyof typeof ApolloServerValidationErrorCode, string>;

/**
 * Every `extensions.code` the API answers with: Apollo's and the project's own.
 * A plain object rather than an enum (Apollo's is imported as a type only, so
 * the refresh function and the scripts need none of Apollo Server to use it).
 */
export const ErrorCode = {
  ...APOLLO_CODES,
  /** Retry later: the data store is down or throttling, or nothing is published yet. */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  /** The reply would exceed the size cap (limits.md, "Reply cap"). */
  RESPONSE_TOO_LARGE: 'RESPONSE_TOO_LARGE',
  /** The request body is over the size limit (HTTP 413). */
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** The query's cost is over the limit. */
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  /** The request spent its execution budget (resolver calls or time; limits.md, "Execution budget"). */
  EXECUTION_BUDGET_EXCEEDED: 'EXECUTION_BUDGET_EXCEEDED',
  /** The last error of a reply whose errors were more than it carries: how many were left out. */
  ERRORS_OMITTED: 'ERRORS_OMITTED',
  /** The request did not come through the deployment's CloudFront (no valid origin secret; HTTP 403). */
  FORBIDDEN: 'FORBIDDEN',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** The base of every error class of the project: `name` survives minification, `cause` is kept. */
export class KnowledgeBaseError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'KnowledgeBaseError';
  }
}

/** One problem of a corpus, where it is: a file, a path inside it, what is wrong. */
/** One problem the corpus checks found: an error refuses the corpus, a warning is printed. */
export interface CorpusIssue {
  file: string;
  path: string;
  message: string;
  /** Absent for an error (which refuses the corpus); a warning is printed and never refuses. */
  severity?: 'warning';
  /** The line in `file`, where one is known (corpus-lines.ts). */
  line?: number;
  /** The id of the entry at `path`, where one is known. */
  entry?: string;
}

/** One human-readable line: `file:line: error: path (entry): message`, the quote in it whole. */
export function formatIssue(issue: CorpusIssue): string {
  const where = `${issue.file}${issue.line === undefined ? '' : `:${issue.line}`}`;
  const path = issue.path === '' ? '' : ` ${issue.path}${issue.entry === undefined ? '' : ` (${issue.entry})`}:`;
  return `${where}: ${issue.severity ?? 'error'}:${path} ${issue.message}`;
}

/** The corpus does not pass its checks: nothing is published. */
export class InvalidCorpusError extends KnowledgeBaseError {
  constructor(readonly issues: CorpusIssue[]) {
    super(
      `Invalid corpus (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n${issues.map((i) => `  ${formatIssue(i)}`).join('\n')}`,
    );
    this.name = 'InvalidCorpusError';
  }
}

/** A refresh would newly orphan claims (their quotes are not in their texts) and was not told `allowOrphans`. */
export class OrphansRefusedError extends InvalidCorpusError {
  constructor(issues: CorpusIssue[]) {
    super(issues);
    this.name = 'OrphansRefusedError';
    this.message =
      `Refresh refused, nothing written: ${issues.length} claim${issues.length === 1 ? '' : 's'} would be published ORPHANED. ` +
      'Fix each quote; or, if the text really changed under these claims, run again with allowOrphans ' +
      `(the event field \`allowOrphans: true\`, or \`npm run seed -- --allow-orphans\`).\n${this.message}`;
  }
}

/** A refresh would remove much of a table, or empty one, and was not told `allowShrink`. */
export class ShrinkRefusedError extends KnowledgeBaseError {
  constructor(readonly problems: readonly string[]) {
    super(
      `Refresh refused, nothing written: ${problems.join('; ')}. ` +
        'If this is intended, run again with allowShrink (the event field `allowShrink: true`, or `npm run seed -- --allow-shrink`).',
    );
    this.name = 'ShrinkRefusedError';
  }
}

/** A refresh stopped writing before its invocation's deadline; the retry resumes. */
export class RefreshOutOfTimeError extends KnowledgeBaseError {
  constructor(
    readonly remainingMs: number,
    progress: string,
  ) {
    super(
      `Seed refresh stopped before the function's deadline (${Math.round(remainingMs / 1000)} s left) ${progress}; ` +
        'nothing was published, readers stay on the current version, and the retry resumes from what was written.',
    );
    this.name = 'RefreshOutOfTimeError';
  }
}

/** Another refresh holds the lease. */
export class RefreshLockedError extends KnowledgeBaseError {
  constructor(options?: ErrorOptions) {
    super(
      'Another seed refresh holds the lease; try again when it has finished (or its lease lapses, within a minute of its last renewal).',
      options,
    );
    this.name = 'RefreshLockedError';
  }
}

/** The refresh's lease lapsed and another run took it. */
export class LeaseLostError extends KnowledgeBaseError {
  constructor(owner: string, options?: ErrorOptions) {
    super(
      `The refresh lease of ${owner} was lost (it lapsed and another run took it); stopped without publishing.`,
      options,
    );
    this.name = 'LeaseLostError';
  }
}

/** The version pointer changed under a publication (another refresh published meanwhile). */
export class PublishConflictError extends KnowledgeBaseError {
  constructor(expected: number | undefined, options?: ErrorOptions) {
    super(
      `Publication refused: the current version is no longer ${expected === undefined ? 'absent' : String(expected)} ` +
        '(another refresh published meanwhile); nothing was published, and the next run starts from the new version.',
      options,
    );
    this.name = 'PublishConflictError';
  }
}

/** A request body over the local server's limit (API Gateway's, 10 MB). */
export class PayloadTooLargeError extends KnowledgeBaseError {
  constructor(readonly limit: number) {
    super(`Request body over ${limit} bytes`);
    this.name = 'PayloadTooLargeError';
  }
}

/** An environment variable whose value cannot be used: start-up stops, naming both. */
export class ConfigurationError extends KnowledgeBaseError {
  constructor(
    readonly variable: string,
    readonly value: string | undefined,
    expected: string,
  ) {
    super(
      value === undefined
        ? `Missing required environment variable ${variable} (${expected})`
        : `Environment variable ${variable} is ${JSON.stringify(value.slice(0, 100))}: expected ${expected}`,
    );
    this.name = 'ConfigurationError';
  }
}

export function badUserInput(message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, ...extra } });
}

/** Something the client can retry later (a data store or index that is not there yet). */
export function serviceUnavailable(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } });
}

/** Characters of the client's own input (an operation name, a value) an error message repeats. */
export const MAX_ECHO_CHARS = 100;
const MAX_MESSAGE_CHARS = 1000;
const LONG_QUOTED = new RegExp(`"([^"]{${MAX_ECHO_CHARS}})[^"]+"`, 'g');

/**
 * An error message as a client may see it: what it quotes of the request cut to
 * MAX_ECHO_CHARS, and in production no "Did you mean …?", from validation, variable
 * coercion or anywhere else (suggestions spell out the schema to a probing client).
 */
export function clientMessage(message: string, production: boolean): string {
  let text = message.replace(LONG_QUOTED, '"$1…"');
  if (production) text = text.replace(/ ?Did you mean [^?]*\?/g, '');
  return text.length > MAX_MESSAGE_CHARS ? `${text.slice(0, MAX_MESSAGE_CHARS)}…` : text;
}

const DATA_STORE_DOWN = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'TimeoutError']);
const THROTTLED = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'ServiceUnavailable',
  'InternalServerError',
]);

export interface Classified {
  formatted: GraphQLFormattedError;
  /**
   * Whether the service is at fault (logged at ERROR, with the cause and its stack);
   * otherwise the client's request was refused (one INFO line, no stack).
   */
  fault: boolean;
}

/**
 * The code of an error as the client gets it. Apollo refuses some malformed
 * requests (a persisted query whose hash does not match) with a 4xx and no code:
 * those are BAD_REQUEST, not an internal error.
 */
function clientCode(error: unknown, formatted: GraphQLFormattedError): unknown {
  const code = formatted.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR;
  if (code !== ErrorCode.INTERNAL_SERVER_ERROR) return code;
  const status =
    error instanceof GraphQLError ? (error.extensions.http as { status?: number } | undefined)?.status : undefined;
  return status !== undefined && status >= 400 && status < 500 ? ErrorCode.BAD_REQUEST : code;
}

/** Whether an error says the data store is unreachable or throttling (a retry later may succeed). */
function dataStoreUnavailable(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name ?? '';
  const sysCode = (error as { code?: string } | null)?.code ?? '';
  const cause = (error as { cause?: { code?: string } } | null)?.cause?.code ?? '';
  return DATA_STORE_DOWN.has(sysCode) || DATA_STORE_DOWN.has(cause) || DATA_STORE_DOWN.has(name) || THROTTLED.has(name);
}

/**
 * Maps an error to what the client may see. Client errors pass through with
 * their code; an unreachable or throttling data store becomes
 * SERVICE_UNAVAILABLE; everything else is masked as INTERNAL_SERVER_ERROR.
 * `error` is the underlying error, `formatted` what graphql-js and Apollo made of it.
 */
export function classifyError(error: unknown, formatted: GraphQLFormattedError): Classified {
  const code = clientCode(error, formatted);
  if (code !== ErrorCode.INTERNAL_SERVER_ERROR) {
    // The client's own mistake: its message and details help, a stack trace never does.
    const { stacktrace: _stack, http: _http, ...extensions } = formatted.extensions ?? {};
    return {
      formatted: {
        message: formatted.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { ...extensions, code },
      },
      fault: false,
    };
  }
  if (dataStoreUnavailable(error)) {
    return {
      formatted: {
        message: 'The data store is unavailable right now; retry shortly.',
        path: formatted.path,
        extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
      },
      fault: true,
    };
  }
  return {
    formatted: {
      message: 'Internal server error',
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    },
    fault: true,
  };
}
