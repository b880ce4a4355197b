/**
 * Query limits, enforced before execution so a refused query costs nothing:
 * GraphQL Armor for depth, aliases and directives, graphql-js for tokens, and,
 * once the variables are known, their coercion, the range of every `first` and
 * a cost limit: the largest reply the query can produce and the work behind it
 * (reply-bound.ts). During execution, a budget of resolver calls and time
 * (execution-budget.ts) stops what the cost did not foresee.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  GraphQLError,
  Kind,
  OperationTypeNode,
  getVariableValues,
  visit,
  type ASTNode,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { ErrorCode } from '../shared/errors.js';
import { MAX_PAGE_SIZE } from './paging.js';
import { replyTally, tallyCost } from './reply-bound.js';

export const QUERY_LIMITS = {
  /** Nesting of fields (the deep example operation reaches 9). */
  maxDepth: 12,
  maxAliases: 15,
  maxDirectives: 20,
  /** Lexical tokens in the document (the largest example has about 120). */
  maxTokens: 1000,
  /**
   * The larger of a query's largest reply, in BYTES_PER_COST_UNIT, and its work (reply-bound.ts): the heaviest
   * committed operation, DocumentsDeep, costs 45,411; 58,000 × 25 bytes keeps `data` within 1.45 MB.
   */
  maxCost: 58_000,
  /** Bytes of an HTTP request body. */
  maxBodyBytes: 64 * 1024,
  /** Nesting of the `variables` and `extensions` JSON (this schema's deepest variable, a list of enums, needs 2). */
  maxInputDepth: 10,
  /** JSON values (objects, arrays, scalars) in each of `variables` and `extensions`. */
  maxInputValues: 1000,
  /**
   * Bytes of a reply as Lambda counts them (the body JSON-encoded into the function's result): below
   * the 6 MB (6,291,456-byte) limit of a synchronous invocation, with room for the headers.
   */
  maxReplyBytes: 5_000_000,
} as const;

/**
 * Reply bytes one unit of cost stands for. A query's cost is the largest `data`
 * it can answer with, in these units, or the work of resolving it (items read,
 * cursors sealed: reply-bound.ts), whichever is more, so the cost limit bounds
 * both: docs/limits.md, "The reply bound".
 */
export const BYTES_PER_COST_UNIT = 25;

/**
 * Bytes of the `errors` a reply may carry (a field that fails adds one error):
 * past it, the rest are left out and counted in one last error (ERRORS_OMITTED).
 */
export const MAX_ERROR_BYTES = 40_000;

/**
 * Replies no larger than this: `data` within the cost limit, at most
 * maxCost × BYTES_PER_COST_UNIT bytes, with its envelope and the errors
 * (MAX_ERROR_BYTES and the error saying how many were left out).
 */
export const REPLY_BOUND_BYTES = 1_500_000;

/**
 * One budget for all of a request's introspection (introspection-cost.ts counts its exact bytes): once spent,
 * the query is over the limit. It stays what it was before replies were bounded: the full schema under
 * fifteen aliases stays refused.
 */
export const MAX_INTROSPECTION_BYTES = 1_250_025;

export function queryCost(
  schema: GraphQLSchema,
  query: DocumentNode,
  variables?: Record<string, unknown>,
  operationName?: string,
): number {
  const tally = replyTally(schema, query, variables ?? {}, operationName, MAX_INTROSPECTION_BYTES);
  const cost = tallyCost(tally, BYTES_PER_COST_UNIT);
  return Number.isFinite(cost) ? cost : QUERY_LIMITS.maxCost + 1;
}

/** Costs of recent (query, operation, variables), so a repeated request is not walked again. */
const COST_CACHE_SIZE = 500;
/** Longer cache keys (large variable values) are not kept, so they cannot grow the cache. */
const MAX_COST_KEY_LENGTH = 2048;

/** A request refused before execution: the client's mistake, answered with 400 and a code. */
function refused(
  message: string,
  code: ErrorCode,
  extensions: Record<string, unknown> = {},
  nodes?: ASTNode | readonly ASTNode[],
): GraphQLError {
  return new GraphQLError(message, { nodes, extensions: { code, ...extensions, http: { status: 400 } } });
}

