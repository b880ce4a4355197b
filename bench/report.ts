/**
 * bench/results.json, bench/RESULTS.md and the latency chart, all from one
 * Results value. Every word of prose comes from the metrics themselves (their
 * note, method, goal and what limits them): nothing here knows a metric by name.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { round } from './stats.js';

export interface Table {
  title?: string;
  columns: string[];
  rows: (string | number)[][];
}

/** A goal is a bound on the value: at most `max`, or exactly `equals`. */
export interface Goal {
  max?: number;
  equals?: number;
}

export interface Metric {
  value: number;
  unit: string;
  /** This run's specifics: the two sides of a ratio, sample counts, the breakdown. */
  note: string;
  /** How the figure is measured, one line. */
  method: string;
  goal?: Goal;
  met?: boolean;
  /** What sets the figure, from this run's measurements; shown when a goal is missed. */
  limits?: { text: string; table?: Table };
}

export interface Chart {
  title: string;
  xLabel: string;
  yLabel: string;
  xs: number[];
  series: { name: string; ys: number[] }[];
}

export interface Results {
  command: string;
  machine: string;
  date: string;
  durationSec: number;
  metrics: Record<string, Metric>;
  /** Further tables of this run, in order, after the metrics. */
  tables: Table[];
  chart: Chart;
  /** Raw measurements kept for the record (not rendered). */
  details: Record<string, unknown>;
}

export const goalText = (goal: Goal): string =>
  goal.max === undefined ? `${goal.equals ?? ''}` : `≤ ${goal.max.toLocaleString('en-US')}`;
export const meets = (value: number, goal: Goal): boolean =>
  goal.max === undefined ? value === goal.equals : value <= goal.max;

/** What a metric row says besides its value and unit. */
export type MetricAbout = Omit<Metric, 'value' | 'unit' | 'met'>;
export type MetricRow = [name: string, value: number, unit: string, about: MetricAbout];

/**
 * A row of the report defined once: how it is measured (the same every run)
 * beside what this run's measurements say. `T` is what it is computed from:
 * a whole run, or one scale of it for a row per scale.
 */
export interface MetricDefinition<T> {
  name: string | ((t: T) => string);
  unit: string;
  goal?: Goal | ((t: T) => Goal | undefined);
  /** How the figure is measured, one line. */
  method: string | ((t: T) => string);
  value: (t: T) => number;
  /** This run's specifics. */
  note: (t: T) => string;
  /** What sets the figure, shown when a goal is missed. */
  limits?: (t: T) => NonNullable<Metric['limits']>;
  /** Only when this holds (a figure some runs do not measure). */
  when?: (t: T) => boolean;
}

const valueOf = <T, V>(field: V | ((t: T) => V), t: T): V =>
  typeof field === 'function' ? (field as (t: T) => V)(t) : field;

/** The rows the definitions give for `t`, in their order. */
export function metricRows<T>(definitions: readonly MetricDefinition<T>[], t: T): MetricRow[] {
  return definitions
    .filter((d) => d.when?.(t) ?? true)
    .map((d) => {
      const goal = valueOf(d.goal, t);
      const about: MetricAbout = {
        ...(goal === undefined ? {} : { goal }),
        note: d.note(t),
        method: valueOf(d.method, t),
        ...(d.limits === undefined ? {} : { limits: d.limits(t) }),
      };
      return [valueOf(d.name, t), d.value(t), d.unit, about];
    });
}

/** Adds a row, rounded the one way every row of the results is rounded, and says whether it meets its goal. */
export function putMetric(metrics: Record<string, Metric>, [name, value, unit, about]: MetricRow): void {
  const digits = unit === 'ratio' || unit === 'requests/level' ? 3 : unit === 'ms' && Math.abs(value) < 10 ? 2 : 1;
  const rounded = round(value, digits);
  metrics[name] = {
    value: rounded,
    unit,
    ...about,
    ...(about.goal === undefined ? {} : { met: meets(rounded, about.goal) }),
  };
}

const format = (m: Metric) => `${m.value.toLocaleString('en-US')} ${m.unit === 'bytes' ? 'B' : m.unit}`;
const cell = (value: string | number) =>
  (typeof value === 'number' ? value.toLocaleString('en-US') : value).replaceAll('|', '\\|');

function table(t: Table): string[] {
  return [
    ...(t.title === undefined ? [] : [t.title, '']),
    `| ${t.columns.join(' | ')} |`,
    `|${t.columns.map(() => '---').join('|')}|`,
    ...t.rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
    '',
  ];
}

