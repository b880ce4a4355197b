/**
 * Builds the explorer (explorer/, Vite) into explorer/dist unless its inputs
 * are unchanged since the last build, and records what the first view costs:
 * the JavaScript the page loads before anything else, raw and gzipped.
 *
 * Usage: tsx scripts/build-explorer.ts [--force]
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const EXPLORER_DIR = join(ROOT, 'explorer');
export const EXPLORER_DIST_DIR = join(EXPLORER_DIR, 'dist');
const BUILD_RECORD = 'build.json';

export interface ExplorerBuild {
  inputHash: string;
  /** The scripts index.html loads (entry and module preloads), their bytes and their gzip -9 bytes. */
  firstView: { scripts: string[]; bytes: number; gzipBytes: number };
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && !relative(EXPLORER_DIR, join(e.parentPath, e.name)).startsWith('dist'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

async function inputHash(): Promise<string> {
  const hash = createHash('sha256');
  const files = [
    ...(await filesUnder(EXPLORER_DIR)),
    join(ROOT, 'scripts', 'build-explorer.ts'),
    join(ROOT, 'package-lock.json'),
  ];
  for (const file of files) {
    hash.update(relative(ROOT, file));
    hash.update(await readFile(file));
  }
  return hash.digest('hex');
}

async function readRecord(): Promise<ExplorerBuild | undefined> {
  try {
    return JSON.parse(await readFile(join(EXPLORER_DIST_DIR, BUILD_RECORD), 'utf8')) as ExplorerBuild;
  } catch {
    return undefined;
  }
}

/** The first view's JavaScript: every script the page names, as a browser loads it before the first render. */
export async function firstViewCost(dist = EXPLORER_DIST_DIR): Promise<ExplorerBuild['firstView']> {
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  const scripts = [
    ...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/([^"]+\.js)"/g),
  ].map((m) => m[1] ?? '');
  let bytes = 0;
  let gzipBytes = 0;
  for (const script of scripts) {
    const contents = await readFile(join(dist, script));
    bytes += contents.length;
    gzipBytes += gzipSync(contents, { level: 9 }).length;
  }
  return { scripts, bytes, gzipBytes };
}

export async function buildExplorer(options: { force?: boolean } = {}): Promise<ExplorerBuild> {
  const hash = await inputHash();
  const existing = await readRecord();
  if (!options.force && existing?.inputHash === hash) return existing;
  // Imported here: Vite is heavy, and an up-to-date build needs none of it.
  const { build } = await import('vite');
  // Vite sets NODE_ENV=production in the calling process when it is unset: put it back, or a local
  // server started after the build (tests, the explorer bench) would run in production mode.
  const nodeEnv = process.env.NODE_ENV;
  try {
    await build({ configFile: join(EXPLORER_DIR, 'vite.config.ts'), mode: 'production' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  const record: ExplorerBuild = { inputHash: hash, firstView: await firstViewCost() };
  // Written last: its presence says the build is complete.
  await writeFile(join(EXPLORER_DIST_DIR, BUILD_RECORD), JSON.stringify(record, null, 2) + '\n');
  return record;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now();
  const { firstView } = await buildExplorer({ force: process.argv.includes('--force') });
  process.stdout.write(
    `explorer: first view ${(firstView.gzipBytes / 1024).toFixed(1)} KiB of JavaScript gzipped (${(firstView.bytes / 1024).toFixed(0)} KiB raw) in ${relative(process.cwd(), EXPLORER_DIST_DIR)} (${Date.now() - started} ms)\n`,
  );
}
