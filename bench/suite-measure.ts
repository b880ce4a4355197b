/**
 * What `npm run bench` measures (bench/suite.ts runs it, bench/suite-metrics.ts
 * turns it into the report's rows): the query mix at each corpus scale, and at
 * 1× the overhead over the raw floor, cold starts, conditional GETs and HTTP
 * load; then the search engine at its own scales.
 */
import { cpus } from 'node:os';
import { readPointer } from '../functions/data/version-store.js';
import { httpEvent } from '../scripts/harness/local-engine.js';
import { logRequests } from '../scripts/harness/request-log.js';
import { buildDeployedFunction, buildFunction } from './bundles.js';
import { coldStart, type ColdStart } from './cold-init.js';
import { apiEnvironment, startBenchEngine, type BenchEngine } from './engine.js';
import { load } from './http-load.js';
import { inProcessApi } from './in-process-api.js';
import { cpuSeconds, peakRss, startChild } from './processes.js';
import { DEEP_OPERATION, type MixOperation } from './query-mix.js';
import { profileRuns } from './profile.js';
import { deepWalkFloor } from './raw-floor.js';
import { searchBenchAt, type ScaleMeasurement } from './search-bench.js';
import type { SoakResult } from './soak.js';
import type { CostReport } from './cost.js';
import { median, round } from './stats.js';
import { readSeedFiles, syntheticCorpus } from '../scripts/harness/synthetic-corpus.js';
import { measureConditionalGet, type ConditionalGet } from './conditional-get.js';
import { describeCosts, measureRefreshCosts, type RefreshCosts } from './refresh-bench.js';

export interface Settings {
  quick: boolean;
  scales: number[];
  /** Corpus scales of the search engine measurements (searchBenchAt), each in its own process. */
  searchScales: number[];
  latencyRounds: number;
  overheadIterations: number;
  coldStarts: number;
  throughputSec: number;
  throughputConnections: number;
  loadSec: number;
  loadConnections: number;
}

export const FULL: Settings = {
  quick: false,
  // The seed is 1,633 items since the knowledge graph (247 before it): 100× is 162,706 items, the size 1000× had,
  // and 1000× (1.6 million items) would hold more than the refresh's 6 GB of heap.
  scales: [1, 10, 100],
  searchScales: [1, 1000],
  latencyRounds: 30,
  // Alternating pairs of the deep query and its floor: the ratio of 100-pair medians moved by ±0.04 between runs here.
  overheadIterations: 200,
  coldStarts: 20,
  throughputSec: 10,
  throughputConnections: 10,
  loadSec: 60,
  loadConnections: 50,
};

export const QUICK: Settings = {
  quick: true,
  scales: [1, 10],
  searchScales: [1, 10],
  latencyRounds: 8,
  overheadIterations: 15,
  coldStarts: 10,
  throughputSec: 2,
  throughputConnections: 10,
  loadSec: 5,
  loadConnections: 50,
};

export const say = (line: string) => process.stdout.write(`${line}\n`);
export const ms = (value: number) => `${round(value, 1)} ms`;

export interface ScaleResult {
  scale: number;
  items: number;
  loadMs: number;
  /** Generating the synthetic corpus files (not part of the refresh). */
  generateMs: number;
  secondRunWrites: number;
  secondRunMs: number;
  /** First load, unchanged rerun, one-claim change and retention. */
  refreshCosts: RefreshCosts;
  mixMedianMs: number;
  perOperation: Map<
    string,
    {
      p50Ms: number;
      requests: number;
      roundTrips: number;
      byCommand: Record<string, number>;
      shapes: Record<string, number>;
    }
  >;
}

