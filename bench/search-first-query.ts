/**
 * The first search of a fresh instance, read by byte range from S3 through a
 * slow link: s3rver (the harness's S3, so the code path is the deployed S3
 * client's) behind scripts/harness/slow-link.ts at 20 ms a request and
 * 100 MB/s a stream. Each query of the relevance set runs as the first query
 * of its own process, through the GraphQL function's index cache
 * (search-index-cache.ts) and the S3 store; the process reports the time to
 * the first page, what the index read (bytes, requests, rounds of requests one
 * after the other) and the hits, which must equal those of the index in memory.
 * Then memory: heap plus external after 100 varied queries in one process.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { fileSearchIndexStore } from '../functions/data/search-index-store.js';
import type { StoredSearchIndex } from '../functions/data/stored-search-index.js';
import { parseQuery } from '../functions/search/query-syntax.js';
import { cachedSearchIndex } from '../functions/search/search-index-cache.js';
import { loadSearchIndex } from '../functions/search/search-query.js';
import { startLocalS3 } from '../scripts/harness/s3rver.js';
import { relevanceCases, relevanceHits } from '../scripts/harness/search-relevance.js';
import { startSlowLink } from '../scripts/harness/slow-link.js';

/** The slow link of the cold figures: a request's round trip and one stream's rate. */
export const SLOW_LINK = { latencyMs: 20, bytesPerSecond: 100 * 1e6 };
const BUCKET = 'bench-search';
const run = promisify(execFile);

/** One query as the first of a fresh process. */
interface FirstQuery {
  ms: number;
  bytes: number;
  requests: number;
  rounds: number;
  hits: string[];
}

export interface FirstQueryMeasurement {
  queries: number;
  /** Queries whose first page equals the in-memory index's. */
  identical: number;
  objectBytes: number;
  headBytes: number;
  bytesMedian: number;
  bytesMax: number;
  roundsMedian: number;
  roundsMax: number;
  requestsMedian: number;
  requestsMax: number;
  msMedian: number;
  msMax: number;
  /** JS heap plus external memory (ArrayBuffers included) after 100 varied queries on one open index, after GC. */
  memoryAfter100Mb: number;
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
};

/** In a child: the relevance case's query as the first search of this process, through the S3 store the env names. */
async function firstQuery(caseIndex: number, hash: string): Promise<FirstQuery> {
  const c = (await relevanceCases())[caseIndex]!;
  // What a warm import cache would hold anyway: the S3 client and the engine (their load is the cold start's, not the search's).
  await import('@aws-sdk/client-s3');
  await import('../functions/search/search-query.js');
  const { searchIndexStoreFromEnv } = await import('../functions/data/search-index-store.js');
  const started = performance.now();
  const index = await cachedSearchIndex({ store: searchIndexStoreFromEnv }).forHash(hash);
  const hits = await relevanceHits(index, c);
  const ms = performance.now() - started;
  return { ms, ...index.reads, hits };
}

/** 100 varied queries: the relevance set's, then their words alone and as prefixes. */
function variedQueries(queries: readonly string[]): string[] {
  const words = [...new Set(queries.flatMap((q) => q.split(/\s+/)).filter((w) => /^\p{L}{4,}$/u.test(w)))];
  const out = [...new Set([...queries, ...words, ...words.map((w) => w.slice(0, 4))])];
  return out.slice(0, 100);
}

/** In a child: memory after 100 varied queries on an index read from a file (the body is never in memory whole). */
async function memoryAfterQueries(dir: string, hash: string): Promise<number> {
  const queries = variedQueries((await relevanceCases()).map((c) => c.query));
  const index = await cachedSearchIndex({ store: async () => fileSearchIndexStore(dir) }).forHash(hash);
  for (const query of queries) await (await index.search(parseQuery(query), { kinds: new Set() })).page(0, 20);
  (globalThis as { gc?: () => void }).gc?.();
  const { heapUsed, external } = process.memoryUsage();
  return Math.round(((heapUsed + external) / 2 ** 20) * 10) / 10;
}

