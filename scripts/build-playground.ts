/**
 * Builds the GraphQL playground (GraphiQL, its Monaco workers, styles and
 * fonts) into playground/dist, so the page is served entirely by the project:
 * hashed, minified files, precompressed copies, the HTML page and a manifest
 * that the handler's playground middleware serves from. The build is skipped
 * when its inputs have not changed since the last one.
 *
 * Usage: tsx scripts/build-playground.ts [--force] [--out <dir>]
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { build, type BuildOptions, type Metafile, type OutputFile } from 'esbuild';
import { loadExampleTabs, OPERATIONS_DIR } from '../playground/examples.js';
import {
  type PlaygroundManifest,
  CONTENT_TYPES,
  PAGE_FILE,
  MANIFEST_FILE,
} from '../functions/graphql/playground-manifest.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DEFAULT_OUT_DIR = join(ROOT, 'playground', 'dist');

/** The page refers to its assets relative to its own URL (…/graphql), so it works under any stage or domain. */
export const ASSETS_PATH = 'graphql/assets/';

const WORKERS = {
  editor: 'monaco-editor/esm/vs/editor/editor.worker.js',
  json: 'monaco-editor/esm/vs/language/json/json.worker.js',
  graphql: 'monaco-graphql/esm/graphql.worker.js',
} as const;

/** Smaller files gain nothing from compression. */
const COMPRESS_MIN_BYTES = 1024;
const COMPRESSIBLE = /\.(js|css|json|txt|ttf|svg)$/;

const COMMON: BuildOptions = {
  bundle: true,
  minify: true,
  platform: 'browser',
  target: ['es2022'],
  // Licences go to a separate .LEGAL.txt file served beside the bundles, which keeps the bundles free of comments.
  legalComments: 'external',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
};

async function inputHash(): Promise<string> {
  const hash = createHash('sha256');
  const files = [
    join(ROOT, 'scripts', 'build-playground.ts'),
    join(ROOT, 'playground', 'app.ts'),
    join(ROOT, 'playground', 'app.css'),
    join(ROOT, 'playground', 'examples.ts'),
    join(ROOT, 'functions', 'graphql', 'playground-manifest.ts'),
    join(ROOT, 'package-lock.json'),
  ];
  const operationsDir = fileURLToPath(OPERATIONS_DIR);
  for (const file of (await readdir(operationsDir)).sort()) files.push(join(operationsDir, file));
  for (const file of files) {
    hash.update(relative(ROOT, file));
    hash.update(await readFile(file));
  }
  return hash.digest('hex');
}

async function readManifest(outDir: string): Promise<PlaygroundManifest | undefined> {
  try {
    return JSON.parse(await readFile(join(outDir, MANIFEST_FILE), 'utf8')) as PlaygroundManifest;
  } catch {
    return undefined;
  }
}

