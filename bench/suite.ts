/** What `npm run bench` measures, in order; every ratio's two sides are measured in this run. */
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { FUNCTION_ENTRIES, GRAPHQL_ALIASES } from '../infra/bundling.js';
import { countRequests } from '../functions/data/request-counter.js';
import { readCorpus } from '../functions/refresh/corpus-reader.js';
import { buildItems } from '../functions/refresh/item-builder.js';
import { directorySource } from '../functions/refresh/corpus-source.js';
import { httpEvent } from '../scripts/harness/local-engine.js';
import { BUILD_DIR, buildFunction } from './bundles.js';
import { coldStart } from './cold-init.js';
import { apiEnvironment, startBenchEngine, writeItems, type BenchEngine } from './engine.js';
import { load, type LoadResult } from './http-load.js';
import { inProcessApi } from './in-process-api.js';
import { cpuSeconds, peakRss, startChild } from './processes.js';
import { DEEP_OPERATION, loadQueryMix, type MixOperation } from './query-mix.js';
import { profileRuns } from './profile.js';
import { deepWalkFloor } from './raw-floor.js';
import { BENCH_QUERIES, searchBenchAt, type ScaleMeasurement } from './search-bench.js';
import { writeReport, type Metric, type OperationDetail, type Results } from './report.js';
import { median, round } from './stats.js';
import { directItems, itemDigest, readSeedFiles, syntheticCorpus } from './synthetic-corpus.js';
import { describeCosts, measureRefreshCosts, type RefreshCosts } from './refresh-bench.js';
import { CORPUS_DIR } from '../seed/paths.js';

