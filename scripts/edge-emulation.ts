/**
 * What AWS does in front of the function, replayed locally as layers around
 * the handler: the function URL's CORS (Lambda answers preflights itself and
 * sets the CORS headers of every answer, ignoring any the function sends) and
 * its IAM auth (a request origin access control did not sign, or a POST whose
 * body does not match its signed hash, is refused before any invocation),
 * CloudFront's forwarding (only the headers, query parameters and cookies its
 * policies name reach the origin, plus the origin's custom headers), its
 * origin-request Lambda@Edge function (the real handler, given an event as
 * CloudFront builds it), its signing, and its response headers policy. `npm start` applies the function URL's CORS
 * and the response headers from the shared contract
 * (functions/shared/http-contract.ts); a test applies them all as read from
 * the synthesized template.
 */
import { createHash } from 'node:crypto';
import type { CloudFrontRequest, CloudFrontRequestEvent, CloudFrontRequestResult } from 'aws-lambda';
import { PAYLOAD_HASH_HEADER, type CorsPolicy } from '../functions/shared/http-contract.js';
import type { HttpExchange, HttpExchangeRequest, HttpExchangeResponse } from './http-adapter.js';

const ANY = '*';

function originAllowed(policy: CorsPolicy, origin: string): boolean {
  return policy.allowOrigins.includes(ANY) || policy.allowOrigins.includes(origin);
}

/** The origin a grant names: `*` when any origin is allowed (there are no credentials to protect), else the caller's. */
function allowOriginValue(policy: CorsPolicy, origin: string): string {
  return policy.allowOrigins.includes(ANY) ? ANY : origin;
}

function withoutCorsHeaders(headers: HttpExchangeResponse['headers']): HttpExchangeResponse['headers'] {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => !name.toLowerCase().startsWith('access-control-')),
  );
}

export function isPreflight(request: HttpExchangeRequest): boolean {
  return (
    request.method === 'OPTIONS' &&
    (request.headers.origin ?? '') !== '' &&
    (request.headers['access-control-request-method'] ?? '') !== ''
  );
}

/**
 * A Lambda function URL's CORS: a preflight is answered 204 without calling the function,
 * with the grant when its origin is allowed and with no CORS header at all when it is not (the
 * browser then refuses the request). Other requests go on; an answer to an allowed origin gets the
 * grant and the exposed headers, and the function's own CORS headers are dropped either way.
 */
export function functionUrlCors(policy: CorsPolicy, next: HttpExchange): HttpExchange {
  return async (request) => {
    const origin = request.headers.origin ?? '';
    if (isPreflight(request)) {
      const headers: Record<string, string> = {};
      if (originAllowed(policy, origin)) {
        headers['access-control-allow-origin'] = allowOriginValue(policy, origin);
        headers['access-control-allow-methods'] = policy.allowMethods.join(',');
        headers['access-control-allow-headers'] = policy.allowHeaders.join(',');
        headers['access-control-max-age'] = String(policy.maxAgeSeconds);
      }
      return { statusCode: 204, headers, body: '' };
    }
    const response = await next(request);
    const headers = withoutCorsHeaders(response.headers);
    if (origin !== '' && originAllowed(policy, origin)) {
      headers['access-control-allow-origin'] = allowOriginValue(policy, origin);
      headers['access-control-expose-headers'] = policy.exposeHeaders.join(',');
    }
    return { ...response, headers };
  };
}

/** What a CloudFront behaviour passes to its origin, from its cache and origin request policies. */
export interface CloudFrontForwarding {
  /** Request headers that reach the origin (lower-case): the cache key's and the origin request policy's. */
  headers: readonly string[];
  /** Query parameters that reach the origin: a list, or all. */
  queryStrings: readonly string[] | 'all';
  /** Whether cookies reach the origin. */
  cookies: boolean;
  /** Whether the normalized Accept-Encoding (gzip, br) reaches the origin. */
  acceptEncoding: boolean;
}

