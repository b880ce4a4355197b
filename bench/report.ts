/** bench/results.json, bench/RESULTS.md and the latency-against-corpus chart, all from one Results value. */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { ScaleMeasurement as SearchScale } from './search-bench.js';

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
  /** At 1×: what each request read, counted (bench/request-log.ts). */
  requestShapes: Record<string, number>;
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
    scales: { scale: number; items: number; loadMethod: string; loadMs: number; secondRunMs?: number; secondRunWrites?: number; mixMedianMs: number }[];
    operations: OperationDetail[];
    bundleContributors: { name: string; bytes: number }[];
    search: SearchScale[];
    overhead: {
      handlerMs: number;
      floorMs: number;
      handlerCpuMs: number;
      floorCpuMs: number;
      profileRuns: number;
      handlerProfileMsPerRun: Record<string, number>;
      floorProfileMsPerRun: Record<string, number>;
    };
    coldInit: {
      graphqlMs: number;
      graphqlImportMs: number;
      helloMs: number;
      apolloLambdaHelloMs: number;
      apolloLambdaHelloImportMs: number;
      apolloLambdaHelloBytes: number;
    };
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
  bundleBytes:
    'Size of index.mjs of functions/graphql/handler.ts built with esbuild exactly as the CDK app does (infra/bundling.ts: ESM, node22, minified, banner, @aws-sdk/* external, GRAPHQL_ALIASES, no --main-fields); source map not counted. Checked byte-identical to the GraphQL asset of `npx cdk synth --quiet`.',
  coldInitVsHello:
    'Median over fresh Node processes of importing the built handler plus answering one query (timed inside the process), divided by the same for a hello-world handler built the same way; both against the same local engine.',
  coldInitMs: 'The numerator of coldInitVsHello.',
  coldInitVsApolloLambdaHello:
    'coldInitMs divided by the same measurement of bench/apollo-lambda-hello.ts (Apollo Server, `{ hello }`, the same @as-integrations/aws-lambda handler, built the same way): the part of the cold start this project adds to GraphQL itself.',
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
  refreshItemsPerSec:
    'Items written per second by the real seed refresh (seed/refresh.ts over a memorySource of generated YAML and texts, into an empty engine) at the largest scale, from reading the corpus to the last write; the search index is left out (searchIndex: null) and measured by the search rows.',
  refreshSecondRunWrites: 'Writes of a second refresh of the same corpus, at every refreshed scale up to the largest (must be 0: the refresh compares content hashes).',
};

/** The search rows come in one set per scale (searchBenchAt in bench/search-bench.ts, each scale in a fresh process). */
const SEARCH_METHODS: [RegExp, string][] = [
  [/^searchP50Ms\d+x$/, 'Median time of one `search(terms)` on the loaded MiniSearch index (functions/search/search-engine.ts), 10 analyst queries (names, misspellings, phrases, a prefix) after one warm-up pass; the engine only, not the HTTP path.'],
  [/^searchIndexBytes\d+x$/, 'Bytes of the serialized index the refresh stores (buildSearchIndex over the searchable items of the seed cloned N times).'],
  [/^searchIndexLoadMs\d+x$/, 'Median `loadSearchIndex` (JSON parse and tree rebuild), what a warm GraphQL function pays once on its first search after the download.'],
];

