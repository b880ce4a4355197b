/**
 * HTTP caching of GET answers. The knowledge base changes only when a refresh
 * publishes a version, so a successful GET answer can be cached by browsers
 * and the CDN: it carries `Cache-Control: public` and an ETag derived from
 * everything the answer depends on — the version that answered (number and
 * content hash), the deployed build, the request (path and query string) and
 * the headers that change it (`Accept`, which also picks the playground page,
 * and the `x-corpus-version` pin). A GET whose `If-None-Match` names the
 * current ETag gets 304 before any execution: resolving the version (cached in
 * the instance) is its only read. POST, errors and partial results are
 * `no-store`. A publication changes the version, so it changes every ETag.
 */
import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { VERSION_HEADER } from '../shared/constants.js';
import type { CorpusVersionSource } from './corpus-version.js';
import { eventHeader } from './lambda-event.js';

export interface HttpCachePolicy {
  /** How long a browser or the CDN serves an answer without asking again. */
  maxAgeSec: number;
  /** How long after that it may serve the stale answer while it revalidates in the background. */
  staleWhileRevalidateSec: number;
}

/** A new version is served within the version cache's bound (5 s) plus this; revalidation is one cheap 304. */
export const DEFAULT_HTTP_CACHE: HttpCachePolicy = { maxAgeSec: 60, staleWhileRevalidateSec: 600 };

export const cacheControlOf = (policy: HttpCachePolicy) =>
  `public, max-age=${policy.maxAgeSec}, stale-while-revalidate=${policy.staleWhileRevalidateSec}`;
export const NO_STORE = 'no-store';
/** The request headers an answer varies with, besides its URL. */
export const VARY = `Accept, ${VERSION_HEADER}`;

export interface AnswerIdentity {
  version: number;
  contentHash: string;
  buildId: string;
  /** Path and raw query string, as the client sent them. */
  path: string;
  query: string;
  accept: string;
  pin: string;
}

/** A strong ETag over everything the answer depends on. */
export function entityTag(answer: AnswerIdentity): string {
  const parts = [
    answer.version,
    answer.contentHash,
    answer.buildId,
    answer.path,
    answer.query,
    answer.accept.trim(),
    answer.pin.trim(),
  ];
  return `"${createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 32)}"`;
}

/** Whether an If-None-Match header names this tag (a list of tags, weak ones compared weakly, or `*`). */
export function matches(ifNoneMatch: string, tag: string): boolean {
  return ifNoneMatch.split(',').some((t) => {
    const candidate = t.trim();
    return candidate === '*' || candidate === tag || candidate === `W/${tag}`;
  });
}

/**
 * Lambda middleware. Before Apollo: a GET whose If-None-Match names the ETag
 * its answer would have now gets 304, with no execution and no read but the
 * version pointer (cached in the instance). The tag is computed for the
 * version the request reads without cursors (the current one, or its pin): a
 * page read through cursors of another version is not matched here and is
 * answered in full, with the same tag as before. After Apollo: an answer the
 * plugin marked cacheable gets its ETag, from the same inputs.
 */
export function httpCache(versions: CorpusVersionSource, buildId: string, policy: HttpCachePolicy) {
  return async (
    event: APIGatewayProxyEventV2,
  ): Promise<
    APIGatewayProxyStructuredResultV2 | ((result: APIGatewayProxyStructuredResultV2) => Promise<void>) | undefined
  > => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- see eventHeader()
    if (event.requestContext?.http?.method !== 'GET') return undefined;
    const pin = eventHeader(event, VERSION_HEADER);
    const tagOf = (record: { number: number; contentHash: string }) =>
      entityTag({
        version: record.number,
        contentHash: record.contentHash,
        buildId,
        path: event.rawPath,
        query: event.rawQueryString,
        accept: eventHeader(event, 'accept'),
        pin,
      });
    const ifNoneMatch = eventHeader(event, 'if-none-match');
    if (ifNoneMatch !== '') {
      const pointer = await versions.pointer();
      const record =
        pointer === undefined
          ? undefined
          : pin === ''
            ? pointer.kept[0]
            : pointer.kept.find((v) => String(v.number) === pin.trim());
      if (record !== undefined && matches(ifNoneMatch, tagOf(record))) {
        return {
          statusCode: 304,
          headers: {
            etag: tagOf(record),
            'cache-control': cacheControlOf(policy),
            vary: VARY,
            [VERSION_HEADER]: String(record.number),
          },
          body: '',
        };
      }
    }
    return async (result) => {
      const headers = result.headers ?? {};
      if (headers['cache-control'] === undefined) {
        // A GET refused outside the plugin (Apollo's CSRF check) depends on headers outside the CDN's cache key.
        result.headers = { ...headers, 'cache-control': NO_STORE };
        return;
      }
      if (headers['cache-control'] !== cacheControlOf(policy)) return;
      const number = Number(headers[VERSION_HEADER]);
      const record = (await versions.pointer())?.kept.find((v) => v.number === number);
      if (record === undefined) {
        // The version that answered is no longer kept (a publication in between): the answer is right, but not for long.
        headers['cache-control'] = NO_STORE;
        return;
      }
      headers.etag = tagOf(record);
      headers.vary = VARY;
      result.headers = headers;
    };
  };
}

/**
 * Apollo plugin: a complete answer to a GET is marked cacheable (the
 * middleware adds its ETag) and names the version that answered; anything
 * else — POST, errors, partial results — is `no-store`.
 */
export function httpCachePlugin(
  policy: HttpCachePolicy,
): ApolloServerPlugin<{ snapshot?: () => Promise<{ record: { number: number } }> }> {
  return {
    async requestDidStart({ request, contextValue }) {
      return {
        async willSendResponse({ response }) {
          const headers = response.http.headers;
          const body = response.body;
          const complete =
            body.kind === 'single' && (body.singleResult.errors === undefined || body.singleResult.errors.length === 0);
          // A GET that read nothing versioned still answers for a version: resolving it costs the cached pointer.
          const view =
            request.http?.method === 'GET' && complete && contextValue.snapshot !== undefined
              ? await contextValue.snapshot().catch(() => undefined)
              : undefined;
          if (view === undefined) {
            headers.set('cache-control', NO_STORE);
            return;
          }
          headers.set('cache-control', cacheControlOf(policy));
          headers.set(VERSION_HEADER, String(view.record.number));
        },
      };
    },
  };
}
