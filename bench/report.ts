/** bench/results.json, bench/RESULTS.md and the latency-against-corpus chart, all from one Results value. */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export interface Metric {
  value: number;
  unit: string;
  note: string;
}

export interface OperationDetail {
  name: string;
  levels: number;
  requests: number;
  byCommand: Record<string, number>;
  roundTrips: number;
  requestsPerLevel: number;
  p50MsByScale: Record<string, number>;
  requestsByScale: Record<string, number>;
}

export interface Results {
  machine: string;
  date: string;
  metrics: Record<string, Metric>;
  details: {
    command: string;
    durationSec: number;
    scales: { scale: number; items: number; loadMethod: string; loadMs: number; mixMedianMs: number }[];
    operations: OperationDetail[];
    bundleContributors: { name: string; bytes: number }[];
  };
}

interface Goal {
  test: (value: number) => boolean;
  text: string;
}

const GOALS: Record<string, Goal> = {
  dynamodbRoundTripsPerLevel: { test: (v) => v <= 1.0, text: '≤ 1.0' },
  overheadVsRawBatchGet: { test: (v) => v <= 1.3, text: '≤ 1.3' },
  bundleBytes: { test: (v) => v <= 1_000_000, text: '≤ 1,000,000' },
  coldInitVsHello: { test: (v) => v <= 3, text: '≤ 3' },
  p50At1000xVs1x: { test: (v) => v <= 1.5, text: '≤ 1.5' },
  refreshSecondRunWrites: { test: (v) => v === 0, text: '0' },
  loadErrors: { test: (v) => v === 0, text: '0' },
  throughputErrors: { test: (v) => v === 0, text: '0' },
};

/** How each figure is measured, one line each. */
const METHODS: Record<string, string> = {
  dynamodbRoundTripsPerLevel:
    'DynamoDB requests one operation issues (countRequests, SDK middleware) divided by its resolver levels; worst operation of the mix at 1×. Levels: the most storage-reading fields on any path from the root, where a field reads storage when its type is an entity (has an `id`) or a connection of entities; `nodes`/`edges`/`node` and value objects add none.',
  sequentialRoundTripsPerLevel: 'Like the above, but requests that overlap in time count once: the round trips a caller actually waits for.',
  overheadVsRawBatchGet:
    'Median latency of DocumentsDeep through the Lambda handler in-process, divided by the median of its physical floor: the Query for the root list then one BatchGetItem per further level, each waiting for the previous one, same items, same engine, same client settings, alternating with the handler.',
  bundleBytes: 'Size of index.mjs of functions/graphql/handler.ts built with esbuild exactly as the CDK app does (infra/bundling.ts; ESM, node22, minified, @aws-sdk/* external); source map not counted.',
  coldInitVsHello:
    'Median over fresh Node processes of importing the built handler plus answering one query (timed inside the process), divided by the same for a hello-world handler built the same way; both against the same local engine.',
  coldInitMs: 'The numerator of coldInitVsHello.',
  coldProcessVsHello: 'The same processes timed by the parent from spawn to exit, so Node\'s start-up (as a Lambda init pays it too) is in both sides.',
  throughputReqPerSec: 'autocannon (programmatic) against startLocalStack in a child process, every connection cycling through the query mix; the engine runs in its own process.',
  latencyP50Ms: 'Percentiles of every response time autocannon reported in the throughput run.',
  latencyP95Ms: 'As above.',
  latencyP99Ms: 'As above.',
  apolloHelloReqPerSec: 'The same autocannon run against a standalone Apollo Server answering `{ hello }`.',
  throughputVsApolloHello: 'throughputReqPerSec divided by apolloHelloReqPerSec, measured back to back.',
  throughputErrors: 'Failures in the throughput run: non-2xx, bodies with `errors` or without `data`, socket errors, timeouts.',
  serverPeakRssBytes: 'Peak resident set (VmHWM from /proc) of the process serving HTTP, read right after the throughput run.',
  loadErrors: 'Failures in the load test (autocannon, 50 connections, a minute; 5 s with --quick), counted as for throughputErrors.',
  loadReqPerSec: 'Throughput of the load test.',
  loadPeakRssBytes: 'VmHWM of the serving process after the load test.',
  refreshItemsPerSec: 'Items written per second loading the largest corpus, from generation of the corpus to the last write.',
  refreshSecondRunWrites: 'Writes of a second refresh of the same corpus (must be 0: the refresh compares content hashes).',
};

