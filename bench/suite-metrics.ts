/**
 * The rows of bench/results.json and bench/RESULTS.md, each defined once:
 * its name, unit and goal, how it is measured, and what this run's
 * measurements (bench/suite-measure.ts) say about it. The order here is the
 * order of the report.
 */
import type { BuiltFunction } from './bundles.js';
import type { LoadResult } from './http-load.js';
import { metricRows, type MetricDefinition, type MetricRow } from './report.js';
import { BENCH_QUERIES, type ScaleMeasurement } from './search-bench.js';
import { SOAK_METRICS } from './soak.js';
import { COST_METRICS } from './cost-metrics.js';
import { round } from './stats.js';
import type { ColdSide, ScaleResult, SuiteRun } from './suite-measure.js';

type RunMetric = MetricDefinition<SuiteRun>;
/** A row per scale: the scale with the run it belongs to. */
type ScaleMetric = MetricDefinition<{ run: SuiteRun; s: ScaleResult }>;

const kB = (bytes: number) => `${Math.round(bytes / 1000)} kB`;
const parts = (f: BuiltFunction, n: number) =>
  f.contributors
    .slice(0, n)
    .map((c) => `${c.name} ${kB(c.bytes)}`)
    .join(', ');
const scaleList = (run: SuiteRun) => run.scales.map((s) => `${s.scale}×`).join(' / ');
const loadErrors = (r: LoadResult) => r.non2xx + r.errorBodies + r.socketErrors + r.timeouts;
const failures = (r: LoadResult) =>
  `${r.non2xx} non-2xx, ${r.errorBodies} error bodies, ${r.socketErrors} socket errors, ${r.timeouts} timeouts`;
const split = (s: ColdSide) =>
  `${round(s.totalMs)} ms (import ${round(s.importMs)} + first answer ${round(s.totalMs - s.importMs)})`;

/** What each operation over 1 request/level sends at 1×. */
const requestsTable = (run: SuiteRun) => ({
  columns: ['Operation', 'Requests / levels', 'Round trips', 'Requests (what each read, ×count)'],
  rows: run.operations
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
});

const STORAGE: RunMetric[] = [
  {
    name: 'dynamodbRoundTripsPerLevel',
    unit: 'requests/level',
    goal: { max: 1 },
    method:
      'DynamoDB requests one operation issues (countRequests, SDK middleware) divided by its resolver levels; worst operation of the mix at 1×. Levels: the most storage-reading fields on any path from the root, where a field reads storage when its type is an entity (has an `id`) or a connection of entities; `nodes`/`edges`/`node` and value objects add none.',
    value: ({ worst }) => worst?.requestsPerLevel ?? Number.NaN,
    note: ({ worst }) =>
      `worst of the mix at 1×: ${worst?.name} issues ${worst?.requests} requests (${JSON.stringify(worst?.byCommand)}) over ${worst?.levels} levels`,
    limits: (run) => ({
      text: `The goal counts requests. Every request of a level starts together (one BatchGetItem across tables; a list of events by date reads its day, month and year partitions at once; totals of unfiltered lists come with the version record), so a caller waits for at most ${run.worstWaves === undefined ? 'n/a' : round(run.worstWaves.roundTrips / run.worstWaves.levels, 2)} round trip(s) per level (\`sequentialRoundTripsPerLevel\`). What each operation over 1 request/level sends at 1×:`,
      table: requestsTable(run),
    }),
  },
  {
    name: 'sequentialRoundTripsPerLevel',
    unit: 'round trips/level',
    method:
      'Like the above, but requests that overlap in time count once: the round trips a caller actually waits for.',
    value: ({ worstWaves: w }) => (w === undefined ? Number.NaN : w.roundTrips / w.levels),
    note: ({ worstWaves: w }) =>
      `worst of the mix at 1×: ${w?.name}, ${w?.roundTrips} groups of overlapping requests over ${w?.levels} levels`,
  },
];

