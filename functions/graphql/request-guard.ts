/**
 * Lambda middleware in front of Apollo. Before anything else reads the request:
 * refuses oversized bodies, and `variables` or `extensions` nested too deep or
 * too large (nothing later walks them recursively). After Apollo: turns the
 * integration's plain-text 4xx answers (a body that is not JSON, a missing
 * query) into GraphQL errors with a code, and replaces a reply over the size
 * cap, which Lambda would fail, with a coded error.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ErrorCode } from '../shared/errors.js';
import { errorDetails } from '../shared/logger.js';
import { QUERY_LIMITS } from './limits.js';

type Result = APIGatewayProxyStructuredResultV2;
type Middleware = (event: APIGatewayProxyEventV2) => Promise<Result | ((result: Result) => Promise<void>) | undefined>;

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

const json = (statusCode: number, message: string, code: ErrorCode, extra: Record<string, unknown> = {}): Result => ({
  statusCode,
  headers: JSON_HEADERS,
  body: JSON.stringify({ errors: [{ message, extensions: { code, ...extra } }] }),
});

function bodyBytes(event: APIGatewayProxyEventV2): number {
  if (event.body === undefined) return 0;
  return event.isBase64Encoded ? Math.floor((event.body.length * 3) / 4) : Buffer.byteLength(event.body);
}

/**
 * Whether a JSON value stays within the nesting and value limits. Iterative, and it
 * stops at the first value over a limit, so no input can overflow the stack here.
 */
export function withinInputLimits(value: unknown): boolean {
  const pending: [unknown, number][] = [[value, 1]];
  let values = 0;
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [item, depth] = next;
    if (++values > QUERY_LIMITS.maxInputValues || depth > QUERY_LIMITS.maxInputDepth) return false;
    if (typeof item === 'object' && item !== null) {
      for (const child of Object.values(item)) pending.push([child, depth + 1]);
    }
  }
  return true;
}

/** `variables` and `extensions` as the request carries them: members of a JSON body, or JSON in GET parameters. */
function requestInputs(event: APIGatewayProxyEventV2): [string, unknown][] {
  const method = event.requestContext.http.method.toUpperCase();
  const parse = (text: string | undefined): unknown => {
    if (text === undefined) return undefined;
    try {
      return JSON.parse(text);
    } catch {
      // Not JSON: Apollo answers that with its own 400.
      return undefined;
    }
  };
  if (method === 'GET') {
    const params = event.queryStringParameters ?? {};
    return [
      ['variables', parse(params.variables)],
      ['extensions', parse(params.extensions)],
    ];
  }
  if (event.body === undefined || event.isBase64Encoded) return [];
  const body = parse(event.body);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return [];
  const { variables, extensions } = body as Record<string, unknown>;
  return [
    ['variables', variables],
    ['extensions', extensions],
  ];
}

/**
 * A reply's size as Lambda counts it: the body is a JSON string inside the function's
 * result, where each quote and backslash takes one byte more.
 */
export function replyBytes(body: string): number {
  let escapes = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 34 || c === 92) escapes++;
  }
  return Buffer.byteLength(body) + escapes;
}

const tooLarge = (maxBytes: number): string =>
  JSON.stringify({
    data: null,
    errors: [
      {
        message: `The reply is larger than ${maxBytes} bytes. Ask for fewer items (smaller "first"), fewer nested lists or fewer long text fields.`,
        extensions: { code: ErrorCode.RESPONSE_TOO_LARGE, maxBytes },
      },
    ],
  });

/** A request the guard refuses before Apollo reads it: too large, or inputs nested too deep. */
function refusedInput(event: APIGatewayProxyEventV2): Result | undefined {
  if (bodyBytes(event) > QUERY_LIMITS.maxBodyBytes) {
    return json(413, `Request body is larger than ${QUERY_LIMITS.maxBodyBytes} bytes.`, ErrorCode.PAYLOAD_TOO_LARGE);
  }
  for (const [name, value] of requestInputs(event)) {
    if (value !== undefined && !withinInputLimits(value)) {
      return json(
        400,
        `"${name}" is nested deeper than ${QUERY_LIMITS.maxInputDepth} levels or holds more than ${QUERY_LIMITS.maxInputValues} values.`,
        ErrorCode.BAD_REQUEST,
      );
    }
  }
  return undefined;
}

