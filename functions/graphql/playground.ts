/**
 * Serves the GraphQL playground from the handler itself: the page at
 * `GET /graphql` for browsers, and its bundled assets at
 * `GET /graphql/assets/<file>`. Everything is read from disk only when one of
 * those is requested, so GraphQL requests never load it and the function's
 * bundle carries only this file.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ENCODING_SUFFIX, MANIFEST_FILE, type AssetEncoding, type PlaygroundManifest } from './playground-manifest.js';
import { eventHeader } from './lambda-event.js';
import { optionalEnv } from '../shared/env.js';
import { CONTENT_SECURITY_POLICY } from '../shared/http-contract.js';

/** The page's policy: the one CloudFront's response headers policy also sets (functions/shared/http-contract.ts). */
export const PLAYGROUND_CSP = CONTENT_SECURITY_POLICY;

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

const ASSET_PATH = /\/graphql\/assets\/([^/]*)$/;
const PAGE_PATH = /\/graphql$/;
const ASSET_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Where the built playground is: PLAYGROUND_DIR when set; else `playground/`
 * beside the bundled handler (where the CDK bundling copies it); else
 * `playground/dist` of the source tree (local runs of the TypeScript source).
 */
function candidateDirs(): string[] {
  const override = optionalEnv('PLAYGROUND_DIR');
  if (override !== undefined) return [override];
  return [
    fileURLToPath(new URL('./playground/', import.meta.url)),
    fileURLToPath(new URL('../../playground/dist/', import.meta.url)),
  ];
}

interface LoadedPlayground {
  dir: string;
  manifest: PlaygroundManifest;
}

let loaded: Promise<LoadedPlayground | undefined> | undefined;

async function loadPlayground(): Promise<LoadedPlayground | undefined> {
  for (const dir of candidateDirs()) {
    try {
      const manifest = JSON.parse(await readFile(join(dir, MANIFEST_FILE), 'utf8')) as PlaygroundManifest;
      return { dir, manifest };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return undefined;
}

/**
 * The manifest is read once per process; a missing build or a failed read is
 * retried by the next request, so building while the server runs, or a passing
 * file-system error, needs no restart.
 */
async function playground(): Promise<LoadedPlayground | undefined> {
  const pending = (loaded ??= loadPlayground());
  try {
    const result = await pending;
    if (result === undefined && loaded === pending) loaded = undefined;
    return result;
  } catch (error) {
    if (loaded === pending) loaded = undefined;
    throw error;
  }
}

/** The q-value the Accept-style header gives a value, counting wildcards (`*`, `type/*`). */
function quality(headerValue: string, value: string): number {
  const [type] = value.split('/');
  let best = -1;
  let bestSpecificity = -1;
  for (const part of headerValue.split(',')) {
    const [range = '', ...params] = part.trim().toLowerCase().split(';');
    const specificity = range === value ? 2 : range === `${type}/*` ? 1 : range === '*/*' || range === '*' ? 0 : -1;
    if (specificity < 0 || specificity < bestSpecificity) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    best = q === undefined ? 1 : Number(q.slice(2)) || 0;
    bestSpecificity = specificity;
  }
  return Math.max(best, 0);
}

/** A browser navigating to the endpoint: text/html preferred to JSON (as Apollo decides for its own landing page). */
export function prefersHtml(accept: string): boolean {
  const html = quality(accept, 'text/html');
  return (
    html > 0 &&
    html > quality(accept, 'application/json') &&
    html > quality(accept, 'application/graphql-response+json')
  );
}

function chooseEncoding(acceptEncoding: string, available: AssetEncoding[]): AssetEncoding | undefined {
  return available.find((encoding) => quality(acceptEncoding, encoding) > 0);
}

function notFound(): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: 404,
    headers: { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS },
    body: 'Not found\n',
  };
}

async function servePage(): Promise<APIGatewayProxyStructuredResultV2> {
  const found = await playground();
  if (found === undefined) {
    return {
      statusCode: 503,
      headers: { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS },
      body: 'The playground is not built: run `npm run build:playground`.\n',
    };
  }
  return {
    statusCode: 200,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': PLAYGROUND_CSP,
      'cache-control': 'no-cache',
      // The same URL answers GraphQL for other Accept headers.
      vary: 'accept',
      ...SECURITY_HEADERS,
    },
    body: await readFile(join(found.dir, found.manifest.page), 'utf8'),
  };
}

async function serveAsset(event: APIGatewayProxyEventV2, name: string): Promise<APIGatewayProxyStructuredResultV2> {
  const found = await playground();
  // Only names the build listed are served, so no request can reach any other file.
  const asset =
    ASSET_NAME.test(name) && found !== undefined && Object.hasOwn(found.manifest.assets, name)
      ? found.manifest.assets[name]
      : undefined;
  if (found === undefined || asset === undefined) return notFound();
  const encoding = chooseEncoding(eventHeader(event, 'accept-encoding'), asset.encodings);
  const body = await readFile(join(found.dir, encoding === undefined ? name : name + ENCODING_SUFFIX[encoding]));
  return {
    statusCode: 200,
    headers: {
      'content-type': asset.contentType,
      // File names carry a content hash: a changed file is a new URL.
      'cache-control': 'public, max-age=31536000, immutable',
      vary: 'accept-encoding',
      ...(encoding === undefined ? {} : { 'content-encoding': encoding }),
      ...SECURITY_HEADERS,
    },
    body: body.toString('base64'),
    isBase64Encoded: true,
  };
}

/**
 * Middleware for createGraphQLHandler: answers playground requests and
 * returns undefined for everything else, which goes on to Apollo.
 */
export async function playgroundMiddleware(
  event: APIGatewayProxyEventV2,
): Promise<APIGatewayProxyStructuredResultV2 | undefined> {
  // The event comes from outside: a hand-made or partial one may lack what its type promises.
  /* eslint-disable @typescript-eslint/no-unnecessary-condition */
  if (event.requestContext?.http?.method !== 'GET') return undefined;
  const path = event.rawPath ?? event.requestContext.http.path;
  /* eslint-enable @typescript-eslint/no-unnecessary-condition */
  const asset = ASSET_PATH.exec(path);
  if (asset !== null) return serveAsset(event, asset[1] ?? '');
  if (
    PAGE_PATH.test(path) &&
    event.queryStringParameters?.query === undefined &&
    prefersHtml(eventHeader(event, 'accept'))
  )
    return servePage();
  return undefined;
}
