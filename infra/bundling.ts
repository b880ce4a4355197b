/**
 * How the functions are bundled, as plain data: the CDK stack (NodejsFunction)
 * and the benchmarks build with the same settings, so measured bundles are the
 * deployed ones.
 */
export const FUNCTION_ENTRIES = {
  graphql: 'functions/graphql/handler.ts',
  seedRefresh: 'functions/seed-refresh/handler.ts',
} as const;

/** The Lambda runtime (Node.js 22) ships AWS SDK v3, so the bundle leaves it out. */
export const EXTERNAL_MODULES = ['@aws-sdk/*'];

export const ESBUILD_TARGET = 'node22';

/** ESM output needs `require` for the few CommonJS dependencies that call it. */
export const ESM_BANNER = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

/**
 * Modules replaced in the GraphQL function's bundle. Apollo's usage-reporting
 * protobuf is only used by plugins this server disables (server.ts); replacing
 * it removes a fifth of the bundle.
 */
export const GRAPHQL_ALIASES: Record<string, string> = {
  '@apollo/usage-reporting-protobuf': './functions/graphql/bundle-stubs/usage-reporting-protobuf.ts',
};

export const BUNDLE = {
  minify: true,
  sourceMap: true,
  target: ESBUILD_TARGET,
  externalModules: EXTERNAL_MODULES,
  banner: ESM_BANNER,
} as const;
