/**
 * The cost model's measurements: every committed operation, Search included,
 * through the real handler (production settings, compiled after its first
 * run, as a warm instance runs) against the bench's engine process, with the
 * seed corpus and its search index. Per operation: the handler's median time,
 * the DynamoDB read units its reads consume (the engine computes them from
 * item sizes, eventually or strongly consistent as the code reads), the
 * reply's gzip bytes and the S3 GETs a warm request makes; and the time the
 * Lambda@Edge body-hash handler takes on the operation's POST, as CloudFront
 * would hand it the body.
 *
 * Standalone: `npx tsx bench/cost-run.ts [runs]` prints the report as JSON.
 */
import { gzipSync } from 'node:zlib';
import type { CloudFrontRequest, CloudFrontRequestEvent } from 'aws-lambda';
import { handler as payloadHash } from '../functions/payload-hash/handler.js';
import type { DataSources } from '../functions/data/client.js';
import { memorySearchIndexStore, type SearchIndexStore } from '../functions/data/search-index-store.js';
import { RUNS_BEFORE_COMPILING } from '../functions/graphql/jit-executor.js';
import { directorySource } from '../functions/refresh/corpus-source.js';
import { refresh } from '../functions/refresh/refresh.js';
import { cachedSearchIndex } from '../functions/search/search-index-cache.js';
import { handlerFor, httpEvent, invoke } from '../scripts/harness/local-engine.js';
import { CORPUS_DIR } from '../seed/paths.js';
import {
  DEPLOYED,
  HTTP_API_SHAPE,
  SERVICES,
  mixAppSyncCost,
  mixCost,
  monthlyCost,
  monthlyFixedCosts,
  operationCost,
  total,
  type AlarmInventory,
  type OperationMeasure,
  type ServiceCosts,
} from './cost-model.js';
import { startBenchEngine } from './engine.js';
import { PRICES_AS_OF } from './prices.js';
import { loadOperations, type MixOperation } from './query-mix.js';
import { median, round } from './stats.js';

export const CACHE_HIT_RATIOS = [0, 0.5, 0.9] as const;
export const MONTHLY_MILLIONS = [1, 10, 100] as const;

/**
 * What the two stacks hold that bills monthly (test/infra/stack.test.ts and edge.test.ts count the same alarms):
 * 7 single-metric alarms and 4 table-throttle alarms of 8 metrics each in the API stack, 1 in the edge stack;
 * one KMS key per alarm topic; two secrets (the cursor key and the origin secret, infra/constructs/graphql-function.ts).
 */
export const DEPLOYED_INVENTORY: AlarmInventory = { alarmMetrics: 7 + 4 * 8 + 1, kmsKeys: 2, secrets: 2 };

/** Sums the read units of every DynamoDB request the client sends (asks the engine to report them). */
function countReadUnits(ds: DataSources): { take(): number } {
  let units = 0;
  ds.raw.middlewareStack.add(
    (next) => async (args) => {
      (args.input as Record<string, unknown>).ReturnConsumedCapacity = 'TOTAL';
      const result = await next(args);
      const consumed = (
        result.output as { ConsumedCapacity?: { CapacityUnits?: number } | { CapacityUnits?: number }[] }
      ).ConsumedCapacity;
      for (const c of Array.isArray(consumed) ? consumed : consumed === undefined ? [] : [consumed]) {
        units += c.CapacityUnits ?? 0;
      }
      return result;
    },
    { step: 'initialize', name: 'benchReadUnits' },
  );
  return {
    take() {
      const taken = units;
      units = 0;
      return taken;
    },
  };
}

function countingStore(store: SearchIndexStore): SearchIndexStore & { gets: () => number } {
  let gets = 0;
  return {
    ...store,
    get: (hash) => {
      gets++;
      return store.get(hash);
    },
    // The GraphQL function reads by range: one GET per range.
    read: (hash, ranges) => {
      gets += ranges.length;
      return store.read(hash, ranges);
    },
    gets: () => gets,
  };
}

/** The origin-request event CloudFront builds for a POST of `body` (base64, include-body). */
function originRequestEvent(body: string): CloudFrontRequestEvent {
  const config = {
    distributionDomainName: 'd111111abcdef8.cloudfront.net',
    distributionId: 'EDFDVBD6EXAMPLE',
    eventType: 'origin-request' as const,
    requestId: 'bench',
  };
  const request: CloudFrontRequest = {
    clientIp: '203.0.113.178',
    method: 'POST',
    uri: '/graphql',
    querystring: '',
    headers: { 'content-type': [{ key: 'Content-Type', value: 'application/json' }] },
    body: {
      action: 'read-only',
      encoding: 'base64',
      inputTruncated: false,
      data: Buffer.from(body).toString('base64'),
    },
  };
  return { Records: [{ cf: { config, request } }] };
}

