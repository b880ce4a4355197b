/**
 * Conditional GETs through the Lambda handler in-process, as deployed
 * (NODE_ENV=production, the instance's version cache): what a 304 costs
 * against the full answer of the same GET, and its DynamoDB requests.
 */
import { countRequests } from '../scripts/harness/request-counter.js';
import { handlerFor, httpEvent, invoke } from '../scripts/harness/local-engine.js';
import type { BenchEngine } from './engine.js';
import type { MixOperation } from './query-mix.js';
import { median } from './stats.js';
import { RUNS_BEFORE_COMPILING } from '../functions/graphql/jit-executor.js';

export interface ConditionalGet {
  operation: string;
  fullMs: number;
  notModifiedMs: number;
  /** DynamoDB requests of a 304 on a warm instance (the version pointer cached), and of a full answer. */
  notModifiedRequests: number;
  fullRequests: number;
  bodyBytes: number;
}

export async function measureConditionalGet(
  engine: BenchEngine,
  op: MixOperation,
  iterations: number,
): Promise<ConditionalGet> {
  const ds = engine.dataSources();
  const counter = countRequests(ds);
  const handler = handlerFor(ds, { production: true, compileAfterRuns: RUNS_BEFORE_COMPILING });
  const query = { query: op.query, variables: JSON.stringify(op.variables) };
  const headers = { 'apollo-require-preflight': 'true' };
  const full = async () => invoke(handler, httpEvent('GET', { query, headers }));
  const first = await full();
  const etag = first.headers?.etag;
  if (first.statusCode !== 200 || typeof etag !== 'string')
    throw new Error(`${op.name} over GET was not cacheable (${first.statusCode})`);
  const conditional = async () =>
    invoke(handler, httpEvent('GET', { query, headers: { ...headers, 'if-none-match': etag } }));
  const fullMs: number[] = [];
  const notModifiedMs: number[] = [];
  let fullRequests = 0;
  let notModifiedRequests = 0;
  for (let i = 0; i < iterations + 5; i++) {
    // Alternating keeps drift on both sides alike; the first rounds warm both paths.
    counter.reset();
    let started = performance.now();
    await full();
    if (i >= 5) fullMs.push(performance.now() - started);
    fullRequests = counter.total();
    counter.reset();
    started = performance.now();
    const answer = await conditional();
    if (i >= 5) notModifiedMs.push(performance.now() - started);
    if (answer.statusCode !== 304) throw new Error(`a current ETag got ${answer.statusCode}, not 304`);
    notModifiedRequests = counter.total();
  }
  return {
    operation: op.name,
    fullMs: median(fullMs),
    notModifiedMs: median(notModifiedMs),
    notModifiedRequests,
    fullRequests,
    bodyBytes: (first.body ?? '').length,
  };
}