export async function measureMix(engine: BenchEngine, mix: MixOperation[], rounds: number) {
  const api = inProcessApi(engine.dataSources());
  const perOperation: ScaleResult['perOperation'] = new Map();
  for (let warm = 0; warm < 3; warm++) {
    for (const op of mix) {
      const run = await api.run(op);
      perOperation.set(op.name, {
        p50Ms: 0,
        requests: run.requests,
        roundTrips: run.roundTrips,
        byCommand: run.byCommand,
        shapes: run.shapes,
      });
    }
  }
  const samples = new Map<string, number[]>(mix.map((op) => [op.name, []]));
  const totals: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let total = 0;
    for (const op of mix) {
      const run = await api.run(op);
      samples.get(op.name)?.push(run.ms);
      total += run.ms;
    }
    totals.push(total);
  }
  for (const op of mix) {
    const entry = perOperation.get(op.name);
    if (entry !== undefined) entry.p50Ms = median(samples.get(op.name) ?? []);
  }
  return { api, perOperation, mixMedianMs: median(totals) };
}

/** The corpus cloned `scale` times, loaded through the real refresh into an empty engine, then refreshed again (which must write nothing). */
async function loadScale(engine: BenchEngine, scale: number, seed: Awaited<ReturnType<typeof readSeedFiles>>) {
  const corpus = syntheticCorpus(seed, scale);
  // First load, unchanged rerun, one-claim change (the mix then reads that version) and retention.
  const costs = await measureRefreshCosts(engine.ds, corpus.source, scale);
  say(describeCosts(costs));
  return {
    items: costs.firstLoad.writes,
    loadMs: costs.firstLoad.ms,
    generateMs: corpus.generateMs,
    secondRunWrites: costs.unchanged.writes,
    secondRunMs: costs.unchanged.ms,
    refreshCosts: costs,
  };
}

export async function measureOverhead(
  engine: BenchEngine,
  deep: MixOperation,
  api: ReturnType<typeof inProcessApi>,
  iterations: number,
) {
  const floorDs = engine.dataSources();
  // The same request log the handler's client carries (inProcessApi), so both clients run the same middleware.
  const floorCounter = logRequests(floorDs).counter;
  const first = Number(
    (deep.variables.first as number | undefined) ?? /\$first: Int = (\d+)/.exec(deep.query)?.[1] ?? 5,
  );
  // The version the handler reads (its pointer is cached for seconds, so a warm request reads no pointer either).
  const version = (await readPointer(floorDs))?.current;
  if (version === undefined) throw new Error('no published version to read');
  const handlerMs: number[] = [];
  const floorMs: number[] = [];
  for (let i = 0; i < 5; i++) {
    await api.run(deep);
    await deepWalkFloor(floorDs, first, version);
  }
  const handlerCpuMs: number[] = [];
  const floorCpuMs: number[] = [];
  const cpuMs = (since: NodeJS.CpuUsage) => {
    const used = process.cpuUsage(since);
    return (used.user + used.system) / 1000;
  };
  let apiRequests = 0;
  for (let i = 0; i < iterations; i++) {
    // Alternating keeps drift (GC, the engine's caches) on both sides alike.
    const run = await api.run(deep);
    handlerCpuMs.push(run.cpuMs);
    handlerMs.push(run.ms);
    apiRequests = run.requests;
    floorCounter.reset();
    const cpu = process.cpuUsage();
    const started = performance.now();
    await deepWalkFloor(floorDs, first, version);
    floorMs.push(performance.now() - started);
    floorCpuMs.push(cpuMs(cpu));
  }
  const floorRequests = floorCounter.total();
  // After the timed runs (the profiler slows what it watches): where each side's time goes.
  const profileN = Math.max(20, Math.round(iterations / 2));
  const handlerProfile = await profileRuns(() => api.run(deep), profileN);
  const floorProfile = await profileRuns(() => deepWalkFloor(floorDs, first, version), profileN);
  return {
    handlerMs: median(handlerMs),
    floorMs: median(floorMs),
    handlerCpuMs: median(handlerCpuMs),
    floorCpuMs: median(floorCpuMs),
    apiRequests,
    floorRequests,
    profileRuns: profileN,
    handlerProfile,
    floorProfile,
  };
}

