/** The GraphQL Lambda handler called in this process, as the tests call it, with its DynamoDB requests logged. */
import type { DataSources } from '../functions/data/client.js';
import { handlerFor, httpEvent, invoke } from '../scripts/harness/local-engine.js';
import type { MixOperation } from './query-mix.js';
import { logRequests, type RequestLog } from '../scripts/harness/request-log.js';
import { RUNS_BEFORE_COMPILING } from '../functions/graphql/jit-executor.js';

export interface OperationRun {
  ms: number;
  /** CPU of this process (user + system) over the same span as `ms`: the handler's work and the SDK's, not the check of the reply. */
  cpuMs: number;
  requests: number;
  byCommand: Record<string, number>;
  roundTrips: number;
  shapes: Record<string, number>;
}

export interface InProcessApi {
  run(op: MixOperation): Promise<OperationRun>;
  log: RequestLog;
}

export function inProcessApi(ds: DataSources): InProcessApi {
  const log = logRequests(ds);
  // As deployed: the CDK stack sets NODE_ENV=production, and an operation is compiled on its second run.
  const handler = handlerFor(ds, { production: true, compileAfterRuns: RUNS_BEFORE_COMPILING });
  return {
    log,
    async run(op) {
      const event = httpEvent('POST', { body: { query: op.query, variables: op.variables } });
      log.reset();
      const cpu = process.cpuUsage();
      const started = performance.now();
      const result = await invoke(handler, event);
      const ms = performance.now() - started;
      const used = process.cpuUsage(cpu);
      const body = JSON.parse(result.body ?? '{}') as { data?: unknown; errors?: { message: string }[] };
      if (result.statusCode !== 200 || body.errors !== undefined || body.data == null) {
        throw new Error(
          `${op.name} failed (${result.statusCode}): ${JSON.stringify(body.errors ?? body).slice(0, 400)}`,
        );
      }
      return {
        ms,
        cpuMs: (used.user + used.system) / 1000,
        requests: log.counter.total(),
        byCommand: log.counter.byCommand(),
        roundTrips: log.sequentialRoundTrips(),
        shapes: log.shapes(),
      };
    },
  };
}
