/**
 * Stands in for @graphql-tools/schema in the GraphQL function's bundle (see
 * infra/bundling.ts). Apollo Server imports makeExecutableSchema for servers
 * given typeDefs; this one is given a schema built by server.ts (with its
 * executor, jit-executor.ts), so the 270 KB of @graphql-tools (schema and
 * merge) would only slow the cold start.
 */
export function makeExecutableSchema(): never {
  throw new Error('@graphql-tools/schema is not bundled into this function: pass ApolloServer a built schema');
}
