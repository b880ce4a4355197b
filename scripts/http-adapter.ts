/**
 * Turns a Node HTTP request into the API Gateway HTTP API (payload v2) event
 * that Lambda receives, and the handler's result back into an HTTP response,
 * so the local server runs exactly the Lambda handler.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { ErrorCode, PayloadTooLargeError } from '../functions/shared/errors.js';

// The Lambda integration's own result type, which includes void.
type LambdaHttpResult = APIGatewayProxyStructuredResultV2 | string | void; // eslint-disable-line @typescript-eslint/no-invalid-void-type
export type LambdaHttpHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<LambdaHttpResult>;

/** API Gateway refuses payloads over 10 MB; the local server does the same. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new PayloadTooLargeError(limit);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * One HTTP request as the local server's layers see it (the edge emulations, then the Lambda
 * handler): header names lower-case, the body read whole.
 */
export interface HttpExchangeRequest {
  method: string;
  /** Path and query string, as sent. */
  url: string;
  headers: Record<string, string>;
  body: Buffer;
  sourceIp?: string;
  httpVersion?: string;
}

export interface HttpExchangeResponse {
  statusCode: number;
  headers: Record<string, string | string[]>;
  body: Buffer | string;
}

/** A layer of the local server: the handler, or what API Gateway or CloudFront would do in front of it. */
export type HttpExchange = (request: HttpExchangeRequest) => Promise<HttpExchangeResponse>;

export function exchangeRequest(req: IncomingMessage, body: Buffer): HttpExchangeRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  return {
    method: req.method ?? 'GET',
    url: req.url ?? '/',
    headers,
    body,
    sourceIp: req.socket.remoteAddress,
    httpVersion: req.httpVersion,
  };
}

export function toApiGatewayEvent(request: HttpExchangeRequest): APIGatewayProxyEventV2 {
  const url = new URL(request.url, 'http://localhost');
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (const [name, value] of Object.entries(request.headers)) {
    if (name === 'cookie') cookies.push(...value.split(/;\s*/));
    else headers[name] = value;
  }
  const query: Record<string, string> = {};
  for (const [key, value] of url.searchParams) query[key] = query[key] === undefined ? value : `${query[key]},${value}`;
  const requestId = randomUUID();
  const now = Date.now();
  const { body, method } = request;
  const isText =
    body.length === 0 || /json|text|graphql|x-www-form-urlencoded/.test(headers['content-type'] ?? 'application/json');
  return {
    version: '2.0',
    routeKey: `${method} ${url.pathname}`,
    rawPath: url.pathname,
    rawQueryString: url.search.replace(/^\?/, ''),
    cookies: cookies.length > 0 ? cookies : undefined,
    headers,
    queryStringParameters: Object.keys(query).length > 0 ? query : undefined,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'localhost',
      http: {
        method,
        path: url.pathname,
        protocol: `HTTP/${request.httpVersion ?? '1.1'}`,
        sourceIp: request.sourceIp ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId,
      routeKey: `${method} ${url.pathname}`,
      stage: '$default',
      time: new Date(now).toISOString(),
      timeEpoch: now,
    },
    body: body.length > 0 ? (isText ? body.toString('utf8') : body.toString('base64')) : undefined,
    isBase64Encoded: body.length > 0 && !isText,
  };
}

export function lambdaContext(requestId: string, functionName = 'local-graphql'): Context {
  const deadline = Date.now() + 30_000;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    // Deprecated, but still members of the Context type a handler receives.
    /* eslint-disable @typescript-eslint/no-deprecated */
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
    /* eslint-enable @typescript-eslint/no-deprecated */
  };
}

// eslint-disable-next-line @typescript-eslint/no-invalid-void-type -- what a LambdaHttpHandler resolves to
export function fromLambdaResult(result: APIGatewayProxyStructuredResultV2 | string | void): HttpExchangeResponse {
  if (result === undefined || typeof result === 'string') {
    return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: result ?? '' };
  }
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(result.headers ?? {})) headers[name.toLowerCase()] = String(value);
  if (result.cookies !== undefined && result.cookies.length > 0) headers['set-cookie'] = result.cookies;
  const body =
    result.body === undefined ? '' : result.isBase64Encoded ? Buffer.from(result.body, 'base64') : result.body;
  return { statusCode: result.statusCode ?? 200, headers, body };
}

/** The Lambda handler as the innermost layer: the request becomes its event, its result the response. */
export function lambdaExchange(handler: LambdaHttpHandler): HttpExchange {
  return async (request) => {
    const event = toApiGatewayEvent(request);
    return fromLambdaResult(await handler(event, lambdaContext(event.requestContext.requestId)));
  };
}

const jsonError = (message: string, code: string) => JSON.stringify({ errors: [{ message, extensions: { code } }] });

/** A request listener that reads each request whole and answers what the layers answer. */
export function exchangeListener(exchange: HttpExchange, log: (error: unknown) => void) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    try {
      let body: Buffer;
      try {
        body = await readBody(req);
      } catch (error) {
        if (!(error instanceof PayloadTooLargeError)) throw error;
        res.writeHead(413, { 'content-type': 'application/json' });
        res.end(jsonError('Request body too large', ErrorCode.PAYLOAD_TOO_LARGE));
        return;
      }
      const response = await exchange(exchangeRequest(req, body));
      res.writeHead(response.statusCode, response.headers);
      res.end(response.body);
    } catch (error) {
      log(error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(jsonError('Internal server error', ErrorCode.INTERNAL_SERVER_ERROR));
    }
  };
}

/** A request listener that serves every request through the Lambda handler. */
export function lambdaRequestListener(handler: LambdaHttpHandler, log: (error: unknown) => void) {
  return exchangeListener(lambdaExchange(handler), log);
}