export interface ColdSide {
  totalMs: number;
  importMs: number;
  processMs: number;
  /** What its cold start loads (BuiltFunction.coldBytes). */
  bytes: number;
}

export async function measureColdStarts(
  engine: BenchEngine,
  settings: Pick<Settings, 'coldStarts'>,
  mix: MixOperation[],
) {
  const graphql = await buildDeployedFunction('graphql');
  const runner = await buildFunction('cold-start', 'bench/cold-start.ts');
  const op = mix.find((o) => o.name === 'DocumentsList') ?? mix[0];
  if (op === undefined) throw new Error('the query mix is empty');
  const event = httpEvent('POST', { body: { query: op.query, variables: op.variables } });
  const helloEvent = httpEvent('POST', { body: { query: '{ hello }' } });
  // Both Apollo baselines are built as the API is (its aliases and code splitting included): only their resolver differs.
  const sides = [
    { side: 'api', built: graphql, event },
    { side: 'hello', built: await buildFunction('hello', 'bench/hello-handler.ts'), event },
    {
      side: 'apolloHello',
      built: await buildFunction('apollo-lambda-hello', 'bench/apollo-lambda-hello.ts'),
      event: helloEvent,
    },
    {
      side: 'apolloGetItem',
      built: await buildFunction('apollo-lambda-get-item', 'bench/apollo-lambda-get-item.ts'),
      event: helloEvent,
    },
    // The API's own bundle answering what reads nothing itself (the version pointer its init starts reading is all): where its first answer's time goes.
    { side: 'apiTypename', built: graphql, event: httpEvent('POST', { body: { query: '{ __typename }' } }) },
  ] as const;
  const env = apiEnvironment(engine.endpoint);
  const runs = sides.map((): ColdStart[] => []);
  for (let i = 0; i < settings.coldStarts; i++) {
    // Interleaved, so drift on the shared machine falls on every side alike.
    for (const [j, s] of sides.entries()) runs[j]?.push(await coldStart(runner.file, s.built.file, s.event, env));
  }
  const summary = (j: number): ColdSide => {
    const of = (key: keyof ColdStart) => median((runs[j] ?? []).map((r) => r[key]));
    return {
      totalMs: of('totalMs'),
      importMs: of('importMs'),
      processMs: of('processMs'),
      bytes: sides[j]?.built.coldBytes ?? Number.NaN,
    };
  };
  return {
    graphql,
    api: summary(0),
    hello: summary(1),
    apolloHello: summary(2),
    apolloGetItem: summary(3),
    apiTypename: summary(4),
    operation: op.name,
  };
}

export async function measureHttp(engine: BenchEngine, settings: Settings, mix: MixOperation[]) {
  const requests = mix.map((op) => ({ query: op.query, variables: op.variables }));
  const server = await startChild<{ url: string }>('server-process.ts', apiEnvironment(engine.endpoint));
  const hello = await startChild<{ url: string }>('apollo-hello-process.ts');
  try {
    // Warm both (JIT, connection pools) before anything is recorded.
    await load(server.ready.url, requests, { connections: 2, durationSec: 1 });
    await load(hello.ready.url, [{ query: '{ hello }' }], { connections: 2, durationSec: 1 });
    const pid = server.process.pid ?? 0;
    const enginePid = engine.child.process.pid ?? 0;
    const cpuBefore = { server: await cpuSeconds(pid), engine: await cpuSeconds(enginePid), bench: process.cpuUsage() };
    const throughput = await load(server.ready.url, requests, {
      connections: settings.throughputConnections,
      durationSec: settings.throughputSec,
    });
    const benchCpu = process.cpuUsage(cpuBefore.bench);
    // Share of one core each process used during the run: which one sets the pace on this machine.
    const cpuShare = {
      server: (await cpuSeconds(pid)) - cpuBefore.server,
      engine: (await cpuSeconds(enginePid)) - cpuBefore.engine,
      loadGenerator: (benchCpu.user + benchCpu.system) / 1e6,
    };
    for (const key of Object.keys(cpuShare) as (keyof typeof cpuShare)[])
      cpuShare[key] = round(cpuShare[key] / settings.throughputSec, 2);
    const throughputPeakRss = await peakRss(pid);
    const baseline = await load(hello.ready.url, [{ query: '{ hello }' }], {
      connections: settings.throughputConnections,
      durationSec: settings.throughputSec,
    });
    const helloPeakRss = await peakRss(hello.process.pid ?? 0);
    say(`  load test: ${settings.loadSec} s at ${settings.loadConnections} connections`);
    const loadTest = await load(server.ready.url, requests, {
      connections: settings.loadConnections,
      durationSec: settings.loadSec,
    });
    const loadPeakRss = await peakRss(pid);
    return { throughput, throughputPeakRss, baseline, helloPeakRss, loadTest, loadPeakRss, cpuShare };
  } finally {
    await server.stop();
    await hello.stop();
  }
}

