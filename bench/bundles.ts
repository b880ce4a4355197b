/** Builds functions exactly as the CDK app does (infra/bundling.ts, NodejsFunction with ESM output). */
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { BUNDLE, FUNCTION_ENTRIES, GRAPHQL_ALIASES, GRAPHQL_EXTERNAL_MODULES } from '../infra/bundling.js';

export const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));
export const BUILD_DIR = fileURLToPath(new URL('./.build/', import.meta.url));

export interface BuiltFunction {
  file: string;
  bytes: number;
  buildMs: number;
  /** Bytes in the output by package (or by project folder), largest first. */
  contributors: { name: string; bytes: number }[];
}

function contributors(inputs: Record<string, { bytesInOutput: number }>): { name: string; bytes: number }[] {
  const byName = new Map<string, number>();
  for (const [path, input] of Object.entries(inputs)) {
    const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1] ?? path.split('/').slice(0, 2).join('/');
    byName.set(name, (byName.get(name) ?? 0) + input.bytesInOutput);
  }
  return [...byName].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes);
}

/** The aliases the CDK app gives the function built from `entry` (infra/constructs/graphql-function.ts). */
export const aliasesFor = (entry: string): Record<string, string> => (entry === FUNCTION_ENTRIES.graphql ? GRAPHQL_ALIASES : {});
const externalsFor = (entry: string): string[] => (entry === FUNCTION_ENTRIES.graphql ? GRAPHQL_EXTERNAL_MODULES : []);

/**
 * NodejsFunction runs esbuild with these flags for OutputFormat.ESM: bundle,
 * platform node, format esm, and the shared minify, source map (no sources
 * content), target, externals, main fields and banner; the handler file is
 * index.mjs. The GraphQL function also gets GRAPHQL_ALIASES (the CDK passes
 * them as `--alias:` args, paths relative to the project root, which is
 * esbuild's working directory there and here) and GRAPHQL_EXTERNAL_MODULES.
 */
export async function buildFunction(name: string, entry: string, aliases: Record<string, string> = aliasesFor(entry)): Promise<BuiltFunction> {
  const outdir = join(BUILD_DIR, name);
  await mkdir(outdir, { recursive: true });
  const file = join(outdir, 'index.mjs');
  const started = performance.now();
  const result = await build({
    absWorkingDir: PROJECT_ROOT,
    entryPoints: [join(PROJECT_ROOT, entry)],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'esm',
    minify: BUNDLE.minify,
    sourcemap: BUNDLE.sourceMap,
    sourcesContent: BUNDLE.sourcesContent,
    target: BUNDLE.target,
    external: [...BUNDLE.externalModules, ...externalsFor(entry)],
    mainFields: [...BUNDLE.mainFields],
    banner: { js: BUNDLE.banner },
    alias: aliases,
    logLevel: 'error',
    metafile: true,
  });
  const output = Object.entries(result.metafile.outputs).find(([path]) => path.endsWith('index.mjs'))?.[1];
  return {
    file,
    bytes: (await stat(file)).size,
    buildMs: performance.now() - started,
    contributors: contributors(output?.inputs ?? {}),
  };
}
