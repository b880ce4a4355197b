/**
 * The deployed path replayed in front of the local handler: the synthesized
 * distribution's forwarding rules (only the headers, parameters and cookies
 * its policies name reach the origin, plus its origin secret header, signed
 * by origin access control after the origin-request Lambda@Edge function,
 * the real one, set the body's hash), the function URL's IAM auth and CORS
 * configuration (preflights answered without the function, grants set on
 * answers) and the response headers policy, all read from the CloudFormation
 * template. The README's GET, a persisted GET, a POST and a preflight must
 * work through it as they do against the function alone; a request that does
 * not come through CloudFront must not reach the function at all.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { persistedOperations } from '../../schema/__generated__/persisted-operations.js';
import { PROJECT_ROOT } from '../../infra/constructs/bundled-function.js';
import { createDeployment } from '../../infra/deployment.js';
import {
  cloudFrontForwarding,
  EDGE_EXPOSED_BODY_BYTES,
  functionUrlCors,
  functionUrlIamAuth,
  lambdaEdgeOriginRequest,
  responseHeaders,
} from '../../scripts/edge-emulation.js';
import { handler as payloadHash } from '../../functions/payload-hash/handler.js';
import { ORIGIN_VERIFY_HEADER, PAYLOAD_HASH_HEADER } from '../../functions/shared/http-contract.js';
import { lambdaExchange, type HttpExchange, type HttpExchangeResponse } from '../../scripts/http-adapter.js';
import { startLocalStack, type LocalStack } from '../../scripts/local-stack.js';
import { edgeRulesFromTemplate, type EdgeRules } from '../support/edge-from-template.js';

const CDK_CONTEXT = (
  JSON.parse(readFileSync(join(PROJECT_ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> }
).context;
const PAGE_ORIGIN = 'https://front-end.example.org';
/** The README's GET example. */
const README_QUERY = '{people(first:3){nodes{name}}}';

let stack: LocalStack;
let rules: EdgeRules;
/** Requests that reached the function through the edge. */
let invocations = 0;
let edge: HttpExchange;
let direct: HttpExchange;
/** The function URL as the internet sees it: IAM auth, CORS, then the function. */
let functionUrl: HttpExchange;
/** The origin secret the handler checks; CloudFront's header gets it where the template has a dynamic reference. */
const ORIGIN_SECRET = 'edge-replay-origin-secret';
const sha256 = (body: string) => createHash('sha256').update(body).digest('hex');

beforeAll(async () => {
  // The template's policies are what matters here, not the bundles: synthesis skips bundling.
  const app = new App({ context: { ...CDK_CONTEXT, 'aws:cdk:bundling-stacks': [] } });
  rules = edgeRulesFromTemplate(Template.fromStack(createDeployment(app).api).toJSON());
  // As the stack sets ORIGIN_SECRET_ARN in AWS: the handler reads its configuration when it is imported.
  process.env.ORIGIN_SECRET = ORIGIN_SECRET;
  stack = await startLocalStack({ port: 0 });
  const handler = lambdaExchange(stack.handler);
  // "Alone": the function as CloudFront would call it, the origin secret included.
  direct = (request) => handler({ ...request, headers: { ...request.headers, [ORIGIN_VERIFY_HEADER]: ORIGIN_SECRET } });
  const counted: HttpExchange = (request) => {
    invocations++;
    return handler(request);
  };
  expect(rules.origin.authType).toBe('AWS_IAM');
  expect(JSON.stringify(rules.origin.headers[ORIGIN_VERIFY_HEADER])).toContain('resolve:secretsmanager');
  expect(rules.originRequest).toEqual({ includeBody: true });
  functionUrl = functionUrlIamAuth(functionUrlCors(rules.cors, counted));
  edge = responseHeaders(
    rules.responseHeaders,
    cloudFrontForwarding(rules.forwarding, functionUrl, {
      headers: { [ORIGIN_VERIFY_HEADER]: ORIGIN_SECRET },
      signed: rules.origin.signed,
      originRequest: lambdaEdgeOriginRequest(payloadHash, rules.originRequest?.includeBody ?? false),
    }),
  );
});
afterAll(async () => {
  await stack?.close();
  delete process.env.ORIGIN_SECRET;
});

interface Sent {
  status: number;
  headers: Record<string, string>;
  body: string;
}

