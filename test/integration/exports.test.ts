/**
 * GET /export/claims.csv and /export/claims.jsonld through the real Lambda
 * handler over the local engine, seeded with the real corpus: the same claims
 * and filters as `claims(...)`, paging by the Link header, HTTP caching, a 400
 * for a bad parameter, formula-safe CSV cells, and the JSON-LD checked against
 * the required terms of the W3C Web Annotation model.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvCell } from '../../functions/graphql/export-format.js';
import {
  allClaims,
  handlerFor,
  httpEvent,
  invoke,
  startEngine,
  type Handler,
  type Json,
  type TestEngine,
} from '../../scripts/harness/local-engine.js';

let env: TestEngine;
let handler: Handler;
beforeAll(async () => {
  env = await startEngine();
  handler = handlerFor(env.ds, { versionCacheMs: 3_600_000 });
});
afterAll(() => env.close());

const get = (path: string, query: Record<string, string> = {}, headers: Record<string, string> = {}) =>
  invoke(handler, httpEvent('GET', { path, query, headers }));

/** Follows the Link: rel="next" headers from a first request to the end; returns every page's body. */
async function allPages(path: string, query: Record<string, string>): Promise<string[]> {
  const bodies: string[] = [];
  let next: string | undefined = `${path}?${new URLSearchParams(query).toString()}`;
  while (next !== undefined) {
    const url = new URL(next, 'http://localhost');
    const res = await get(url.pathname, Object.fromEntries(url.searchParams));
    expect(res.statusCode, res.body).toBe(200);
    bodies.push(res.body ?? '');
    const link = String(res.headers?.link ?? '');
    next = /^<([^>]+)>; rel="next"$/.exec(link)?.[1];
  }
  return bodies;
}

const csvRows = (body: string) => parseCsv<Record<string, string>>(body, { columns: true });

describe('claims.csv', () => {
  it('exports every claim once, in the order of claims(...), across pages', async () => {
    const expected = (await allClaims<{ id: string }>(handler, 'id')).map((c) => c.id);
    const pages = await allPages('/export/claims.csv', { first: '37' });
    expect(pages.length).toBeGreaterThanOrEqual(Math.ceil(expected.length / 37));
    const ids = pages.flatMap((p) => csvRows(p).map((r) => r.id));
    expect(ids).toEqual(expected);
  });

  it('applies the filters of claims(...), topicId and kind included', async () => {
    const gqlIds = async (filter: string) =>
      (
        await invoke(
          handler,
          httpEvent('POST', {
            body: { query: `{ claims(first: 100, ${filter}) { nodes { id } pageInfo { hasNextPage } } }` },
          }),
        )
      ).body;
    const body = JSON.parse((await gqlIds('topicId: "military-cooperation", kind: DIRECT_QUOTE')) ?? '{}');
    expect(body.data.claims.pageInfo.hasNextPage).toBe(false);
    const res = await get('/export/claims.csv', { topicId: 'military-cooperation', kind: 'DIRECT_QUOTE' });
    expect(res.statusCode).toBe(200);
    expect(csvRows(res.body ?? '').map((r) => r.id)).toEqual(body.data.claims.nodes.map((n: { id: string }) => n.id));
    for (const row of csvRows(res.body ?? '')) expect(row.topics?.split(' ')).toContain('military-cooperation');
  });

  it('escapes cells a spreadsheet would run as formulas', () => {
    for (const danger of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1'])
      expect(csvCell(danger).replace(/^"/, '').startsWith("'")).toBe(true);
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
    expect(parseCsv(`x\r\n${csvCell('=HYPERLINK("http://evil")')}\r\n`, { columns: true })).toEqual([
      { x: `'=HYPERLINK("http://evil")` },
    ]);
  });

  it('refuses a bad parameter with a clear 400', async () => {
    for (const [query, word] of [
      [{ kind: 'RUMOUR' }, 'kind'],
      [{ first: '0' }, 'first'],
      [{ first: '1000' }, 'first'],
      [{ colour: 'red' }, 'colour'],
      [{ after: 'not-a-cursor' }, 'cursor'],
    ] as const) {
      const res = await get('/export/claims.csv', query);
      expect(res.statusCode, JSON.stringify(query)).toBe(400);
      expect(String(res.headers?.['cache-control'])).toBe('no-store');
      expect(JSON.parse(res.body ?? '{}').error).toMatch(new RegExp(word, 'i'));
    }
    expect((await get('/export/claims.xlsx')).statusCode).toBe(404);
  });

  it('is cacheable like the GraphQL GETs: an ETag, and 304 for it', async () => {
    const res = await get('/export/claims.csv', { first: '5' });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers?.['cache-control'])).toMatch(/^public, max-age=/);
    const etag = String(res.headers?.etag);
    expect(etag).toMatch(/^".+"$/);
    const again = await get('/export/claims.csv', { first: '5' }, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    const other = await get('/export/claims.csv', { first: '6' });
    expect(other.headers?.etag).not.toBe(etag);
  });
});

describe('claims.jsonld', () => {
  /** The terms the W3C Web Annotation model requires (and those the export promises: creator, motivation). */
  function checkAnnotationModel(doc: Json): void {
    expect(doc['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(doc.type).toBe('AnnotationCollection');
    expect(typeof doc.id).toBe('string');
    expect(doc.first.type).toBe('AnnotationPage');
    for (const a of doc.first.items) {
      expect(a.type).toBe('Annotation');
      expect(typeof a.id).toBe('string');
      expect(a.motivation).toBe('describing');
      expect(typeof a.creator.name).toBe('string');
      expect(typeof a.target.source).toBe('string');
      const types = a.target.selector.map((s: { type: string }) => s.type);
      expect(types).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
      expect(typeof a.target.selector[0].exact).toBe('string');
      expect(Number.isInteger(a.target.selector[1].start)).toBe(true);
      expect(a.target.selector[1].end).toBeGreaterThan(a.target.selector[1].start);
    }
  }

  it('is an AnnotationCollection whose selectors find each claim in its document', async () => {
    const res = await get('/export/claims.jsonld', { first: '100' });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers?.['content-type'])).toBe('application/ld+json');
    const doc = JSON.parse(res.body ?? '{}');
    checkAnnotationModel(doc);
    const claims = await allClaims<{ id: string; quote: string; document: { text: string } }>(
      handler,
      'id quote document { text }',
    );
    expect(doc.total).toBe(claims.length);
    for (const a of doc.first.items) {
      const claim = claims.find((c) => a.id.endsWith(`#${c.id}`))!;
      const [quote, position] = a.target.selector;
      expect(quote.exact).toBe(claim.quote);
      // Positions count code points, as the model defines them.
      expect(Array.from(claim.document.text).slice(position.start, position.end).join('')).toBe(claim.quote);
    }
    if (claims.length > 100) {
      expect(doc.first.next).toMatch(/after=/);
      expect(String(res.headers?.link)).toContain('rel="next"');
    } else expect(doc.first.next).toBeUndefined();
  });
});