/** Where the handler's time goes against the floor's: the largest differences first. */
function profileTable({ overhead: o }: SuiteRun) {
  const rows = [...new Set([...Object.keys(o.handlerProfile), ...Object.keys(o.floorProfile)])]
    .map((g) => ({ g, h: o.handlerProfile[g] ?? 0, f: o.floorProfile[g] ?? 0 }))
    .sort((a, b) => b.h - b.f - (a.h - a.f))
    .slice(0, 12);
  return {
    columns: ['Where', 'Handler ms/run', 'Floor ms/run', 'Difference'],
    rows: rows.map((r) => [
      r.g,
      r.h.toFixed(2),
      r.f.toFixed(2),
      `${r.h - r.f >= 0 ? '+' : ''}${(r.h - r.f).toFixed(2)}`,
    ]),
  };
}

const OVERHEAD: RunMetric[] = [
  {
    name: 'overheadVsRawBatchGet',
    unit: 'ratio',
    goal: { max: 1.15 },
    method:
      'Median latency of DocumentsDeep through the Lambda handler in-process, divided by the median of its physical floor (bench/raw-floor.ts): the Query for the root list then one BatchGetItem per further level, each waiting for the previous one, same items, same engine, same client settings, alternating with the handler.',
    value: ({ overhead: o }) => o.handlerMs / o.floorMs,
    note: ({ overhead: o, deep, settings }) =>
      `${deep.name} (${deep.levels} levels) through the handler ${round(o.handlerMs)} ms vs 1 Query + ${deep.levels - 1} sequential BatchGetItem ${round(o.floorMs)} ms (medians of ${settings.overheadIterations}, alternating; ${o.apiRequests} vs ${o.floorRequests} requests); CPU per request ${round(o.handlerCpuMs)} vs ${round(o.floorCpuMs)} ms`,
    limits: (run) => ({
      text: `Handler ${round(run.overhead.handlerMs)} ms vs floor ${round(run.overhead.floorMs)} ms a run; CPU of the calling process ${round(run.overhead.handlerCpuMs)} vs ${round(run.overhead.floorCpuMs)} ms. The engine answers the same requests for both, so the gap is work in the handler's process. Self time per run from a CPU profile of ${run.overhead.profileRuns} runs of each (bench/profile.ts; the profiler slows both sides):`,
      table: profileTable(run),
    }),
  },
  {
    name: 'cpuMsPerRequest',
    unit: 'ms',
    method:
      'Median of process.cpuUsage (user + system) over the same span as each timed run of overheadVsRawBatchGet (the handler call, not the check of its reply); the engine runs in another process.',
    value: ({ overhead: o }) => o.handlerCpuMs,
    note: ({ overhead: o, deep }) =>
      `CPU of this process per ${deep.name} through the handler (the raw floor: ${round(o.floorCpuMs)} ms)`,
  },
];

const BUNDLE: RunMetric[] = [
  {
    name: 'bundleBytes',
    unit: 'bytes',
    goal: { max: 1_000_000 },
    method:
      "functions/graphql/handler.ts built with esbuild exactly as the CDK app does (bench/bundles.ts over esbuildOptions in infra/bundling.ts): the bytes a cold start reads and compiles, index.mjs and the chunks it imports statically (esbuild's metafile); chunks imported with import() load when first used. Source maps not counted. (Before code splitting this was index.mjs, the whole bundle.)",
    value: ({ cold }) => cold.graphql.coldBytes,
    note: ({ cold }) =>
      `what a cold start loads of the ${cold.graphql.bytes.toLocaleString('en-US')} B deployed (deployedBundleBytes); largest parts: ${parts(cold.graphql, 6)}`,
    limits: ({ cold }) => ({ text: `By package: ${parts(cold.graphql, 12)}.` }),
  },
  {
    name: 'deployedBundleBytes',
    unit: 'bytes',
    method:
      "Every JavaScript file of the GraphQL function's asset (source maps not counted): bundleBytes plus the chunks loaded on first use.",
    value: ({ cold }) => cold.graphql.bytes,
    note: () => 'index.mjs and every chunk, as deployed',
  },
];