function methodOf(name: string): string {
  if (METHODS[name] !== undefined) return METHODS[name];
  if (/^p50At\d+xVs10x$/.test(name)) return 'The same median at the largest scale divided by the one at 10×: both have every page full, so only table size differs.';
  if (/^p50At\d+xVs1x$/.test(name)) return 'Median over rounds of the whole query mix (every operation once, in sequence, through the handler) at this corpus scale, divided by the same at 1×; each scale in a fresh engine.';
  if (/^mixLatencyMsAt\d+x$/.test(name)) return 'The median whose ratios the p50At… rows give.';
  if (/^refreshItemsPerSecAt\d+x$/.test(name)) return 'Items per second of the real seed refresh (memorySource of generated YAML and texts) at this scale.';
  return 'See the note.';
}

const format = (m: Metric) => {
  if (m.unit === 'bytes') return `${m.value.toLocaleString('en-US')} B`;
  return `${m.value.toLocaleString('en-US')} ${m.unit}`;
};

function markdown(results: Results, chartFile: string): string {
  const lines: string[] = [];
  lines.push('# Benchmark results', '');
  lines.push(`\`${results.details.command}\` on ${results.machine}, ${results.date} (${results.details.durationSec} s).`, '');
  lines.push('| Metric | Value | Goal | Met | Note |', '|---|---|---|---|---|');
  for (const [name, m] of Object.entries(results.metrics)) {
    const goal = GOALS[name];
    const met = goal === undefined ? '' : goal.test(m.value) ? 'yes' : '**no**';
    lines.push(`| \`${name}\` | ${format(m)} | ${goal?.text ?? ''} | ${met} | ${m.note.replaceAll('|', '\\|')} |`);
  }
  lines.push('', '## How each figure is measured', '');
  for (const name of Object.keys(results.metrics)) lines.push(`- \`${name}\`: ${methodOf(name)}`);
  const scales = results.details.scales.map((s) => String(s.scale));
  lines.push('', '## Per operation', '');
  lines.push(`| Operation | Levels | Requests at 1× | Requests/level | Round trips | Requests at ${scales.map((s) => `${s}×`).join(' / ')} | p50 ms at ${scales.map((s) => `${s}×`).join(' / ')} |`);
  lines.push('|---|---|---|---|---|---|---|');
  for (const op of results.details.operations) {
    lines.push(
      `| ${op.name} | ${op.levels} | ${op.requests} (${Object.entries(op.byCommand).map(([k, v]) => `${k.replace('Command', '')} ${v}`).join(', ')}) | ${op.requestsPerLevel.toFixed(2)} | ${op.roundTrips} | ${scales.map((s) => op.requestsByScale[s]).join(' / ')} | ${scales.map((s) => (op.p50MsByScale[s] ?? Number.NaN).toFixed(2)).join(' / ')} |`,
    );
  }
  lines.push('', '## Corpus scales', '', '| Scale | Items | Loaded by | Load time | Query mix median |', '|---|---|---|---|---|');
  for (const s of results.details.scales) lines.push(`| ${s.scale}× | ${s.items.toLocaleString('en-US')} | ${s.loadMethod} | ${(s.loadMs / 1000).toFixed(1)} s | ${s.mixMedianMs} ms |`);
  lines.push('', `![Latency against corpus size](${chartFile})`, '');
  return `${lines.join('\n')}\n`;
}

const COLOURS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];

