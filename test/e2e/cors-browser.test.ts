/**
 * Cross-origin use of the local API from a real browser (headless Chromium
 * driven by playwright-core): a page served from another port calls the API
 * with the headers a front end sends (a JSON POST, a GET with the CSRF header
 * and a pinned version, its ETag read and sent back), as API Gateway's CORS
 * allows it; a page from an origin the server does not allow gets no grant,
 * and the browser refuses to hand it the answer.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corsPolicy } from '../../functions/shared/http-contract.js';
import { launchChromium } from '../../scripts/chromium.js';
import { startLocalStack, type LocalStack } from '../../scripts/local-stack.js';

let stack: LocalStack;
let browser: Browser;
let allowedPage: Server;
let otherPage: Server;
let api: string;

/** A server of one blank page: a front end's origin. */
async function pageServer(): Promise<Server> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><html lang="en"><head><title>front end</title></head><body></body></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

const originOf = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

beforeAll(async () => {
  allowedPage = await pageServer();
  otherPage = await pageServer();
  // As `CORS_ORIGINS=<the allowed page's origin> npm start` would run it.
  stack = await startLocalStack({ port: 0, cors: corsPolicy([originOf(allowedPage)]) });
  api = `http://127.0.0.1:${stack.port}/graphql`;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
  allowedPage?.close();
  otherPage?.close();
});

async function openPage(server: Server): Promise<{ page: Page; console: string[] }> {
  const page = await (await browser.newContext()).newPage();
  const console: string[] = [];
  page.on('console', (message) => console.push(message.text()));
  await page.goto(originOf(server));
  return { page, console };
}

interface PageResult {
  ok: boolean;
  status?: number;
  etag?: string | null;
  version?: string | null;
  body?: string;
  error?: string;
}

/** Runs a fetch in the page, as a front end would, and reports what the page could read. */
function fetchInPage(
  page: Page,
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
) {
  return page.evaluate(
    async ([target, options]): Promise<PageResult> => {
      try {
        const res = await fetch(target, options);
        return {
          ok: true,
          status: res.status,
          etag: res.headers.get('etag'),
          version: res.headers.get('x-corpus-version'),
          body: await res.text(),
        };
      } catch (error) {
        return { ok: false, error: String(error) };
      }
    },
    [url, init] as const,
  );
}

describe('a front end on another origin, in Chromium', () => {
  it('POSTs and GETs the API from an allowed origin, reads the ETag and version, and gets 304 for its ETag', async () => {
    // Prepare
    const { page } = await openPage(allowedPage);
    const query = '{ people(first: 2) { nodes { name } } }';
    const getUrl = `${api}?query=${encodeURIComponent(query)}`;

    // Act
    const posted = await fetchInPage(page, api, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    const got = await fetchInPage(page, getUrl, {
      method: 'GET',
      headers: { 'apollo-require-preflight': 'true', 'x-corpus-version': posted.version ?? '' },
    });
    const revalidated = await fetchInPage(page, getUrl, {
      method: 'GET',
      headers: {
        'apollo-require-preflight': 'true',
        'x-corpus-version': posted.version ?? '',
        'if-none-match': got.etag ?? '',
      },
    });

    // Assess
    expect(posted).toMatchObject({ ok: true, status: 200 });
    expect(JSON.parse(posted.body ?? '{}').data.people.nodes).toHaveLength(2);
    expect(posted.version).toMatch(/^\d+$/);
    expect(got).toMatchObject({ ok: true, status: 200, version: posted.version });
    expect(got.body).toBe(posted.body);
    expect(got.etag).toMatch(/^"/);
    expect(revalidated).toMatchObject({ ok: true, status: 304 });
  });

  it('gives an origin it does not allow no grant: the preflight answers without one and the browser refuses', async () => {
    // Prepare
    const { page, console } = await openPage(otherPage);
    const origin = originOf(otherPage);

    // Act
    const preflight = await fetch(api, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    const refused = await fetchInPage(page, api, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });

    // Assess
    expect(preflight.status).toBe(204);
    for (const name of ['allow-origin', 'allow-methods', 'allow-headers', 'max-age'])
      expect(preflight.headers.get(`access-control-${name}`)).toBeNull();
    expect(refused.ok).toBe(false);
    expect(refused.error).toMatch(/Failed to fetch/);
    expect(console.join('\n')).toMatch(/blocked by CORS policy/);
  });
});
