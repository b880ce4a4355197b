/**
 * The deployed path replayed in front of the local handler: the synthesized
 * distribution's forwarding rules (only the headers, parameters and cookies
 * its policies name reach the origin), the HTTP API's CORS configuration
 * (preflights answered without the function, grants set on answers) and the
 * response headers policy, all read from the CloudFormation template. The
 * README's GET, a persisted GET, a POST and a preflight must work through it
 * as they do against the function alone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { persistedOperations } from '../../schema/__generated__/persisted-operations.js';
import { PROJECT_ROOT } from '../../infra/constructs/bundled-function.js';
import { createDeployment } from '../../infra/deployment.js';
import { apiGatewayCors, cloudFrontForwarding, responseHeaders } from '../../scripts/edge-emulation.js';
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

beforeAll(async () => {
  // The template's policies are what matters here, not the bundles: synthesis skips bundling.
  const app = new App({ context: { ...CDK_CONTEXT, 'aws:cdk:bundling-stacks': [] } });
  rules = edgeRulesFromTemplate(Template.fromStack(createDeployment(app).api).toJSON());
  stack = await startLocalStack({ port: 0 });
  direct = lambdaExchange(stack.handler);
  const counted: HttpExchange = (request) => {
    invocations++;
    return direct(request);
  };
  edge = responseHeaders(
    rules.responseHeaders,
    cloudFrontForwarding(rules.forwarding, apiGatewayCors(rules.cors, counted)),
  );
});
afterAll(async () => {
  await stack?.close();
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

describe('through CloudFront and API Gateway, as synthesized', () => {
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
    const headers = { 'content-type': 'application/json', origin: PAGE_ORIGIN, 'x-corpus-version': version ?? '' };

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
});