/** Where the cold start's time goes against the floor's, from this run's sides. */
const coldLimits = ({ cold: c }: SuiteRun) => ({
  text:
    `Import ${round(c.api.importMs)} vs ${round(c.apolloGetItem.importMs)} ms: ${kB(c.graphql.coldBytes)} to load against ${kB(c.apolloGetItem.bytes)} (both split into chunks loaded on first use), then an init of about 10 ms the floor does not have (the DynamoDB client, about 3 ms, which the floor makes in its first answer; a schema of about sixty types, about 5 ms; Apollo with its plugins and validation rules, about 2.5 ms). ` +
    `First answer ${round(c.api.totalMs - c.api.importMs)} vs ${round(c.apolloGetItem.totalMs - c.apolloGetItem.importMs)} ms (the floor's includes making the client and Apollo importing its default plugins, which the API disables); the same bundle answers \`{ __typename }\` in ${round(c.apiTypename.totalMs - c.apiTypename.importMs)} ms ` +
    `(Apollo's hello: ${round(c.apolloHello.totalMs - c.apolloHello.importMs)} ms), which includes the read of the version pointer that the init starts (the SDK's first request), so the rest of ${c.operation}'s first answer is its page and its GraphQL work. ${c.operation} reads the version pointer (GetItem), then its page (Query; the authors' names come with the documents): two sequential requests against the floor's one. In a fresh process the first request costs about 21 ms whoever makes it, each further one 3–4 ms. ` +
    `Bundle by package: ${parts(c.graphql, 8)}.`,
});

const COLD: RunMetric[] = [
  {
    name: 'coldInitVsApolloLambdaHello',
    unit: 'ratio',
    goal: { max: 1.2 },
    method:
      "Median over fresh Node processes of importing the built handler and answering one query (timed inside the process, NODE_OPTIONS as deployed), divided by the same for bench/apollo-lambda-get-item.ts built the same way: Apollo answering { hello } through the same Lambda integration, its resolver doing one GetItem through the API's DynamoDB client; the floor of this design.",
    value: ({ cold: c }) => c.api.totalMs / c.apolloGetItem.totalMs,
    note: ({ cold: c, settings }) =>
      `import + first ${c.operation}: ${split(c.api)} vs Apollo answering { hello } with one GetItem ${split(c.apolloGetItem)} (${c.apolloGetItem.bytes.toLocaleString('en-US')} bytes); medians of ${settings.coldStarts} fresh processes each, interleaved`,
    limits: coldLimits,
  },
  {
    name: 'coldInitVsApolloPlainHello',
    unit: 'ratio',
    method:
      'As coldInitVsApolloLambdaHello, against bench/apollo-lambda-hello.ts with its resolver returning a constant: what GraphQL alone costs a cold start.',
    value: ({ cold: c }) => c.api.totalMs / c.apolloHello.totalMs,
    note: ({ cold: c }) =>
      `the same against Apollo answering { hello } with no storage: ${split(c.apolloHello)}; Apollo + GetItem is ${round(c.apolloGetItem.totalMs / c.apolloHello.totalMs, 2)}× that`,
  },
  {
    name: 'coldInitMs',
    unit: 'ms',
    method: 'The numerator of the coldInit ratios.',
    value: ({ cold: c }) => c.api.totalMs,
    note: ({ cold: c }) =>
      `median import + first answer of the built GraphQL handler in a fresh process (import ${round(c.api.importMs)} ms, first answer ${round(c.api.totalMs - c.api.importMs)} ms)`,
  },
  {
    name: 'coldInitVsHello',
    unit: 'ratio',
    goal: { max: 3 },
    method: 'coldInitMs divided by the same for bench/hello-handler.ts built the same way.',
    value: ({ cold: c }) => c.api.totalMs / c.hello.totalMs,
    note: ({ cold: c }) => `${round(c.api.totalMs)} ms vs a handler that imports nothing ${round(c.hello.totalMs)} ms`,
    limits: ({ cold: c }) => ({
      text: `Apollo answering { hello } alone takes ${round(c.apolloHello.totalMs)} ms, ${round(c.apolloHello.totalMs / c.hello.totalMs, 1)}× the empty handler: no GraphQL server built on Apollo can meet ≤ 3 against this baseline (\`coldInitVsApolloLambdaHello\` is the goal that can be met).`,
    }),
  },
  {
    name: 'coldProcessVsHello',
    unit: 'ratio',
    method:
      "The same processes timed by the parent from spawn to exit, so Node's start-up (as a Lambda init pays it too) is in both sides.",
    value: ({ cold: c }) => c.api.processMs / c.hello.processMs,
    note: ({ cold: c }) =>
      `spawn to exit of the same processes, Node's own start included: ${round(c.api.processMs)} vs ${round(c.hello.processMs)} ms`,
  },
];