function markdown(results: Results, chartFile: string): string {
  const metrics = Object.entries(results.metrics);
  const lines = [
    '# Benchmark results',
    '',
    `\`${results.command}\` on ${results.machine}, ${results.date} (${results.durationSec} s).`,
    '',
  ];
  lines.push(
    ...table({
      columns: ['Metric', 'Value', 'Goal', 'Met', 'Note'],
      rows: metrics.map(([name, m]) => [
        `\`${name}\``,
        format(m),
        m.goal === undefined ? '' : goalText(m.goal),
        m.met === undefined ? '' : m.met ? 'yes' : '**no**',
        m.note,
      ]),
    }),
  );
  const missed = metrics.filter(([, m]) => m.met === false);
  if (missed.length > 0) {
    lines.push('## What limits the missed goals', '');
    for (const [name, m] of missed) {
      lines.push(
        `### \`${name}\` = ${format(m)} (goal ${m.goal === undefined ? '' : goalText(m.goal)})`,
        '',
        m.limits?.text ?? m.note,
        '',
      );
      if (m.limits?.table !== undefined) lines.push(...table(m.limits.table));
    }
  }
  lines.push('## How each figure is measured', '', ...metrics.map(([name, m]) => `- \`${name}\`: ${m.method}`), '');
  for (const t of results.tables)
    lines.push(...table({ ...t, title: t.title === undefined ? undefined : `## ${t.title}` }));
  lines.push(`![${results.chart.title}](${chartFile})`, '');
  return lines.join('\n');
}

const COLOURS = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
];

const escapeXml = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** Every series against x: log-scaled x, linear y from 0. */
export function lineChart(chart: Chart): string {
  const [width, height, left, right, top, bottom] = [760, 420, 60, 190, 40, 50];
  const maxY = Math.max(1, ...chart.series.flatMap((s) => s.ys));
  const step = 10 ** Math.floor(Math.log10(maxY));
  const niceMax = Math.ceil(maxY / step) * step;
  const minX = Math.log10(Math.min(...chart.xs));
  const maxX = Math.max(Math.log10(Math.max(...chart.xs)), minX + 1);
  const px = (x: number) => left + ((Math.log10(x) - minX) / (maxX - minX)) * (width - left - right);
  const py = (y: number) => height - bottom - (y / niceMax) * (height - top - bottom);
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${left}" y="22" font-size="14" font-weight="bold">${escapeXml(chart.title)}</text>`,
  ];
  for (let i = 0; i <= 5; i++) {
    const y = (niceMax / 5) * i;
    out.push(
      `<line x1="${left}" x2="${width - right}" y1="${py(y)}" y2="${py(y)}" stroke="#ddd"/>`,
      `<text x="${left - 6}" y="${py(y) + 4}" text-anchor="end">${Number(y.toFixed(2))}</text>`,
    );
  }
  for (const x of chart.xs) {
    out.push(
      `<line x1="${px(x)}" x2="${px(x)}" y1="${top}" y2="${height - bottom}" stroke="#eee"/>`,
      `<text x="${px(x)}" y="${height - bottom + 16}" text-anchor="middle">${x}×</text>`,
    );
  }
  const midY = (top + height - bottom) / 2;
  out.push(
    `<line x1="${left}" x2="${width - right}" y1="${height - bottom}" y2="${height - bottom}" stroke="#333"/>`,
    `<line x1="${left}" x2="${left}" y1="${top}" y2="${height - bottom}" stroke="#333"/>`,
    `<text x="${(left + width - right) / 2}" y="${height - 12}" text-anchor="middle">${escapeXml(chart.xLabel)}</text>`,
    `<text x="16" y="${midY}" text-anchor="middle" transform="rotate(-90 16 ${midY})">${escapeXml(chart.yLabel)}</text>`,
  );
  chart.series.forEach((s, i) => {
    const colour = COLOURS[i % COLOURS.length] ?? '#000';
    const points = chart.xs.map((x, j) => [px(x), py(s.ys[j] ?? 0)] as const);
    out.push(
      `<polyline fill="none" stroke="${colour}" stroke-width="2" points="${points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ')}"/>`,
    );
    for (const [x, y] of points) out.push(`<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="3" fill="${colour}"/>`);
    const ly = top + 10 + i * 18;
    out.push(
      `<rect x="${width - right + 14}" y="${ly - 9}" width="12" height="12" fill="${colour}"/>`,
      `<text x="${width - right + 32}" y="${ly + 1}">${escapeXml(s.name)}</text>`,
    );
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

/** Full runs write the committed files; --quick writes its own, so a smoke check never replaces them. */
export async function writeReport(results: Results, quick: boolean): Promise<string[]> {
  const suffix = quick ? '-quick' : '';
  const files = {
    json: `results${suffix}.json`,
    markdown: `RESULTS${suffix}.md`,
    chart: `latency-vs-corpus${suffix}.svg`,
  };
  const path = (file: string) => fileURLToPath(new URL(`./${file}`, import.meta.url));
  await writeFile(path(files.json), `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(path(files.markdown), markdown(results, files.chart));
  await writeFile(path(files.chart), lineChart(results.chart));
  return Object.values(files).map((f) => `bench/${f}`);
}
