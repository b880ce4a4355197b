/** What `npm run bench` measures, in order; every ratio's two sides are measured in this run. */
import { readFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { readPointer } from '../functions/data/version-store.js';
import { httpEvent } from '../scripts/harness/local-engine.js';
import { logRequests } from '../scripts/harness/request-log.js';
import { BUILD_DIR, buildDeployedFunction, buildFunction, type BuiltFunction } from './bundles.js';
import { coldStart, type ColdStart } from './cold-init.js';
import { apiEnvironment, startBenchEngine, type BenchEngine } from './engine.js';
import { load, type LoadResult } from './http-load.js';
import { inProcessApi } from './in-process-api.js';
import { cpuSeconds, peakRss, startChild } from './processes.js';
import { DEEP_OPERATION, loadQueryMix, type MixOperation } from './query-mix.js';
import { profileRuns } from './profile.js';
import { deepWalkFloor } from './raw-floor.js';
import { BENCH_QUERIES, searchBenchAt, type ScaleMeasurement } from './search-bench.js';
import { meets, writeReport, type Metric, type Results } from './report.js';
import { runSoak, soakMetrics } from './soak.js';
import { median, round } from './stats.js';
import { readSeedFiles, syntheticCorpus } from './synthetic-corpus.js';
import { measureConditionalGet, type ConditionalGet } from './conditional-get.js';
import { describeCosts, measureRefreshCosts, type RefreshCosts } from './refresh-bench.js';

interface Settings {
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

const FULL: Settings = {
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

const QUICK: Settings = {
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

const say = (line: string) => process.stdout.write(`${line}\n`);
const ms = (value: number) => `${round(value, 1)} ms`;

interface ScaleResult {
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

interface ColdSide {
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

const loadErrors = (r: LoadResult) => r.non2xx + r.errorBodies + r.socketErrors + r.timeouts;

/** Rounds a metric the one way every row of the results is rounded, and says whether it meets its goal. */
const metricPut =
  (metrics: Record<string, Metric>) =>
  (name: string, value: number, unit: string, about: Omit<Metric, 'value' | 'unit' | 'met'>) => {
    const digits = unit === 'ratio' || unit === 'requests/level' ? 3 : unit === 'ms' && Math.abs(value) < 10 ? 2 : 1;
    const rounded = round(value, digits);
    metrics[name] = {
      value: rounded,
      unit,
      ...about,
      ...(about.goal === undefined ? {} : { met: meets(rounded, about.goal) }),
    };
  };

/** `--only soak`: the soak alone, its rows replaced in the last results (the rest kept as they were). */
async function soakOnly(quick: boolean): Promise<void> {
  const file = new URL(`./results${quick ? '-quick' : ''}.json`, import.meta.url);
  const results = JSON.parse(await readFile(file, 'utf8')) as Results;
  const put = metricPut(results.metrics);
  const when = `${quick ? 'npm run bench -- --quick --only soak' : 'npm run bench -- --only soak'}, ${new Date().toISOString()}`;
  for (const [name, value, unit, about] of soakMetrics(await runSoak(quick, say)))
    put(name, value, unit, { ...about, note: `${about.note} [${when}]` });
  say(`wrote ${(await writeReport(results, quick)).join(', ')}`);
}

export async function runSuite(quick: boolean, only?: string): Promise<void> {
  if (only === 'soak') return soakOnly(quick);
  if (only !== undefined) throw new Error(`--only takes "soak", not "${only}"`);
  const settings = quick ? QUICK : FULL;
  const started = performance.now();
  const mix = loadQueryMix();
  const deep = mix.find((op) => op.name === DEEP_OPERATION);
  if (deep === undefined) throw new Error(`${DEEP_OPERATION} is missing from schema/operations`);
  const seed = await readSeedFiles();
  say(
    `bench${quick ? ' --quick' : ''}: ${mix.length} operations, scales ${settings.scales.map((s) => `${s}×`).join(', ')}`,
  );

  const scales: ScaleResult[] = [];
  let overhead: Awaited<ReturnType<typeof measureOverhead>> | undefined;
  let cold: Awaited<ReturnType<typeof measureColdStarts>> | undefined;
  let http: Awaited<ReturnType<typeof measureHttp>> | undefined;
  let conditional: ConditionalGet | undefined;
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
      if (scale === 1) {
        overhead = await measureOverhead(engine, deep, measured.api, settings.overheadIterations);
        say(`  ${DEEP_OPERATION}: handler ${ms(overhead.handlerMs)}, raw floor ${ms(overhead.floorMs)}`);
        cold = await measureColdStarts(engine, settings, mix);
        say(
          `  cold init: graphql ${ms(cold.api.totalMs)}, Apollo + GetItem ${ms(cold.apolloGetItem.totalMs)}, Apollo hello ${ms(cold.apolloHello.totalMs)}; bundle ${cold.graphql.bytes} bytes`,
        );
        conditional = await measureConditionalGet(engine, deep, settings.overheadIterations);
        say(
          `  conditional GET of ${conditional.operation}: 304 in ${ms(conditional.notModifiedMs)} vs ${ms(conditional.fullMs)} in full`,
        );
        http = await measureHttp(engine, settings, mix);
        say(
          `  HTTP: ${round(http.throughput.requestsPerSec, 0)} req/s vs Apollo hello ${round(http.baseline.requestsPerSec, 0)} req/s`,
        );
      }
    } finally {
      await engine.close();
    }
  }
  if (overhead === undefined || cold === undefined || http === undefined || conditional === undefined)
    throw new Error('the 1× scale was not measured');

  // After every engine has gone, so the search children have the machine to themselves.
  say(`search: scales ${settings.searchScales.map((s) => `${s}×`).join(', ')}, each in a fresh process`);
  const search: ScaleMeasurement[] = searchBenchAt(settings.searchScales);
  for (const m of search)
    say(
      `  ${m.scale}×: index ${m.indexBytes} bytes, ${m.indexHeapMb} MB held, load ${ms(m.loadMs)}, cold first search ${ms(m.coldFirstSearchMs)}, query p50 ${ms(m.searchP50Ms)}`,
    );

  const baseScale = scales.find((s) => s.scale === 1) ?? scales[0];
  if (baseScale === undefined) throw new Error('no scale was measured');
  const operations = mix.map((op) => {
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
  const worst = [...operations].sort((a, b) => b.requestsPerLevel - a.requestsPerLevel)[0];
  const worstWaves = [...operations].sort((a, b) => b.roundTrips / b.levels - a.roundTrips / a.levels)[0];
  const largest = scales.at(-1) ?? baseScale;
  const scaleList = scales.map((s) => `${s.scale}×`).join(' / ');
  const kB = (bytes: number) => `${Math.round(bytes / 1000)} kB`;
  const parts = (f: BuiltFunction, n: number) =>
    f.contributors
      .slice(0, n)
      .map((c) => `${c.name} ${kB(c.bytes)}`)
      .join(', ');

  const metrics: Record<string, Metric> = {};
  const put = metricPut(metrics);

  put('dynamodbRoundTripsPerLevel', worst?.requestsPerLevel ?? Number.NaN, 'requests/level', {
    goal: { max: 1 },
    note: `worst of the mix at 1×: ${worst?.name} issues ${worst?.requests} requests (${JSON.stringify(worst?.byCommand)}) over ${worst?.levels} levels`,
    method:
      'DynamoDB requests one operation issues (countRequests, SDK middleware) divided by its resolver levels; worst operation of the mix at 1×. Levels: the most storage-reading fields on any path from the root, where a field reads storage when its type is an entity (has an `id`) or a connection of entities; `nodes`/`edges`/`node` and value objects add none.',
    limits: {
      text: `The goal counts requests. Every request of a level starts together (one BatchGetItem across tables; a list of events by date reads its day, month and year partitions at once; totals of unfiltered lists come with the version record), so a caller waits for at most ${worstWaves === undefined ? 'n/a' : round(worstWaves.roundTrips / worstWaves.levels, 2)} round trip(s) per level (\`sequentialRoundTripsPerLevel\`). What each operation over 1 request/level sends at 1×:`,
      table: {
        columns: ['Operation', 'Requests / levels', 'Round trips', 'Requests (what each read, ×count)'],
        rows: operations
          .filter((o) => o.requestsPerLevel > 1)
          .sort((a, b) => b.requestsPerLevel - a.requestsPerLevel)
          .map((o) => [
            o.name,
            `${o.requests} / ${o.levels}`,
            o.roundTrips,
            Object.entries(o.requestShapes)
              .map(([shape, n]) => `${shape}${n > 1 ? ` ×${n}` : ''}`)
              .join('; '),
          ]),
      },
    },
  });
  put(
    'sequentialRoundTripsPerLevel',
    worstWaves === undefined ? Number.NaN : worstWaves.roundTrips / worstWaves.levels,
    'round trips/level',
    {
      note: `worst of the mix at 1×: ${worstWaves?.name}, ${worstWaves?.roundTrips} groups of overlapping requests over ${worstWaves?.levels} levels`,
      method:
        'Like the above, but requests that overlap in time count once: the round trips a caller actually waits for.',
    },
  );
  const o = overhead;
  const profileRows = [...new Set([...Object.keys(o.handlerProfile), ...Object.keys(o.floorProfile)])]
    .map((g) => ({ g, h: o.handlerProfile[g] ?? 0, f: o.floorProfile[g] ?? 0 }))
    .sort((a, b) => b.h - b.f - (a.h - a.f))
    .slice(0, 12);
  put('overheadVsRawBatchGet', o.handlerMs / o.floorMs, 'ratio', {
    goal: { max: 1.15 },
    note: `${DEEP_OPERATION} (${deep.levels} levels) through the handler ${round(o.handlerMs)} ms vs 1 Query + ${deep.levels - 1} sequential BatchGetItem ${round(o.floorMs)} ms (medians of ${settings.overheadIterations}, alternating; ${o.apiRequests} vs ${o.floorRequests} requests); CPU per request ${round(o.handlerCpuMs)} vs ${round(o.floorCpuMs)} ms`,
    method:
      'Median latency of DocumentsDeep through the Lambda handler in-process, divided by the median of its physical floor (bench/raw-floor.ts): the Query for the root list then one BatchGetItem per further level, each waiting for the previous one, same items, same engine, same client settings, alternating with the handler.',
    limits: {
      text: `Handler ${round(o.handlerMs)} ms vs floor ${round(o.floorMs)} ms a run; CPU of the calling process ${round(o.handlerCpuMs)} vs ${round(o.floorCpuMs)} ms. The engine answers the same requests for both, so the gap is work in the handler's process. Self time per run from a CPU profile of ${o.profileRuns} runs of each (bench/profile.ts; the profiler slows both sides):`,
      table: {
        columns: ['Where', 'Handler ms/run', 'Floor ms/run', 'Difference'],
        rows: profileRows.map((r) => [
          r.g,
          r.h.toFixed(2),
          r.f.toFixed(2),
          `${r.h - r.f >= 0 ? '+' : ''}${(r.h - r.f).toFixed(2)}`,
        ]),
      },
    },
  });
  put('cpuMsPerRequest', o.handlerCpuMs, 'ms', {
    note: `CPU of this process per ${DEEP_OPERATION} through the handler (the raw floor: ${round(o.floorCpuMs)} ms)`,
    method:
      'Median of process.cpuUsage (user + system) over the same span as each timed run of overheadVsRawBatchGet (the handler call, not the check of its reply); the engine runs in another process.',
  });
  put('bundleBytes', cold.graphql.coldBytes, 'bytes', {
    goal: { max: 1_000_000 },
    note: `what a cold start loads of the ${cold.graphql.bytes.toLocaleString('en-US')} B deployed (deployedBundleBytes); largest parts: ${parts(cold.graphql, 6)}`,
    method:
      "functions/graphql/handler.ts built with esbuild exactly as the CDK app does (bench/bundles.ts over esbuildOptions in infra/bundling.ts): the bytes a cold start reads and compiles, index.mjs and the chunks it imports statically (esbuild's metafile); chunks imported with import() load when first used. Source maps not counted. (Before code splitting this was index.mjs, the whole bundle.)",
    limits: { text: `By package: ${parts(cold.graphql, 12)}.` },
  });
  put('deployedBundleBytes', cold.graphql.bytes, 'bytes', {
    note: 'index.mjs and every chunk, as deployed',
    method:
      "Every JavaScript file of the GraphQL function's asset (source maps not counted): bundleBytes plus the chunks loaded on first use.",
  });
  const c = cold;
  const split = (s: ColdSide) =>
    `${round(s.totalMs)} ms (import ${round(s.importMs)} + first answer ${round(s.totalMs - s.importMs)})`;
  put('coldInitVsApolloLambdaHello', c.api.totalMs / c.apolloGetItem.totalMs, 'ratio', {
    goal: { max: 1.2 },
    note: `import + first ${c.operation}: ${split(c.api)} vs Apollo answering { hello } with one GetItem ${split(c.apolloGetItem)} (${c.apolloGetItem.bytes.toLocaleString('en-US')} bytes); medians of ${settings.coldStarts} fresh processes each, interleaved`,
    method:
      "Median over fresh Node processes of importing the built handler and answering one query (timed inside the process, NODE_OPTIONS as deployed), divided by the same for bench/apollo-lambda-get-item.ts built the same way: Apollo answering { hello } through the same Lambda integration, its resolver doing one GetItem through the API's DynamoDB client; the floor of this design.",
    limits: {
      text:
        `Import ${round(c.api.importMs)} vs ${round(c.apolloGetItem.importMs)} ms: ${kB(c.graphql.coldBytes)} to load against ${kB(c.apolloGetItem.bytes)} (both split into chunks loaded on first use), then an init of about 10 ms the floor does not have (the DynamoDB client, about 3 ms, which the floor makes in its first answer; a schema of about sixty types, about 5 ms; Apollo with its plugins and validation rules, about 2.5 ms). ` +
        `First answer ${round(c.api.totalMs - c.api.importMs)} vs ${round(c.apolloGetItem.totalMs - c.apolloGetItem.importMs)} ms (the floor's includes making the client and Apollo importing its default plugins, which the API disables); the same bundle answers \`{ __typename }\` in ${round(c.apiTypename.totalMs - c.apiTypename.importMs)} ms ` +
        `(Apollo's hello: ${round(c.apolloHello.totalMs - c.apolloHello.importMs)} ms), which includes the read of the version pointer that the init starts (the SDK's first request), so the rest of ${c.operation}'s first answer is its page and its GraphQL work. ${c.operation} reads the version pointer (GetItem), then its page (Query; the authors' names come with the documents): two sequential requests against the floor's one. In a fresh process the first request costs about 21 ms whoever makes it, each further one 3–4 ms. ` +
        `Bundle by package: ${parts(c.graphql, 8)}.`,
    },
  });
  put('coldInitVsApolloPlainHello', c.api.totalMs / c.apolloHello.totalMs, 'ratio', {
    note: `the same against Apollo answering { hello } with no storage: ${split(c.apolloHello)}; Apollo + GetItem is ${round(c.apolloGetItem.totalMs / c.apolloHello.totalMs, 2)}× that`,
    method:
      'As coldInitVsApolloLambdaHello, against bench/apollo-lambda-hello.ts with its resolver returning a constant: what GraphQL alone costs a cold start.',
  });
  put('coldInitMs', c.api.totalMs, 'ms', {
    note: `median import + first answer of the built GraphQL handler in a fresh process (import ${round(c.api.importMs)} ms, first answer ${round(c.api.totalMs - c.api.importMs)} ms)`,
    method: 'The numerator of the coldInit ratios.',
  });
  put('coldInitVsHello', c.api.totalMs / c.hello.totalMs, 'ratio', {
    goal: { max: 3 },
    note: `${round(c.api.totalMs)} ms vs a handler that imports nothing ${round(c.hello.totalMs)} ms`,
    method: 'coldInitMs divided by the same for bench/hello-handler.ts built the same way.',
    limits: {
      text: `Apollo answering { hello } alone takes ${round(c.apolloHello.totalMs)} ms, ${round(c.apolloHello.totalMs / c.hello.totalMs, 1)}× the empty handler: no GraphQL server built on Apollo can meet ≤ 3 against this baseline (\`coldInitVsApolloLambdaHello\` is the goal that can be met).`,
    },
  });
  put('coldProcessVsHello', c.api.processMs / c.hello.processMs, 'ratio', {
    note: `spawn to exit of the same processes, Node's own start included: ${round(c.api.processMs)} vs ${round(c.hello.processMs)} ms`,
    method:
      "The same processes timed by the parent from spawn to exit, so Node's start-up (as a Lambda init pays it too) is in both sides.",
  });
  const growth = (s: ScaleResult) => ({
    text: `Growth of each operation's median from 1× to ${s.scale}×, largest first, with its requests at each scale (${scaleList}):`,
    table: {
      columns: ['Operation', `p50 ms (${scaleList})`, 'Requests'],
      rows: operations.map((op) => [op.name, op.p50MsByScale.join(' / '), op.requestsByScale.join(' / ')]),
    },
  });
  for (const s of scales) {
    if (s === baseScale) continue;
    put(`p50At${s.scale}xVs1x`, s.mixMedianMs / baseScale.mixMedianMs, 'ratio', {
      ...(s === largest ? { goal: { max: 1.5 } } : {}),
      note: `query mix median ${round(s.mixMedianMs)} ms at ${s.scale}× (${s.items} items) vs ${round(baseScale.mixMedianMs)} ms at 1×`,
      method:
        'Median over rounds of the whole query mix (every operation once, in sequence, through the handler) at this corpus scale, divided by the same at 1×; each scale in a fresh engine.',
      limits: growth(s),
    });
  }
  const at10 = scales.find((s) => s.scale === 10);
  if (at10 !== undefined && largest.scale > 10) {
    put(`p50At${largest.scale}xVs10x`, largest.mixMedianMs / at10.mixMedianMs, 'ratio', {
      note: 'as above against 10×, where every page of the mix is already full (at 1× the seed has fewer items than some pages ask for)',
      method:
        'The same median at the largest scale divided by the one at 10×: both have every page full, so only table size differs.',
    });
  }
  for (const s of scales) {
    put(`mixLatencyMsAt${s.scale}x`, s.mixMedianMs, 'ms', {
      note: `median over ${settings.latencyRounds} rounds of the ${mix.length} operations run one after another through the handler`,
      method: 'The median whose ratios the p50At… rows give.',
    });
  }
  const t = http.throughput;
  const failures = (r: LoadResult) =>
    `${r.non2xx} non-2xx, ${r.errorBodies} error bodies, ${r.socketErrors} socket errors, ${r.timeouts} timeouts`;
  put('throughputReqPerSec', t.requestsPerSec, 'req/s', {
    note: `query mix over HTTP at 1×, ${settings.throughputConnections} connections, ${settings.throughputSec} s; cores busy: server ${http.cpuShare.server}, engine ${http.cpuShare.engine}, autocannon ${http.cpuShare.loadGenerator} (of ${cpus().length})`,
    method:
      'autocannon (programmatic) against startLocalStack in a child process, every connection cycling through the query mix; the engine runs in its own process.',
  });
  for (const [p, value] of [
    [50, t.p50Ms],
    [95, t.p95Ms],
    [99, t.p99Ms],
  ] as const) {
    put(`latencyP${p}Ms`, value, 'ms', {
      note: 'of the throughput run',
      method: `p${p} of every response time autocannon reported in the throughput run.`,
    });
  }
  put('apolloHelloReqPerSec', http.baseline.requestsPerSec, 'req/s', {
    note: `standalone Apollo Server { hello }, same connections and duration (p50 ${round(http.baseline.p50Ms)} ms)`,
    method: 'The same autocannon run against a standalone Apollo Server answering `{ hello }`.',
  });
  put('throughputVsApolloHello', t.requestsPerSec / http.baseline.requestsPerSec, 'ratio', {
    note: 'measured back to back in this run',
    method: 'throughputReqPerSec divided by apolloHelloReqPerSec.',
  });
  put('throughputErrors', loadErrors(t), 'count', {
    goal: { equals: 0 },
    note: failures(t),
    method: 'Failures in the throughput run: non-2xx, bodies with `errors` or without `data`, socket errors, timeouts.',
  });
  put('serverPeakRssBytes', http.throughputPeakRss ?? Number.NaN, 'bytes', {
    note: `after the throughput run (Apollo hello: ${http.helloPeakRss ?? 'n/a'} bytes)`,
    method: 'Peak resident set (VmHWM from /proc) of the process serving HTTP, read right after the throughput run.',
  });
  const l = http.loadTest;
  put('loadErrors', loadErrors(l), 'count', {
    goal: { equals: 0 },
    note: `${l.completed} requests in ${settings.loadSec} s at ${settings.loadConnections} connections: ${failures(l)}`,
    method:
      'Failures in the load test (autocannon, 50 connections, a minute; 5 s with --quick), counted as for throughputErrors.',
  });
  put('loadReqPerSec', l.requestsPerSec, 'req/s', {
    note: `load test (p50 ${round(l.p50Ms)} ms, p95 ${round(l.p95Ms)} ms, p99 ${round(l.p99Ms)} ms)`,
    method: 'Throughput of the load test.',
  });
  put('loadPeakRssBytes', http.loadPeakRss ?? Number.NaN, 'bytes', {
    note: 'after the load test',
    method: 'VmHWM of the serving process after the load test.',
  });
  put('refreshItemsPerSec', (largest.items / largest.loadMs) * 1000, 'items/s', {
    note: `the real refresh of the ${largest.scale}× corpus: ${largest.items} items in ${round(largest.loadMs / 1000)} s (read and validate the YAML, scan the tables, build, write); generating the corpus files took another ${round(largest.generateMs / 1000)} s`,
    method:
      'Items written per second by the real refresh (functions/refresh/refresh.ts over a memorySource of generated YAML and texts, into an empty engine) at the largest scale, from reading the corpus to the last write; the search index is left out (measured by the search rows).',
  });
  put('refreshSecondRunWrites', Math.max(...scales.map((s) => s.secondRunWrites)), 'writes', {
    goal: { equals: 0 },
    note: `a second refresh of the same corpus, at ${scales.map((s) => `${s.scale}× (${round(s.secondRunMs / 1000)} s)`).join(', ')}`,
    method:
      'Writes of a second refresh of the same corpus, at every refreshed scale (must be 0: the refresh compares content hashes).',
  });

  const conditionalMethod =
    'bench/conditional-get.ts: the same GET of DocumentsDeep through the Lambda handler in-process (NODE_ENV=production, the instance caches the version pointer 5 s), in full and with If-None-Match naming its ETag, alternating; medians.';
  put('conditionalGetDynamoDbRequests', conditional.notModifiedRequests, 'requests', {
    goal: { max: 0 },
    method: conditionalMethod,
    note: `DynamoDB requests of a 304 on a warm instance (the full answer: ${conditional.fullRequests}); a cold instance, or one whose pointer is older than 5 s, reads the pointer once (1 GetItem)`,
  });
  put('conditionalGetVsFullGet', conditional.notModifiedMs / conditional.fullMs, 'ratio', {
    method: conditionalMethod,
    note: `304 in ${round(conditional.notModifiedMs, 2)} ms vs the full ${conditional.operation} answer (${conditional.bodyBytes} bytes) in ${round(conditional.fullMs, 2)} ms`,
  });

  const refreshMethod =
    "bench/refresh-bench.ts: the real refresh (functions/refresh) over the synthetic corpus of this scale (YAML and texts in memory) into an empty engine, then the same corpus again, then one claim's text changed (keeping 1 version, no grace, so retention runs at once); writes are the items the refresh put or deleted, time is its own durationMs.";
  for (const s of scales) {
    const c = s.refreshCosts;
    if (s !== baseScale && s !== largest) continue;
    const at = `${c.scale}× (${c.items} items a version)`;
    put(`refreshFirstLoadWrites${c.scale}x`, c.firstLoad.writes, 'writes', {
      method: refreshMethod,
      note: `${at}: every item of version 1 and its change pages`,
    });
    put(`refreshFirstLoadMs${c.scale}x`, c.firstLoad.ms, 'ms', {
      method: refreshMethod,
      note: `${at}: read and validate, build, write, publish`,
    });
    put(`refreshUnchangedWrites${c.scale}x`, c.unchanged.writes, 'writes', {
      goal: { max: 0 },
      method: refreshMethod,
      note: `${at}: the same corpus again: its content hash equals the current version's`,
    });
    put(`refreshUnchangedMs${c.scale}x`, c.unchanged.ms, 'ms', {
      method: refreshMethod,
      note: `${at}: read the corpus, hash it, compare with the current version's hash`,
    });
    if (c.oneClaim !== undefined) {
      put(`refreshOneClaimWrites${c.scale}x`, c.oneClaim.writes, 'writes', {
        method: refreshMethod,
        note: `${at}: one claim's text changed (${c.oneClaim.changes} entities changed): every item of the new version is written (version in the key)`,
      });
      put(`refreshOneClaimMs${c.scale}x`, c.oneClaim.ms, 'ms', {
        method: refreshMethod,
        note: `${at}: scan the current version, build, write, publish (retention not included)`,
      });
    }
    if (c.retention !== undefined) {
      put(`retentionDeletes${c.scale}x`, c.retention.deletes, 'writes', {
        method: refreshMethod,
        note: `${at}: deleting the version the change dropped`,
      });
      put(`retentionMs${c.scale}x`, c.retention.ms, 'ms', {
        method: refreshMethod,
        note: `${at}: the same deletes, after the publication (readers never wait for them)`,
      });
    }
  }
  for (const m of search) {
    const about = `${m.items} searchable items (seed cloned ${m.scale}×), fresh process`;
    const rounds = m.scale >= 100 ? 3 : 30;
    put(`searchP50Ms${m.scale}x`, m.searchP50Ms, 'ms', {
      note: `${about}: median of ${rounds * BENCH_QUERIES.length} timed searches (${rounds} rounds of ${BENCH_QUERIES.length} analyst queries)`,
      method:
        'Median time of one search and its first page of 20 on the loaded index (functions/search/search-engine.ts), analyst queries (names, misspellings, phrases, a prefix, query syntax) after a warm-up pass; the engine only, not the HTTP path.',
    });
    put(`searchP95Ms${m.scale}x`, m.searchP95Ms, 'ms', {
      note: `${about}: p95 of the same timed searches`,
      method: 'p95 of the timed searches above.',
    });
    put(`searchIndexBytes${m.scale}x`, m.indexBytes, 'bytes', {
      note: `${about}: built in ${m.buildMs} ms`,
      method:
        'Bytes of the binary index the refresh stores (buildSearchIndex over the searchable items of the seed cloned N times).',
    });
    put(`searchIndexHeapMb${m.scale}x`, m.indexHeapMb, 'MB', {
      note: `${about}: of which ${m.indexArrayBuffersMb} MB of ArrayBuffers its typed arrays view`,
      method: 'Memory the loaded index holds after GC (JS heap plus ArrayBuffers): what a warm GraphQL function keeps.',
    });
    put(`searchIndexLoadMs${m.scale}x`, m.loadMs, 'ms', {
      note: about,
      method:
        'Median load of the stored index (typed-array views, vocabulary decoded): what a GraphQL function pays once per index.',
    });
    put(`searchColdFirstSearchMs${m.scale}x`, m.coldFirstSearchMs, 'ms', {
      note: about,
      method:
        'A first search in a fresh process: read the index file, load it, answer the first page (S3 download and engine import not included).',
    });
  }

  say('soak: normal and abusive traffic together against the local server');
  for (const [name, value, unit, about] of soakMetrics(await runSoak(quick, say))) put(name, value, unit, about);

  const results: Results = {
    command: quick ? 'npm run bench -- --quick' : 'npm run bench',
    machine: `${cpus()[0]?.model ?? 'unknown CPU'} ×${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`,
    date: new Date().toISOString(),
    durationSec: round((performance.now() - started) / 1000, 1),
    metrics,
    tables: [
      {
        title: 'Per operation',
        columns: [
          'Operation',
          'Levels',
          'Requests at 1×',
          'Requests/level',
          'Round trips',
          `Requests at ${scaleList}`,
          `p50 ms at ${scaleList}`,
        ],
        rows: operations.map((op) => [
          op.name,
          op.levels,
          `${op.requests} (${Object.entries(op.byCommand)
            .map(([k, v]) => `${k.replace('Command', '')} ${v}`)
            .join(', ')})`,
          op.requestsPerLevel.toFixed(2),
          op.roundTrips,
          op.requestsByScale.join(' / '),
          op.p50MsByScale.map((v) => v.toFixed(2)).join(' / '),
        ]),
      },
      {
        title: 'Corpus scales',
        columns: ['Scale', 'Items', 'Refresh', 'Second refresh', 'Query mix median'],
        rows: scales.map((s) => [
          `${s.scale}×`,
          s.items,
          `${(s.loadMs / 1000).toFixed(1)} s`,
          `${(s.secondRunMs / 1000).toFixed(1)} s, ${s.secondRunWrites} writes`,
          `${round(s.mixMedianMs)} ms`,
        ]),
      },
    ],
    chart: {
      title: 'Median latency per operation against corpus size (through the Lambda handler)',
      xLabel: 'corpus size (× the seed corpus, log scale)',
      yLabel: 'p50 latency (ms)',
      xs: scales.map((s) => s.scale),
      series: operations.map((op) => ({ name: op.name, ys: op.p50MsByScale })),
    },
    details: {
      operations,
      bundleContributors: cold.graphql.contributors.slice(0, 12),
      overheadProfileMsPerRun: { runs: o.profileRuns, handler: o.handlerProfile, floor: o.floorProfile },
      coldInit: {
        api: cold.api,
        apiTypename: cold.apiTypename,
        apolloGetItem: cold.apolloGetItem,
        apolloHello: cold.apolloHello,
        hello: cold.hello,
      },
      search,
    },
  };
  const written = await writeReport(results, quick);
  say(`wrote ${written.join(', ')} in ${round(results.durationSec, 0)} s (build outputs in ${join(BUILD_DIR)})`);
}