const SCALE_RATIO: ScaleMetric[] = [
  {
    name: ({ s }) => `p50At${s.scale}xVs1x`,
    unit: 'ratio',
    goal: ({ run, s }) => (s === run.largest ? { max: 1.5 } : undefined),
    method:
      'Median over rounds of the whole query mix (every operation once, in sequence, through the handler) at this corpus scale, divided by the same at 1×; each scale in a fresh engine.',
    value: ({ run, s }) => s.mixMedianMs / run.baseScale.mixMedianMs,
    note: ({ run, s }) =>
      `query mix median ${round(s.mixMedianMs)} ms at ${s.scale}× (${s.items} items) vs ${round(run.baseScale.mixMedianMs)} ms at 1×`,
    limits: ({ run, s }) => ({
      text: `Growth of each operation's median from 1× to ${s.scale}×, largest first, with its requests at each scale (${scaleList(run)}):`,
      table: {
        columns: ['Operation', `p50 ms (${scaleList(run)})`, 'Requests'],
        rows: run.operations.map((op) => [op.name, op.p50MsByScale.join(' / '), op.requestsByScale.join(' / ')]),
      },
    }),
  },
];

/** `s` is the largest scale, read against 10×. */
const LARGEST_VS_10X: ScaleMetric[] = [
  {
    name: ({ run }) => `p50At${run.largest.scale}xVs10x`,
    unit: 'ratio',
    method:
      'The same median at the largest scale divided by the one at 10×: both have every page full, so only table size differs.',
    value: ({ run, s }) => run.largest.mixMedianMs / s.mixMedianMs,
    note: () =>
      'as above against 10×, where every page of the mix is already full (at 1× the seed has fewer items than some pages ask for)',
  },
];

const MIX_LATENCY: ScaleMetric[] = [
  {
    name: ({ s }) => `mixLatencyMsAt${s.scale}x`,
    unit: 'ms',
    method: 'The median whose ratios the p50At… rows give.',
    value: ({ s }) => s.mixMedianMs,
    note: ({ run }) =>
      `median over ${run.settings.latencyRounds} rounds of the ${run.mix.length} operations run one after another through the handler`,
  },
];

const latencyPercentile = (p: 50 | 95 | 99): RunMetric => ({
  name: `latencyP${p}Ms`,
  unit: 'ms',
  method: `p${p} of every response time autocannon reported in the throughput run.`,
  value: ({ http }) => http.throughput[`p${p}Ms`],
  note: () => 'of the throughput run',
});