function methodOf(name: string): string {
  if (METHODS[name] !== undefined) return METHODS[name];
  if (/^p50At\d+xVs10x$/.test(name)) return 'The same median at the largest scale divided by the one at 10×: both have every page full, so only table size differs.';
  if (/^p50At\d+xVs1x$/.test(name)) return 'Median over rounds of the whole query mix (every operation once, in sequence, through the handler) at this corpus scale, divided by the same at 1×; each scale in a fresh engine.';
  if (/^mixLatencyMsAt\d+x$/.test(name)) return 'The median whose ratios the p50At… rows give.';
  for (const [pattern, text] of SEARCH_METHODS) if (pattern.test(name)) return text;
  if (/^refreshItemsPerSecAt\d+x$/.test(name)) return 'Items per second of the real seed refresh (memorySource of generated YAML and texts) at this scale.';
  if (/^refresh(FirstLoad|Unchanged|OneClaim)(Writes|Ms)\d+x$/.test(name)) {
    return 'bench/refresh-bench.ts: the real refresh (searchIndex: null) into an empty engine, then the same corpus, then the corpus with one claim\'s text changed; writes are the items written for the new version (puts and deletes), time is the refresh\'s durationMs.';
  }
  if (/^retention(Deletes|Ms)\d+x$/.test(name)) {
    return 'bench/refresh-bench.ts: the one-claim change run with keepVersions 1 and no grace, so the version it dropped is deleted right after the publication; deletes are one write each (no TTL: the local engine has none).';
  }
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
  lines.push(...limits(results));
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

const ms2 = (n: number | undefined) => (n === undefined ? 'n/a' : n.toFixed(2));

/** For each goal the run missed, the measurement (from this run) that shows what sets the figure. */
function limits(results: Results): string[] {
  const missed = Object.entries(results.metrics).filter(([name, m]) => GOALS[name] !== undefined && !GOALS[name].test(m.value));
  if (missed.length === 0) return [];
  const out: string[] = ['', '## What limits the missed goals', ''];
  const d = results.details;
  for (const [name, m] of missed) {
    out.push(`### \`${name}\` = ${format(m)} (goal ${GOALS[name]?.text})`, '');
    if (name === 'dynamodbRoundTripsPerLevel') {
      const waves = results.metrics.sequentialRoundTripsPerLevel?.value;
      out.push(
        `The goal counts requests. Every request of a level starts together (one BatchGetItem across tables, each root connection's totalCount beside its page), so a caller waits at most ${waves ?? 'n/a'} round trip(s) per level (\`sequentialRoundTripsPerLevel\`). What each operation over 1 request/level sends at 1×:`,
        '',
        '| Operation | Requests / levels | Round trips | Requests (what each read, ×count) |',
        '|---|---|---|---|',
      );
      for (const op of d.operations.filter((o) => o.requestsPerLevel > 1).sort((a, b) => b.requestsPerLevel - a.requestsPerLevel)) {
        const shapes = Object.entries(op.requestShapes).map(([shape, n]) => `${shape}${n > 1 ? ` ×${n}` : ''}`).join('; ');
        out.push(`| ${op.name} | ${op.requests} / ${op.levels} | ${op.roundTrips} | ${shapes.replaceAll('|', '\\|')} |`);
      }
      out.push('');
    } else if (name === 'overheadVsRawBatchGet') {
      const o = d.overhead;
      out.push(
        `Handler ${o.handlerMs} ms vs floor ${o.floorMs} ms a run; CPU of the calling process ${o.handlerCpuMs} vs ${o.floorCpuMs} ms. The engine answers the same requests for both, so the gap is work in the handler's process. Self time per run from a CPU profile of ${o.profileRuns} runs of each (bench/profile.ts; the profiler slows both sides):`,
        '',
        '| Where | Handler ms/run | Floor ms/run | Difference |',
        '|---|---|---|---|',
      );
      const groups = [...new Set([...Object.keys(o.handlerProfileMsPerRun), ...Object.keys(o.floorProfileMsPerRun)])];
      const rows = groups
        .map((g) => ({ g, h: o.handlerProfileMsPerRun[g] ?? 0, f: o.floorProfileMsPerRun[g] ?? 0 }))
        .sort((a, b) => b.h - b.f - (a.h - a.f))
        .slice(0, 12);
      for (const r of rows) out.push(`| ${r.g} | ${ms2(r.h)} | ${ms2(r.f)} | ${(r.h - r.f >= 0 ? '+' : '') + ms2(r.h - r.f)} |`);
      out.push('');
    } else if (name === 'coldInitVsHello') {
      const c = d.coldInit;
      out.push(
        `Import of the bundle ${c.graphqlImportMs} ms + first answer ${ms2(c.graphqlMs - c.graphqlImportMs)} ms, against ${c.helloMs} ms for a handler that imports nothing. Apollo Server answering \`{ hello }\` through the same Lambda integration (${c.apolloLambdaHelloBytes.toLocaleString('en-US')} bytes) takes ${c.apolloLambdaHelloMs} ms (import ${c.apolloLambdaHelloImportMs} ms), ${ms2(c.apolloLambdaHelloMs / c.helloMs)}× the hello world on its own: no GraphQL server built on Apollo can meet ≤ 3 against this baseline. This API adds ${ms2(c.graphqlMs - c.apolloLambdaHelloMs)} ms on top (\`coldInitVsApolloLambdaHello\`); bundle by package: ${d.bundleContributors.slice(0, 6).map((b) => `${b.name} ${Math.round(b.bytes / 1000)} kB`).join(', ')}.`,
        '',
      );
    } else if (/^p50At\d+xVs1x$/.test(name)) {
      const scales = d.scales.map((sc) => String(sc.scale));
      const first = scales[0] ?? '1';
      const last = scales.at(-1) ?? first;
      out.push(`Growth of each operation's median from ${first}× to ${last}×, largest first, with its requests at each scale (${scales.map((sc) => `${sc}×`).join(' / ')}):`, '', '| Operation | p50 ms | Growth | Requests |', '|---|---|---|---|');
      const ops = [...d.operations].sort((a, b) => (b.p50MsByScale[last] ?? 0) - (b.p50MsByScale[first] ?? 0) - ((a.p50MsByScale[last] ?? 0) - (a.p50MsByScale[first] ?? 0)));
      for (const op of ops) {
        out.push(`| ${op.name} | ${scales.map((sc) => ms2(op.p50MsByScale[sc])).join(' / ')} | +${ms2((op.p50MsByScale[last] ?? 0) - (op.p50MsByScale[first] ?? 0))} | ${scales.map((sc) => op.requestsByScale[sc]).join(' / ')} |`);
      }
      out.push('');
    } else {
      out.push(m.note, '');
    }
  }
  return out;
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
