/**
 * Stands in for fast-json-stringify in the GraphQL function's bundle (see
 * infra/bundling.ts). graphql-jit calls it only for its customJSONSerializer
 * option, which jit-executor.ts leaves off; the package would bring Ajv,
 * about 300 KB, into every cold start for nothing.
 */
export default function fastJson(): never {
  throw new Error(
    "fast-json-stringify is not bundled into this function: leave graphql-jit's customJSONSerializer off",
  );
}
