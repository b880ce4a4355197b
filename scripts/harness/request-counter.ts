import type { DataSources } from '../../functions/data/client.js';

export interface RequestCounter {
  /** DynamoDB requests sent since the last reset. */
  total(): number;
  byCommand(): Record<string, number>;
  reset(): void;
}

/**
 * Counts DynamoDB requests through SDK middleware (benchmarks and tests use it
 * to check that round trips grow with query depth, not with item count).
 */
export function countRequests(ds: DataSources): RequestCounter {
  let counts: Record<string, number> = {};
  ds.raw.middlewareStack.add(
    (next, context) => async (args) => {
      const name = context.commandName ?? 'unknown';
      counts[name] = (counts[name] ?? 0) + 1;
      return next(args);
    },
    { step: 'initialize', name: 'requestCounter' },
  );
  return {
    total: () => Object.values(counts).reduce((a, b) => a + b, 0),
    byCommand: () => ({ ...counts }),
    reset: () => {
      counts = {};
    },
  };
}
