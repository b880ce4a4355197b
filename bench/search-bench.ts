/**
 * Search index size, load time and query time on the seed corpus (1×) and on
 * a synthetic 1000× corpus: the seed's searchable items cloned with suffixed
 * ids. Measures the engine the GraphQL function runs (search-query.ts), not
 * the HTTP path around it.
 *
 * Standalone: `npx tsx bench/search-bench.ts [scale…]` prints JSON (the 1000×
 * build needs a few GB of heap; the script raises the limit for itself).
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileSearchIndexStore } from '../functions/data/search-index-store.js';
import { searchIndexKey, type StoredSearchIndex } from '../functions/data/stored-search-index.js';
import { parseQuery } from '../functions/search/query-syntax.js';
import { buildSearchIndex } from '../functions/search/search-index-build.js';
import { loadSearchIndex, openSearchIndex } from '../functions/search/search-query.js';
import type { SearchableItem, SearchFilters } from '../functions/search/search-model.js';
import { cloneItems, relevanceScores, seedSearchableItems } from '../scripts/harness/search-relevance.js';
import { measureFirstQueriesInChild, type FirstQueryMeasurement } from './search-first-query.js';

export { cloneItems } from '../scripts/harness/search-relevance.js';

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
  /**
   * Memory the loaded index holds (measured around a load, after GC): JS heap
   * plus the ArrayBuffers its typed arrays view; what the GraphQL function keeps while warm.
   */
  indexHeapMb: number;
  /** Of indexHeapMb, the ArrayBuffers (the stored body the typed arrays view). */
  indexArrayBuffersMb: number;
  /**
   * A first search in a fresh process, as a cold function's first search:
   * read the head of the stored index from disk, then the parts the query
   * needs, by range (a local folder store), and answer the first page (the
   * engine module already imported; it is a chunk of its own in the deployed
   * bundle, loaded on the first search, see infra/bundling.ts).
   */
  coldFirstSearchMs: number;
  /** Each relevance query as the first of a fresh process, read by range from S3 through the slow link (search-first-query.ts). */
  firstQuery: FirstQueryMeasurement;
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
  'peacekeepers',
  'Алиев',
  '"allied interaction" -Armenia',
  'ceasefire OR truce',
];

/** Each timed search is a search and its first page, as the resolver asks for it. */
const PAGE = 20;
const NO_FILTERS: SearchFilters = { kinds: new Set() };

const round = (n: number) => Math.round(n * 100) / 100;

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** The cold first search, in a fresh process: see ScaleMeasurement.coldFirstSearchMs. */
async function coldFirstSearch(dir: string, hash: string, query: string): Promise<number> {
  const store = fileSearchIndexStore(dir);
  const started = performance.now();
  const index = await openSearchIndex(hash, (ranges) => store.read(hash, ranges));
  await (await index!.search(parseQuery(query), NO_FILTERS)).page(0, PAGE);
  return performance.now() - started;
}

function coldFirstSearchInChild(dir: string, hash: string): number {
  const script = fileURLToPath(import.meta.url);
  const runs = [0, 1, 2].map(() => {
    const child = spawnSync(process.execPath, ['--import', 'tsx', script, '--cold', dir, hash], {
      encoding: 'utf8',
    });
    if (child.status !== 0) throw new Error(`cold search failed:\n${child.stderr}`);
    return Number(child.stdout);
  });
  return percentile(runs, 50);
}

/** The memory a loaded index holds (see ScaleMeasurement.indexHeapMb); only with --expose-gc. */
async function memoryHeld(stored: StoredSearchIndex) {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) return undefined;
  gc();
  const before = process.memoryUsage();
  // The body as a store hands it over: a fresh copy, held only by the index.
  const index = await loadSearchIndex({ hash: stored.hash, body: Uint8Array.from(stored.body) });
  gc();
  const after = process.memoryUsage();
  const mb = (n: number) => Math.max(0, Math.round((n / 2 ** 20) * 10) / 10);
  const indexArrayBuffersMb = mb(after.arrayBuffers - before.arrayBuffers);
  const indexHeapMb = Math.round((mb(after.heapUsed - before.heapUsed) + indexArrayBuffersMb) * 10) / 10;
  return { index, indexHeapMb, indexArrayBuffersMb };
}

export async function measureScale(seed: readonly SearchableItem[], scale: number): Promise<ScaleMeasurement> {
  const items = cloneItems(seed, scale);
  let started = performance.now();
  const stored = buildSearchIndex(items);
  const buildMs = performance.now() - started;
  const indexBytes = stored.body.byteLength;
  const dir = await mkdtemp(join(tmpdir(), 'search-bench-'));
  await fileSearchIndexStore(dir).put(stored);
  const coldFirstSearchMs = coldFirstSearchInChild(dir, stored.hash);
  const firstQuery = measureFirstQueriesInChild(join(dir, searchIndexKey(stored.hash)), stored.hash);
  await rm(dir, { recursive: true, force: true });

  // Load as the GraphQL function does on its first search: views over the stored bytes, the vocabulary decoded.
  const loadRuns = scale >= 100 ? 2 : 5;
  const loads: number[] = [];
  let index = await loadSearchIndex(stored);
  for (let i = 0; i < loadRuns; i++) {
    started = performance.now();
    index = await loadSearchIndex(stored);
    loads.push(performance.now() - started);
  }

  const held = await memoryHeld(stored);
  if (held !== undefined) index = held.index;

  const queries = BENCH_QUERIES.map(parseQuery);
  for (const query of queries) await (await index.search(query, NO_FILTERS)).page(0, PAGE);
  const samples: number[] = [];
  const rounds = scale >= 100 ? 3 : 30;
  for (let r = 0; r < rounds; r++) {
    for (const query of queries) {
      started = performance.now();
      await (await index.search(query, NO_FILTERS)).page(0, PAGE);
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
    indexHeapMb: held?.indexHeapMb ?? Number.NaN,
    indexArrayBuffersMb: held?.indexArrayBuffersMb ?? Number.NaN,
    coldFirstSearchMs: round(coldFirstSearchMs),
    firstQuery,
  };
}

/** Each scale in its own process, so the 1000× heap does not disturb the 1× timings. */
function measureInChild(scale: number): ScaleMeasurement {
  const script = fileURLToPath(import.meta.url);
  const child = spawnSync(
    process.execPath,
    ['--max-old-space-size=6144', '--expose-gc', '--import', 'tsx', script, '--child', String(scale)],
    {
      encoding: 'utf8',
      maxBuffer: 16 * 2 ** 20,
    },
  );
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
  const cold = process.argv.indexOf('--cold');
  if (cold !== -1) {
    process.stdout.write(
      String(await coldFirstSearch(process.argv[cold + 1]!, process.argv[cold + 2]!, BENCH_QUERIES[0]!)),
    );
  } else if (process.argv.includes('--relevance')) {
    process.stdout.write(`${JSON.stringify(await relevanceScores(await seedSearchableItems()), null, 2)}\n`);
  } else if (child !== -1) {
    process.stdout.write(
      JSON.stringify(await measureScale(await seedSearchableItems(), Number(process.argv[child + 1]))),
    );
  } else {
    const scales = process.argv
      .slice(2)
      .map(Number)
      .filter((n) => n > 0);
    const result = scales.length > 0 ? { details: scales.map(measureInChild) } : await searchBench();
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  }
}