const THROUGHPUT: RunMetric[] = [
  {
    name: 'throughputReqPerSec',
    unit: 'req/s',
    method:
      'autocannon (programmatic) against startLocalStack in a child process, every connection cycling through the query mix; the engine runs in its own process.',
    value: ({ http }) => http.throughput.requestsPerSec,
    note: ({ http, settings, cores }) =>
      `query mix over HTTP at 1×, ${settings.throughputConnections} connections, ${settings.throughputSec} s; cores busy: server ${http.cpuShare.server}, engine ${http.cpuShare.engine}, autocannon ${http.cpuShare.loadGenerator} (of ${cores})`,
  },
  latencyPercentile(50),
  latencyPercentile(95),
  latencyPercentile(99),
  {
    name: 'apolloHelloReqPerSec',
    unit: 'req/s',
    method: 'The same autocannon run against a standalone Apollo Server answering `{ hello }`.',
    value: ({ http }) => http.baseline.requestsPerSec,
    note: ({ http }) =>
      `standalone Apollo Server { hello }, same connections and duration (p50 ${round(http.baseline.p50Ms)} ms)`,
  },
  {
    name: 'throughputVsApolloHello',
    unit: 'ratio',
    method: 'throughputReqPerSec divided by apolloHelloReqPerSec.',
    value: ({ http }) => http.throughput.requestsPerSec / http.baseline.requestsPerSec,
    note: () => 'measured back to back in this run',
  },
  {
    name: 'throughputErrors',
    unit: 'count',
    goal: { equals: 0 },
    method: 'Failures in the throughput run: non-2xx, bodies with `errors` or without `data`, socket errors, timeouts.',
    value: ({ http }) => loadErrors(http.throughput),
    note: ({ http }) => failures(http.throughput),
  },
  {
    name: 'serverPeakRssBytes',
    unit: 'bytes',
    method: 'Peak resident set (VmHWM from /proc) of the process serving HTTP, read right after the throughput run.',
    value: ({ http }) => http.throughputPeakRss ?? Number.NaN,
    note: ({ http }) => `after the throughput run (Apollo hello: ${http.helloPeakRss ?? 'n/a'} bytes)`,
  },
];

const LOAD: RunMetric[] = [
  {
    name: 'loadErrors',
    unit: 'count',
    goal: { equals: 0 },
    method:
      'Failures in the load test (autocannon, 50 connections, a minute; 5 s with --quick), counted as for throughputErrors.',
    value: ({ http }) => loadErrors(http.loadTest),
    note: ({ http, settings }) =>
      `${http.loadTest.completed} requests in ${settings.loadSec} s at ${settings.loadConnections} connections: ${failures(http.loadTest)}`,
  },
  {
    name: 'loadReqPerSec',
    unit: 'req/s',
    method: 'Throughput of the load test.',
    value: ({ http }) => http.loadTest.requestsPerSec,
    note: ({ http: { loadTest: l } }) =>
      `load test (p50 ${round(l.p50Ms)} ms, p95 ${round(l.p95Ms)} ms, p99 ${round(l.p99Ms)} ms)`,
  },
  {
    name: 'loadPeakRssBytes',
    unit: 'bytes',
    method: 'VmHWM of the serving process after the load test.',
    value: ({ http }) => http.loadPeakRss ?? Number.NaN,
    note: () => 'after the load test',
  },
];

const REFRESH_RUN: RunMetric[] = [
  {
    name: 'refreshItemsPerSec',
    unit: 'items/s',
    method:
      'Items written per second by the real refresh (functions/refresh/refresh.ts over a memorySource of generated YAML and texts, into an empty engine) at the largest scale, from reading the corpus to the last write; the search index is left out (measured by the search rows).',
    value: ({ largest }) => (largest.items / largest.loadMs) * 1000,
    note: ({ largest }) =>
      `the real refresh of the ${largest.scale}× corpus: ${largest.items} items in ${round(largest.loadMs / 1000)} s (read and validate the YAML, scan the tables, build, write); generating the corpus files took another ${round(largest.generateMs / 1000)} s`,
  },
  {
    name: 'refreshSecondRunWrites',
    unit: 'writes',
    goal: { equals: 0 },
    method:
      'Writes of a second refresh of the same corpus, at every refreshed scale (must be 0: the refresh compares content hashes).',
    value: ({ scales }) => Math.max(...scales.map((s) => s.secondRunWrites)),
    note: ({ scales }) =>
      `a second refresh of the same corpus, at ${scales.map((s) => `${s.scale}× (${round(s.secondRunMs / 1000)} s)`).join(', ')}`,
  },
];

