/**
 * What `npm run bench` does, in order: measure (bench/suite-measure.ts), turn
 * the measurements into the report's rows (bench/suite-metrics.ts, where each
 * row's prose is defined), and write bench/results.json and bench/RESULTS.md.
 * Every ratio's two sides are measured in this run.
 */
import { readFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { BUILD_DIR } from './bundles.js';
import { costTables } from './cost-metrics.js';
import { costReport, measureOperationCosts } from './cost.js';
import { DEEP_OPERATION, loadQueryMix } from './query-mix.js';
import { metricRows, putMetric, writeReport, type Metric, type Results, type Table } from './report.js';
import { runSoak, SOAK_METRICS } from './soak.js';
import { round } from './stats.js';
import { FULL, measureScales, measureSearch, QUICK, say, summarize, type SuiteRun } from './suite-measure.js';
import { SUITE_METRICS } from './suite-metrics.js';

/** `--only soak`: the soak alone, its rows replaced in the last results (the rest kept as they were). */
async function soakOnly(quick: boolean): Promise<void> {
  const file = new URL(`./results${quick ? '-quick' : ''}.json`, import.meta.url);
  const results = JSON.parse(await readFile(file, 'utf8')) as Results;
  const when = `${quick ? 'npm run bench -- --quick --only soak' : 'npm run bench -- --only soak'}, ${new Date().toISOString()}`;
  for (const [name, value, unit, about] of metricRows(SOAK_METRICS, await runSoak(quick, say)))
    putMetric(results.metrics, [name, value, unit, { ...about, note: `${about.note} [${when}]` }]);
  say(`wrote ${(await writeReport(results, quick)).join(', ')}`);
}

/** The tables after the metrics: per operation, per corpus scale, and what each operation and a month cost. */
function tablesOf(run: SuiteRun): Table[] {
  const scaleList = run.scales.map((s) => `${s.scale}×`).join(' / ');
  return [
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
      rows: run.operations.map((op) => [
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
      rows: run.scales.map((s) => [
        `${s.scale}×`,
        s.items,
        `${(s.loadMs / 1000).toFixed(1)} s`,
        `${(s.secondRunMs / 1000).toFixed(1)} s, ${s.secondRunWrites} writes`,
        `${round(s.mixMedianMs)} ms`,
      ]),
    },
    ...costTables(run.cost),
  ];
}

/** The whole report of a run: its rows, tables, chart and the raw measurements kept for the record. */
function resultsOf(run: SuiteRun, quick: boolean, durationSec: number): Results {
  const metrics: Record<string, Metric> = {};
  for (const group of SUITE_METRICS) for (const row of group(run)) putMetric(metrics, row);
  const { cold, overhead: o } = run;
  return {
    command: quick ? 'npm run bench -- --quick' : 'npm run bench',
    machine: `${cpus()[0]?.model ?? 'unknown CPU'} ×${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`,
    date: new Date().toISOString(),
    durationSec,
    metrics,
    tables: tablesOf(run),
    chart: {
      title: 'Median latency per operation against corpus size (through the Lambda handler)',
      xLabel: 'corpus size (× the seed corpus, log scale)',
      yLabel: 'p50 latency (ms)',
      xs: run.scales.map((s) => s.scale),
      series: run.operations.map((op) => ({ name: op.name, ys: op.p50MsByScale })),
    },
    details: {
      operations: run.operations,
      bundleContributors: cold.graphql.contributors.slice(0, 12),
      overheadProfileMsPerRun: { runs: o.profileRuns, handler: o.handlerProfile, floor: o.floorProfile },
      coldInit: {
        api: cold.api,
        apiTypename: cold.apiTypename,
        apolloGetItem: cold.apolloGetItem,
        apolloHello: cold.apolloHello,
        hello: cold.hello,
      },
      search: run.search,
    },
  };
}

export async function runSuite(quick: boolean, only?: string): Promise<void> {
  if (only === 'soak') return soakOnly(quick);
  if (only !== undefined) throw new Error(`--only takes "soak", not "${only}"`);
  const settings = quick ? QUICK : FULL;
  const started = performance.now();
  const mix = loadQueryMix();
  const deep = mix.find((op) => op.name === DEEP_OPERATION);
  if (deep === undefined) throw new Error(`${DEEP_OPERATION} is missing from schema/operations`);
  say(
    `bench${quick ? ' --quick' : ''}: ${mix.length} operations, scales ${settings.scales.map((s) => `${s}×`).join(', ')}`,
  );

  const measured = await measureScales(settings, mix, deep);
  const search = measureSearch(settings);
  say('soak: normal and abusive traffic together against the local server');
  const soak = await runSoak(quick, say);
  say('cost: every committed operation through the handler, priced');
  const cost = costReport(await measureOperationCosts(quick ? 5 : 30));
  const run = summarize(settings, mix, deep, measured, search, soak, cost);

  const results = resultsOf(run, quick, round((performance.now() - started) / 1000, 1));
  const written = await writeReport(results, quick);
  say(`wrote ${written.join(', ')} in ${round(results.durationSec, 0)} s (build outputs in ${join(BUILD_DIR)})`);
}