type Overhead = Awaited<ReturnType<typeof measureOverhead>>;
type ColdStarts = Awaited<ReturnType<typeof measureColdStarts>>;
type Http = Awaited<ReturnType<typeof measureHttp>>;

/** What only the 1× scale measures. */
interface FirstScale {
  overhead: Overhead;
  cold: ColdStarts;
  conditional: ConditionalGet;
  http: Http;
}

/** The overhead over the raw floor, cold starts, conditional GETs and HTTP load, on the 1× engine. */
async function measureFirstScale(
  engine: BenchEngine,
  settings: Settings,
  mix: MixOperation[],
  deep: MixOperation,
  api: ReturnType<typeof inProcessApi>,
): Promise<FirstScale> {
  const overhead = await measureOverhead(engine, deep, api, settings.overheadIterations);
  say(`  ${DEEP_OPERATION}: handler ${ms(overhead.handlerMs)}, raw floor ${ms(overhead.floorMs)}`);
  const cold = await measureColdStarts(engine, settings, mix);
  say(
    `  cold init: graphql ${ms(cold.api.totalMs)}, Apollo + GetItem ${ms(cold.apolloGetItem.totalMs)}, Apollo hello ${ms(cold.apolloHello.totalMs)}; bundle ${cold.graphql.bytes} bytes`,
  );
  const conditional = await measureConditionalGet(engine, deep, settings.overheadIterations);
  say(
    `  conditional GET of ${conditional.operation}: 304 in ${ms(conditional.notModifiedMs)} vs ${ms(conditional.fullMs)} in full`,
  );
  const http = await measureHttp(engine, settings, mix);
  say(
    `  HTTP: ${round(http.throughput.requestsPerSec, 0)} req/s vs Apollo hello ${round(http.baseline.requestsPerSec, 0)} req/s`,
  );
  return { overhead, cold, conditional, http };
}

/** Every corpus scale in a fresh engine: the refresh, the query mix, and at 1× the rest. */
export async function measureScales(settings: Settings, mix: MixOperation[], deep: MixOperation) {
  const seed = await readSeedFiles();
  const scales: ScaleResult[] = [];
  let first: FirstScale | undefined;
  for (const scale of settings.scales) {
    const engine = await startBenchEngine();
    try {
      const loaded = await loadScale(engine, scale, seed);
      say(
        `${scale}×: ${loaded.items} items by refresh in ${ms(loaded.loadMs)}, second run ${loaded.secondRunWrites} writes`,
      );
      const measured = await measureMix(engine, mix, settings.latencyRounds);
      scales.push({ scale, ...loaded, mixMedianMs: measured.mixMedianMs, perOperation: measured.perOperation });
      say(`  query mix median ${ms(measured.mixMedianMs)}`);
      if (scale === 1) first = await measureFirstScale(engine, settings, mix, deep, measured.api);
    } finally {
      await engine.close();
    }
  }
  if (first === undefined) throw new Error('the 1× scale was not measured');
  return { scales, ...first };
}

