import { handlers, startServerAndCreateLambdaHandler } from '@as-integrations/aws-lambda';
import { createContext, type HandlerDependencies } from './context.js';
import { DEFAULT_HTTP_CACHE, httpCache } from './http-cache.js';
import { cursorCodecs } from './cursor-codec.js';
import { createExportRoute, isExportRequest } from './export-route.js';
import { originCheck } from './origin-check.js';
import { playgroundMiddleware } from './playground.js';
import { matchingContentLength, reportingFailures, requestGuard } from './request-guard.js';
import { errorDetails } from '../shared/logger.js';
import { createApolloServer, type ServerOptions } from './server.js';

/** The GraphQL Lambda handler (function URL or HTTP API, payload v2) over dependencies built once by the caller. */
export function createGraphQLHandler(deps: HandlerDependencies, options: ServerOptions = {}) {
  const server = createApolloServer(options);
  const cursors = cursorCodecs(deps.cursorSecret);
  // First of all, a request that did not come through CloudFront is refused (none is, locally).
  const fromCloudFront = originCheck(deps.originSecret, deps.logger);
  // The integration's typings name @apollo/server's CommonJS declarations; the runtime class is the same.
  const graphql = startServerAndCreateLambdaHandler(
    server as never,
    handlers.createAPIGatewayProxyEventV2RequestHandler(),
    {
      // Oversized bodies are refused first; browsers asking for /graphql get the playground page,
      // whose assets are read from disk only then.
      // Then a GET that names its current ETag gets 304 before any execution; a cacheable answer gets its ETag.
      // Result hooks run in the same order, after Apollo answered.
      middleware: [
        reportingFailures(fromCloudFront, deps.logger),
        requestGuard(deps.logger, options.maxReplyBytes),
        reportingFailures(playgroundMiddleware, deps.logger),
        httpCache(deps.versions, deps.buildId, options.httpCache ?? DEFAULT_HTTP_CACHE),
        // Last, so its result hook runs after every other one has changed the body.
        matchingContentLength,
      ],
      context: async ({ event, context }) => {
        // A local or hand-made event may have no request context, whatever its type says.
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
        const requestId = context.awsRequestId || event.requestContext?.requestId || 'unknown';
        try {
          return createContext(deps, cursors, requestId);
        } catch (error) {
          // Apollo answers it (masked, 500) but has no request id to log it with.
          deps.logger.error('GraphQL context creation failed', { requestId, error: errorDetails(error) });
          throw error;
        }
      },
    },
  );
  // GET /export/claims.{csv,jsonld}: the claims list as files, from the same function and dependencies,
  // behind the same origin check.
  const exports = createExportRoute(deps, cursors, options.httpCache ?? DEFAULT_HTTP_CACHE);
  const exportOrRefusal = async (event: Parameters<typeof graphql>[0], requestId: string) =>
    (await fromCloudFront(event)) ?? exports(event, requestId);
  const handler: typeof graphql = (event, context, callback) =>
    isExportRequest(event)
      ? exportOrRefusal(event, context.awsRequestId || 'unknown')
      : graphql(event, context, callback);
  return handler;
}