/**
 * The variables the operation declares, coerced as execution will coerce them. Unused
 * ones are never read, however they are nested; a bad value is BAD_USER_INPUT (400).
 */
function coerceVariables(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  inputs: Record<string, unknown>,
): Record<string, unknown> {
  const result = getVariableValues(schema, operation.variableDefinitions ?? [], inputs, { maxErrors: 1 });
  const error = result.errors?.[0];
  if (error !== undefined) throw refused(error.message, ErrorCode.BAD_USER_INPUT, {}, error.nodes);
  return result.coerced ?? {};
}

/**
 * Every `first` of the document (each is a page size), inline or from a variable, must be
 * within 0..MAX_PAGE_SIZE: one code and one status however it arrives, checked before execution.
 */
function checkPageSizes(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): void {
  // The operation run and the fragments (validation has refused any it does not use), not the other operations.
  const parts = [operation, ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)];
  for (const part of parts)
    visit(part, {
      Argument(node) {
        if (node.name.value !== 'first') return;
        const value =
          node.value.kind === Kind.INT
            ? Number(node.value.value)
            : node.value.kind === Kind.VARIABLE
              ? variables[node.value.name.value]
              : null;
        if (value === null || value === undefined) return;
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_PAGE_SIZE) {
          throw refused(
            `"first" must be between 0 and ${MAX_PAGE_SIZE} (got ${JSON.stringify(value)}).`,
            ErrorCode.BAD_USER_INPUT,
            { argumentName: 'first' },
            node,
          );
        }
      },
    });
}

/**
 * Once the operation and its variables are known, before execution: coerces the variables,
 * checks every `first`, then refuses a query whose cost exceeds the limit.
 */
function operationChecksPlugin<T extends object>(maxCost: number): ApolloServerPlugin<T> {
  const costs = new Map<string, number>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operation, operationName, queryHash }) {
          // No such operation: execution answers that, with its own error.
          if (operation === undefined) return;
          const variables = coerceVariables(schema, operation, request.variables ?? {});
          checkPageSizes(document, operation, variables);
          // Coerced values only: their nesting is bounded by the declared types, never by the request.
          const key = `${queryHash}\u0000${operationName ?? ''}\u0000${JSON.stringify(variables)}`;
          let cost = costs.get(key);
          if (cost === undefined) {
            cost = queryCost(schema, document, variables, operationName ?? undefined);
            if (key.length <= MAX_COST_KEY_LENGTH) {
              if (costs.size >= COST_CACHE_SIZE) costs.delete(costs.keys().next().value as string);
              costs.set(key, cost);
            }
          }
          if (cost > maxCost) {
            throw refused(
              `Query is too expensive: cost ${cost} exceeds the limit of ${maxCost}. Ask for fewer items (smaller "first"), fewer nested lists or fewer long text fields.`,
              ErrorCode.QUERY_TOO_COMPLEX,
              { cost, maxCost },
            );
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
      context.reportError(
        new GraphQLError(`This API is read-only: ${node.operation} operations are not supported.`, { nodes: node }),
      );
    }
  },
});

export const parseOptions = { maxTokens: QUERY_LIMITS.maxTokens };

/**
 * Armor's rules, taken one by one rather than through its all-in-one class, so
 * the protections this server does differently (tokens and cost above, field
 * suggestions through Apollo's own setting) do not weigh on the bundle.
 */
export function queryLimits<T extends object>(
  maxCost: number = QUERY_LIMITS.maxCost,
): {
  plugins: ApolloServerPlugin<T>[];
  validationRules: ValidationRule[];
} {
  // Report a refusal as a validation error (400) instead of throwing out of validation (500).
  const report = {
    propagateOnRejection: false,
    onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)],
  };
  return {
    plugins: [operationChecksPlugin<T>(maxCost)],
    validationRules: [
      readOnlyRule,
      maxDepthRule({ n: QUERY_LIMITS.maxDepth, ignoreIntrospection: true, flattenFragments: true, ...report }),
      maxAliasesRule({ n: QUERY_LIMITS.maxAliases, ...report }),
      maxDirectivesRule({ n: QUERY_LIMITS.maxDirectives, ...report }),
    ],
  };
}