const escapeXml = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** p50 of every operation against corpus scale: log-scaled x, linear y from 0. */
export function latencyChart(results: Results): string {
  const width = 760;
  const height = 420;
  const left = 60;
  const right = 190;
  const top = 40;
  const bottom = 50;
  const scales = results.details.scales.map((s) => s.scale);
  const series = results.details.operations.map((op) => ({ name: op.name, points: scales.map((s) => ({ x: s, y: op.p50MsByScale[String(s)] ?? 0 })) }));
  const maxY = Math.max(1, ...series.flatMap((s) => s.points.map((p) => p.y)));
  const niceMax = (() => {
    const step = 10 ** Math.floor(Math.log10(maxY));
    return Math.ceil(maxY / step) * step;
  })();
  const minX = Math.log10(Math.min(...scales));
  const maxX = Math.max(Math.log10(Math.max(...scales)), minX + 1);
  const px = (x: number) => left + ((Math.log10(x) - minX) / (maxX - minX)) * (width - left - right);
  const py = (y: number) => height - bottom - (y / niceMax) * (height - top - bottom);
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`);
  out.push(`<rect width="${width}" height="${height}" fill="white"/>`);
  out.push(`<text x="${left}" y="22" font-size="14" font-weight="bold">Median latency per operation against corpus size (through the Lambda handler)</text>`);
  for (let i = 0; i <= 5; i++) {
    const y = (niceMax / 5) * i;
    out.push(`<line x1="${left}" x2="${width - right}" y1="${py(y)}" y2="${py(y)}" stroke="#ddd"/>`);
    out.push(`<text x="${left - 6}" y="${py(y) + 4}" text-anchor="end">${Number(y.toFixed(2))}</text>`);
  }
  for (const s of scales) {
    out.push(`<line x1="${px(s)}" x2="${px(s)}" y1="${top}" y2="${height - bottom}" stroke="#eee"/>`);
    out.push(`<text x="${px(s)}" y="${height - bottom + 16}" text-anchor="middle">${s}×</text>`);
  }
  out.push(`<line x1="${left}" x2="${width - right}" y1="${height - bottom}" y2="${height - bottom}" stroke="#333"/>`);
  out.push(`<line x1="${left}" x2="${left}" y1="${top}" y2="${height - bottom}" stroke="#333"/>`);
  out.push(`<text x="${(left + width - right) / 2}" y="${height - 12}" text-anchor="middle">corpus size (× the seed corpus, log scale)</text>`);
  out.push(`<text x="16" y="${(top + height - bottom) / 2}" text-anchor="middle" transform="rotate(-90 16 ${(top + height - bottom) / 2})">p50 latency (ms)</text>`);
  series.forEach((s, i) => {
    const colour = COLOURS[i % COLOURS.length] ?? '#000';
    out.push(`<polyline fill="none" stroke="${colour}" stroke-width="2" points="${s.points.map((p) => `${px(p.x).toFixed(1)},${py(p.y).toFixed(1)}`).join(' ')}"/>`);
    for (const p of s.points) out.push(`<circle cx="${px(p.x).toFixed(1)}" cy="${py(p.y).toFixed(1)}" r="3" fill="${colour}"/>`);
    const ly = top + 10 + i * 18;
    out.push(`<rect x="${width - right + 14}" y="${ly - 9}" width="12" height="12" fill="${colour}"/>`);
    out.push(`<text x="${width - right + 32}" y="${ly + 1}">${escapeXml(s.name)}</text>`);
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

/** Full runs write the committed files; --quick writes its own, so a smoke check never replaces them. */
export async function writeReport(results: Results, quick: boolean): Promise<string[]> {
  const suffix = quick ? '-quick' : '';
  const chartFile = `latency-vs-corpus${suffix}.svg`;
  const files = {
    json: `results${suffix}.json`,
    markdown: `RESULTS${suffix}.md`,
    chart: chartFile,
  };
  const path = (file: string) => fileURLToPath(new URL(`./${file}`, import.meta.url));
  await writeFile(path(files.json), `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(path(files.markdown), markdown(results, chartFile));
  await writeFile(path(files.chart), latencyChart(results));
  return Object.values(files).map((f) => `bench/${f}`);
}