const CONDITIONAL_METHOD =
  'bench/conditional-get.ts: the same GET of DocumentsDeep through the Lambda handler in-process (NODE_ENV=production, the instance caches the version pointer 5 s), in full and with If-None-Match naming its ETag, alternating; medians.';

const CONDITIONAL: RunMetric[] = [
  {
    name: 'conditionalGetDynamoDbRequests',
    unit: 'requests',
    goal: { max: 0 },
    method: CONDITIONAL_METHOD,
    value: ({ conditional }) => conditional.notModifiedRequests,
    note: ({ conditional }) =>
      `DynamoDB requests of a 304 on a warm instance (the full answer: ${conditional.fullRequests}); a cold instance, or one whose pointer is older than 5 s, reads the pointer once (1 GetItem)`,
  },
  {
    name: 'conditionalGetVsFullGet',
    unit: 'ratio',
    method: CONDITIONAL_METHOD,
    value: ({ conditional: c }) => c.notModifiedMs / c.fullMs,
    note: ({ conditional: c }) =>
      `304 in ${round(c.notModifiedMs, 2)} ms vs the full ${c.operation} answer (${c.bodyBytes} bytes) in ${round(c.fullMs, 2)} ms`,
  },
];

const REFRESH_METHOD =
  "bench/refresh-bench.ts: the real refresh (functions/refresh) over the synthetic corpus of this scale (YAML and texts in memory) into an empty engine, then the same corpus again, then one claim's text changed (keeping 1 version, no grace, so retention runs at once); writes are the items the refresh put or deleted, time is its own durationMs.";
const at = ({ s }: { s: ScaleResult }) => `${s.refreshCosts.scale}× (${s.refreshCosts.items} items a version)`;
/** One refresh figure of a scale: `refresh<What>` with the scale appended. */
const refreshRow = (
  name: string,
  unit: string,
  value: (c: ScaleResult['refreshCosts']) => number | undefined,
  note: (c: ScaleResult['refreshCosts']) => string,
  goal?: { max: number },
): ScaleMetric => ({
  name: ({ s }) => `${name}${s.refreshCosts.scale}x`,
  unit,
  ...(goal === undefined ? {} : { goal }),
  method: REFRESH_METHOD,
  value: ({ s }) => value(s.refreshCosts) ?? Number.NaN,
  note: (t) => `${at(t)}: ${note(t.s.refreshCosts)}`,
  when: ({ s }) => value(s.refreshCosts) !== undefined,
});

const REFRESH_SCALE: ScaleMetric[] = [
  refreshRow(
    'refreshFirstLoadWrites',
    'writes',
    (c) => c.firstLoad.writes,
    () => 'every item of version 1 and its change pages',
  ),
  refreshRow(
    'refreshFirstLoadMs',
    'ms',
    (c) => c.firstLoad.ms,
    () => 'read and validate, build, write, publish',
  ),
  refreshRow(
    'refreshUnchangedWrites',
    'writes',
    (c) => c.unchanged.writes,
    () => "the same corpus again: its content hash equals the current version's",
    { max: 0 },
  ),
  refreshRow(
    'refreshUnchangedMs',
    'ms',
    (c) => c.unchanged.ms,
    () => "read the corpus, hash it, compare with the current version's hash",
  ),
  refreshRow(
    'refreshOneClaimWrites',
    'writes',
    (c) => c.oneClaim?.writes,
    (c) =>
      `one claim's text changed (${c.oneClaim?.changes} entities changed): every item of the new version is written (version in the key)`,
  ),
  refreshRow(
    'refreshOneClaimMs',
    'ms',
    (c) => c.oneClaim?.ms,
    () => 'scan the current version, build, write, publish (retention not included)',
  ),
  refreshRow(
    'retentionDeletes',
    'writes',
    (c) => c.retention?.deletes,
    () => 'deleting the version the change dropped',
  ),
  refreshRow(
    'retentionMs',
    'ms',
    (c) => c.retention?.ms,
    () => 'the same deletes, after the publication (readers never wait for them)',
  ),
];

