/** Builds functions exactly as the CDK app does (esbuildOptions in infra/bundling.ts). */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { esbuildOptions, FUNCTION_ENTRIES, HANDLER_FILE, PROJECT_ROOT, type FunctionName } from '../infra/bundling.js';

export { PROJECT_ROOT };
export const BUILD_DIR = fileURLToPath(new URL('./.build/', import.meta.url));

export interface BuiltFunction {
  /** The handler file (index.mjs); its chunks sit beside it. */
  file: string;
  /** Every JavaScript file of the bundle (index.mjs and its chunks), source maps not counted. */
  bytes: number;
  /** What a cold start reads and compiles: index.mjs and the chunks it imports statically, transitively. */
  coldBytes: number;
  buildMs: number;
  /** Bytes of the cold-start files by package (or by project folder), largest first. */
  contributors: { name: string; bytes: number }[];
}

type Output = Metafile['outputs'][string];

function contributors(outputs: Output[]): { name: string; bytes: number }[] {
  const byName = new Map<string, number>();
  for (const output of outputs) {
    for (const [path, input] of Object.entries(output.inputs)) {
      const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1] ?? path.split('/').slice(0, 2).join('/');
      byName.set(name, (byName.get(name) ?? 0) + input.bytesInOutput);
    }
  }
  return [...byName].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes);
}

/** The outputs a cold start loads: the entry and, transitively, what it imports statically. */
export function coldOutputs(metafile: Metafile, entryOutput: string): Output[] {
  const loaded = new Map<string, Output>();
  const visit = (path: string) => {
    const output = metafile.outputs[path];
    if (output === undefined || loaded.has(path)) return;
    loaded.set(path, output);
    for (const imported of output.imports)
      if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
  };
  visit(entryOutput);
  return [...loaded.values()];
}

/**
 * Builds `entry` with the settings of function `settings` (the GraphQL
 * function's unless told) into bench/.build/<name>/, as the CDK app builds
 * its assets.
 */
export async function buildFunction(
  name: string,
  entry: string,
  settings: FunctionName = 'graphql',
): Promise<BuiltFunction> {
  const outdir = join(BUILD_DIR, name);
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  const started = performance.now();
  const result = await build(esbuildOptions(settings, outdir, entry));
  const buildMs = performance.now() - started;
  const js = Object.entries(result.metafile.outputs).filter(([path]) => path.endsWith('.mjs'));
  const entryOutput = js.find(([path]) => path.endsWith(`/${HANDLER_FILE}`))?.[0];
  if (entryOutput === undefined) throw new Error(`${entry}: esbuild wrote no ${HANDLER_FILE}`);
  const cold = coldOutputs(result.metafile, entryOutput);
  return {
    file: join(outdir, HANDLER_FILE),
    bytes: js.reduce((sum, [, output]) => sum + output.bytes, 0),
    coldBytes: cold.reduce((sum, output) => sum + output.bytes, 0),
    buildMs,
    contributors: contributors(cold),
  };
}

/** The deployed function `name`, built as the CDK app builds it. */
export const buildDeployedFunction = (name: FunctionName): Promise<BuiltFunction> =>
  buildFunction(name, FUNCTION_ENTRIES[name], name);
