import { handlers, startServerAndCreateLambdaHandler } from '@as-integrations/aws-lambda';
import type { DataSources } from '../data/client.js';
import { logger } from '../shared/logger.js';
import { createContext } from './context.js';
import { playgroundMiddleware } from './playground.js';
import { requestGuard } from './request-guard.js';
import { createApolloServer, type ServerOptions } from './server.js';

/** The GraphQL Lambda handler over the given data sources (API Gateway HTTP API, payload v2). */
export function createGraphQLHandler(ds: DataSources, options: ServerOptions = {}) {
  const server = createApolloServer(options);
  // The integration's typings name @apollo/server's CommonJS declarations; the runtime class is the same.
  return startServerAndCreateLambdaHandler(server as never, handlers.createAPIGatewayProxyEventV2RequestHandler(), {
    // Oversized bodies are refused first; browsers asking for /graphql get the playground page,
    // whose assets are read from disk only then.
    middleware: [requestGuard, playgroundMiddleware],
    context: async ({ event, context }) =>
      createContext(ds, context.awsRequestId || event.requestContext?.requestId || 'unknown', logger),
  });
}
