/**
 * How the functions are bundled: the CDK stack (BundledFunction) and the
 * benchmarks both build through esbuildOptions below, so measured bundles are
 * the deployed ones.
 */
import { fileURLToPath } from 'node:url';
import type { BuildOptions } from 'esbuild';

export const FUNCTION_ENTRIES = {
  graphql: 'functions/graphql/handler.ts',
  seedRefresh: 'functions/seed-refresh/handler.ts',
} as const;
export type FunctionName = keyof typeof FUNCTION_ENTRIES;

/** esbuild's working directory: aliases and entries are relative to it. */
export const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));

/**
 * Nothing is left to the runtime: the SDK clients the functions use are
 * bundled, tree-shaken and minified. The runtime's copy of AWS SDK v3 is
 * whole CommonJS packages resolved from disk at start-up; the bundled ESM
 * builds import in less time (bench/RESULTS.md), and the deployed SDK is the
 * one the lock file pins and the tests ran.
 */
export const EXTERNAL_MODULES: string[] = [];

/**
 * The one SDK client the GraphQL function leaves to the runtime: S3 is
 * imported only on an instance's first search (functions/data/s3-search-index-store.ts),
 * while bundled, its 200 KB would be read and compiled at every cold start.
 */
export const GRAPHQL_EXTERNAL_MODULES = ['@aws-sdk/client-s3'];

/**
 * Packages' ESM builds before their CommonJS ones (esbuild's default for
 * node is main first): the SDK's and graphql's ESM builds tree-shake, and
 * ESM modules need no CommonJS wrappers at start-up.
 */
export const MAIN_FIELDS = ['module', 'main'];

export const ESBUILD_TARGET = 'node22';

/** ESM output needs `require` for the few CommonJS dependencies that call it. */
export const ESM_BANNER =
  "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

/**
 * Modules replaced in the GraphQL function's bundle (each stub says why).
 * Apollo's usage-reporting protobuf and signature code serve only plugins
 * this server disables (server.ts). Apollo calls @graphql-tools/schema only
 * for a server given typeDefs; this one is given a schema built from the
 * pre-parsed SDL (server.ts). graphql-jit calls fast-json-stringify only for
 * an option jit-executor.ts leaves off. Those stubs throw if ever called.
 * Apollo's query hash uses Node's crypto, and graphql-jit's lodash.merge is
 * the lodash.mergewith it also imports.
 */
export const GRAPHQL_ALIASES: Record<string, string> = {
  '@apollo/usage-reporting-protobuf': './functions/graphql/bundle-stubs/usage-reporting-protobuf.ts',
  '@graphql-tools/schema': './functions/graphql/bundle-stubs/graphql-tools-schema.ts',
  // The Lambda integration is CommonJS and requires @apollo/server, which resolves to Apollo's CommonJS
  // build beside the ESM one the server imports: two copies of Apollo. Its ESM build, for both.
  '@apollo/server': './node_modules/@apollo/server/dist/esm',
  '@apollo/utils.createhash': './functions/graphql/bundle-stubs/apollo-createhash.ts',
  '@apollo/utils.usagereporting': './functions/graphql/bundle-stubs/usage-reporting-signature.ts',
  'fast-json-stringify': './functions/graphql/bundle-stubs/fast-json-stringify.ts',
  'lodash.merge': './functions/graphql/bundle-stubs/lodash-merge.ts',
  // graphql-jit's ESM build imports these files by their CommonJS names, which would bring a second
  // graphql-js (200 KB, and types its instanceof checks would not know). The ESM files of the one copy.
  'graphql/error/index.js': './node_modules/graphql/error/index.mjs',
  'graphql/execution/execute.js': './node_modules/graphql/execution/execute.mjs',
  'graphql/jsutils/Path.js': './node_modules/graphql/jsutils/Path.mjs',
  'graphql/utilities/index.js': './node_modules/graphql/utilities/index.mjs',
};

/**
 * NODE_OPTIONS per function (the bench's cold starts run with the GraphQL
 * function's). --enable-source-maps reads and parses the whole source map at
 * every start; the GraphQL function maps its stack traces itself, on the
 * first one formatted (functions/graphql/stack-traces.ts). The refresh
 * function's start-up cost does not matter.
 */
export const NODE_OPTIONS = { graphql: undefined, seedRefresh: '--enable-source-maps' } as const satisfies Record<
  keyof typeof FUNCTION_ENTRIES,
  string | undefined
>;

/** What each function's bundle replaces and leaves out, besides what they share. */
const FUNCTION_SETTINGS: Record<FunctionName, { aliases: Record<string, string>; external: string[] }> = {
  graphql: { aliases: GRAPHQL_ALIASES, external: GRAPHQL_EXTERNAL_MODULES },
  seedRefresh: { aliases: {}, external: [] },
};

/** The file Lambda loads (handler `index.handler`); the chunks it imports sit beside it. */
export const HANDLER_FILE = 'index.mjs';

/**
 * The esbuild options of function `settings`, for `entry` (its own entry
 * unless a benchmark builds another one the same way) into `outdir`.
 *
 * Code splitting: a module the function imports with `import()` (graphql-jit
 * on an operation's second run, the search engine and the S3 client on the
 * first search, the SDK's rarely used credential providers) goes to a chunk of
 * its own that a cold start neither reads nor compiles; code those chunks
 * share with the handler goes to shared chunks. Chunks sit beside index.mjs,
 * so `import.meta.url` names the same directory in every one of them.
 */
export function esbuildOptions(
  settings: FunctionName,
  outdir: string,
  entry: string = FUNCTION_ENTRIES[settings],
): BuildOptions & { metafile: true } {
  const own = FUNCTION_SETTINGS[settings];
  return {
    absWorkingDir: PROJECT_ROOT,
    entryPoints: { index: entry },
    outdir,
    outExtension: { '.js': '.mjs' },
    splitting: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    minify: true,
    sourcemap: true,
    // Stack traces need positions and names only; the sources would make the maps three times larger.
    sourcesContent: false,
    target: ESBUILD_TARGET,
    external: [...EXTERNAL_MODULES, ...own.external],
    mainFields: MAIN_FIELDS,
    banner: { js: ESM_BANNER },
    alias: own.aliases,
    metafile: true,
    logLevel: 'error',
  };
}
