/**
 * The local emulation of the function URL's CORS and CloudFront's forwarding, on
 * requests made by hand, and the parsing of CORS_ORIGINS.
 */
import { describe, expect, it } from 'vitest';
import { corsPolicy, parseCorsOrigins } from '../../functions/shared/http-contract.js';
import { functionUrlCors, cloudFrontForwarding, routes } from '../../scripts/edge-emulation.js';
import type { HttpExchange, HttpExchangeRequest } from '../../scripts/http-adapter.js';

const request = (method: string, headers: Record<string, string>, url = '/graphql'): HttpExchangeRequest => ({
  method,
  url,
  headers,
  body: Buffer.alloc(0),
});

/** An origin that answers with a CORS header of its own, which the function URL's CORS must replace. */
const origin: HttpExchange = (req) =>
  Promise.resolve({
    statusCode: 200,
    headers: { 'access-control-allow-origin': 'https://evil.example', 'x-seen-url': req.url },
    body: '{}',
  });

describe('function URL CORS', () => {
  const listed = functionUrlCors(corsPolicy(['https://app.example.org']), origin);

  it('grants a listed origin by name, and replaces the function’s own CORS headers', async () => {
    const res = await listed(request('GET', { origin: 'https://app.example.org' }));
    expect(res.headers['access-control-allow-origin']).toBe('https://app.example.org');
    expect(res.headers['access-control-expose-headers']).toBe('etag,x-corpus-version');
  });

  it('gives an origin not listed no CORS header, on its answers and its preflights', async () => {
    const res = await listed(request('GET', { origin: 'https://other.example' }));
    const preflight = await listed(
      request('OPTIONS', { origin: 'https://other.example', 'access-control-request-method': 'POST' }),
    );
    expect(Object.keys(res.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers).toEqual({});
  });

  it('answers `*` for any origin by default, and a request with no Origin gets no CORS header', async () => {
    const any = functionUrlCors(corsPolicy(), origin);
    expect((await any(request('GET', { origin: 'https://x.example' }))).headers['access-control-allow-origin']).toBe(
      '*',
    );
    expect((await any(request('GET', {}))).headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('CloudFront forwarding', () => {
  it('keeps only the listed query parameters, in their order', async () => {
    const edge = cloudFrontForwarding(
      { headers: [], queryStrings: ['query', 'variables'], cookies: false, acceptEncoding: true },
      origin,
    );
    const res = await edge(request('GET', {}, '/graphql?x=1&query=%7Ba%7D&utm=2&variables=%7B%7D'));
    expect(res.headers['x-seen-url']).toBe('/graphql?query=%7Ba%7D&variables=%7B%7D');
  });
});

describe('local routes', () => {
  it('sends /graphql and what is under it to its route, and anything else to a 404', async () => {
    const router = routes([{ path: '/graphql', exchange: origin }]);
    expect((await router(request('GET', {}, '/graphql/assets/a.js'))).statusCode).toBe(200);
    expect((await router(request('GET', {}, '/graphqlx'))).statusCode).toBe(404);
    expect((await router(request('GET', {}, '/'))).body).toBe('{"message":"Not Found"}');
  });
});

describe('CORS_ORIGINS', () => {
  it('reads a list of origins, `*` or nothing as any, and refuses what is not an origin', () => {
    expect(parseCorsOrigins(undefined)).toEqual(['*']);
    expect(parseCorsOrigins(' * ')).toEqual(['*']);
    expect(parseCorsOrigins('http://localhost:5173, https://a.example')).toEqual([
      'http://localhost:5173',
      'https://a.example',
    ]);
    for (const bad of ['localhost:5173', 'https://a.example/', 'https://a.example/app', '*,https://a.example'])
      expect(() => parseCorsOrigins(bad), bad).toThrow(/not an origin/);
  });
});