async function child(args: string[], env: Record<string, string> = {}): Promise<string> {
  const script = fileURLToPath(import.meta.url);
  const { stdout } = await run(process.execPath, ['--expose-gc', '--import', 'tsx', script, ...args], {
    env: { ...process.env, ...env },
    maxBuffer: 16 * 2 ** 20,
  });
  // The figures are the last line: anything logged goes before it.
  return stdout.trim().split('\n').at(-1) ?? '';
}

/** The first-query figures of a built index (see the module comment). */
export async function measureFirstQueries(stored: StoredSearchIndex): Promise<FirstQueryMeasurement> {
  const cases = await relevanceCases();
  const inMemory = await loadSearchIndex(stored);
  const expected = await Promise.all(cases.map((c) => relevanceHits(inMemory, c)));
  const s3 = await startLocalS3([BUCKET]);
  const link = await startSlowLink(s3.endpoint, SLOW_LINK);
  const dir = await mkdtemp(join(tmpdir(), 'search-first-'));
  try {
    const { s3SearchIndexStore } = await import('../functions/data/s3-search-index-store.js');
    const { S3Client } = await import('@aws-sdk/client-s3');
    const { s3ClientConfig } = await import('../functions/data/s3-config.js');
    await s3SearchIndexStore({ bucket: BUCKET, client: new S3Client(s3ClientConfig(s3.endpoint)) }).put(stored);
    await fileSearchIndexStore(dir).put(stored);
    const env = { S3_ENDPOINT: link.endpoint, SEARCH_INDEX_BUCKET: BUCKET, POWERTOOLS_LOG_LEVEL: 'SILENT' };
    const runs: FirstQuery[] = [];
    for (let i = 0; i < cases.length; i++)
      runs.push(JSON.parse(await child(['--first', String(i), stored.hash], env)) as FirstQuery);
    const memory = Number(await child(['--memory', dir, stored.hash], { POWERTOOLS_LOG_LEVEL: 'SILENT' }));
    const of = (pick: (r: FirstQuery) => number) => runs.map(pick);
    return {
      queries: runs.length,
      identical: runs.filter((r, i) => JSON.stringify(r.hits) === JSON.stringify(expected[i])).length,
      objectBytes: stored.body.byteLength,
      headBytes: inMemory.headBytes,
      bytesMedian: median(of((r) => r.bytes)),
      bytesMax: Math.max(...of((r) => r.bytes)),
      roundsMedian: median(of((r) => r.rounds)),
      roundsMax: Math.max(...of((r) => r.rounds)),
      requestsMedian: median(of((r) => r.requests)),
      requestsMax: Math.max(...of((r) => r.requests)),
      msMedian: Math.round(median(of((r) => r.ms)) * 10) / 10,
      msMax: Math.round(Math.max(...of((r) => r.ms)) * 10) / 10,
      memoryAfter100Mb: memory,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
    await link.close();
    await s3.close();
  }
}

/**
 * The figures of the index in `file` (named `hash`), measured by a process of
 * their own: one that holds only the stored bytes, not a large build's heap,
 * so its collector does not stall the S3 server the queries read from.
 */
export function measureFirstQueriesInChild(file: string, hash: string): FirstQueryMeasurement {
  const script = fileURLToPath(import.meta.url);
  const out = spawnSync(process.execPath, ['--import', 'tsx', script, '--measure', file, hash], {
    encoding: 'utf8',
    env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'SILENT' },
    maxBuffer: 16 * 2 ** 20,
  });
  if (out.status !== 0) throw new Error(`first-query measurement failed:\n${out.stderr}`);
  return JSON.parse(out.stdout.trim().split('\n').at(-1)!) as FirstQueryMeasurement;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const first = process.argv.indexOf('--first');
  const memory = process.argv.indexOf('--memory');
  const measure = process.argv.indexOf('--measure');
  if (measure !== -1) {
    const [file, hash] = process.argv.slice(measure + 1);
    process.stdout.write(JSON.stringify(await measureFirstQueries({ hash: hash!, body: await readFile(file!) })));
  } else if (first !== -1)
    process.stdout.write(JSON.stringify(await firstQuery(Number(process.argv[first + 1]), process.argv[first + 2]!)));
  else if (memory !== -1)
    process.stdout.write(String(await memoryAfterQueries(process.argv[memory + 1]!, process.argv[memory + 2]!)));
}