/** The integration's plain-text 4xx answers (a body that is not JSON, a missing query) as GraphQL errors with a code. */
function codedPlainTextRefusal(result: Result): boolean {
  const status = result.statusCode ?? 200;
  const type = String(result.headers?.['content-type'] ?? '');
  if (status < 400 || status >= 500 || type.includes('json')) return false;
  const message = (result.body ?? '').trim() || 'Bad request';
  Object.assign(result, json(status, message, ErrorCode.BAD_REQUEST), {
    headers: { ...result.headers, ...JSON_HEADERS },
  });
  return true;
}

/** Replaces a reply over the size cap, which Lambda would fail, with RESPONSE_TOO_LARGE; its size when it did. */
function cappedReply(result: Result, maxBytes: number): number | undefined {
  // Only worth counting near the cap: escaped, a character takes at most 4 bytes.
  if (result.body === undefined || result.body.length <= maxBytes / 4) return undefined;
  const bytes = replyBytes(result.body);
  if (bytes <= maxBytes) return undefined;
  // A GraphQL response whose execution ran: 200 with data null (GraphQL over HTTP), never Lambda's 502.
  Object.assign(result, { statusCode: 200, body: tooLarge(maxBytes), isBase64Encoded: false });
  return bytes;
}

/**
 * The last middleware: a `content-length` that counts the body sent: the integration sets it for the
 * body Apollo made, which the guard may have replaced (a client told more bytes
 * than come waits for them until it times out).
 */
function matchContentLength(result: Result): void {
  const headers = result.headers;
  if (headers === undefined) return;
  const name = Object.keys(headers).find((h) => h.toLowerCase() === 'content-length');
  if (name === undefined) return;
  const body = result.body ?? '';
  headers[name] = String(
    result.isBase64Encoded === true ? Buffer.from(body, 'base64').length : Buffer.byteLength(body),
  );
}

export const matchingContentLength: Middleware = () =>
  Promise.resolve(async (result) => {
    matchContentLength(result);
  });

/** A refusal of the guard's is the client's mistake: one INFO line, no stack. */
function logRefusal(logger: Logger, event: APIGatewayProxyEventV2, result: Result): void {
  const { errors } = JSON.parse(result.body ?? '{}') as {
    errors?: { message: string; extensions: { code: string } }[];
  };
  logger.info('Request refused', {
    requestId: event.requestContext.requestId,
    status: result.statusCode,
    code: errors?.[0]?.extensions.code,
    message: errors?.[0]?.message.slice(0, 200),
  });
}

/** `maxReplyBytes`: the reply cap, QUERY_LIMITS.maxReplyBytes unless a test lowers it to reach it with a small query. */
export function requestGuard(logger: Logger, maxReplyBytes: number = QUERY_LIMITS.maxReplyBytes): Middleware {
  return async (event) => {
    const refusal = refusedInput(event);
    if (refusal !== undefined) {
      logRefusal(logger, event, refusal);
      return refusal;
    }
    return async (result) => {
      if (codedPlainTextRefusal(result)) logRefusal(logger, event, result);
      const bytes = cappedReply(result, maxReplyBytes);
      // Not an error of the service, but the cost model let it through: worth an operator's look.
      if (bytes !== undefined)
        logger.warn('Reply over the size cap replaced by RESPONSE_TOO_LARGE', {
          requestId: event.requestContext.requestId,
          bytes,
        });
    };
  };
}

/**
 * A middleware whose failure is the service's, not the client's: logged with the
 * request id and answered 500, where the integration would answer 400 with its message.
 */
export function reportingFailures(middleware: Middleware, logger: Logger): Middleware {
  return async (event) => {
    try {
      return await middleware(event);
    } catch (error) {
      logger.error('Request middleware failed', {
        requestId: event.requestContext.requestId,
        error: errorDetails(error),
      });
      return json(500, 'Internal server error', ErrorCode.INTERNAL_SERVER_ERROR);
    }
  };
}