async function send(
  through: HttpExchange,
  method: string,
  url: string,
  headers: Record<string, string> = {},
  body = '',
): Promise<Sent> {
  const response: HttpExchangeResponse = await through({
    method,
    url,
    headers: { host: 'd111111abcdef8.cloudfront.net', ...headers },
    body: Buffer.from(body),
  });
  const flat = Object.fromEntries(Object.entries(response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
  return { status: response.statusCode, headers: flat, body: response.body.toString() };
}

const getUrl = (params: Record<string, string>) => `/graphql?${new URLSearchParams(params).toString()}`;

describe('through CloudFront, Lambda@Edge and the function URL, as synthesized', () => {
  it("runs the README's GET, with its ETag, CORS grant and security headers, and answers its ETag with 304", async () => {
    // Prepare
    const url = getUrl({ query: README_QUERY });
    const headers = { 'apollo-require-preflight': 'true', origin: PAGE_ORIGIN, accept: 'application/json' };

    // Act
    const alone = await send(direct, 'GET', url, headers);
    const first = await send(edge, 'GET', url, headers);
    // A parameter outside the cache key never reaches the function, so the answer (and its ETag) is the same.
    const noise = await send(edge, 'GET', `${url}&nocache=${Date.now()}`, headers);
    const revalidated = await send(edge, 'GET', url, { ...headers, 'if-none-match': first.headers.etag ?? '' });

    // Assess
    expect(alone.status).toBe(200);
    expect(first.status).toBe(200);
    expect(JSON.parse(first.body)).toEqual(JSON.parse(alone.body));
    expect(first.headers.etag).toMatch(/^"/);
    expect(first.headers['x-corpus-version']).toMatch(/^\d+$/);
    expect(first.headers['access-control-allow-origin']).toBe('*');
    expect(first.headers['access-control-expose-headers']?.split(',')).toEqual(
      expect.arrayContaining(['etag', 'x-corpus-version']),
    );
    for (const [name, value] of Object.entries(rules.responseHeaders)) expect(first.headers[name]).toBe(value);
    expect(noise.status).toBe(200);
    expect(noise.headers.etag).toBe(first.headers.etag);
    expect(revalidated.status).toBe(304);
  });

  it('refuses the GET without a CSRF-prevention header, and that refusal is never cached', async () => {
    const refused = await send(edge, 'GET', getUrl({ query: README_QUERY }), { origin: PAGE_ORIGIN });
    expect(refused.status).toBe(400);
    expect(refused.body).toContain('CSRF');
    expect(refused.headers['cache-control']).toBe('no-store');
  });

  it('runs a committed operation by its hash alone (a persisted GET), with x-apollo-operation-name as its CSRF header', async () => {
    // Prepare
    const [hash, text] = Object.entries(persistedOperations).find(([, op]) => op.startsWith('query PeopleList'))!;
    const name = /query (\w+)/.exec(text)?.[1] ?? '';
    const params = {
      operationName: name,
      variables: JSON.stringify({ first: 2 }),
      extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }),
    };

    // Act
    const alone = await send(direct, 'GET', getUrl({ ...params, query: text }), { 'apollo-require-preflight': 'true' });
    const persisted = await send(edge, 'GET', getUrl(params), { 'x-apollo-operation-name': name, origin: PAGE_ORIGIN });

    // Assess
    expect(persisted.status).toBe(200);
    expect(JSON.parse(persisted.body)).toEqual(JSON.parse(alone.body));
    expect(persisted.headers['access-control-allow-origin']).toBe('*');
  });

  it('runs a POST with a pinned version and reads which version answered', async () => {
    // Prepare
    const version = (
      await send(direct, 'GET', getUrl({ query: '{corpusVersion{number}}' }), {
        'apollo-require-preflight': 'true',
      })
    ).headers['x-corpus-version'];
    const body = JSON.stringify({ query: '{ events(first: 2) { totalCount nodes { id } } }' });
    const headers = {
      'content-type': 'application/json',
      origin: PAGE_ORIGIN,
      'x-corpus-version': version ?? '',
    };

    // Act
    const alone = await send(direct, 'POST', '/graphql', headers, body);
    const posted = await send(edge, 'POST', '/graphql', headers, body);

    // Assess
    expect(posted.status).toBe(200);
    expect(JSON.parse(posted.body)).toEqual(JSON.parse(alone.body));
    expect(posted.headers['x-corpus-version']).toBe(version);
    expect(posted.headers['access-control-allow-origin']).toBe('*');
    expect(posted.headers['cache-control']).toBe('no-store');
  });

  it('answers a preflight for every header a client sends, without invoking the function', async () => {
    // Prepare
    const before = invocations;
    const asked = [
      'content-type',
      'apollo-require-preflight',
      'x-apollo-operation-name',
      'x-corpus-version',
      'if-none-match',
    ];

    // Act
    const preflight = await send(edge, 'OPTIONS', '/graphql', {
      origin: PAGE_ORIGIN,
      'access-control-request-method': 'POST',
      'access-control-request-headers': asked.join(','),
    });

    // Assess
    expect(preflight.status).toBe(204);
    expect(invocations).toBe(before);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
    expect(preflight.headers['access-control-allow-methods']?.split(',')).toEqual(
      expect.arrayContaining(['GET', 'POST']),
    );
    const allowed = preflight.headers['access-control-allow-headers']?.split(',') ?? [];
    for (const header of asked) expect(allowed).toContain(header);
  });

  it('drops what CloudFront does not forward: cookies and headers the API does not read', async () => {
    // Prepare: the function echoes nothing, so look at what reaches it.
    const seen: Record<string, string>[] = [];
    const spy = cloudFrontForwarding(rules.forwarding, (request) => {
      seen.push(request.headers);
      return Promise.resolve({ statusCode: 204, headers: {}, body: '' });
    });

    // Act
    await send(spy, 'GET', '/graphql', { cookie: 'a=b', 'x-debug': '1', 'apollo-require-preflight': 'true' });

    // Assess
    expect(seen[0]).toMatchObject({ 'apollo-require-preflight': 'true' });
    expect(seen[0]).not.toHaveProperty('cookie');
    expect(seen[0]).not.toHaveProperty('x-debug');
  });

  it("drops a viewer's own origin secret and Authorization: only CloudFront's reach the origin", async () => {
    const seen: Record<string, string>[] = [];
    const spy = cloudFrontForwarding(
      rules.forwarding,
      (request) => {
        seen.push(request.headers);
        return Promise.resolve({ statusCode: 204, headers: {}, body: '' });
      },
      { headers: { [ORIGIN_VERIFY_HEADER]: ORIGIN_SECRET }, signed: true },
    );
    await send(spy, 'GET', '/graphql', { [ORIGIN_VERIFY_HEADER]: 'guessed', authorization: 'AWS4-HMAC-SHA256 forged' });
    expect(seen[0]?.[ORIGIN_VERIFY_HEADER]).toBe(ORIGIN_SECRET);
    expect(seen[0]?.authorization).not.toContain('forged');
  });
});

describe('around CloudFront', () => {
  const body = JSON.stringify({ query: '{ events(first: 1) { totalCount } }' });

  it('refuses a request sent straight to the function URL without invoking the function, whatever it carries', async () => {
    // Prepare
    const before = invocations;
    const get = getUrl({ query: README_QUERY });

    // Act
    const unsigned = await send(functionUrl, 'GET', get, { 'apollo-require-preflight': 'true' });
    const withSecret = await send(
      functionUrl,
      'POST',
      '/graphql',
      {
        'content-type': 'application/json',
        [ORIGIN_VERIFY_HEADER]: ORIGIN_SECRET,
        [PAYLOAD_HASH_HEADER]: sha256(body),
      },
      body,
    );
    const preflight = await send(functionUrl, 'OPTIONS', '/graphql', {
      origin: PAGE_ORIGIN,
      'access-control-request-method': 'POST',
    });

    // Assess
    for (const refused of [unsigned, withSecret, preflight]) expect(refused.status).toBe(403);
    expect(invocations).toBe(before);
  });

  it('signs a POST with its own body hash, whatever hash the viewer sent or did not send', async () => {
    const headers = { 'content-type': 'application/json' };
    const none = await send(edge, 'POST', '/graphql', headers, body);
    const wrong = await send(edge, 'POST', '/graphql', { ...headers, [PAYLOAD_HASH_HEADER]: sha256('{}') }, body);
    expect(none.status).toBe(200);
    expect(wrong.status).toBe(200);
    expect(JSON.parse(wrong.body)).toEqual(JSON.parse(none.body));
  });

  it('would have every POST refused without the origin-request function, without invoking the function', async () => {
    // Prepare: the same distribution, its Lambda@Edge association left out.
    const before = invocations;
    const unhashed = cloudFrontForwarding(rules.forwarding, functionUrl, {
      headers: { [ORIGIN_VERIFY_HEADER]: ORIGIN_SECRET },
      signed: rules.origin.signed,
    });

    // Act
    const refused = await send(unhashed, 'POST', '/graphql', { 'content-type': 'application/json' }, body);

    // Assess
    expect(refused.status).toBe(403);
    expect(invocations).toBe(before);
  });

  it('refuses a body larger than Lambda@Edge exposes with the API 413 at the edge, without invoking the function', async () => {
    // Prepare: a body one byte over what Lambda@Edge exposes, so it would arrive cut.
    const before = invocations;
    const big = JSON.stringify({ query: '{ corpusVersion { number } }', padding: 'x'.repeat(EDGE_EXPOSED_BODY_BYTES) });

    // Act
    const refused = await send(edge, 'POST', '/graphql', { 'content-type': 'application/json' }, big);

    // Assess
    expect(refused.status).toBe(413);
    expect(JSON.parse(refused.body)).toMatchObject({ errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    for (const [name, value] of Object.entries(rules.responseHeaders)) expect(refused.headers[name]).toBe(value);
    expect(invocations).toBe(before);
  });

  it('has the function refuse a signed request without the origin secret (a caller other than this distribution)', async () => {
    // Prepare: signed, as another principal of the account could sign, but without CloudFront's header.
    const signedOnly = cloudFrontForwarding(rules.forwarding, functionUrl, { headers: {}, signed: true });

    // Act
    const refused = await send(signedOnly, 'GET', getUrl({ query: README_QUERY }), {
      'apollo-require-preflight': 'true',
    });

    // Assess
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.body)).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN' } }] });
  });
});