const searched = (m: ScaleMeasurement) => `${m.items} searchable items (seed cloned ${m.scale}×), fresh process`;

const mb = (bytes: number) => `${round(bytes / 1e6, 2)} MB`;
/** Where the first-query figures come from, for every row of them. */
const firstQueries = (m: ScaleMeasurement) =>
  `${searched(m)}: the ${m.firstQuery.queries} relevance queries, each the first search of its own process, from s3rver through the slow link (20 ms a request, 100 MB/s a stream); object ${mb(m.firstQuery.objectBytes)}, head ${mb(m.firstQuery.headBytes)}`;
const AT_1000X = (m: ScaleMeasurement) => m.scale >= 1000;

/** The first search of a fresh instance, read by byte range from S3 (bench/search-first-query.ts). */
const FIRST_QUERY: MetricDefinition<ScaleMeasurement>[] = [
  {
    name: (m) => `searchFirstQueryBytes${m.scale}x`,
    unit: 'bytes',
    goal: (m) => (AT_1000X(m) ? { max: 16_000_000 } : undefined),
    method:
      'Bytes a fresh instance reads from S3 before its first answer (the head, then the postings, positions, facets and dates the query needs, then the ids of its first page, each by a closed byte range), median over the relevance set.',
    value: (m) => m.firstQuery.bytesMedian,
    note: (m) => `${firstQueries(m)}; worst ${mb(m.firstQuery.bytesMax)}`,
  },
  {
    name: (m) => `searchFirstQuerySequentialRequests${m.scale}x`,
    unit: 'requests',
    goal: { max: 3 },
    method:
      'Ranged requests one after the other before the first answer (parallel requests of one round count once), worst query of the relevance set.',
    value: (m) => m.firstQuery.roundsMax,
    note: (m) =>
      `${firstQueries(m)}; median ${m.firstQuery.roundsMedian} rounds, ${m.firstQuery.requestsMedian} requests in all (worst ${m.firstQuery.requestsMax})`,
  },
  {
    name: (m) => `searchColdFirstSearchMsAt100MBps${m.scale}x`,
    unit: 'ms',
    goal: (m) => (AT_1000X(m) ? { max: 400 } : undefined),
    method:
      "A fresh process's first search through the GraphQL function's index cache and S3 store, from opening the index to its first page of 10, through the slow link; median over the relevance set (S3 client and engine modules imported first).",
    value: (m) => m.firstQuery.msMedian,
    note: (m) => `${firstQueries(m)}; worst ${m.firstQuery.msMax} ms`,
  },
  {
    name: (m) => `searchFirstPagesDiffering${m.scale}x`,
    unit: 'queries',
    goal: { equals: 0 },
    method:
      'Relevance queries whose first page, read by range from S3 in a fresh process, differs from the page of the same index in memory.',
    value: (m) => m.firstQuery.queries - m.firstQuery.identical,
    note: (m) => `${m.firstQuery.identical} of ${m.firstQuery.queries} identical`,
  },
  {
    name: (m) => `searchMemoryAfter100QueriesMb${m.scale}x`,
    unit: 'MB',
    goal: { max: 150 },
    method:
      "JS heap plus external memory (ArrayBuffers included) of a process after 100 varied queries (the relevance set's, their words, their prefixes) on one index read by range from a folder store, after GC.",
    value: (m) => m.firstQuery.memoryAfter100Mb,
    note: (m) => `${searched(m)}: read parts are kept up to 48 MB per index (functions/search/part-cache.ts)`,
  },
];

