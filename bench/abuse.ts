/**
 * maxAcceptedCpuVsMedian: in AWS each request has an instance to itself, so
 * what abuse can cost is the work of one accepted request. The handler's CPU
 * for the costliest query the limits accept (near-limit shapes of every kind
 * and the adversarial shapes of the reply-bound test), over the median
 * committed operation's; and that query's reply against REPLY_BOUND_BYTES.
 */
import fc from 'fast-check';
import { QUERY_LIMITS, REPLY_BOUND_BYTES } from '../functions/graphql/limits.js';
import { RUNS_BEFORE_COMPILING } from '../functions/graphql/jit-executor.js';
import { resolvers } from '../functions/graphql/resolvers/index.js';
import { buildExecutableSchema } from '../functions/graphql/server.js';
import { shapeQuery, shapes } from '../scripts/harness/adversarial-shapes.js';
import { handlerFor, httpEvent, invoke } from '../scripts/harness/local-engine.js';
import type { BenchEngine } from './engine.js';
import type { MixOperation } from './query-mix.js';
import { median, round } from './stats.js';

/** Shapes that push one axis each: text, cursors, items read, small fields, nested connections, the graph. */
const NEAR_LIMIT: Readonly<Record<string, string>> = {
  texts: 'claims(first: 8) { nodes { id document { text id } } }',
  cursors: 'claims(first: 100) { edges { cursor } }',
  items: 'claims(first: 100) { nodes { id } }',
  'nested-cursors': 'claims(first: 100) { nodes { document { claims(first: 8) { edges { cursor } } } } }',
  'small-fields': 'claims(first: 100) { nodes { id kind span { start end } anchor { status } } }',
  'nested-connections': 'documents(first: 100) { nodes { claims(first: 10) { totalCount nodes { id } } } }',
  graph:
    'claims(first: 100) { nodes { about { __typename } relations { kind claim { id speaker { id } events { id } } } } }',
  deep: 'documents(first: 20) { nodes { claims(first: 20) { nodes { speaker { claims(first: 5) { nodes { quote } } } } } } }',
};

const aliased = (n: number, body: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${body}`).join(' ')} }`;

/** Each near-limit shape under as many aliases as `accepts` takes (a refusal costs no read). */
export async function nearLimitQueries(
  accepts: (query: string) => Promise<boolean>,
): Promise<{ name: string; query: string }[]> {
  const found: { name: string; query: string }[] = [];
  for (const [name, body] of Object.entries(NEAR_LIMIT)) {
    for (let n = QUERY_LIMITS.maxAliases; n >= 1; n--) {
      if (!(await accepts(aliased(n, body)))) continue;
      found.push({ name: `${name}×${n}`, query: aliased(n, body) });
      break;
    }
  }
  return found;
}

const cpuOf = async (run: () => Promise<unknown>) => {
  const cpu = process.cpuUsage();
  await run();
  const used = process.cpuUsage(cpu);
  return (used.user + used.system) / 1000;
};

export interface AbuseFigures {
  medianOperationCpuMs: number;
  maxAccepted: { name: string; cpuMs: number; replyBytes: number };
  maxAcceptedCpuVsMedian: number;
  replyBoundBytes: number;
  /** CPU ms of the eight costliest accepted queries (by one run). */
  costliest: Record<string, number>;
  candidates: number;
  accepted: number;
}

/** The figures; `runs` timed runs of each query after warming it (graphql-jit compiles on the second run). */
export async function measureAbuse(
  engine: BenchEngine,
  mix: MixOperation[],
  options: { runs?: number; randomShapes?: number } = {},
): Promise<AbuseFigures> {
  const runs = options.runs ?? 10;
  const handler = handlerFor(engine.dataSources(), { production: true, compileAfterRuns: RUNS_BEFORE_COMPILING });
  const send = async (query: string, variables?: Record<string, unknown>) => {
    const result = await invoke(handler, httpEvent('POST', { body: { query, variables } }));
    return { status: result.statusCode ?? 200, bytes: Buffer.byteLength(result.body ?? '') };
  };
  const measure = async (query: string, variables?: Record<string, unknown>) => {
    for (let i = 0; i < RUNS_BEFORE_COMPILING + 2; i++) await send(query, variables);
    const cpu: number[] = [];
    for (let i = 0; i < runs; i++) cpu.push(await cpuOf(() => send(query, variables)));
    return median(cpu);
  };
  const operations: number[] = [];
  for (const op of mix) operations.push(await measure(op.query, op.variables));
  const schema = buildExecutableSchema(resolvers);
  const random = fc
    .sample(shapes, { numRuns: options.randomShapes ?? 150, seed: 26 })
    .map((shape, i) => ({ name: `shape-${i}`, query: shapeQuery(schema, shape) }));
  // One run each finds the accepted ones; the eight costliest are measured as the operations were.
  const nearLimit = await nearLimitQueries(async (query) => (await send(query)).status === 200);
  const accepted: { name: string; query: string; cpuMs: number; bytes: number }[] = [];
  for (const candidate of [...nearLimit, ...random]) {
    let first = await send(candidate.query);
    if (first.status !== 200) continue;
    const cpuMs = await cpuOf(async () => (first = await send(candidate.query)));
    accepted.push({ ...candidate, cpuMs, bytes: first.bytes });
  }
  accepted.sort((a, b) => b.cpuMs - a.cpuMs);
  let worst = { name: 'none', cpuMs: 0, replyBytes: 0 };
  const costliest: Record<string, number> = {};
  for (const candidate of accepted.slice(0, 8)) {
    const cpuMs = await measure(candidate.query);
    costliest[candidate.name] = round(cpuMs, 2);
    if (cpuMs > worst.cpuMs) worst = { name: candidate.name, cpuMs: round(cpuMs, 2), replyBytes: candidate.bytes };
  }
  const medianOperationCpuMs = median(operations);
  return {
    medianOperationCpuMs: round(medianOperationCpuMs, 2),
    maxAccepted: worst,
    maxAcceptedCpuVsMedian: round(worst.cpuMs / medianOperationCpuMs, 2),
    replyBoundBytes: REPLY_BOUND_BYTES,
    costliest,
    candidates: nearLimit.length + random.length,
    accepted: accepted.length,
  };
}
