import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import {
  buildASTSchema,
  GraphQLError,
  isAbstractType,
  isObjectType,
  type GraphQLFieldResolver,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type GraphQLTypeResolver,
} from 'graphql';
import type { Resolvers } from '../../schema/__generated__/resolvers-types.js';
import { typeDefsDocument } from '../../schema/__generated__/type-defs.js';
import { introspectionFromEnv, isProduction } from '../shared/env.js';
import { classifyError, clientMessage, ErrorCode, MAX_ECHO_CHARS } from '../shared/errors.js';
import { errorDetails } from '../shared/logger.js';
import type { GraphQLContext } from './context.js';
import { compilingExecutor } from './jit-executor.js';
import { corpusVersionPlugin } from './corpus-version.js';
import {
  budgeted,
  EXECUTION_BUDGET,
  executionBudgetPlugin,
  type Budgeted,
  type ExecutionBudgetLimits,
} from './execution-budget.js';
import { MAX_ERROR_BYTES, parseOptions, queryLimits } from './limits.js';
import { DEFAULT_HTTP_CACHE, httpCachePlugin, type HttpCachePolicy } from './http-cache.js';
import { persistedQueryCache } from './persisted-queries.js';
import { resolvers } from './resolvers/index.js';

export interface ServerOptions {
  production?: boolean;
  introspection?: boolean;
  /** How long GET answers may be cached (DEFAULT_HTTP_CACHE). */
  httpCache?: HttpCachePolicy;
  /** Runs of an operation on graphql-js before it is compiled (RUNS_BEFORE_COMPILING; 0 compiles at once). */
  compileAfterRuns?: number;
  /** The reply cap of the request guard; defaults to QUERY_LIMITS.maxReplyBytes (tests lower it to reach it). */
  maxReplyBytes?: number;
  /**
   * The cost limit; defaults to QUERY_LIMITS.maxCost. Tests that read the whole corpus in one request (nested
   * pages of 100 under 100 parents, over the limit's work by design) raise it.
   */
  maxCost?: number;
  /** Resolver calls and time one request may spend (EXECUTION_BUDGET; tests lower it to reach it). */
  executionBudget?: ExecutionBudgetLimits;
}

/**
 * What went wrong underneath: the resolver's error, or the one Apollo wrapped in a
 * GraphQLError when it was thrown outside resolvers (a plugin, the context function).
 */
export function rootCause(error: unknown): unknown {
  let cause = unwrapResolverError(error);
  while (cause instanceof GraphQLError && cause.originalError !== undefined)
    cause = unwrapResolverError(cause.originalError);
  return cause;
}

/** Refusals a request's log line lists at most (a validation error can come in hundreds). */
const MAX_LOGGED_REFUSALS = 5;

/**
 * Logs a request's errors through the request's logger (which carries its id).
 * A fault of the service, inside resolvers or not, is an ERROR line per error
 * with the cause's name, message, stack and causes. A refused request is one
 * INFO line (WARN when the service could not answer: SERVICE_UNAVAILABLE), with
 * the codes and messages the client got and no stack: the client's mistake is
 * worth counting, never paging someone.
 */
const errorLogPlugin: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors, contextValue, operationName }) {
        const refusals: { code: unknown; message: string }[] = [];
        const name = operationName?.slice(0, MAX_ECHO_CHARS);
        for (const error of errors) {
          const cause = rootCause(error);
          const { formatted, fault } = classifyError(cause, { message: error.message, extensions: error.extensions });
          if (!fault) {
            refusals.push({ code: formatted.extensions?.code, message: clientMessage(formatted.message, true) });
            continue;
          }
          contextValue.logger.error('GraphQL request failed', {
            operationName: name,
            path: error.path,
            error: errorDetails(cause),
          });
        }
        if (refusals.length === 0) return;
        const level = refusals.some(
          (r) => r.code === ErrorCode.SERVICE_UNAVAILABLE || r.code === ErrorCode.EXECUTION_BUDGET_EXCEEDED,
        )
          ? 'warn'
          : 'info';
        contextValue.logger[level]('GraphQL request refused', {
          operationName: name,
          errors: refusals.slice(0, MAX_LOGGED_REFUSALS),
          errorCount: refusals.length,
        });
      },
    };
  },
};

/**
 * The executable schema, built from the SDL codegen parsed at build time
 * (schema/__generated__/type-defs.ts) rather than from SDL parsed and merged
 * at start-up by @graphql-tools (which the bundle then leaves out, see
 * infra/bundling.ts). The SDL is the one codegen validated, and a test checks
 * the built schema is valid, so graphql-js need not check it again.
 */
export function buildExecutableSchema(resolvers: Resolvers): GraphQLSchema {
  const schema = buildASTSchema(typeDefsDocument, { assumeValid: true, assumeValidSDL: true });
  // Codegen's Resolvers type is a map of type name to field resolvers (functions here: no resolver objects, scalars or enums).
  for (const [typeName, fields] of Object.entries(resolvers as Record<string, Record<string, unknown>>)) {
    const type = schema.getType(typeName);
    if (isObjectType(type)) {
      const defined = type.getFields();
      for (const [fieldName, resolve] of Object.entries(fields)) {
        const field = defined[fieldName];
        if (field === undefined || typeof resolve !== 'function')
          throw new Error(`resolver ${typeName}.${fieldName}: no such field, or not a function`);
        field.resolve = budgeted(resolve as GraphQLFieldResolver<unknown, Budgeted>);
      }
    } else if (isAbstractType(type) && typeof fields.__resolveType === 'function') {
      type.resolveType = fields.__resolveType as GraphQLTypeResolver<unknown, unknown>;
    } else {
      throw new Error(`resolvers for ${typeName}: not an object type, or an abstract type without __resolveType`);
    }
  }
  return schema;
}

export function createApolloServer(options: ServerOptions = {}): ApolloServer<GraphQLContext> {
  const production = options.production ?? isProduction();
  const limits = queryLimits<GraphQLContext>(options.maxCost);
  return new ApolloServer<GraphQLContext>({
    // The schema, executed by graphql-js and, once an operation repeats, by graphql-jit (jit-executor.ts).
    gateway: compilingExecutor(buildExecutableSchema(resolvers), { runsBeforeCompiling: options.compileAfterRuns }),
    introspection: options.introspection ?? introspectionFromEnv(),
    includeStacktraceInErrorResponses: !production,
    // No "Did you mean …?" in production: suggestions leak the schema's shape to probing clients.
    hideSchemaDetailsFromClientErrors: production,
    // Arrays of operations are refused (400): each would otherwise escape the per-query limits.
    allowBatchedHttpRequests: false,
    // The committed operations answer by hash from a cold start; others register as automatic persisted queries.
    persistedQueries: { cache: persistedQueryCache() },
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
      httpCachePlugin(options.httpCache ?? DEFAULT_HTTP_CACHE),
      ...limits.plugins,
      executionBudgetPlugin<GraphQLContext>(options.executionBudget ?? EXECUTION_BUDGET, MAX_ERROR_BYTES),
    ],
    formatError: (formatted, error): GraphQLFormattedError => {
      const classified = classifyError(rootCause(error), formatted);
      const message = clientMessage(classified.formatted.message, production);
      if (!production)
        return {
          ...formatted,
          ...classified.formatted,
          message,
          extensions: { ...formatted.extensions, ...classified.formatted.extensions },
        };
      return { ...classified.formatted, message };
    },
  });
}
