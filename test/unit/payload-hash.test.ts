/**
 * The Lambda@Edge origin-request handler that hashes a body for origin access
 * control, on events shaped as CloudFront sends them (the Lambda@Edge event
 * structure: one record, `cf.config` and `cf.request`, headers as lists of
 * key/value pairs, the body base64 with include-body).
 */
import { createHash } from 'node:crypto';
import type { CloudFrontRequest, CloudFrontRequestEvent, CloudFrontResultResponse } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { EXPOSED_BODY_LIMIT_BYTES, handler, PAYLOAD_TOO_LARGE } from '../../functions/payload-hash/handler.js';
import { ErrorCode } from '../../functions/shared/errors.js';
import { PAYLOAD_HASH_HEADER } from '../../functions/shared/http-contract.js';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** An origin-request event as CloudFront builds it for a behaviour whose association includes the body. */
function originRequest(method: string, body?: CloudFrontRequest['body'], extra: Record<string, string> = {}) {
  const headers: CloudFrontRequest['headers'] = {
    host: [{ key: 'Host', value: 'abcdefghij.lambda-url.eu-west-1.on.aws' }],
    'user-agent': [{ key: 'User-Agent', value: 'Amazon CloudFront' }],
    via: [{ key: 'Via', value: '2.0 2afae0d44e2540f472c0635ab62c232b.cloudfront.net (CloudFront)' }],
    'x-forwarded-for': [{ key: 'X-Forwarded-For', value: '203.0.113.178' }],
    'content-type': [{ key: 'Content-Type', value: 'application/json' }],
    'x-origin-verify': [{ key: 'x-origin-verify', value: 'origin-secret' }],
  };
  for (const [name, value] of Object.entries(extra)) headers[name] = [{ key: name, value }];
  const request: CloudFrontRequest = {
    clientIp: '203.0.113.178',
    headers,
    method,
    origin: {
      custom: {
        customHeaders: {},
        domainName: 'abcdefghij.lambda-url.eu-west-1.on.aws',
        keepaliveTimeout: 5,
        path: '',
        port: 443,
        protocol: 'https',
        readTimeout: 30,
        sslProtocols: ['TLSv1.2'],
      },
    },
    querystring: method === 'GET' ? 'query=%7Bpeople%7Bname%7D%7D' : '',
    uri: '/graphql',
    ...(body === undefined ? {} : { body }),
  };
  const event: CloudFrontRequestEvent = {
    Records: [
      {
        cf: {
          config: {
            distributionDomainName: 'd111111abcdef8.cloudfront.net',
            distributionId: 'EDFDVBD6EXAMPLE',
            eventType: 'origin-request',
            requestId: '4TyzHTaYWb1GX1qTfsHhEqV6HUDd_BzoBZnwfnvQc_1oF26ClkoUSEQ==',
          },
          request,
        },
      },
    ],
  };
  return { event, request };
}

const base64Body = (text: string, inputTruncated = false): CloudFrontRequest['body'] => ({
  action: 'read-only',
  data: Buffer.from(text).toString('base64'),
  encoding: 'base64',
  inputTruncated,
});

const hashOf = (result: unknown) =>
  (result as CloudFrontRequest).headers[PAYLOAD_HASH_HEADER]?.map((h) => [h.key, h.value]);

describe('payload hash at the edge', () => {
  it("sets a POST body's SHA-256 from the base64 body CloudFront exposes, over a hash the viewer sent", async () => {
    // Prepare
    const json = JSON.stringify({ query: '{ people(first: 2) { nodes { name } } }', variables: { q: 'Баку' } });
    const { event } = originRequest('POST', base64Body(json), { [PAYLOAD_HASH_HEADER]: sha256(Buffer.from('{}')) });

    // Act
    const result = await handler(event);

    // Assess: the exact bytes, UTF-8 included, and one header only.
    expect(hashOf(result)).toEqual([[PAYLOAD_HASH_HEADER, sha256(Buffer.from(json, 'utf8'))]]);
    expect((result as CloudFrontRequest).headers['x-origin-verify']).toEqual([
      { key: 'x-origin-verify', value: 'origin-secret' },
    ]);
  });

  it('hashes an empty POST body as the empty string', async () => {
    const { event } = originRequest('POST', base64Body(''));
    const result = await handler(event);
    expect(hashOf(result)).toEqual([[PAYLOAD_HASH_HEADER, sha256(Buffer.alloc(0))]]);
  });

  it('hashes a body CloudFront exposes as text by its UTF-8 bytes', async () => {
    const { event } = originRequest('POST', {
      action: 'read-only',
      data: '{"query":"{ a }"}',
      encoding: 'text',
      inputTruncated: false,
    });
    expect(hashOf(await handler(event))).toEqual([[PAYLOAD_HASH_HEADER, sha256(Buffer.from('{"query":"{ a }"}'))]]);
  });

  it('passes a GET through unchanged, with no hash of its own', async () => {
    // Prepare
    const { event, request } = originRequest('GET');
    const before = structuredClone(request);

    // Act
    const result = await handler(event);

    // Assess
    expect(result).toBe(request);
    expect(result).toEqual(before);
    expect(hashOf(result)).toBeUndefined();
  });

  it('refuses a body larger than Lambda@Edge exposes with the API 413, never a request with a wrong hash', async () => {
    // Prepare: CloudFront cuts the body at its limit and says so.
    const cut = 'x'.repeat(EXPOSED_BODY_LIMIT_BYTES);
    const { event } = originRequest('POST', base64Body(cut, true));

    // Act
    const result = (await handler(event)) as CloudFrontResultResponse;

    // Assess
    expect(result.status).toBe('413');
    expect(result.headers?.['content-type']).toEqual([
      { key: 'Content-Type', value: 'application/json; charset=utf-8' },
    ]);
    expect(result.headers?.['cache-control']).toEqual([{ key: 'Cache-Control', value: 'no-store' }]);
    expect(JSON.parse(result.body ?? '')).toEqual({
      errors: [
        {
          message: `Request body is larger than ${EXPOSED_BODY_LIMIT_BYTES} bytes.`,
          extensions: { code: 'PAYLOAD_TOO_LARGE' },
        },
      ],
    });
    expect(result).not.toHaveProperty('uri');
  });

  it("writes the API's own code for a body over the limit", () => {
    expect(PAYLOAD_TOO_LARGE).toBe(ErrorCode.PAYLOAD_TOO_LARGE);
  });
});
