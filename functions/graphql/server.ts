import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { typeDefs } from '../../schema/__generated__/type-defs.js';
import { isProduction, optionalEnv } from '../shared/env.js';
import { classifyError } from '../shared/errors.js';
import type { GraphQLContext } from './context.js';
import { corpusVersionPlugin } from './corpus-version.js';
import { parseOptions, queryLimits } from './limits.js';
import { resolvers } from './resolvers/index.js';

export interface ServerOptions {
  production?: boolean;
  introspection?: boolean;
}

/** Introspection is on unless INTROSPECTION=false: the playground and codegen rely on it, and the schema is public. */
export function introspectionEnabled(): boolean {
  return optionalEnv('INTROSPECTION')?.toLowerCase() !== 'false';
}

/** Logs every error that is not the client's with its cause, through the request's logger (which carries its id). */
const errorLogPlugin: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors, contextValue, operationName }) {
        for (const error of errors) {
          const cause = unwrapResolverError(error);
          if (!classifyError(cause, { message: error.message, extensions: error.extensions }).log) continue;
          contextValue.logger.error('GraphQL request failed', {
            operationName,
            path: error.path,
            error: cause instanceof Error ? cause : new Error(String(cause)),
          });
        }
      },
    };
  },
};

export function createApolloServer(options: ServerOptions = {}): ApolloServer<GraphQLContext> {
  const production = options.production ?? isProduction();
  const limits = queryLimits<GraphQLContext>();
  return new ApolloServer<GraphQLContext>({
    typeDefs,
    resolvers,
    introspection: options.introspection ?? introspectionEnabled(),
    includeStacktraceInErrorResponses: !production,
    // No "Did you mean …?" in production: suggestions leak the schema's shape to probing clients.
    hideSchemaDetailsFromClientErrors: production,
    // Arrays of operations are refused (400): each would otherwise escape the per-query limits.
    allowBatchedHttpRequests: false,
    validationRules: limits.validationRules,
    parseOptions,
    // The playground is served by the handler itself, from the project's own assets.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // Nothing is reported to Apollo GraphOS; the bundle leaves their protobuf code out (infra/bundling.ts).
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      // No cache hints in this schema: the per-field cache-control bookkeeping would be pure cost.
      ApolloServerPluginCacheControlDisabled(),
      errorLogPlugin,
      corpusVersionPlugin,
      ...limits.plugins,
    ],
    formatError: (formatted, error): GraphQLFormattedError => {
      const classified = classifyError(unwrapResolverError(error), formatted);
      if (!production) return { ...formatted, ...classified.formatted, extensions: { ...formatted.extensions, ...classified.formatted.extensions } };
      return classified.formatted;
    },
  });
}
