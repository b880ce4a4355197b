/**
 * What search costs the GraphQL function's bundle and cold start. Builds the
 * handler with the deployed esbuild settings (esbuildOptions in
 * infra/bundling.ts) two ways:
 *   - deployed: as the CDK app builds it; the search engine is in a chunk
 *     loaded on the first search only;
 *   - without-search-engine: the search engine stubbed out, the baseline.
 * Then, in fresh Node processes, times importing each bundle and answering
 * `{ healthy }` (a cold start that does not search) and a first search.
 *
 * `npx tsx bench/search-bundle.ts` prints JSON.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { fileSearchIndexStore } from '../functions/data/search-index-store.js';
import { TABLE_LIST } from '../functions/data/tables.js';
import { buildSearchIndex } from '../functions/search/search-engine.js';
import { esbuildOptions } from '../infra/bundling.js';
import { seedSearchableItems } from './search-bench.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
// Inside the project, so the bundles resolve the S3 client (external, as in Lambda) from node_modules.
const OUT = join(ROOT, 'artifacts', 'search-bundle');

type Variant = 'deployed' | 'without-search-engine';

const stubSearchEngine: Plugin = {
  name: 'stub-search-engine',
  setup(b) {
    b.onResolve({ filter: /search-engine\.js$/ }, () => ({ path: 'search-engine-stub', namespace: 'stub' }));
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
      contents: 'export const loadSearchIndex = () => { throw new Error("stubbed"); };',
      loader: 'js',
    }));
  },
};

async function buildVariant(variant: Variant): Promise<{ entry: string; entryBytes: number; totalBytes: number }> {
  const outdir = join(OUT, variant);
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  await build({
    ...esbuildOptions('graphql', outdir),
    sourcemap: false,
    plugins: variant === 'without-search-engine' ? [stubSearchEngine] : [],
  });
  const files = (await readdir(outdir)).filter((f) => f.endsWith('.mjs'));
  const sizes = await Promise.all(files.map(async (f) => (await stat(join(outdir, f))).size));
  const entry = join(outdir, 'index.mjs');
  return { entry, entryBytes: (await stat(entry)).size, totalBytes: sizes.reduce((a, b) => a + b, 0) };
}

/** Imports the bundle in a fresh process and answers one operation; prints its timings. */
const CHILD = `
const started = performance.now();
const { handler } = await import(process.env.BUNDLE);
const imported = performance.now();
const body = JSON.stringify({ query: process.env.OPERATION });
const event = { version: '2.0', routeKey: 'POST /graphql', rawPath: '/graphql', rawQueryString: '', isBase64Encoded: false, body,
  headers: { 'content-type': 'application/json', accept: 'application/json' },
  requestContext: { requestId: 'bench', routeKey: 'POST /graphql', stage: '$default', time: '', timeEpoch: 0, accountId: 'x', apiId: 'x', domainName: 'x', domainPrefix: 'x',
    http: { method: 'POST', path: '/graphql', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'bench' } } };
const context = { awsRequestId: 'bench', functionName: 'bench', getRemainingTimeInMillis: () => 30000 };
const result = await handler(event, context);
const answered = performance.now();
if (!result.body.includes('"data"') || result.body.includes('"errors"')) throw new Error(result.body);
process.stdout.write(JSON.stringify({ importMs: imported - started, answerMs: answered - imported, totalMs: answered - started }));
`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round((sorted[Math.floor(sorted.length / 2)] ?? 0) * 10) / 10;
}

interface Sample {
  importMs: number;
  answerMs: number;
  totalMs: number;
}

function coldStart(bundle: string, operation: string, env: Record<string, string>): Sample {
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', CHILD], {
    encoding: 'utf8',
    env: { ...process.env, ...env, BUNDLE: bundle, OPERATION: operation },
  });
  if (child.status !== 0) throw new Error(`cold start of ${bundle} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout) as Sample;
}

export async function searchBundleBench(runs = 15) {
  const indexDir = join(OUT, 'index');
  await fileSearchIndexStore(indexDir).put(buildSearchIndex(await seedSearchableItems()));
  const env: Record<string, string> = {
    NODE_ENV: 'production',
    POWERTOOLS_LOG_LEVEL: 'ERROR',
    AWS_REGION: 'us-east-1',
    DYNAMODB_ENDPOINT: 'http://127.0.0.1:9',
    SEARCH_INDEX_DIR: indexDir,
    ...Object.fromEntries(TABLE_LIST.map((t) => [t.envVar, `bench-${t.name}`])),
  };
  const variants = ['without-search-engine', 'deployed'] as const;
  const built = Object.fromEntries(await Promise.all(variants.map(async (v) => [v, await buildVariant(v)] as const))) as Record<Variant, Awaited<ReturnType<typeof buildVariant>>>;
  // first: 0 loads no items, so a first search is import + index load + query, without DynamoDB.
  const operations = { coldHealthy: '{ healthy }', coldFirstSearch: '{ search(query: "Putin", first: 0) { totalCount } }' } as const;
  const samples = new Map<string, Sample[]>();
  // Round robin, so load from anything else on the machine falls on every variant alike.
  for (let i = 0; i < runs; i++) {
    for (const variant of variants) {
      for (const [name, operation] of Object.entries(operations)) {
        if (variant === 'without-search-engine' && name === 'coldFirstSearch') continue;
        const key = `${variant}/${name}`;
        samples.set(key, [...(samples.get(key) ?? []), coldStart(built[variant].entry, operation, env)]);
      }
    }
  }
  const summary = (key: string) => {
    const list = samples.get(key);
    if (list === undefined) return undefined;
    return { importMs: median(list.map((s) => s.importMs)), answerMs: median(list.map((s) => s.answerMs)), totalMs: median(list.map((s) => s.totalMs)) };
  };
  const results = Object.fromEntries(
    variants.map((v) => [
      v,
      { entryBytes: built[v].entryBytes, totalBytes: built[v].totalBytes, coldHealthy: summary(`${v}/coldHealthy`), coldFirstSearch: summary(`${v}/coldFirstSearch`) },
    ]),
  );
  await writeFile(join(OUT, 'result.json'), JSON.stringify({ runs, results }, null, 2));
  return { runs, results };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(`${JSON.stringify(await searchBundleBench(Number(process.argv[2] ?? 15)), null, 2)}\n`);
}
