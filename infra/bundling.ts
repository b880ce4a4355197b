/**
 * How the functions are bundled, as plain data: the CDK stack (NodejsFunction)
 * and the benchmarks build with the same settings, so measured bundles are the
 * deployed ones.
 */
export const FUNCTION_ENTRIES = {
  graphql: 'functions/graphql/handler.ts',
  seedRefresh: 'functions/seed-refresh/handler.ts',
} as const;

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
export const ESM_BANNER = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

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
export const NODE_OPTIONS = { graphql: undefined, seedRefresh: '--enable-source-maps' } as const satisfies Record<keyof typeof FUNCTION_ENTRIES, string | undefined>;

export const BUNDLE = {
  minify: true,
  sourceMap: true,
  /** Stack traces need positions and names only; the sources would make the map three times larger. */
  sourcesContent: false,
  target: ESBUILD_TARGET,
  externalModules: EXTERNAL_MODULES,
  mainFields: MAIN_FIELDS,
  banner: ESM_BANNER,
} as const;
