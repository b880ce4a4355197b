import { GraphQLError, type GraphQLFormattedError } from 'graphql';

export function badUserInput(message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...extra } });
}

/** Something the client can retry later (a data store or index that is not there yet). */
export function serviceUnavailable(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'SERVICE_UNAVAILABLE' } });
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

interface Classified {
  formatted: GraphQLFormattedError;
  /** Whether the cause belongs in the log (anything that is not the client's mistake). */
  log: boolean;
}

/**
 * Maps an error to what the client may see. Client errors pass through with
 * their code; an unreachable or throttling data store becomes
 * SERVICE_UNAVAILABLE; everything else is masked as INTERNAL_SERVER_ERROR.
 */
export function classifyError(error: unknown, formatted: GraphQLFormattedError): Classified {
  const status =
    error instanceof GraphQLError ? (error.extensions.http as { status?: number } | undefined)?.status : undefined;
  // Apollo refuses some malformed requests (a persisted query whose hash does not match) with a 4xx and no code.
  const code =
    formatted.extensions?.code === 'INTERNAL_SERVER_ERROR' && status !== undefined && status >= 400 && status < 500
      ? 'BAD_REQUEST'
      : formatted.extensions?.code;
  if (code !== undefined && code !== 'INTERNAL_SERVER_ERROR') {
    // The client's own mistake: its message and details help, a stack trace never does.
    const { stacktrace: _stack, http: _http, ...extensions } = formatted.extensions ?? {};
    return {
      formatted: {
        message: formatted.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { ...extensions, code },
      },
      log: false,
    };
  }
  const name = (error as { name?: string; code?: string } | null)?.name ?? '';
  const sysCode = (error as { code?: string } | null)?.code ?? '';
  const cause = (error as { cause?: { code?: string } } | null)?.cause?.code ?? '';
  if (DATA_STORE_DOWN.has(sysCode) || DATA_STORE_DOWN.has(cause) || DATA_STORE_DOWN.has(name) || THROTTLED.has(name)) {
    return {
      formatted: {
        message: 'The data store is unavailable right now; retry shortly.',
        path: formatted.path,
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      },
      log: true,
    };
  }
  return {
    formatted: {
      message: 'Internal server error',
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    },
    log: true,
  };
}