const SEARCH: MetricDefinition<ScaleMeasurement>[] = [
  {
    name: (m) => `searchP50Ms${m.scale}x`,
    unit: 'ms',
    method:
      'Median time of one search and its first page of 20 on the loaded index (functions/search/search-query.ts), analyst queries (names, misspellings, phrases, a prefix, query syntax) after a warm-up pass; the engine only, not the HTTP path.',
    value: (m) => m.searchP50Ms,
    note: (m) => {
      const rounds = m.scale >= 100 ? 3 : 30;
      return `${searched(m)}: median of ${rounds * BENCH_QUERIES.length} timed searches (${rounds} rounds of ${BENCH_QUERIES.length} analyst queries)`;
    },
  },
  {
    name: (m) => `searchP95Ms${m.scale}x`,
    unit: 'ms',
    method: 'p95 of the timed searches above.',
    value: (m) => m.searchP95Ms,
    note: (m) => `${searched(m)}: p95 of the same timed searches`,
  },
  {
    name: (m) => `searchIndexBytes${m.scale}x`,
    unit: 'bytes',
    method:
      'Bytes of the binary index the refresh stores (buildSearchIndex over the searchable items of the seed cloned N times).',
    value: (m) => m.indexBytes,
    note: (m) => `${searched(m)}: built in ${m.buildMs} ms`,
  },
  {
    name: (m) => `searchIndexHeapMb${m.scale}x`,
    unit: 'MB',
    method:
      "Memory an index opened over its whole stored bytes in memory holds after GC (JS heap plus ArrayBuffers): the bench's warm path. The GraphQL function reads by range instead and holds its head and the parts it has read (searchMemoryAfter100QueriesMb).",
    value: (m) => m.indexHeapMb,
    note: (m) => `${searched(m)}: of which ${m.indexArrayBuffersMb} MB of ArrayBuffers its typed arrays view`,
  },
  {
    name: (m) => `searchIndexLoadMs${m.scale}x`,
    unit: 'ms',
    method:
      'Median open of the stored index from bytes in memory: the prefix and the head decoded (dictionary, stems, names, block tables); the parts are read per query.',
    value: (m) => m.loadMs,
    note: searched,
  },
  {
    name: (m) => `searchColdFirstSearchMs${m.scale}x`,
    unit: 'ms',
    method:
      'A first search in a fresh process from a local folder store, by range: the head, the parts the query needs, the ids of its first page (no network: the S3 figure is searchColdFirstSearchMsAt100MBps; engine import not included).',
    value: (m) => m.coldFirstSearchMs,
    note: searched,
  },
  ...FIRST_QUERY,
];

/** Rows computed from the whole run, or from each of some parts of it (scales, search scales). */
type Group = (run: SuiteRun) => MetricRow[];
const once =
  (definitions: readonly MetricDefinition<SuiteRun>[]): Group =>
  (run) =>
    metricRows(definitions, run);
const each =
  <T>(items: (run: SuiteRun) => readonly T[], definitions: readonly MetricDefinition<T>[]): Group =>
  (run) =>
    items(run).flatMap((item) => metricRows(definitions, item));
const scalesOf = (pick: (run: SuiteRun, s: ScaleResult) => boolean) => (run: SuiteRun) =>
  run.scales.filter((s) => pick(run, s)).map((s) => ({ run, s }));

/** Every row of the report, in order. */
export const SUITE_METRICS: readonly Group[] = [
  once(STORAGE),
  once(OVERHEAD),
  once(BUNDLE),
  once(COLD),
  each(
    scalesOf((run, s) => s !== run.baseScale),
    SCALE_RATIO,
  ),
  each(
    scalesOf((run, s) => s.scale === 10 && run.largest.scale > 10),
    LARGEST_VS_10X,
  ),
  each(
    scalesOf(() => true),
    MIX_LATENCY,
  ),
  once(THROUGHPUT),
  once(LOAD),
  once(REFRESH_RUN),
  once(CONDITIONAL),
  each(
    scalesOf((run, s) => s === run.baseScale || s === run.largest),
    REFRESH_SCALE,
  ),
  each((run) => run.search, SEARCH),
  each((run) => [run.soak], SOAK_METRICS),
  each((run) => [run.cost], COST_METRICS),
];
