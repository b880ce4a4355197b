/**
 * The playground over HTTP, served by the real Lambda handler through the
 * local stack: the page and its CSP, every asset it reaches, nothing absolute
 * that a browser would load, and GraphQL over GET and POST unchanged beside it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAYGROUND_CSP } from '../../functions/graphql/playground.js';
import type { PlaygroundManifest } from '../../functions/graphql/playground-manifest.js';
import { buildPlayground } from '../../scripts/build-playground.js';
import { startLocalStack, type LocalStack } from '../../scripts/local-stack.js';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

let stack: LocalStack;
let manifest: PlaygroundManifest;

beforeAll(async () => {
  manifest = await buildPlayground();
  stack = await startLocalStack({ port: 0 });
});
afterAll(() => stack?.close());

const assetUrl = (name: string) => `${stack.url}/assets/${name}`;

function contentTypeFor(name: string): string {
  if (name.endsWith('.js')) return 'text/javascript';
  if (name.endsWith('.css')) return 'text/css';
  if (name.endsWith('.ttf')) return 'font/ttf';
  if (name.endsWith('.txt')) return 'text/plain';
  throw new Error(`No expected content type for ${name}`);
}

/** An absolute or protocol-relative URL: what the page must never load. */
const ABSOLUTE = String.raw`(?:[a-z][a-z0-9+.-]*:)?//`;

/**
 * The places in a minified bundle where a string literal is loaded, not just
 * held: module imports, fetch, workers, importScripts, sockets, beacons and
 * `src` assignments or props. Plain strings (XML namespaces, JSON-schema ids,
 * links shown in help text or error messages) are not loads and are ignored.
 */
const LOADS = [
  String.raw`\bimport\s*\(\s*`,
  String.raw`\bfrom\s*`,
  String.raw`\bimport\s*`,
  String.raw`\bfetch\s*\(\s*`,
  String.raw`\bimportScripts\s*\(\s*`,
  String.raw`\bnew\s+(?:Shared)?Worker\s*\(\s*`,
  String.raw`\bnew\s+(?:WebSocket|EventSource)\s*\(\s*`,
  String.raw`\bsendBeacon\s*\(\s*`,
  String.raw`\.src\s*=\s*`,
  String.raw`\bsrc\s*:\s*`,
];
const QUOTE = `["'\`]`;

function absoluteLoadsInScript(source: string): string[] {
  const found: string[] = [];
  for (const load of LOADS) {
    for (const match of source.matchAll(new RegExp(`${load}${QUOTE}(${ABSOLUTE}[^"'\`]*)`, 'gi'))) found.push(match[0]);
  }
  return found;
}

