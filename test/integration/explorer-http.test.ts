/**
 * The explorer over HTTP: its operations are persisted queries a cold function
 * knows by hash (the same hashes its client sends), its first view stays
 * within its JavaScript budget, and the local server answers its paths (deep
 * links included) beside the API without touching the API's own.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explorerPersistedOperations } from '../../schema/__generated__/explorer-persisted-operations.js';
import { knownOperations } from '../../functions/graphql/persisted-queries.js';
import { buildExplorer, type ExplorerBuild } from '../../scripts/build-explorer.js';
import { startLocalStack, type LocalStack } from '../../scripts/local-stack.js';

/** The budget for the first view's JavaScript, gzipped. */
const FIRST_VIEW_BUDGET_BYTES = 200 * 1024;

let stack: LocalStack;
let origin: string;
let build: ExplorerBuild;
beforeAll(async () => {
  build = await buildExplorer();
  stack = await startLocalStack({ port: 0 });
  origin = new URL(stack.url).origin;
});
afterAll(() => stack?.close());

const clientDocuments = async () =>
  JSON.parse(
    await readFile(new URL('../../explorer/src/gql/persisted-documents.json', import.meta.url), 'utf8'),
  ) as Record<string, string>;

function persistedGet(hash: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
  const url = new URL(stack.url);
  url.searchParams.set('extensions', JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }));
  if (variables !== undefined) url.searchParams.set('variables', JSON.stringify(variables));
  return fetch(url, { headers: { 'apollo-require-preflight': 'true', ...headers } });
}

describe('the explorer’s persisted operations', () => {
  it('are the hashes its client sends, each the SHA-256 of its text, all known to the function', async () => {
    // Act
    const client = await clientDocuments();

    // Assess
    expect(explorerPersistedOperations).toEqual(client);
    for (const [hash, text] of Object.entries(client)) {
      expect(createHash('sha256').update(text).digest('hex')).toBe(hash);
      expect(knownOperations[hash]).toBe(text);
      expect(text).toContain('__typename');
    }
  });

  it('are answered by hash alone on a fresh server, cached by ETag and pinned by x-corpus-version', async () => {
    // Prepare
    const client = await clientDocuments();
    const hash = Object.entries(client).find(([, text]) => text.startsWith('query ExplorerDocuments('))?.[0];
    if (hash === undefined) throw new Error('No ExplorerDocuments operation');

    // Act
    const first = await persistedGet(hash, { first: 3 });
    const body = (await first.json()) as { data?: { documents: { nodes: unknown[] } }; errors?: unknown };
    const etag = first.headers.get('etag') ?? '';
    const again = await persistedGet(hash, { first: 3 }, { 'if-none-match': etag });
    const version = first.headers.get('x-corpus-version') ?? '';
    const pinned = await persistedGet(hash, { first: 3 }, { 'x-corpus-version': version });

    // Assess
    expect(first.status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data?.documents.nodes).toHaveLength(3);
    expect(first.headers.get('cache-control')).toContain('public');
    expect(etag).not.toBe('');
    expect(again.status).toBe(304);
    expect(pinned.status).toBe(200);
    expect(pinned.headers.get('x-corpus-version')).toBe(version);
  });
});

describe('the explorer’s files on the local server', () => {
  it('keeps the first view’s JavaScript within 200 KB gzipped', () => {
    expect(build.firstView.scripts.length).toBeGreaterThan(0);
    expect(build.firstView.gzipBytes).toBeLessThanOrEqual(FIRST_VIEW_BUDGET_BYTES);
  });

  it('answers / and any deep link with the page, its assets by name, and leaves /graphql to the API', async () => {
    // Act
    const home = await fetch(`${origin}/`);
    const homeHtml = await home.text();
    const deep = await fetch(`${origin}/documents/any-id?claim=x`);
    const script = build.firstView.scripts[0] ?? '';
    const asset = await fetch(`${origin}/${script}`);
    const missingAsset = await fetch(`${origin}/explorer-assets/no-such-file.js`);
    const traversal = await fetch(`${origin}/explorer-assets/..%2F..%2Fpackage.json`);
    const api = await fetch(`${stack.url}?query=${encodeURIComponent('{ corpusVersion { number } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    const post = await fetch(`${origin}/documents`, { method: 'POST', body: '{}' });

    // Assess
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toContain('text/html');
    expect(home.headers.get('cache-control')).toBe('no-cache');
    expect(homeHtml).toContain(`/${script}`);
    // No inline script or style: the page runs under a CSP without 'unsafe-inline'.
    expect(homeHtml).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>|<style|\sstyle=/);
    expect(deep.status).toBe(200);
    expect(await deep.text()).toBe(homeHtml);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toContain('javascript');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(missingAsset.status).toBe(404);
    expect(traversal.status).toBe(404);
    expect(api.status).toBe(200);
    expect(((await api.json()) as { data: unknown }).data).toHaveProperty('corpusVersion');
    expect(post.headers.get('content-type')).not.toContain('text/html');
  });
});
