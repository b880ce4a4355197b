/**
 * Serves the built explorer (explorer/dist) beside the API, as CloudFront
 * does in AWS: its hashed assets by name, and index.html for every other
 * path outside /graphql and /export, so a deep link or a reload opens the right view
 * (the explorer shows its own not-found view for a path it does not know).
 */
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SECURITY_HEADERS } from '../functions/shared/http-contract.js';

export const EXPLORER_DIST = fileURLToPath(new URL('../explorer/dist/', import.meta.url));
/** Where Vite puts the hashed files (explorer/vite.config.ts). */
export const EXPLORER_ASSETS = '/explorer-assets/';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

/** The API's own paths (GraphQL and the exports): never answered with the explorer's page. */
export function isApiPath(path: string): boolean {
  return path === '/graphql' || path.startsWith('/graphql/') || path.startsWith('/export/');
}

async function send(res: ServerResponse, file: string, cacheControl: string, method: string): Promise<boolean> {
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return false;
  }
  // The same security headers and Content-Security-Policy CloudFront adds in AWS.
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'content-length': body.length,
    'cache-control': cacheControl,
  });
  res.end(method === 'HEAD' ? undefined : body);
  return true;
}

/** Answers a GET or HEAD outside the API from the explorer's files; false when the request is not the explorer's. */
export async function serveExplorer(req: IncomingMessage, res: ServerResponse, dist = EXPLORER_DIST): Promise<boolean> {
  const method = req.method ?? 'GET';
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if ((method !== 'GET' && method !== 'HEAD') || isApiPath(path)) return false;
  if (path.startsWith(EXPLORER_ASSETS)) {
    const name = normalize(decodeURIComponent(path.slice(EXPLORER_ASSETS.length)));
    if (name.startsWith('..') || name.includes('/')) return notFound(res);
    const served = await send(res, join(dist, EXPLORER_ASSETS, name), 'public, max-age=31536000, immutable', method);
    return served || notFound(res);
  }
  // The page names its assets by hash: it must be revalidated to see a new build.
  const served = await send(res, join(dist, 'index.html'), 'no-cache', method);
  if (!served) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('The explorer is not built: run `npm run build:explorer`.\n');
  }
  return true;
}

function notFound(res: ServerResponse): true {
  res.writeHead(404, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
  res.end('Not found\n');
  return true;
}
