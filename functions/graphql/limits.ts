/**
 * Query limits, enforced before execution so a refused query costs nothing:
 * GraphQL Armor for depth, aliases and directives, graphql-js for tokens, and a cost limit
 * (graphql-query-complexity) in which list fields multiply by their `first`.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, getNamedType, isListType, isNonNullType, isObjectType, type GraphQLOutputType, type GraphQLSchema, type ValidationContext, type ValidationRule, OperationTypeNode } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE } from './paging.js';

export const QUERY_LIMITS = {
  /** Nesting of fields (the deep example operation reaches 9). */
  maxDepth: 12,
  maxAliases: 15,
  maxDirectives: 20,
  /** Lexical tokens in the document (the largest example has about 120). */
  maxTokens: 1000,
  /** Estimated items a query may touch (the heaviest example, DocumentsDeep, costs 11,516). */
  maxCost: 50_000,
  /** Lists without `first` (authors, people, events, participants, reportedDates) are short; assume this many. */
  unpagedListSize: 10,
  /** Bytes of an HTTP request body. */
  maxBodyBytes: 64 * 1024,
} as const;

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

/**
 * Cost of a field: 1 plus its children, times the number of items it can
 * return: `first` (or its default) for connections, a fixed bound for short lists.
 */
const pagedEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  // A connection's edges and nodes are the page its `first` already counted.
  if (type.name.endsWith('Connection') && (field.name === 'edges' || field.name === 'nodes')) return childComplexity;
  const named = getNamedType(field.type);
  if (isObjectType(named) && named.name.endsWith('Connection')) {
    const first = typeof args.first === 'number' && args.first >= 0 ? args.first : DEFAULT_PAGE_SIZE;
    return 1 + first * Math.max(childComplexity, 1);
  }
  if (isList(field.type)) return 1 + QUERY_LIMITS.unpagedListSize * Math.max(childComplexity, 1);
  return undefined;
};

export function queryCost(schema: GraphQLSchema, query: Parameters<typeof getComplexity>[0]['query'], variables?: Record<string, unknown>, operationName?: string): number {
  return getComplexity({
    schema,
    query,
    variables,
    operationName,
    estimators: [pagedEstimator, simpleEstimator({ defaultComplexity: 1 })],
  });
}

/** Costs of recent (query, operation, variables), so a repeated request is not walked again. */
const COST_CACHE_SIZE = 500;

/** Refuses a query whose cost exceeds the limit once its variables are known. */
function costLimitPlugin<T extends object>(): ApolloServerPlugin<T> {
  const costs = new Map<string, number>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operationName, queryHash }) {
          const key = `${queryHash}\u0000${operationName ?? ''}\u0000${JSON.stringify(request.variables ?? {})}`;
          let cost = costs.get(key);
          if (cost === undefined) {
            try {
              cost = queryCost(schema, document, request.variables, operationName ?? undefined);
            } catch {
              // Bad variables are reported by execution with their own message.
              return;
            }
            // Only short keys are kept, so large variable blobs cannot grow the cache.
            if (key.length <= 2048) {
              if (costs.size >= COST_CACHE_SIZE) costs.delete(costs.keys().next().value as string);
              costs.set(key, cost);
            }
          }
          if (cost > QUERY_LIMITS.maxCost) {
            throw new GraphQLError(`Query is too expensive: cost ${cost} exceeds the limit of ${QUERY_LIMITS.maxCost}. Ask for fewer items (smaller "first") or fewer nested lists.`, {
              extensions: { code: 'QUERY_TOO_COMPLEX', cost, maxCost: QUERY_LIMITS.maxCost, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

/** The API is read-only: mutations and subscriptions are refused at validation, with a clear message. */
export const readOnlyRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation !== OperationTypeNode.QUERY) {
      context.reportError(new GraphQLError(`This API is read-only: ${node.operation} operations are not supported.`, { nodes: node }));
    }
  },
});

export const parseOptions = { maxTokens: QUERY_LIMITS.maxTokens };

/**
 * Armor's rules, taken one by one rather than through its all-in-one class, so
 * the protections this server does differently (tokens and cost above, field
 * suggestions through Apollo's own setting) do not weigh on the bundle.
 */
export function queryLimits<T extends object>(): { plugins: ApolloServerPlugin<T>[]; validationRules: ValidationRule[] } {
  // Report a refusal as a validation error (400) instead of throwing out of validation (500).
  const report = {
    propagateOnRejection: false,
    onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)],
  };
  return {
    plugins: [costLimitPlugin<T>()],
    validationRules: [
      readOnlyRule,
      maxDepthRule({ n: QUERY_LIMITS.maxDepth, ignoreIntrospection: true, flattenFragments: true, ...report }),
      maxAliasesRule({ n: QUERY_LIMITS.maxAliases, ...report }),
      maxDirectivesRule({ n: QUERY_LIMITS.maxDirectives, ...report }),
    ],
  };
}
