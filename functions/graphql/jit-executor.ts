/**
 * Executes repeated operations with graphql-jit. An operation's first runs in
 * an instance go through graphql-js, so a cold start neither loads nor runs
 * the compiler; later runs call a function compiled for that operation, which
 * builds the result without graphql-js's per-field bookkeeping (on the deep
 * example query, about a quarter of the handler's CPU; docs/bench.md).
 *
 * graphql-js stays the reference. The compiled function gets the variables
 * graphql-js coerced (so a non-null variable's default applies as the spec
 * says), an operation graphql-jit cannot compile keeps running on graphql-js,
 * and a result with any error (or a compiled run that throws) is answered
 * again by graphql-js, so every error a client sees (message, path, locations,
 * code) is graphql-js's. A rerun takes the items the first run loaded from the
 * request's loaders; only list pages are read again.
 *
 * Apollo Server 4+ takes a custom executor through its gateway interface, as
 * its migration guide advises for the `executor` option it removed.
 */
import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import type { Logger } from '@aws-lambda-powertools/logger';
import {
  execute,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import type { CompiledQuery } from 'graphql-jit';
import { MAX_ECHO_CHARS } from '../shared/errors.js';
import { errorDetails } from '../shared/logger.js';
import type { GraphQLContext } from './context.js';

/** Runs of an operation on graphql-js, in one instance, before it is compiled. */
export const RUNS_BEFORE_COMPILING = 1;

/**
 * Documents an instance keeps operations of (compiled, or counting their runs), the least recently used
 * dropped first. A compiled example operation holds about 40 KB and takes about 1 ms to compile, so a
 * flood of distinct queries costs at most 20 MB here, and what it pushes out is compiled again.
 */
export const MAX_DOCUMENTS = 500;

/** The request's logger (a test may run the executor with a context that has none). */
const loggerOf = (context: Record<string, unknown>): Logger | undefined => (context as Partial<GraphQLContext>).logger;

type Entry = { runs: number } | { compiled: CompiledQuery } | { uncompilable: true };

export interface CompilingExecutor extends GatewayInterface {
  /**
   * Operations compiled so far, those graphql-jit refused (they run on graphql-js), and compiled runs
   * whose result had errors and was answered again by graphql-js; `diverged` counts those where
   * graphql-js found no error (logged as a warning: a graphql-jit fault for this schema).
   */
  readonly stats: { compiled: number; uncompilable: number; reruns: number; diverged: number };
}

type Stats = CompilingExecutor['stats'];

/**
 * Each document's operations, the least recently used document dropped first. Apollo keeps each parsed,
 * validated document in its document store and hands the same object to every request of that query.
 */
function operationCache(maxDocuments: number): (document: DocumentNode) => Map<string, Entry> {
  // A Map iterates in insertion order: each use moves its document to the end.
  const byDocument = new Map<DocumentNode, Map<string, Entry>>();
  return (document) => {
    let operations = byDocument.get(document);
    if (operations === undefined) {
      operations = new Map();
      if (byDocument.size >= maxDocuments) byDocument.delete(byDocument.keys().next().value as DocumentNode);
    } else {
      byDocument.delete(document);
    }
    byDocument.set(document, operations);
    return operations;
  };
}

/** Compiles operations of the schema; graphql-jit is loaded with the first compilation. */
function operationCompiler(schema: GraphQLSchema, stats: Stats) {
  // An instance that never sees a query twice never loads it.
  let compiler: Promise<typeof import('graphql-jit')> | undefined;
  return async (document: DocumentNode, operationName: string | null, logger: Logger | undefined): Promise<Entry> => {
    const started = performance.now();
    const name = operationName?.slice(0, MAX_ECHO_CHARS);
    try {
      const { compileQuery, isCompiledQuery } = await (compiler ??= import('graphql-jit'));
      const compiled = compileQuery(schema, document, operationName ?? undefined);
      if (isCompiledQuery(compiled)) {
        stats.compiled++;
        logger?.debug('Compiled operation', { operationName: name, ms: Math.round(performance.now() - started) });
        return { compiled };
      }
      logger?.warn('graphql-jit refused an operation; graphql-js runs it', {
        operationName: name,
        errors: compiled.errors?.slice(0, 3).map((e) => e.message),
      });
    } catch (error) {
      logger?.warn('graphql-jit failed to compile an operation; graphql-js runs it', {
        operationName: name,
        error: errorDetails(error),
      });
    }
    stats.uncompilable++;
    return { uncompilable: true };
  };
}

/** Runs the compiled operation; a result with any error is answered again by graphql-js (the reference). */
async function runCompiled(
  compiled: CompiledQuery,
  context: Record<string, unknown>,
  variables: Record<string, unknown>,
  rerun: { reference: () => Promise<ExecutionResult> | ExecutionResult; operationName: string | null; stats: Stats },
): Promise<ExecutionResult> {
  const result: ExecutionResult = await Promise.resolve()
    .then(() => compiled.query(undefined, context, variables))
    .catch((error: unknown) => ({
      errors: [new GraphQLError(error instanceof Error ? error.message : String(error))],
    }));
  if (result.errors === undefined || result.errors.length === 0) return result;
  rerun.stats.reruns++;
  const answer = await rerun.reference();
  if (answer.errors === undefined || answer.errors.length === 0) {
    rerun.stats.diverged++;
    loggerOf(context)?.warn('Compiled execution failed where graphql-js did not; graphql-js answered', {
      operationName: rerun.operationName?.slice(0, MAX_ECHO_CHARS),
      errors: result.errors.slice(0, 3).map((error) => ({ message: error.message, path: error.path })),
    });
  }
  return answer;
}

export function compilingExecutor(
  schema: GraphQLSchema,
  options: { runsBeforeCompiling?: number; maxDocuments?: number } = {},
): CompilingExecutor {
  const runsBeforeCompiling = options.runsBeforeCompiling ?? RUNS_BEFORE_COMPILING;
  const stats: Stats = { compiled: 0, uncompilable: 0, reruns: 0, diverged: 0 };
  const operationsOf = operationCache(options.maxDocuments ?? MAX_DOCUMENTS);
  const compile = operationCompiler(schema, stats);

  const executor: GatewayExecutor = async ({ document, request, context }) => {
    // The name the client asked for: the context's own is null when no operation matched it.
    const operationName = request.operationName ?? null;
    const inputs = request.variables ?? {};
    const reference = () =>
      execute({ schema, document, operationName, contextValue: context, variableValues: inputs }) as
        Promise<ExecutionResult> | ExecutionResult;
    // No such operation: graphql-js answers that with its own error.
    const operation = getOperationAST(document, operationName);
    if (operation == null) return reference();
    const operations = operationsOf(document);
    const name = operationName ?? '';
    let entry = operations.get(name) ?? { runs: 0 };
    if ('runs' in entry) {
      if (entry.runs < runsBeforeCompiling) {
        operations.set(name, { runs: entry.runs + 1 });
        return reference();
      }
      entry = await compile(document, operationName, loggerOf(context));
      operations.set(name, entry);
    }
    if (!('compiled' in entry)) return reference();
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], inputs);
    if (coerced.coerced === undefined) return reference();
    return runCompiled(entry.compiled, context, coerced.coerced, { reference, operationName, stats });
  };

  return {
    stats,
    load: () => Promise.resolve({ schema, executor }),
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    stop: () => Promise.resolve(),
  };
}