/** What the origin of a behaviour adds to each request: its custom headers, and OAC's SigV4 signature. */
export interface CloudFrontOrigin {
  headers: Readonly<Record<string, string>>;
  signed: boolean;
  /** The behaviour's origin-request Lambda@Edge function, run before signing (lambdaEdgeOriginRequest). */
  originRequest?: OriginRequestStep;
}

/** An origin-request step: the request to send on, or CloudFront's own answer. */
export type OriginRequestStep = (
  request: HttpExchangeRequest,
) => Promise<{ request: HttpExchangeRequest } | { response: HttpExchangeResponse }>;

/** The most of a body Lambda@Edge exposes to an origin-request function; the rest is cut (`inputTruncated`). */
export const EDGE_EXPOSED_BODY_BYTES = 1024 * 1024;

/**
 * A Lambda@Edge origin-request handler as CloudFront runs it: the request as a CloudFront event
 * (headers as key/value lists, the body base64 and cut at EDGE_EXPOSED_BODY_BYTES when the
 * association includes it), then either the request it returns (its headers; the body is read-only)
 * or the response it generates.
 */
export function lambdaEdgeOriginRequest(
  handler: (event: CloudFrontRequestEvent) => Promise<CloudFrontRequestResult>,
  includeBody: boolean,
): OriginRequestStep {
  return async (request) => {
    const url = new URL(request.url, 'http://origin');
    const cut = request.body.subarray(0, EDGE_EXPOSED_BODY_BYTES);
    const cfRequest: CloudFrontRequest = {
      clientIp: '203.0.113.178',
      method: request.method,
      uri: url.pathname,
      querystring: url.search.replace(/^\?/, ''),
      headers: Object.fromEntries(
        Object.entries(request.headers).map(([name, value]) => [name, [{ key: name, value }]]),
      ),
      ...(includeBody && request.body.length > 0
        ? {
            body: {
              action: 'read-only' as const,
              encoding: 'base64' as const,
              data: cut.toString('base64'),
              inputTruncated: cut.length < request.body.length,
            },
          }
        : {}),
    };
    const config = {
      distributionDomainName: 'd111111abcdef8.cloudfront.net',
      distributionId: 'EMULATED',
      eventType: 'origin-request' as const,
      requestId: 'emulated',
    };
    const result = await handler({ Records: [{ cf: { config, request: cfRequest } }] });
    if (result === undefined || result === null) throw new Error('an origin-request function must return a result');
    if ('status' in result) {
      const headers = Object.fromEntries(
        Object.entries(result.headers ?? {}).map(([name, [first]]) => [name, first?.value ?? '']),
      );
      return { response: { statusCode: Number(result.status), headers, body: Buffer.from(result.body ?? '') } };
    }
    const headers = Object.fromEntries(
      Object.entries(result.headers).map(([name, [first]]) => [name, first?.value ?? '']),
    );
    return { request: { ...request, headers } };
  };
}

/** Stands for OAC's SigV4 Authorization header: the emulated function URL checks that one is there, not its maths. */
export const EMULATED_SIGNATURE = 'AWS4-HMAC-SHA256 Credential=cloudfront-oac-emulated';

const sha256Hex = (body: Buffer) => createHash('sha256').update(body).digest('hex');

/** CloudFront's normalized Accept-Encoding: only the encodings the cache policy enables, in its order. */
function normalizedAcceptEncoding(value: string | undefined): string | undefined {
  const offered = (value ?? '').split(',').map((part) => part.split(';')[0]?.trim().toLowerCase());
  const kept = ['br', 'gzip'].filter((encoding) => offered.includes(encoding));
  return kept.length === 0 ? undefined : kept.join(',');
}

function forwardedQuery(url: URL, allowed: CloudFrontForwarding['queryStrings']): string {
  if (allowed === 'all') return url.search;
  const kept = new URLSearchParams();
  for (const [name, value] of url.searchParams) if (allowed.includes(name)) kept.append(name, value);
  const query = kept.toString();
  return query === '' ? '' : `?${query}`;
}

