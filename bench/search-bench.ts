/**
 * Search index size, load time and query time on the seed corpus (1×) and on
 * a synthetic 1000× corpus: the seed's searchable items cloned with suffixed
 * ids. Measures the engine the GraphQL function runs (search-engine.ts), not
 * the HTTP path around it.
 *
 * Standalone: `npx tsx bench/search-bench.ts [scale…]` prints JSON (the 1000×
 * build needs a few GB of heap; the script raises the limit for itself).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildSearchIndex, loadSearchIndex, type SearchableItem } from '../functions/search/search-engine.js';
import { searchableItems } from '../functions/search/search-index-refresh.js';
import { queryTerms } from '../functions/search/text-analysis.js';
import { readCorpus } from '../functions/refresh/corpus-reader.js';
import { buildItems } from '../functions/refresh/item-builder.js';
import { directorySource } from '../functions/refresh/corpus-source.js';
import { CORPUS_DIR } from '../seed/paths.js';

export interface SearchBenchResult {
  searchP50Ms1x: number;
  searchP50Ms1000x: number;
  searchIndexBytes1x: number;
  searchIndexBytes1000x: number;
  searchIndexLoadMs1x: number;
  searchIndexLoadMs1000x: number;
}

export interface ScaleMeasurement {
  scale: number;
  items: number;
  buildMs: number;
  indexBytes: number;
  loadMs: number;
  searchP50Ms: number;
  searchP95Ms: number;
  /** Heap the loaded index holds (measured around a load, after GC): what the GraphQL function keeps while warm. */
  indexHeapMb: number;
}

/** What analysts type: names, variants, misspellings, phrases, a prefix being typed. */
export const BENCH_QUERIES = [
  'Putin',
  'Ismail',
  'Erdoğan',
  'Shusha Declaration',
  'Alyev',
  'Stolten',
  'act in tandem',
  'declaration on allied interaction',
  'military assistance',
  'Zelenskyy',
];

const round = (n: number) => Math.round(n * 100) / 100;

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export async function seedSearchableItems(): Promise<SearchableItem[]> {
  const { corpus, issues } = await readCorpus(directorySource(CORPUS_DIR));
  if (issues.length > 0) throw new Error(`the seed corpus is invalid (${issues.length} problems)`);
  return searchableItems(buildItems(corpus, new Map()).tables);
}

/** Clone 0 keeps the seed ids; clone k gets `-x<k>` on every id. */
export function cloneItems(items: readonly SearchableItem[], scale: number): SearchableItem[] {
  const out: SearchableItem[] = [];
  for (let k = 0; k < scale; k++) {
    for (const item of items) out.push(k === 0 ? item : { ...item, id: `${item.id}-x${k}` });
  }
  return out;
}

export async function measureScale(seed: readonly SearchableItem[], scale: number): Promise<ScaleMeasurement> {
  const items = cloneItems(seed, scale);
  let started = performance.now();
  const stored = buildSearchIndex(items);
  const buildMs = performance.now() - started;
  const indexBytes = Buffer.byteLength(stored.body);

  // Load as the GraphQL function does on its first search: parse the JSON and rebuild the tree.
  const loadRuns = scale >= 100 ? 2 : 5;
  const loads: number[] = [];
  let index = loadSearchIndex(stored);
  for (let i = 0; i < loadRuns; i++) {
    started = performance.now();
    index = loadSearchIndex(stored);
    loads.push(performance.now() - started);
  }

  const gc = (globalThis as { gc?: () => void }).gc;
  let indexHeapMb = Number.NaN;
  if (gc !== undefined) {
    gc();
    const before = process.memoryUsage().heapUsed;
    const held = loadSearchIndex(stored);
    gc();
    indexHeapMb = Math.round((process.memoryUsage().heapUsed - before) / 2 ** 20);
    index = held;
  }

  const queries = BENCH_QUERIES.map(queryTerms);
  for (const terms of queries) index.search(terms, new Set());
  const samples: number[] = [];
  const rounds = scale >= 100 ? 3 : 30;
  for (let r = 0; r < rounds; r++) {
    for (const terms of queries) {
      started = performance.now();
      index.search(terms, new Set());
      samples.push(performance.now() - started);
    }
  }
  return {
    scale,
    items: items.length,
    buildMs: Math.round(buildMs),
    indexBytes,
    loadMs: round(percentile(loads, 50)),
    searchP50Ms: round(percentile(samples, 50)),
    searchP95Ms: round(percentile(samples, 95)),
    indexHeapMb,
  };
}

/** Each scale in its own process, so the 1000× heap does not disturb the 1× timings. */
function measureInChild(scale: number): ScaleMeasurement {
  const script = fileURLToPath(import.meta.url);
  const child = spawnSync(process.execPath, ['--max-old-space-size=6144', '--expose-gc', '--import', 'tsx', script, '--child', String(scale)], {
    encoding: 'utf8',
    maxBuffer: 16 * 2 ** 20,
  });
  if (child.status !== 0) throw new Error(`search bench at ${scale}× failed:\n${child.stderr}`);
  return JSON.parse(child.stdout) as ScaleMeasurement;
}

/** Each of `scales` measured in a fresh process, in order (`npm run bench` uses 1 and 1000, or 1 and 10 with --quick). */
export function searchBenchAt(scales: readonly number[]): ScaleMeasurement[] {
  return scales.map(measureInChild);
}

export async function searchBench(): Promise<SearchBenchResult & { details: ScaleMeasurement[] }> {
  const [one, thousand] = searchBenchAt([1, 1000]) as [ScaleMeasurement, ScaleMeasurement];
  return {
    searchP50Ms1x: one.searchP50Ms,
    searchP50Ms1000x: thousand.searchP50Ms,
    searchIndexBytes1x: one.indexBytes,
    searchIndexBytes1000x: thousand.indexBytes,
    searchIndexLoadMs1x: one.loadMs,
    searchIndexLoadMs1000x: thousand.loadMs,
    details: [one, thousand],
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const child = process.argv.indexOf('--child');
  if (child !== -1) {
    process.stdout.write(JSON.stringify(await measureScale(await seedSearchableItems(), Number(process.argv[child + 1]))));
  } else {
    const scales = process.argv.slice(2).map(Number).filter((n) => n > 0);
    const result = scales.length > 0 ? { details: scales.map(measureInChild) } : await searchBench();
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  }
}