/** The median time of the body-hash handler on the operation's POST body. */
async function edgeHandlerMs(op: MixOperation, runs: number): Promise<number> {
  const body = JSON.stringify({ query: op.query, variables: op.variables });
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const event = originRequestEvent(body);
    const started = performance.now();
    await payloadHash(event);
    samples.push(performance.now() - started);
  }
  return median(samples);
}

async function measureOperation(
  run: (op: MixOperation) => Promise<{ ms: number; bytes: number; units: number }>,
  op: MixOperation,
  runs: number,
  s3Gets: () => number,
): Promise<OperationMeasure> {
  for (let warm = 0; warm <= RUNS_BEFORE_COMPILING; warm++) await run(op);
  const before = s3Gets();
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(await run(op));
  return {
    name: op.name,
    handlerMs: median(samples.map((s) => s.ms)),
    readUnits: median(samples.map((s) => s.units)),
    bytesOut: median(samples.map((s) => s.bytes)),
    s3Gets: (s3Gets() - before) / runs,
    edgeMs: await edgeHandlerMs(op, runs),
  };
}

export async function measureOperationCosts(runs = 30): Promise<OperationMeasure[]> {
  const engine = await startBenchEngine();
  try {
    const store = countingStore(memorySearchIndexStore());
    await refresh(engine.ds, directorySource(CORPUS_DIR), { searchIndex: store });
    const ds = engine.dataSources();
    const units = countReadUnits(ds);
    const handler = handlerFor(ds, {
      production: true,
      compileAfterRuns: RUNS_BEFORE_COMPILING,
      search: cachedSearchIndex({ store: async () => store }),
    });
    const run = async (op: MixOperation) => {
      const event = httpEvent('POST', { body: { query: op.query, variables: op.variables } });
      units.take();
      const started = performance.now();
      const result = await invoke(handler, event);
      const ms = performance.now() - started;
      const body = result.body ?? '';
      if (result.statusCode !== 200 || body.includes('"errors"'))
        throw new Error(`${op.name} failed: ${body.slice(0, 300)}`);
      return { ms, bytes: gzipSync(body).length, units: units.take() };
    };
    const measures: OperationMeasure[] = [];
    for (const op of loadOperations()) measures.push(await measureOperation(run, op, runs, store.gets));
    return measures;
  } finally {
    await engine.close();
  }
}

const roundCosts = (costs: ServiceCosts) =>
  Object.fromEntries(SERVICES.map((s) => [s, round(costs[s], 4)])) as ServiceCosts;

export interface CostReport {
  pricesAsOf: string;
  /** USD per million requests of the equally weighted mix, uncached and at each CloudFront hit ratio. */
  costPerMillionQueriesUsd: Record<string, number>;
  /** The mix served by AppSync: its request price, the same reads, the same bytes out. */
  appSyncPerMillionUsd: number;
  costVsAppSync: number;
  /** The same measures behind the HTTP API the function URL and its edge function replaced (HTTP_API_SHAPE). */
  httpApiCostVsAppSync: number;
  mixByService: ServiceCosts;
  operations: (OperationMeasure & { perMillionUsd: number; byService: ServiceCosts; appSyncPerMillionUsd: number })[];
  monthlyFixedUsd: Record<string, number>;
  /** Fixed plus traffic, uncached and at a 90 % hit ratio, at 1, 10 and 100 million requests a month. */
  monthlyUsd: { millions: number; uncached: number; hit90: number }[];
}

export function costReport(measures: OperationMeasure[]): CostReport {
  const perMillion = Object.fromEntries(
    CACHE_HIT_RATIOS.map((h) => [h === 0 ? 'uncached' : `hit${h * 100}`, round(total(mixCost(measures, h)), 3)]),
  );
  const appSync = mixAppSyncCost(measures);
  const fixed = monthlyFixedCosts(DEPLOYED_INVENTORY, DEPLOYED);
  const uncached = total(mixCost(measures, 0));
  const hit90 = total(mixCost(measures, 0.9));
  return {
    pricesAsOf: PRICES_AS_OF,
    costPerMillionQueriesUsd: perMillion,
    appSyncPerMillionUsd: round(appSync, 3),
    costVsAppSync: round(uncached / appSync, 3),
    httpApiCostVsAppSync: round(total(mixCost(measures, 0, HTTP_API_SHAPE)) / appSync, 3),
    mixByService: roundCosts(mixCost(measures, 0)),
    operations: measures.map((op) => ({
      ...op,
      handlerMs: round(op.handlerMs, 2),
      edgeMs: round(op.edgeMs, 4),
      perMillionUsd: round(total(operationCost(op)), 3),
      byService: roundCosts(operationCost(op)),
      appSyncPerMillionUsd: round(mixAppSyncCost([op]), 3),
    })),
    monthlyFixedUsd: Object.fromEntries(Object.entries(fixed).map(([k, v]) => [k, round(v, 2)])),
    monthlyUsd: MONTHLY_MILLIONS.map((millions) => ({
      millions,
      uncached: round(monthlyCost(fixed, uncached, millions), 2),
      hit90: round(monthlyCost(fixed, hit90, millions), 2),
    })),
  };
}