/**
 * CloudFront in front of the origin: every header, parameter and cookie its policies do not name is
 * dropped; the origin's custom headers are added; the behaviour's origin-request function runs; and
 * with OAC the request is signed (a viewer's own Authorization never reaches the origin; the payload
 * hash signed is the one the origin-request function set, else that of no body).
 */
export function cloudFrontForwarding(
  rules: CloudFrontForwarding,
  next: HttpExchange,
  origin: CloudFrontOrigin = { headers: {}, signed: false },
): HttpExchange {
  const allowed = new Set(rules.headers.map((name) => name.toLowerCase()));
  return async (request) => {
    const headers: Record<string, string> = { 'user-agent': 'Amazon CloudFront', ...origin.headers };
    for (const [name, value] of Object.entries(request.headers)) {
      if (name === 'authorization' || name in origin.headers) continue;
      if (allowed.has(name) || (name === 'cookie' && rules.cookies)) headers[name] = value;
    }
    const encoding = rules.acceptEncoding ? normalizedAcceptEncoding(request.headers['accept-encoding']) : undefined;
    if (encoding !== undefined) headers['accept-encoding'] = encoding;
    const url = new URL(request.url, 'http://origin');
    const forwarded = { ...request, headers, url: url.pathname + forwardedQuery(url, rules.queryStrings) };
    const step = origin.originRequest === undefined ? { request: forwarded } : await origin.originRequest(forwarded);
    if ('response' in step) return step.response;
    return next(origin.signed ? signed(step.request) : step.request);
  };
}

/** OAC's signature over the request as it leaves CloudFront: the payload hash it carries, else that of no body. */
function signed(request: HttpExchangeRequest): HttpExchangeRequest {
  const headers: Record<string, string> = { ...request.headers, authorization: EMULATED_SIGNATURE };
  headers[PAYLOAD_HASH_HEADER] ??= sha256Hex(Buffer.alloc(0));
  return { ...request, headers };
}

/** Lambda's refusal of a request its function URL's IAM auth does not let through. */
const urlForbidden = (message: string): Promise<HttpExchangeResponse> =>
  Promise.resolve({
    statusCode: 403,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ Message: message }),
  });

/**
 * A function URL with auth type AWS_IAM: an unsigned request, or one whose body does not hash to the
 * signed `x-amz-content-sha256` (Lambda takes no unsigned payloads), is refused 403 without invoking.
 */
export function functionUrlIamAuth(next: HttpExchange): HttpExchange {
  return (request) => {
    if (!(request.headers.authorization ?? '').startsWith('AWS4-HMAC-SHA256 ')) return urlForbidden('Forbidden');
    if (request.headers[PAYLOAD_HASH_HEADER] !== sha256Hex(request.body))
      return urlForbidden('The request signature we calculated does not match the signature you provided.');
    return next(request);
  };
}

/** A response headers policy whose headers override the origin's. */
export function responseHeaders(policy: Readonly<Record<string, string>>, next: HttpExchange): HttpExchange {
  const names = new Set(Object.keys(policy).map((name) => name.toLowerCase()));
  return async (request) => {
    const response = await next(request);
    const headers = Object.fromEntries(
      Object.entries(response.headers).filter(([name]) => !names.has(name.toLowerCase())),
    );
    return { ...response, headers: { ...headers, ...policy } };
  };
}

/** A path and the layers that answer it; the local server's routes, checked in order. */
export interface LocalRoute {
  /** Answers `path` itself and everything under `path/`. */
  path: string;
  exchange: HttpExchange;
}

/** The answer to a path the local server has no route for. */
const notFound: HttpExchange = () =>
  Promise.resolve({
    statusCode: 404,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ message: 'Not Found' }),
  });

export function routes(list: readonly LocalRoute[], fallback: HttpExchange = notFound): HttpExchange {
  return (request) => {
    const path = new URL(request.url, 'http://localhost').pathname;
    const route = list.find((r) => path === r.path || path.startsWith(r.path.endsWith('/') ? r.path : `${r.path}/`));
    return (route?.exchange ?? fallback)(request);
  };
}
