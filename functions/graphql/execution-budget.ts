/**
 * What one request may spend once it runs: resolver calls and time. The cost
 * limit bounds the reply before execution; this stops, with a coded error,
 * whatever the cost model did not foresee (a slow store, a resolver that loops).
 * Every resolver of the schema spends from the budget of its request's context.
 * A reply whose failures pile up errors carries at most MAX_ERROR_BYTES of them.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLFieldResolver, type GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '../shared/errors.js';

export interface ExecutionBudgetLimits {
  /**
   * Resolver calls of one request. An accepted query's reply holds at most 1.45 MB of `data` and each
   * resolved field at least about 12 bytes of it, so it makes fewer than ~120,000 even with every list
   * at its largest; the corpus's lists are far shorter.
   */
  maxResolverCalls: number;
  /** Milliseconds from the start of execution. */
  maxMs: number;
}

export const EXECUTION_BUDGET: ExecutionBudgetLimits = {
  maxResolverCalls: 200_000,
  // Well past the slowest committed operation on a cold instance, well before the function's timeout.
  maxMs: 5_000,
};

/** Resolver calls between two looks at the clock. */
const CALLS_PER_CLOCK_CHECK = 64;

export class ExecutionBudget {
  private calls = 0;
  private readonly deadline: number;

  constructor(private readonly limits: ExecutionBudgetLimits) {
    this.deadline = Date.now() + limits.maxMs;
  }

  /** Counts a resolver call; throws EXECUTION_BUDGET_EXCEEDED once the calls or the time are spent. */
  spend(): void {
    this.calls++;
    if (this.calls > this.limits.maxResolverCalls) throw budgetExceeded(this.limits, 'resolver calls');
    if (this.calls % CALLS_PER_CLOCK_CHECK === 0 && Date.now() > this.deadline)
      throw budgetExceeded(this.limits, 'time');
  }
}

function budgetExceeded(limits: ExecutionBudgetLimits, spent: string): GraphQLError {
  return new GraphQLError(
    `The request ran out of its execution budget (${spent}: at most ${limits.maxResolverCalls} resolver calls in ${limits.maxMs} ms). Ask for fewer items or fewer nested lists.`,
    {
      extensions: {
        code: ErrorCode.EXECUTION_BUDGET_EXCEEDED,
        maxResolverCalls: limits.maxResolverCalls,
        maxMs: limits.maxMs,
      },
    },
  );
}

/** The part of a request's context that carries its budget (set when execution starts). */
export interface Budgeted {
  budget?: ExecutionBudget;
}

/** A resolver that spends from its request's budget first. */
export function budgeted<S, C extends Budgeted, A>(
  resolve: GraphQLFieldResolver<S, C, A>,
): GraphQLFieldResolver<S, C, A> {
  return (source, args, context, info) => {
    context.budget?.spend();
    return resolve(source, args, context, info);
  };
}

/** Gives each request a fresh budget when execution starts, and trims the errors of its reply. */
export function executionBudgetPlugin<T extends Budgeted>(
  limits: ExecutionBudgetLimits,
  maxErrorBytes: number,
): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async executionDidStart({ contextValue }) {
          contextValue.budget = new ExecutionBudget(limits);
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors;
          if (errors !== undefined) response.body.singleResult.errors = trimErrors(errors, maxErrorBytes);
        },
      };
    },
  };
}

/** The first errors that fit in `maxBytes`, and one that counts the rest. */
export function trimErrors(
  errors: readonly GraphQLFormattedError[],
  maxBytes: number,
): readonly GraphQLFormattedError[] {
  let bytes = 0;
  let kept = 0;
  for (const error of errors) {
    bytes += Buffer.byteLength(JSON.stringify(error)) + 1;
    if (bytes > maxBytes) break;
    kept++;
  }
  if (kept === errors.length) return errors;
  const omitted = errors.length - kept;
  return [
    ...errors.slice(0, kept),
    {
      message: `${omitted} more error${omitted === 1 ? '' : 's'} left out of this reply.`,
      extensions: { code: ErrorCode.ERRORS_OMITTED, omitted },
    },
  ];
}