/** The search engine at its scales, each in a fresh process (after every engine has gone: the machine to itself). */
export function measureSearch(settings: Settings): ScaleMeasurement[] {
  say(`search: scales ${settings.searchScales.map((s) => `${s}×`).join(', ')}, each in a fresh process`);
  const search = searchBenchAt(settings.searchScales);
  for (const m of search)
    say(
      `  ${m.scale}×: index ${m.indexBytes} bytes, ${m.indexHeapMb} MB held, load ${ms(m.loadMs)}, cold first search ${ms(m.coldFirstSearchMs)}, query p50 ${ms(m.searchP50Ms)}; first query from S3 at 100 MB/s: median ${m.firstQuery.bytesMedian} bytes, ${m.firstQuery.roundsMax} rounds at worst, ${ms(m.firstQuery.msMedian)}`,
    );
  return search;
}

/** One operation of the mix across the scales. */
export interface OperationSummary {
  name: string;
  levels: number;
  requests: number;
  byCommand: Record<string, number>;
  roundTrips: number;
  requestShapes: Record<string, number>;
  requestsPerLevel: number;
  p50MsByScale: number[];
  requestsByScale: number[];
}

function operationSummaries(mix: readonly MixOperation[], scales: readonly ScaleResult[], baseScale: ScaleResult) {
  return mix.map((op): OperationSummary => {
    const at1 = baseScale.perOperation.get(op.name);
    return {
      name: op.name,
      levels: op.levels,
      requests: at1?.requests ?? 0,
      byCommand: at1?.byCommand ?? {},
      roundTrips: at1?.roundTrips ?? 0,
      requestShapes: at1?.shapes ?? {},
      requestsPerLevel: (at1?.requests ?? 0) / op.levels,
      p50MsByScale: scales.map((s) => round(s.perOperation.get(op.name)?.p50Ms ?? Number.NaN)),
      requestsByScale: scales.map((s) => s.perOperation.get(op.name)?.requests ?? Number.NaN),
    };
  });
}

/** Everything one run measured, as the report's rows read it. */
export interface SuiteRun extends FirstScale {
  settings: Settings;
  mix: MixOperation[];
  deep: MixOperation;
  scales: ScaleResult[];
  /** The 1× scale, and the largest one measured. */
  baseScale: ScaleResult;
  largest: ScaleResult;
  operations: OperationSummary[];
  /** The operation with the most requests per level, and the one with the most round trips per level. */
  worst: OperationSummary | undefined;
  worstWaves: OperationSummary | undefined;
  search: ScaleMeasurement[];
  soak: SoakResult;
  /** What a million requests cost in AWS, from this run's measurements (bench/cost.ts). */
  cost: CostReport;
  /** A machine's description for the report. */
  cores: number;
}

export function summarize(
  settings: Settings,
  mix: MixOperation[],
  deep: MixOperation,
  measured: Awaited<ReturnType<typeof measureScales>>,
  search: ScaleMeasurement[],
  soak: SoakResult,
  cost: CostReport,
): SuiteRun {
  const { scales } = measured;
  const baseScale = scales.find((s) => s.scale === 1) ?? scales[0];
  if (baseScale === undefined) throw new Error('no scale was measured');
  const operations = operationSummaries(mix, scales, baseScale);
  return {
    ...measured,
    settings,
    mix,
    deep,
    baseScale,
    largest: scales.at(-1) ?? baseScale,
    operations,
    worst: [...operations].sort((a, b) => b.requestsPerLevel - a.requestsPerLevel)[0],
    worstWaves: [...operations].sort((a, b) => b.roundTrips / b.levels - a.roundTrips / a.levels)[0],
    search,
    soak,
    cost,
    cores: cpus().length,
  };
}
