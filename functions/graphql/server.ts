import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { typeDefs } from '../../schema/__generated__/type-defs.js';
import { isProduction } from '../shared/env.js';
import { classifyError } from '../shared/errors.js';
import { logger } from '../shared/logger.js';
import type { GraphQLContext } from './context.js';
import { resolvers } from './resolvers/index.js';

export interface ServerOptions {
  production?: boolean;
  introspection?: boolean;
}

export function createApolloServer(options: ServerOptions = {}): ApolloServer<GraphQLContext> {
  const production = options.production ?? isProduction();
  return new ApolloServer<GraphQLContext>({
    typeDefs,
    resolvers,
    introspection: options.introspection ?? true,
    includeStacktraceInErrorResponses: !production,
    // The playground is served by the handler itself, from the project's own assets.
    plugins: [ApolloServerPluginLandingPageDisabled()],
    formatError: (formatted, error): GraphQLFormattedError => {
      const classified = classifyError(unwrapResolverError(error), formatted);
      if (classified.log) {
        logger.error('GraphQL request failed', { error: unwrapResolverError(error) as Error, path: formatted.path });
      }
      if (!production) return { ...formatted, ...classified.formatted, extensions: { ...formatted.extensions, ...classified.formatted.extensions } };
      return classified.formatted;
    },
  });
}