interface Settings {
  quick: boolean;
  scales: number[];
  /** Scales above this are loaded by writing built items directly (see directItems); the rest through the real refresh. */
  largestRefreshScale: number;
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

const FULL: Settings = {
  quick: false,
  scales: [1, 10, 100, 1000],
  // The seed build is linear now: the real refresh loads 1000× in ~90 s (measured 92.6 s; 24,304 items at 100× in 8.9 s).
  largestRefreshScale: 1000,
  searchScales: [1, 1000],
  latencyRounds: 30,
  overheadIterations: 60,
  coldStarts: 12,
  throughputSec: 10,
  throughputConnections: 10,
  loadSec: 60,
  loadConnections: 50,
};

const QUICK: Settings = {
  quick: true,
  scales: [1, 10],
  largestRefreshScale: 10,
  searchScales: [1, 10],
  latencyRounds: 8,
  overheadIterations: 15,
  coldStarts: 10,
  throughputSec: 2,
  throughputConnections: 10,
  loadSec: 5,
  loadConnections: 50,
};

const BENCH_QUERY_COUNT = BENCH_QUERIES.length;
const say = (line: string) => process.stdout.write(`${line}\n`);
const ms = (value: number) => `${round(value, 1)} ms`;

interface ScaleResult {
  scale: number;
  items: number;
  loadMs: number;
  loadMethod: 'refresh' | 'direct';
  /** Generating the synthetic corpus files (not part of the refresh). */
  generateMs: number;
  secondRunWrites?: number;
  secondRunMs?: number;
  /** First load, unchanged rerun, one-claim change and retention (scales loaded by the real refresh). */
  refreshCosts?: RefreshCosts;
  mixMedianMs: number;
  perOperation: Map<string, { p50Ms: number; requests: number; roundTrips: number; byCommand: Record<string, number>; shapes: Record<string, number> }>;
}

async function measureMix(engine: BenchEngine, mix: MixOperation[], rounds: number) {
  const api = inProcessApi(engine.dataSources());
  const perOperation: ScaleResult['perOperation'] = new Map();
  for (let warm = 0; warm < 3; warm++) {
    for (const op of mix) {
      const run = await api.run(op);
      perOperation.set(op.name, { p50Ms: 0, requests: run.requests, roundTrips: run.roundTrips, byCommand: run.byCommand, shapes: run.shapes });
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

async function loadScale(
  engine: BenchEngine,
  scale: number,
  settings: Settings,
  seed: Awaited<ReturnType<typeof readSeedFiles>>,
  seedCorpus: Awaited<ReturnType<typeof readCorpus>>['corpus'],
): Promise<Pick<ScaleResult, 'items' | 'loadMs' | 'loadMethod' | 'generateMs' | 'secondRunWrites' | 'secondRunMs' | 'refreshCosts'>> {
  if (scale <= settings.largestRefreshScale) {
    const corpus = syntheticCorpus(seed, scale);
    if (scale === 10 && settings.scales.some((s) => s > settings.largestRefreshScale)) {
      // directItems stands in for the refresh at the largest scale: check here that it builds the same items.
      const { corpus: parsed } = await readCorpus(corpus.source);
      const same = JSON.stringify(itemDigest(buildItems(parsed, new Map()).tables)) === JSON.stringify(itemDigest(directItems(seedCorpus, 10)));
      if (!same) throw new Error('directItems differs from buildItems at 10×');
    }
    // First load, rerun, one-claim change (the mix then reads that version), retention; the search index is measured on its own.
    const costs = await measureRefreshCosts(engine.ds, corpus.source, scale);
    say(describeCosts(costs));
    return {
      items: costs.items,
      loadMs: costs.firstLoad.ms,
      loadMethod: 'refresh',
      generateMs: corpus.generateMs,
      secondRunWrites: costs.unchanged.writes,
      secondRunMs: costs.unchanged.ms,
      refreshCosts: costs,
    };
  }
  const started = performance.now();
  const items = directItems(seedCorpus, scale);
  const written = await writeItems(engine.ds, items);
  return { items: written, loadMs: performance.now() - started, loadMethod: 'direct', generateMs: 0 };
}

async function measureOverhead(engine: BenchEngine, deep: MixOperation, api: ReturnType<typeof inProcessApi>, iterations: number) {
  const floorDs = engine.dataSources();
  const floorCounter = countRequests(floorDs);
  const first = Number((deep.variables.first as number | undefined) ?? /\$first: Int = (\d+)/.exec(deep.query)?.[1] ?? 5);
  const handlerMs: number[] = [];
  const floorMs: number[] = [];
  for (let i = 0; i < 5; i++) {
    await api.run(deep);
    await deepWalkFloor(floorDs, first);
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
    let cpu = process.cpuUsage();
    const run = await api.run(deep);
    handlerCpuMs.push(cpuMs(cpu));
    handlerMs.push(run.ms);
    apiRequests = run.requests;
    floorCounter.reset();
    cpu = process.cpuUsage();
    const started = performance.now();
    await deepWalkFloor(floorDs, first);
    floorMs.push(performance.now() - started);
    floorCpuMs.push(cpuMs(cpu));
  }
  const floorRequests = floorCounter.total();
  // After the timed runs (the profiler slows what it watches): where each side's time goes.
  const profileN = Math.max(20, Math.round(iterations / 2));
  const handlerProfile = await profileRuns(() => api.run(deep), profileN);
  const floorProfile = await profileRuns(() => deepWalkFloor(floorDs, first), profileN);
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

async function measureColdStarts(engine: BenchEngine, settings: Settings, mix: MixOperation[]) {
  const graphql = await buildFunction('graphql', FUNCTION_ENTRIES.graphql);
  const hello = await buildFunction('hello', 'bench/hello-handler.ts');
  // With the API's aliases too, so both sides leave Apollo's usage-reporting protobuf out.
  const apolloHello = await buildFunction('apollo-lambda-hello', 'bench/apollo-lambda-hello.ts', GRAPHQL_ALIASES);
  const runner = await buildFunction('cold-start', 'bench/cold-start.ts');
  const op = mix.find((o) => o.name === 'DocumentsList') ?? mix[0];
  if (op === undefined) throw new Error('the query mix is empty');
  const event = httpEvent('POST', { body: { query: op.query, variables: op.variables } });
  const helloEvent = httpEvent('POST', { body: { query: '{ hello }' } });
  const env = apiEnvironment(engine.endpoint);
  const api: number[] = [];
  const apiImport: number[] = [];
  const base: number[] = [];
  const apiProcess: number[] = [];
  const baseProcess: number[] = [];
  const apollo: number[] = [];
  const apolloImport: number[] = [];
  for (let i = 0; i < settings.coldStarts; i++) {
    const a = await coldStart(runner.file, graphql.file, event, env);
    const b = await coldStart(runner.file, hello.file, event, env);
    const c = await coldStart(runner.file, apolloHello.file, helloEvent, env);
    apollo.push(c.totalMs);
    apolloImport.push(c.importMs);
    api.push(a.totalMs);
    apiImport.push(a.importMs);
    apiProcess.push(a.processMs);
    base.push(b.totalMs);
    baseProcess.push(b.processMs);
  }
  return {
    graphql,
    hello,
    apiMs: median(api),
    helloMs: median(base),
    apiProcessMs: median(apiProcess),
    helloProcessMs: median(baseProcess),
    apiImportMs: median(apiImport),
    apolloHello,
    apolloHelloMs: median(apollo),
    apolloHelloImportMs: median(apolloImport),
    operation: op.name,
  };
}

async function measureHttp(engine: BenchEngine, settings: Settings, mix: MixOperation[]) {
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
    const throughput = await load(server.ready.url, requests, { connections: settings.throughputConnections, durationSec: settings.throughputSec });
    const benchCpu = process.cpuUsage(cpuBefore.bench);
    // Share of one core each process used during the run: which one sets the pace on this machine.
    const cpuShare = {
      server: (await cpuSeconds(pid)) - cpuBefore.server,
      engine: (await cpuSeconds(enginePid)) - cpuBefore.engine,
      loadGenerator: (benchCpu.user + benchCpu.system) / 1e6,
    };
    for (const key of Object.keys(cpuShare) as (keyof typeof cpuShare)[]) cpuShare[key] = round(cpuShare[key] / settings.throughputSec, 2);
    const throughputPeakRss = await peakRss(pid);
    const baseline = await load(hello.ready.url, [{ query: '{ hello }' }], { connections: settings.throughputConnections, durationSec: settings.throughputSec });
    const helloPeakRss = await peakRss(hello.process.pid ?? 0);
    say(`  load test: ${settings.loadSec} s at ${settings.loadConnections} connections`);
    const loadTest = await load(server.ready.url, requests, { connections: settings.loadConnections, durationSec: settings.loadSec });
    const loadPeakRss = await peakRss(pid);
    return { throughput, throughputPeakRss, baseline, helloPeakRss, loadTest, loadPeakRss, cpuShare };
  } finally {
    await server.stop();
    await hello.stop();
  }
}

const loadErrors = (r: LoadResult) => r.non2xx + r.errorBodies + r.socketErrors + r.timeouts;

export async function runSuite(quick: boolean): Promise<void> {
  const settings = quick ? QUICK : FULL;
  const started = performance.now();
  const mix = loadQueryMix();
  const deep = mix.find((op) => op.name === DEEP_OPERATION);
  if (deep === undefined) throw new Error(`${DEEP_OPERATION} is missing from schema/operations`);
  const seed = await readSeedFiles();
  const { corpus: seedCorpus } = await readCorpus(directorySource(CORPUS_DIR));
  say(`bench${quick ? ' --quick' : ''}: ${mix.length} operations, scales ${settings.scales.map((s) => `${s}×`).join(', ')}`);

  const scales: ScaleResult[] = [];
  let overhead: Awaited<ReturnType<typeof measureOverhead>> | undefined;
  let cold: Awaited<ReturnType<typeof measureColdStarts>> | undefined;
  let http: Awaited<ReturnType<typeof measureHttp>> | undefined;
  for (const scale of settings.scales) {
    const engine = await startBenchEngine();
    try {
      const loaded = await loadScale(engine, scale, settings, seed, seedCorpus);
      say(`${scale}×: ${loaded.items} items by ${loaded.loadMethod} in ${ms(loaded.loadMs)}${loaded.secondRunWrites === undefined ? '' : `, second run ${loaded.secondRunWrites} writes`}`);
      const measured = await measureMix(engine, mix, settings.latencyRounds);
      scales.push({ scale, ...loaded, mixMedianMs: measured.mixMedianMs, perOperation: measured.perOperation });
      say(`  query mix median ${ms(measured.mixMedianMs)}`);
      if (scale === 1) {
        overhead = await measureOverhead(engine, deep, measured.api, settings.overheadIterations);
        say(`  ${DEEP_OPERATION}: handler ${ms(overhead.handlerMs)}, raw floor ${ms(overhead.floorMs)}`);
        cold = await measureColdStarts(engine, settings, mix);
        say(`  cold init: graphql ${ms(cold.apiMs)}, hello ${ms(cold.helloMs)}; bundle ${cold.graphql.bytes} bytes`);
        http = await measureHttp(engine, settings, mix);
        say(`  HTTP: ${round(http.throughput.requestsPerSec, 0)} req/s vs Apollo hello ${round(http.baseline.requestsPerSec, 0)} req/s`);
      }
    } finally {
      await engine.close();
    }
  }
  if (overhead === undefined || cold === undefined || http === undefined) throw new Error('the 1× scale was not measured');

  // After every engine has gone, so the search children have the machine to themselves.
  say(`search: scales ${settings.searchScales.map((s) => `${s}×`).join(', ')}, each in a fresh process`);
  const search: ScaleMeasurement[] = searchBenchAt(settings.searchScales);
  for (const m of search) say(`  ${m.scale}×: index ${m.indexBytes} bytes, ${m.indexHeapMb} MB held, load ${ms(m.loadMs)}, cold first search ${ms(m.coldFirstSearchMs)}, query p50 ${ms(m.searchP50Ms)}`);

  const base = scales.find((s) => s.scale === 1);
  const baseScale = base ?? scales[0];
  if (baseScale === undefined) throw new Error('no scale was measured');
  const atBase = baseScale.perOperation;
  const operations: OperationDetail[] = mix.map((op) => {
    const at1 = atBase.get(op.name);
    return {
      name: op.name,
      levels: op.levels,
      requests: at1?.requests ?? 0,
      byCommand: at1?.byCommand ?? {},
      roundTrips: at1?.roundTrips ?? 0,
      requestShapes: at1?.shapes ?? {},
      requestsPerLevel: (at1?.requests ?? 0) / op.levels,
      p50MsByScale: Object.fromEntries(scales.map((s) => [String(s.scale), s.perOperation.get(op.name)?.p50Ms ?? Number.NaN])),
      requestsByScale: Object.fromEntries(scales.map((s) => [String(s.scale), s.perOperation.get(op.name)?.requests ?? Number.NaN])),
    };
  });
  const worst = [...operations].sort((a, b) => b.requestsPerLevel - a.requestsPerLevel)[0];
  const worstWaves = [...operations].sort((a, b) => b.roundTrips / b.levels - a.roundTrips / a.levels)[0];
  const largest = scales.at(-1) ?? baseScale;
  const refreshed = scales.filter((s) => s.loadMethod === 'refresh').at(-1) ?? baseScale;

  const metrics: Record<string, Metric> = {};
  const put = (name: string, value: number, unit: string, note: string) => {
    const digits = unit === 'ratio' || unit === 'requests/level' ? 3 : unit === 'ms' && Math.abs(value) < 10 ? 2 : 1;
    metrics[name] = { value: round(value, digits), unit, note };
  };
  put(
    'dynamodbRoundTripsPerLevel',
    worst?.requestsPerLevel ?? Number.NaN,
    'requests/level',
    `worst of the mix at 1×: ${worst?.name} issues ${worst?.requests} requests (${JSON.stringify(worst?.byCommand)}) over ${worst?.levels} levels`,
  );
  put(
    'sequentialRoundTripsPerLevel',
    worstWaves === undefined ? Number.NaN : worstWaves.roundTrips / worstWaves.levels,
    'round trips/level',
    `worst of the mix at 1×: ${worstWaves?.name}, ${worstWaves?.roundTrips} groups of overlapping requests over ${worstWaves?.levels} levels`,
  );
  put(
    'overheadVsRawBatchGet',
    overhead.handlerMs / overhead.floorMs,
    'ratio',
    `${DEEP_OPERATION} (${deep.levels} levels) through the handler ${round(overhead.handlerMs)} ms vs 1 Query + ${deep.levels - 1} sequential BatchGetItem ${round(overhead.floorMs)} ms (medians of ${settings.overheadIterations}, alternating; ${overhead.apiRequests} vs ${overhead.floorRequests} requests); CPU of this process per run ${round(overhead.handlerCpuMs)} vs ${round(overhead.floorCpuMs)} ms`,
  );
  put('bundleBytes', cold.graphql.bytes, 'bytes', `largest parts: ${cold.graphql.contributors.slice(0, 5).map((c) => `${c.name} ${Math.round(c.bytes / 1000)} kB`).join(', ')}`);
  put(
    'coldInitVsHello',
    cold.apiMs / cold.helloMs,
    'ratio',
    `import + first ${cold.operation}: ${round(cold.apiMs)} ms vs hello world ${round(cold.helloMs)} ms (medians of ${settings.coldStarts} fresh processes each; spawn-to-exit ${round(cold.apiProcessMs)} vs ${round(cold.helloProcessMs)} ms)`,
  );
  put('coldInitMs', cold.apiMs, 'ms', `median import + first answer of the built GraphQL handler in a fresh process (import ${round(cold.apiImportMs)} ms, first answer ${round(cold.apiMs - cold.apiImportMs)} ms)`);
  put(
    'coldInitVsApolloLambdaHello',
    cold.apiMs / cold.apolloHelloMs,
    'ratio',
    `the same against Apollo Server answering { hello } through the same Lambda integration, built the same way (${cold.apolloHello.bytes} bytes): ${round(cold.apiMs)} vs ${round(cold.apolloHelloMs)} ms (import ${round(cold.apolloHelloImportMs)} ms)`,
  );
  put('coldProcessVsHello', cold.apiProcessMs / cold.helloProcessMs, 'ratio', `spawn to exit of the same processes, Node's own start included: ${round(cold.apiProcessMs)} vs ${round(cold.helloProcessMs)} ms`);
  for (const s of scales) {
    if (s.scale === baseScale.scale) continue;
    put(
      `p50At${s.scale}xVs1x`,
      s.mixMedianMs / baseScale.mixMedianMs,
      'ratio',
      `query mix median ${round(s.mixMedianMs)} ms at ${s.scale}× (${s.items} items) vs ${round(baseScale.mixMedianMs)} ms at 1×`,
    );
  }
  const at10 = scales.find((s) => s.scale === 10);
  if (at10 !== undefined && largest.scale > 10) {
    put(
      `p50At${largest.scale}xVs10x`,
      largest.mixMedianMs / at10.mixMedianMs,
      'ratio',
      `as above against 10×, where every page of the mix is already full (at 1× the seed has fewer items than some pages ask for)`,
    );
  }
  for (const s of scales) put(`mixLatencyMsAt${s.scale}x`, s.mixMedianMs, 'ms', `median over ${settings.latencyRounds} rounds of the ${mix.length} operations run one after another through the handler`);
  const t = http.throughput;
  put(
    'throughputReqPerSec',
    t.requestsPerSec,
    'req/s',
    `query mix over HTTP at 1×, ${settings.throughputConnections} connections, ${settings.throughputSec} s; cores busy: server ${http.cpuShare.server}, engine ${http.cpuShare.engine}, autocannon ${http.cpuShare.loadGenerator} (of ${cpus().length})`,
  );
  put('latencyP50Ms', t.p50Ms, 'ms', 'of the throughput run');
  put('latencyP95Ms', t.p95Ms, 'ms', 'of the throughput run');
  put('latencyP99Ms', t.p99Ms, 'ms', 'of the throughput run');
  put('apolloHelloReqPerSec', http.baseline.requestsPerSec, 'req/s', `standalone Apollo Server { hello }, same connections and duration (p50 ${round(http.baseline.p50Ms)} ms)`);
  put('throughputVsApolloHello', t.requestsPerSec / http.baseline.requestsPerSec, 'ratio', 'measured back to back in this run');
  put('throughputErrors', loadErrors(t), 'count', 'non-2xx + error bodies + socket errors + timeouts in the throughput run');
  put('serverPeakRssBytes', http.throughputPeakRss ?? Number.NaN, 'bytes', `VmHWM of the server process after the throughput run (Apollo hello: ${http.helloPeakRss ?? 'n/a'} bytes)`);
  const l = http.loadTest;
  put('loadErrors', loadErrors(l), 'count', `${l.completed} requests in ${settings.loadSec} s at ${settings.loadConnections} connections: ${l.non2xx} non-2xx, ${l.errorBodies} error bodies, ${l.socketErrors} socket errors, ${l.timeouts} timeouts`);
  put('loadReqPerSec', l.requestsPerSec, 'req/s', `load test (p50 ${round(l.p50Ms)} ms, p95 ${round(l.p95Ms)} ms, p99 ${round(l.p99Ms)} ms)`);
  put('loadPeakRssBytes', http.loadPeakRss ?? Number.NaN, 'bytes', 'VmHWM of the server process after the load test');
  put(
    'refreshItemsPerSec',
    (largest.items / largest.loadMs) * 1000,
    'items/s',
    largest.loadMethod === 'refresh'
      ? `the real refresh (seed/refresh.ts, memorySource) of the ${largest.scale}× corpus: ${largest.items} items in ${round(largest.loadMs / 1000)} s (read and validate the YAML, scan the tables, build, write); generating the corpus files took another ${round(largest.generateMs / 1000)} s`
      : `${largest.scale}× corpus (${largest.items} items, ${round(largest.loadMs / 1000)} s) built clone by clone with the refresh's buildItems and written with its batchWrite; the refresh itself is too slow there (see refreshItemsPerSecAt${refreshed.scale}x)`,
  );
  if (refreshed !== largest) {
    put(`refreshItemsPerSecAt${refreshed.scale}x`, (refreshed.items / refreshed.loadMs) * 1000, 'items/s', `the real refresh of the ${refreshed.scale}× corpus (${refreshed.items} items in ${round(refreshed.loadMs / 1000)} s)`);
  }
  put(
    'refreshSecondRunWrites',
    Math.max(...scales.map((s) => s.secondRunWrites ?? 0)),
    'writes',
    `a second refresh of the same corpus, at ${scales.filter((s) => s.secondRunWrites !== undefined).map((s) => `${s.scale}× (${round((s.secondRunMs ?? 0) / 1000)} s)`).join(', ')}`,
  );

  for (const s of scales) {
    const c = s.refreshCosts;
    if (c === undefined || (s.scale !== 1 && s !== largest)) continue;
    const at = `${c.scale}× (${c.items} items a version)`;
    put(`refreshFirstLoadWrites${c.scale}x`, c.firstLoad.writes, 'writes', `${at}: every item of version 1 and its change pages`);
    put(`refreshFirstLoadMs${c.scale}x`, c.firstLoad.ms, 'ms', `${at}: read and validate, build, write, publish`);
    put(`refreshUnchangedWrites${c.scale}x`, c.unchanged.writes, 'writes', `${at}: the same corpus again`);
    put(`refreshUnchangedMs${c.scale}x`, c.unchanged.ms, 'ms', `${at}: read the corpus, hash it, compare with the current version's hash`);
    if (c.oneClaim !== undefined) {
      put(`refreshOneClaimWrites${c.scale}x`, c.oneClaim.writes, 'writes', `${at}: one claim's text changed (${c.oneClaim.changes} entity changed): the whole new version is written`);
      put(`refreshOneClaimMs${c.scale}x`, c.oneClaim.ms, 'ms', `${at}: scan both versions, build, write, publish (retention not included)`);
    }
    if (c.retention !== undefined) {
      put(`retentionDeletes${c.scale}x`, c.retention.deletes, 'writes', `${at}: deleting the version the change dropped`);
      put(`retentionMs${c.scale}x`, c.retention.ms, 'ms', `${at}: the same deletes, after the publication (readers never wait for them)`);
    }
  }

  for (const m of search) {
    const about = `${m.items} searchable items (seed cloned ${m.scale}×), fresh process`;
    put(`searchP50Ms${m.scale}x`, m.searchP50Ms, 'ms', `${about}: median of ${(m.scale >= 100 ? 3 : 30) * BENCH_QUERY_COUNT} timed searches (${m.scale >= 100 ? 3 : 30} rounds of ${BENCH_QUERY_COUNT} analyst queries; p95 ${m.searchP95Ms} ms)`);
    put(`searchP95Ms${m.scale}x`, m.searchP95Ms, 'ms', `${about}: p95 of the same timed searches (search and first page of 20)`);
    put(`searchIndexBytes${m.scale}x`, m.indexBytes, 'bytes', `${about}: stored binary index (built in ${m.buildMs} ms)`);
    put(`searchIndexHeapMb${m.scale}x`, m.indexHeapMb, 'MB', `${about}: memory the loaded index holds after GC, JS heap plus the ${m.indexArrayBuffersMb} MB of ArrayBuffers its typed arrays view`);
    put(`searchIndexLoadMs${m.scale}x`, m.loadMs, 'ms', `${about}: median load of the stored index (typed-array views, vocabulary decoded)`);
    put(`searchColdFirstSearchMs${m.scale}x`, m.coldFirstSearchMs, 'ms', `${about}: a first search in a fresh process: read the index file, load it, answer the first page (S3 download and engine import not included)`);
  }

  const results: Results = {
    machine: `${cpus()[0]?.model ?? 'unknown CPU'} ×${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`,
    date: new Date().toISOString(),
    metrics,
    details: {
      command: quick ? 'npm run bench -- --quick' : 'npm run bench',
      durationSec: round((performance.now() - started) / 1000, 1),
      scales: scales.map((s) => ({
        scale: s.scale,
        items: s.items,
        loadMethod: s.loadMethod,
        loadMs: round(s.loadMs),
        ...(s.secondRunMs === undefined ? {} : { secondRunMs: round(s.secondRunMs), secondRunWrites: s.secondRunWrites }),
        mixMedianMs: round(s.mixMedianMs),
      })),
      operations,
      bundleContributors: cold.graphql.contributors.slice(0, 12),
      overhead: {
        handlerMs: round(overhead.handlerMs),
        floorMs: round(overhead.floorMs),
        handlerCpuMs: round(overhead.handlerCpuMs),
        floorCpuMs: round(overhead.floorCpuMs),
        profileRuns: overhead.profileRuns,
        handlerProfileMsPerRun: overhead.handlerProfile,
        floorProfileMsPerRun: overhead.floorProfile,
      },
      coldInit: {
        graphqlMs: round(cold.apiMs),
        graphqlImportMs: round(cold.apiImportMs),
        helloMs: round(cold.helloMs),
        apolloLambdaHelloMs: round(cold.apolloHelloMs),
        apolloLambdaHelloImportMs: round(cold.apolloHelloImportMs),
        apolloLambdaHelloBytes: cold.apolloHello.bytes,
      },
      search,
    },
  };
  const written = await writeReport(results, quick);
  say(`wrote ${written.join(', ')} in ${round(results.details.durationSec, 0)} s (build outputs in ${join(BUILD_DIR)})`);
}
