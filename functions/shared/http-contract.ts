/**
 * The API's HTTP contract with browsers and the edge, defined once: what CORS
 * grants (origins, methods, headers), which request headers and query
 * parameters the function reads (so CloudFront forwards exactly those), and
 * the security headers and Content-Security-Policy its replies carry. The
 * function URL's CORS configuration and CloudFront's policies (infra/), the local
 * server's emulation of both (scripts/), and the playground read them here,
 * so a header added on one side cannot be forgotten on another.
 */

import { VERSION_HEADER } from './constants.js';

/** The request header that pins a request to a kept version (defined with the other values infra reads). */
export { VERSION_HEADER };

/**
 * Request headers the answer depends on, so CloudFront keys its cache on them (and forwards them):
 * the negotiated media type (JSON or the playground page), the pinned version, and Origin, on
 * which the function URL's CORS decides the headers of the answer.
 */
export const CACHE_KEY_HEADERS = ['accept', 'origin', VERSION_HEADER] as const;

/**
 * Request headers the function reads that must not split the cache: a conditional GET's validator,
 * the body's media type, Apollo's CSRF prevention (a GET needs `apollo-require-preflight` or
 * `x-apollo-operation-name`, or a JSON content type) and a preflight's questions. Replies that depend
 * on them (the CSRF refusal) are `no-store`, so no cached answer is served across them.
 */
export const FORWARDED_HEADERS = [
  'if-none-match',
  'content-type',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'access-control-request-method',
  'access-control-request-headers',
] as const;

/**
 * A POST's body hash, hex SHA-256: CloudFront's origin access control signs the request to the
 * function URL with it, and Lambda refuses a POST whose body does not match. Clients never send it:
 * CloudFront does not forward a viewer's (it is in no origin request policy), and the origin-request
 * Lambda@Edge function (functions/payload-hash/handler.ts) sets it from the body before CloudFront signs.
 */
export const PAYLOAD_HASH_HEADER = 'x-amz-content-sha256';

/**
 * The header CloudFront adds to every origin request with the deployment's origin secret, which the
 * function checks (functions/graphql/origin-check.ts): a second lock behind origin access control.
 */
export const ORIGIN_VERIFY_HEADER = 'x-origin-verify';

/** Every request header the API reads (Accept-Encoding aside: CloudFront normalizes and forwards it itself). */
export const API_REQUEST_HEADERS: readonly string[] = [...CACHE_KEY_HEADERS, ...FORWARDED_HEADERS];

/**
 * The GET parameters of GraphQL over HTTP: the only query-string parameters the function reads, so
 * the only ones that reach it and key the cache (any other parameter would split the cache for nothing).
 */
export const GRAPHQL_QUERY_PARAMETERS = ['query', 'variables', 'operationName', 'extensions'] as const;

/** The parameters of `GET /export/claims.{csv,jsonld}`: the filters of `claims(...)` and the paging. */
export const EXPORT_QUERY_PARAMETERS = [
  'documentId',
  'speakerId',
  'eventId',
  'aboutId',
  'topicId',
  'kind',
  'first',
  'after',
] as const;

/** CORS as a Lambda function URL applies it (and the local server emulates it). */
export interface CorsPolicy {
  /** `['*']` for any origin (never with credentials), else the exact origins allowed. */
  allowOrigins: readonly string[];
  allowMethods: readonly string[];
  /** Request headers a browser may send. */
  allowHeaders: readonly string[];
  /** Response headers a page may read. */
  exposeHeaders: readonly string[];
  /** How long a browser may reuse a preflight's answer. */
  maxAgeSeconds: number;
}

export const ANY_ORIGIN = '*';

/**
 * What a browser may send: a JSON body, either CSRF-prevention header, a pinned version, and the
 * ETag it holds; and what it may read: the ETag and the version that answered.
 */
export const CORS_ALLOW_HEADERS = [
  'content-type',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  VERSION_HEADER,
  'if-none-match',
] as const;
export const CORS_EXPOSE_HEADERS = ['etag', VERSION_HEADER] as const;
export const CORS_METHODS = ['GET', 'POST', 'OPTIONS'] as const;
export const CORS_MAX_AGE_SECONDS = 86_400;

/**
 * The allowed origins from a comma-separated list (`CORS_ORIGINS`, or the `corsOrigins` context in
 * CDK): empty or `*` allows any origin. Each entry must be an origin exactly (scheme, host, port;
 * no path), as browsers send it, or nothing would ever match it.
 */
export function parseCorsOrigins(value: string | undefined): string[] {
  const entries = (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (entries.length === 0 || (entries.length === 1 && entries[0] === ANY_ORIGIN)) return [ANY_ORIGIN];
  for (const entry of entries) {
    let origin: string | undefined;
    try {
      origin = new URL(entry).origin;
    } catch {
      origin = undefined;
    }
    if (origin !== entry)
      throw new Error(
        `CORS origin ${JSON.stringify(entry)} is not an origin such as https://app.example.org or http://localhost:5173 (no path, no trailing slash; "*" alone for any)`,
      );
  }
  return [...new Set(entries)];
}

export function corsPolicy(allowOrigins: readonly string[] = [ANY_ORIGIN]): CorsPolicy {
  return {
    allowOrigins,
    allowMethods: CORS_METHODS,
    allowHeaders: CORS_ALLOW_HEADERS,
    exposeHeaders: CORS_EXPOSE_HEADERS,
    maxAgeSeconds: CORS_MAX_AGE_SECONDS,
  };
}

/**
 * The Content-Security-Policy of the pages served here (the playground): their own files only.
 * Styles allow 'unsafe-inline' because the Monaco editor writes its theme and token colours into
 * <style> elements it creates at run time (no nonce support); scripts stay 'self' only.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** HSTS for two years, subdomains included (not preloaded: the default domain is CloudFront's). */
export const HSTS_MAX_AGE_SECONDS = 63_072_000;

/**
 * The security headers CloudFront's response headers policy sets on every reply (overriding the
 * function's), written as CloudFront writes them; the local server sends the same.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'strict-transport-security': `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains`,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'content-security-policy': CONTENT_SECURITY_POLICY,
};
