/**
 * Query limits, enforced before execution so a refused query costs nothing:
 * GraphQL Armor for depth, aliases and directives, graphql-js for tokens, and,
 * once the variables are known, their coercion, the range of every `first` and
 * a cost limit (graphql-query-complexity) in which list fields multiply by
 * their `first` and long text fields count by their size.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  GraphQLError,
  Kind,
  OperationTypeNode,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  getNamedType,
  getVariableValues,
  isListType,
  isNonNullType,
  isObjectType,
  visit,
  type ASTNode,
  type DocumentNode,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { ErrorCode } from '../shared/errors.js';
import { introspectionBytes } from './introspection-cost.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './paging.js';

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
 * Reply bytes one unit of cost stands for, in long text: a field's cost is at least its
 * largest value's size in these units, so the cost limit bounds the text of one reply to
 * about 1.25 MB (50,000 × 25 bytes), a quarter of the reply cap, and the time spent
 * serializing it to ~50 ms (test/integration/hardening-abuse.test.ts checks the weights
 * against the corpus; the reply cap catches what the model misses).
 */
export const BYTES_PER_COST_UNIT = 25;

/**
 * Cost of the text fields longer than a cost unit, from their largest value in the corpus
 * (JSON-encoded bytes) with headroom: Document.text is 8.2 KB at most (7.4 KB typical),
 * Event.description 750 bytes, Claim.quote 410, Claim.text 230, Claim.sourceLink 185.
 */
export const TEXT_FIELD_COSTS: Readonly<Record<string, number>> = {
  'Document.text': 400,
  'Event.description': 40,
  'Claim.quote': 20,
  'TextAnchor.exact': 20,
  'Claim.text': 12,
  'Claim.sourceLink': 10,
  'Person.description': 8,
  'Organization.description': 8,
  'Place.description': 8,
};

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

/**
 * Cost of a field: 1 plus its children, times the number of items it can
 * return: `first` (or its default) for connections, a fixed bound for short lists.
 */
const pagedEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const textCost = TEXT_FIELD_COSTS[`${type.name}.${field.name}`];
  if (textCost !== undefined) return textCost;
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

/**
 * An estimator for `__schema` and `__type`: their reply's exact size in cost units (BYTES_PER_COST_UNIT), counted
 * over the schema (introspection-cost.ts). One budget, just over the limit, for all of a request's introspection:
 * once spent, the query is over the limit whatever else it asks, and no more is counted.
 */
function introspectionEstimator(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
): ComplexityEstimator {
  let remaining = (QUERY_LIMITS.maxCost + 1) * BYTES_PER_COST_UNIT;
  return ({ field, node }) => {
    if (field !== SchemaMetaFieldDef && field !== TypeMetaFieldDef) return undefined;
    const bytes = remaining > 0 ? introspectionBytes(schema, document, node, variables, remaining) : undefined;
    if (bytes === undefined) {
      remaining = 0;
      return QUERY_LIMITS.maxCost + 1;
    }
    remaining -= bytes;
    return Math.max(1, Math.ceil(bytes / BYTES_PER_COST_UNIT));
  };
}

export function queryCost(
  schema: GraphQLSchema,
  query: DocumentNode,
  variables?: Record<string, unknown>,
  operationName?: string,
): number {
  return getComplexity({
    schema,
    query,
    variables,
    operationName,
    estimators: [
      introspectionEstimator(schema, query, variables ?? {}),
      pagedEstimator,
      simpleEstimator({ defaultComplexity: 1 }),
    ],
  });
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
function operationChecksPlugin<T extends object>(): ApolloServerPlugin<T> {
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
          if (cost > QUERY_LIMITS.maxCost) {
            throw refused(
              `Query is too expensive: cost ${cost} exceeds the limit of ${QUERY_LIMITS.maxCost}. Ask for fewer items (smaller "first"), fewer nested lists or fewer long text fields.`,
              ErrorCode.QUERY_TOO_COMPLEX,
              { cost, maxCost: QUERY_LIMITS.maxCost },
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
export function queryLimits<T extends object>(): {
  plugins: ApolloServerPlugin<T>[];
  validationRules: ValidationRule[];
} {
  // Report a refusal as a validation error (400) instead of throwing out of validation (500).
  const report = {
    propagateOnRejection: false,
    onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)],
  };
  return {
    plugins: [operationChecksPlugin<T>()],
    validationRules: [
      readOnlyRule,
      maxDepthRule({ n: QUERY_LIMITS.maxDepth, ignoreIntrospection: true, flattenFragments: true, ...report }),
      maxAliasesRule({ n: QUERY_LIMITS.maxAliases, ...report }),
      maxDirectivesRule({ n: QUERY_LIMITS.maxDirectives, ...report }),
    ],
  };
}