function pageHtml(scripts: string[], styles: string[]): string {
  const links = styles.map((file) => `<link rel="stylesheet" href="${ASSETS_PATH}${file}">`).join('');
  const tags = scripts.map((file) => `<script type="module" src="${ASSETS_PATH}${file}"></script>`).join('');
  // An empty data: icon stops the browser asking the API for /favicon.ico.
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>GraphQL playground</title><link rel="icon" href="data:,">${links}${tags}</head><body><div id="graphiql"></div></body></html>\n`;
}

/** Writes a file whole or not at all, so a server reading the folder meanwhile never sees half a file. */
async function writeAtomically(path: string, contents: Uint8Array | string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, contents);
  await rename(temporary, path);
}

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

async function compressed(file: OutputFile): Promise<Record<'br' | 'gzip', Buffer> | undefined> {
  if (!COMPRESSIBLE.test(file.path) || file.contents.length < COMPRESS_MIN_BYTES) return undefined;
  const [br, gz] = await Promise.all([
    brotliAsync(file.contents, {
      params: { [zlib.BROTLI_PARAM_QUALITY]: 9, [zlib.BROTLI_PARAM_SIZE_HINT]: file.contents.length },
    }),
    gzipAsync(file.contents, { level: 9 }),
  ]);
  return { br, gzip: gz };
}

export interface BuildPlaygroundOptions {
  outDir?: string;
  force?: boolean;
}

/** Monaco's workers, each a script of its own; returns them and their file names by label. */
async function buildWorkers(outDir: string) {
  const workers = await build({
    ...COMMON,
    write: false,
    entryPoints: Object.entries(WORKERS).map(([label, entry]) => ({ in: entry, out: `${label}.worker` })),
    entryNames: '[name]-[hash]',
    // Classic workers: Monaco's worker entry points have no exports and run as plain scripts.
    format: 'iife',
    outdir: outDir,
  });
  const workerFiles: Record<string, string> = {};
  for (const label of Object.keys(WORKERS)) {
    const file = workers.outputFiles.find(
      (f) => basename(f.path).startsWith(`${label}.worker-`) && f.path.endsWith('.js'),
    );
    if (file === undefined) throw new Error(`The ${label} worker was not built`);
    workerFiles[label] = basename(file.path);
  }
  return { outputFiles: workers.outputFiles, workerFiles };
}

/** The page's script and its chunks, with the example tabs and the workers' names built in. */
async function buildApp(outDir: string, workerFiles: Record<string, string>) {
  const tabs = (await loadExampleTabs()).map(({ query, variables }) => ({ query, variables }));
  return build({
    ...COMMON,
    write: false,
    entryPoints: { app: join(ROOT, 'playground', 'app.ts') },
    entryNames: '[name]-[hash]',
    chunkNames: 'chunk-[hash]',
    assetNames: '[name]-[hash]',
    // Monaco and the language service are loaded with import() after the first render; splitting keeps them out of the first script.
    format: 'esm',
    splitting: true,
    outdir: outDir,
    loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.svg': 'file', '.png': 'file' },
    define: {
      ...COMMON.define,
      PLAYGROUND_TABS: JSON.stringify(tabs),
      PLAYGROUND_WORKERS: JSON.stringify(workerFiles),
    },
    metafile: true,
  });
}

/** What the page links: the app's script, and every stylesheet, the entry's last. */
function pageLinks(metafile: Metafile) {
  const outputs = Object.entries(metafile.outputs);
  const scripts = outputs.filter(([, meta]) => meta.entryPoint === 'playground/app.ts').map(([path]) => basename(path));
  // esbuild does not load the CSS of lazily imported chunks (Monaco's own styles), so the page links every stylesheet, the entry's last.
  const styles = [
    ...new Set(outputs.flatMap(([, meta]) => (meta.cssBundle === undefined ? [] : [basename(meta.cssBundle)]))),
  ];
  styles.sort((a, b) => Number(a.startsWith('app-')) - Number(b.startsWith('app-')));
  if (scripts.length !== 1 || !styles.some((s) => s.startsWith('app-')))
    throw new Error(`Expected the app script and stylesheet, got ${scripts.join(', ')} / ${styles.join(', ')}`);
  return { scripts, styles };
}

/** Writes each built file with its compressed variants, and returns the manifest's entries for them. */
async function writeAssets(outDir: string, files: readonly OutputFile[]): Promise<PlaygroundManifest['assets']> {
  const assets: PlaygroundManifest['assets'] = {};
  await mkdir(outDir, { recursive: true });
  for (const file of files) {
    const name = basename(file.path);
    if (dirname(file.path) !== outDir) throw new Error(`Unexpected output outside ${outDir}: ${file.path}`);
    const extension = /\.[a-z0-9]+$/.exec(name)?.[0] ?? '';
    const contentType = CONTENT_TYPES[extension];
    if (contentType === undefined) throw new Error(`No content type for ${name}`);
    await writeAtomically(file.path, file.contents);
    const variants = await compressed(file);
    if (variants !== undefined) {
      await writeAtomically(`${file.path}.br`, variants.br);
      await writeAtomically(`${file.path}.gz`, variants.gzip);
    }
    assets[name] = {
      contentType,
      bytes: file.contents.length,
      encodings: variants === undefined ? [] : ['br', 'gzip'],
    };
  }
  return assets;
}

/** Removes what an earlier build left that this manifest does not list. */
async function removeStale(outDir: string, manifest: PlaygroundManifest): Promise<void> {
  const keep = new Set([
    PAGE_FILE,
    MANIFEST_FILE,
    ...Object.keys(manifest.assets).flatMap((n) => [n, `${n}.br`, `${n}.gz`]),
  ]);
  for (const entry of await readdir(outDir)) {
    if (!keep.has(entry) && !entry.endsWith('.tmp')) await rm(join(outDir, entry), { force: true });
  }
}

/** Builds the playground unless it is up to date; returns its manifest. */
export async function buildPlayground(options: BuildPlaygroundOptions = {}): Promise<PlaygroundManifest> {
  const outDir = resolve(options.outDir ?? DEFAULT_OUT_DIR);
  const hash = await inputHash();
  const existing = await readManifest(outDir);
  if (!options.force && existing?.inputHash === hash) return existing;

  const workers = await buildWorkers(outDir);
  const app = await buildApp(outDir, workers.workerFiles);
  const { scripts, styles } = pageLinks(app.metafile);
  const assets = await writeAssets(outDir, [...workers.outputFiles, ...app.outputFiles]);
  const manifest: PlaygroundManifest = { inputHash: hash, page: PAGE_FILE, assets };
  await writeAtomically(join(outDir, PAGE_FILE), pageHtml(scripts, styles));
  // The manifest goes last: its presence means every file it lists is in place.
  await writeAtomically(join(outDir, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
  await removeStale(outDir, manifest);
  return manifest;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf('--out');
  const outDir = outIndex === -1 ? undefined : args[outIndex + 1];
  const started = Date.now();
  const manifest = await buildPlayground({ outDir, force: args.includes('--force') });
  const total = Object.values(manifest.assets).reduce((sum, a) => sum + a.bytes, 0);
  process.stdout.write(
    `playground: ${Object.keys(manifest.assets).length} assets, ${(total / 1024).toFixed(0)} KiB, in ${outDir ?? relative(process.cwd(), DEFAULT_OUT_DIR)} (${Date.now() - started} ms)\n`,
  );
}
