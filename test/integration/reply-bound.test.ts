/**
 * The reply bound (docs/limits.md): the constants of the cost model hold over
 * the corpus, every query the cost limit accepts answers within
 * REPLY_BOUND_BYTES (adversarial shapes from fast-check, through the real
 * handler), and the execution budget stops a request with its code.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import fc from 'fast-check';
import { isObjectType, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { trimErrors } from '../../functions/graphql/execution-budget.js';
import {
  BYTES_PER_COST_UNIT,
  MAX_ERROR_BYTES,
  QUERY_LIMITS,
  REPLY_BOUND_BYTES,
} from '../../functions/graphql/limits.js';
import { leafBytes, listItems } from '../../functions/graphql/reply-bound.js';
import { resolvers } from '../../functions/graphql/resolvers/index.js';
import { buildExecutableSchema } from '../../functions/graphql/server.js';
import { shapeQuery, shapes } from '../../scripts/harness/adversarial-shapes.js';
import { measureReplyMaxima } from '../../scripts/harness/reply-maxima.js';
import {
  allClaims,
  gql,
  handlerFor,
  httpEvent,
  invoke,
  startEngine,
  type Handler,
  type Json,
  type TestEngine,
} from '../../scripts/harness/local-engine.js';

let env: TestEngine;
let prod: Handler;
const schema: GraphQLSchema = buildExecutableSchema(resolvers);

beforeAll(async () => {
  env = await startEngine();
  prod = handlerFor(env.ds, { production: true });
});
afterAll(() => env.close());

async function post(handler: Handler, query: string) {
  const result = await invoke(handler, httpEvent('POST', { body: { query } }));
  return {
    status: result.statusCode ?? 200,
    bytes: Buffer.byteLength(result.body ?? ''),
    json: JSON.parse(result.body ?? '{}'),
  };
}

function fieldType(coordinate: string) {
  const [type, field] = coordinate.split('.');
  const object = schema.getType(type ?? '');
  if (!isObjectType(object)) throw new Error(`${coordinate}: not an object type's field`);
  const def = object.getFields()[field ?? ''];
  if (def === undefined) throw new Error(`${coordinate}: no such field`);
  return def.type;
}

describe('the constants of the reply bound', () => {
  it('hold over every value and list the API serves from the corpus', async () => {
    const maxima = await measureReplyMaxima(prod, schema);
    expect(maxima.leaves.size).toBeGreaterThan(20);
    for (const [coordinate, bytes] of maxima.leaves)
      expect(bytes, coordinate).toBeLessThanOrEqual(leafBytes(coordinate, fieldType(coordinate)));
    for (const [coordinate, items] of maxima.lists) {
      if (/Connection\.(edges|nodes)$/.test(coordinate)) continue;
      expect(items, coordinate).toBeLessThanOrEqual(listItems(coordinate));
    }
  });

  it('bounds the longest cursor: a list keyed by every filter a claim matches', async () => {
    const claims = await allClaims<Json>(
      prod,
      'id kind document { id } speaker { id } events { id } about { ... on Person { id } ... on Organization { id } ... on Place { id } ... on Event { id } }',
    );
    const longest = (ids: (string | undefined)[]) =>
      ids.reduce((a, b) => ((b?.length ?? 0) > (a?.length ?? 0) ? b : a), undefined);
    let cursor = 0;
    for (const claim of claims
      .filter((c) => c.speaker !== null && c.events.length > 0 && c.about.length > 0)
      .slice(0, 20)) {
      const args = {
        speakerId: claim.speaker.id,
        documentId: claim.document.id,
        eventId: longest(claim.events.map((e: Json) => e.id)),
        aboutId: longest(claim.about.map((a: Json) => a.id)),
        kind: claim.kind,
      };
      const res = await gql(
        prod,
        'query($speakerId: ID, $documentId: ID, $eventId: ID, $aboutId: ID, $kind: ClaimKind) { claims(first: 1, speakerId: $speakerId, documentId: $documentId, eventId: $eventId, aboutId: $aboutId, kind: $kind) { edges { cursor } } }',
        args,
      );
      for (const edge of res.data?.claims.edges ?? []) cursor = Math.max(cursor, JSON.stringify(edge.cursor).length);
    }
    expect(cursor).toBeGreaterThan(0);
    expect(cursor).toBeLessThanOrEqual(leafBytes('ClaimEdge.cursor', fieldType('ClaimEdge.cursor')));
  });
});

const REFUSALS = ['QUERY_TOO_COMPLEX', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED'];

describe('the reply bound', () => {
  it('refuses the 369-byte query that answered with 4.4 MB of cursors', async () => {
    const fragment =
      'fragment F on ClaimConnection { edges { node { document { claims(first: 30) { edges { cursor } } } } } }';
    const query = `{ ${Array.from({ length: 10 }, (_, i) => `a${i}: claims(first: 100) { ...F }`).join(' ')} } ${fragment}`;
    const res = await post(prod, query);
    expect(res.status).toBe(400);
    expect(res.json.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('holds for every accepted query of adversarial shapes, through the handler', async () => {
    let accepted = 0;
    let tooComplex = 0;
    let largest = 0;
    await fc.assert(
      fc.asyncProperty(shapes, async (shape) => {
        const query = shapeQuery(schema, shape);
        const res = await post(prod, query);
        if (res.status === 400) {
          // Refused before execution: by the cost, or by the token or depth limits a random shape may pass.
          expect(REFUSALS, query).toContain(res.json.errors[0].extensions.code);
          if (res.json.errors[0].extensions.code === 'QUERY_TOO_COMPLEX') tooComplex++;
          return;
        }
        accepted++;
        largest = Math.max(largest, res.bytes);
        expect(res.json.errors).toBeUndefined();
        expect(res.bytes).toBeLessThanOrEqual(REPLY_BOUND_BYTES);
      }),
      { numRuns: 60, seed: 26 },
    );
    // The shapes reach both sides of the limit.
    expect(accepted).toBeGreaterThan(5);
    expect(tooComplex).toBeGreaterThan(5);
    expect(largest).toBeGreaterThan(100_000);
  }, 600_000);
});

describe('the execution budget', () => {
  const query =
    '{ documents(first: 10) { nodes { id claims(first: 20) { nodes { id speaker { name } document { title } } } } } }';

  it('stops a request past its resolver calls with EXECUTION_BUDGET_EXCEEDED, logged as a warning', async () => {
    const warn = vi.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const error = vi.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const small = handlerFor(env.ds, { production: true, executionBudget: { maxResolverCalls: 30, maxMs: 60_000 } });
    const res = await post(small, query);
    expect(res.status).toBe(200);
    const codes = new Set(res.json.errors.map((e: Json) => e.extensions.code));
    expect(codes.has('EXECUTION_BUDGET_EXCEEDED')).toBe(true);
    expect(res.json.errors[0].extensions).toMatchObject({ maxResolverCalls: 30 });
    expect(JSON.stringify(res.json.errors)).not.toMatch(/stack/i);
    expect(warn).toHaveBeenCalledWith('GraphQL request refused', expect.anything());
    expect(error).not.toHaveBeenCalled();
    warn.mockRestore();
    error.mockRestore();
    // The same query within the default budget answers in full.
    const full = await post(prod, query);
    expect(full.json.errors).toBeUndefined();
  });

  it('stops a request past its time', async () => {
    const late = handlerFor(env.ds, { production: true, executionBudget: { maxResolverCalls: 1e9, maxMs: -1 } });
    const res = await post(late, query);
    expect(res.json.errors.map((e: Json) => e.extensions.code)).toContain('EXECUTION_BUDGET_EXCEEDED');
  });

  it('keeps at most MAX_ERROR_BYTES of errors, and counts the rest in one', () => {
    const errors = Array.from({ length: 1000 }, (_, i) => ({
      message: `failure ${i}`.padEnd(200, '.'),
      path: ['a', i],
    }));
    const trimmed = trimErrors(errors, MAX_ERROR_BYTES);
    expect(Buffer.byteLength(JSON.stringify(trimmed.slice(0, -1)))).toBeLessThanOrEqual(MAX_ERROR_BYTES);
    expect(trimmed.at(-1)?.extensions).toEqual({ code: 'ERRORS_OMITTED', omitted: 1000 - trimmed.length + 1 });
    expect(trimErrors(errors.slice(0, 3), MAX_ERROR_BYTES)).toHaveLength(3);
    // The bound leaves room for the errors beside the largest data.
    expect(QUERY_LIMITS.maxCost * BYTES_PER_COST_UNIT + MAX_ERROR_BYTES + 1000).toBeLessThanOrEqual(REPLY_BOUND_BYTES);
  });
});
