/**
 * functions/graphql/stack-traces.ts on a real esbuild bundle with code
 * splitting, in a child process (it replaces Error.prepareStackTrace): frames
 * in index.mjs and in a chunk loaded by import() print at their sources.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../infra/bundling.js';

const run = promisify(execFile);
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stack-traces-'));
  await writeFile(
    join(dir, 'entry.ts'),
    [
      `import { mapStackTracesOnDemand } from ${JSON.stringify(join(PROJECT_ROOT, 'functions/graphql/stack-traces.ts'))};`,
      'mapStackTracesOnDemand(import.meta.url);',
      "const { fail } = await import('./lazy.ts');",
      'function callFromEntry() {',
      '  fail();',
      '}',
      'try { callFromEntry(); } catch (error) { process.stdout.write(String((error as Error).stack)); }',
    ].join('\n'),
  );
  await writeFile(
    join(dir, 'lazy.ts'),
    ['export function fail(): never {', "  throw new Error('from a chunk');", '}'].join('\n'),
  );
  await build({
    entryPoints: { index: join(dir, 'entry.ts') },
    outdir: join(dir, 'out'),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    minify: true,
    sourcemap: true,
    sourcesContent: false,
    logLevel: 'error',
  });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// Names stay as the bundle has them (minified): the map names identifiers, not the functions around a position.
it('maps frames of the entry and of a chunk to their source lines', async () => {
  const { stdout } = await run(process.execPath, [join(dir, 'out', 'index.mjs')]);
  const frames = stdout.split('\n').filter((line) => line.trimStart().startsWith('at '));
  expect(stdout.split('\n')[0]).toBe('Error: from a chunk');
  expect(frames[0]).toMatch(/^ {4}at \S+ \(.*lazy\.ts:2:9\)$/);
  expect(frames[1]).toMatch(/^ {4}at \S+ \(.*entry\.ts:5:3\)$/);
  expect(stdout).not.toMatch(/\.mjs:\d+:\d+/);
});