function relativeModuleImports(source: string): string[] {
  // Only the bundle's own file names: parser messages in the bundle quote examples such as `from "./module"`.
  return [
    ...source.matchAll(/(?:\bimport\s*\(\s*|\bfrom\s*|\bimport\s*)["']\.\/((?:app|chunk)-[A-Z0-9]+\.js)["']/g),
  ].map((m) => m[1] ?? '');
}

function cssUrls(source: string): string[] {
  const urls = [...source.matchAll(/url\(\s*(["']?)([^"')]*)\1\s*\)/g)].map((m) => m[2] ?? '');
  const imports = [...source.matchAll(/@import\s+(?:url\()?\s*["']?([^"')\s;]+)/g)].map((m) => m[1] ?? '');
  return [...urls, ...imports];
}

describe('the playground page', () => {
  it('answers a browser at GET /graphql with the HTML page and a strict CSP', async () => {
    // Act
    const response = await fetch(stack.url, { headers: { accept: BROWSER_ACCEPT } });
    const html = await response.text();

    // Assess
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toBe(PLAYGROUND_CSP);
    expect(PLAYGROUND_CSP).toContain("default-src 'none'");
    expect(PLAYGROUND_CSP).toContain("script-src 'self';");
    expect(PLAYGROUND_CSP).toContain("connect-src 'self';");
    expect(PLAYGROUND_CSP).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('vary')).toMatch(/accept/i);
    expect(html).toContain('<div id="graphiql">');
    expect(html).not.toMatch(/https?:|\/\//i);
  });

  it('links only same-origin assets, and every asset it reaches answers 200 with its content type', async () => {
    // Prepare
    const html = await (await fetch(stack.url, { headers: { accept: BROWSER_ACCEPT } })).text();
    const linked = [...html.matchAll(/(?:src|href)="([^"]+)"/g)]
      .map((m) => m[1] ?? '')
      .filter((u) => !u.startsWith('data:'));
    expect(linked.length).toBeGreaterThanOrEqual(2);
    for (const url of linked) expect(url).toMatch(/^graphql\/assets\/[\w.-]+$/);

    // Act: walk everything the page reaches: its links, module imports, worker files and CSS urls.
    const pending = linked.map((u) => u.replace('graphql/assets/', ''));
    const seen = new Set<string>();
    const absoluteLoads: string[] = [];
    let relativeImports = 0;
    while (pending.length > 0) {
      const name = pending.pop() ?? '';
      if (seen.has(name)) continue;
      seen.add(name);
      const response = await fetch(assetUrl(name));
      expect(response.status, name).toBe(200);
      expect(response.headers.get('content-type'), name).toContain(contentTypeFor(name));
      if (name.endsWith('.js')) {
        const source = await response.text();
        absoluteLoads.push(...absoluteLoadsInScript(source).map((l) => `${name}: ${l}`));
        const imports = relativeModuleImports(source);
        relativeImports += imports.length;
        pending.push(...imports);
        // Worker files are named in the app script as plain strings, resolved against its URL.
        pending.push(
          ...[...source.matchAll(/["']((?:editor|json|graphql)\.worker-[A-Z0-9]+\.js)["']/g)].map((m) => m[1] ?? ''),
        );
      } else if (name.endsWith('.css')) {
        for (const url of cssUrls(await response.text())) {
          if (url.startsWith('data:')) continue;
          expect(url, `${name} loads ${url}`).not.toMatch(new RegExp(`^${ABSOLUTE}`, 'i'));
          pending.push(url.replace(/^\.\//, '').replace(/[?#].*$/, ''));
        }
      } else {
        await response.arrayBuffer();
      }
    }

    // Assess
    expect(absoluteLoads).toEqual([]);
    // The scan is not vacuous: it did see the bundle's own lazy imports and the three Monaco workers.
    expect(relativeImports).toBeGreaterThan(3);
    expect([...seen].filter((n) => /\.worker-/.test(n))).toHaveLength(3);
    for (const name of seen) expect(manifest.assets, name).toHaveProperty([name]);
  });

  it('serves assets compressed when asked, uncompressed otherwise, cached for a year', async () => {
    // Prepare
    const [name, asset] =
      Object.entries(manifest.assets).find(
        ([n, a]) => n.startsWith('app-') && n.endsWith('.js') && a.encodings.length > 0,
      ) ?? [];
    if (name === undefined || asset === undefined) throw new Error('The build has no compressed app script');

    // Act
    const brotli = await fetch(assetUrl(name), { headers: { 'accept-encoding': 'br' } });
    const plain = await fetch(assetUrl(name), { headers: { 'accept-encoding': 'identity' } });

    // Assess
    expect(brotli.headers.get('content-encoding')).toBe('br');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect((await brotli.text()).length).toBeGreaterThan(0);
    expect((await plain.arrayBuffer()).byteLength).toBe(asset.bytes);
    expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(plain.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(plain.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers 404 for unknown assets and for anything outside the build', async () => {
    for (const name of [
      'nope.js',
      'manifest.json',
      'index.html',
      '..%2Fmanifest.json',
      '..%2F..%2Fpackage.json',
      '%2Fetc%2Fpasswd',
      '.env',
    ]) {
      const response = await fetch(assetUrl(name));
      expect(response.status, name).toBe(404);
      await response.arrayBuffer();
    }
  });
});

describe('GraphQL beside the playground', () => {
  it('runs a query over GET when the client proves it is not a simple cross-site request', async () => {
    // Act
    const response = await fetch(`${stack.url}?query=${encodeURIComponent('{healthy}')}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });

    // Assess
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { healthy: true } });
  });

  it('keeps CSRF prevention on for GET: a bare GET with a query is refused', async () => {
    // Act: what a cross-site <img> or link could send.
    const response = await fetch(`${stack.url}?query=${encodeURIComponent('{healthy}')}`, {
      headers: { accept: 'application/json' },
    });
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };

    // Assess
    expect(response.status).toBe(400);
    expect(body.errors[0]?.message).toMatch(/Cross-Site Request Forgery/);
    expect(body.errors[0]?.extensions.code).toBe('BAD_REQUEST');
  });

  it('gives a browser that asks for a query its GraphQL result, not the page', async () => {
    const response = await fetch(`${stack.url}?query=${encodeURIComponent('{healthy}')}`, {
      headers: { accept: BROWSER_ACCEPT, 'apollo-require-preflight': 'true' },
    });
    // Every reply carries the edge's security headers (the CSP too), so the media type tells the page apart.
    expect(response.headers.get('content-type')).toMatch(/^application\/(graphql-response\+)?json/);
    expect(await response.json()).toEqual({ data: { healthy: true } });
  });

  it('refuses mutations over GET', async () => {
    // Act
    const response = await fetch(`${stack.url}?query=${encodeURIComponent('mutation { x }')}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    const body = (await response.json()) as { data?: unknown; errors: { message: string }[] };

    // Assess: Apollo answers 405 (Allow: POST) for a mutation over GET; a read-only schema refuses it at validation first, with 400.
    expect([400, 405]).toContain(response.status);
    if (response.status === 405) expect(response.headers.get('allow')).toBe('POST');
    expect(body.data).toBeUndefined();
    expect(body.errors[0]?.message).toMatch(/GET requests only support query operations|mutation/i);
  });

  it('blocks a text/plain POST as a potential CSRF', async () => {
    // Act
    const response = await fetch(stack.url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{healthy}' }),
    });
    const body = (await response.json()) as { errors: { message: string }[] };

    // Assess
    expect(response.status).toBe(400);
    expect(body.errors[0]?.message).toMatch(/Cross-Site Request Forgery/);
  });

  it('does not serve the page to clients without an HTML preference', async () => {
    for (const accept of ['*/*', 'application/json', 'application/json, text/html']) {
      const response = await fetch(stack.url, { headers: { accept } });
      expect(response.headers.get('content-type'), accept).not.toMatch(/text\/html/);
      await response.arrayBuffer();
    }
  });
});
