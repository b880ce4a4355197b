/**
 * DynamoDB requests of one operation, through SDK middleware: the project's
 * counter for the totals, plus start and end times to tell how many of them
 * ran one after another (a level's requests to different tables overlap).
 */
import type { DataSources } from '../functions/data/client.js';
import { countRequests, type RequestCounter } from '../functions/data/request-counter.js';

export interface RequestLog {
  counter: RequestCounter;
  /** Groups of overlapping requests, in order: the round trips a caller waits for. */
  sequentialRoundTrips(): number;
  reset(): void;
}

export function logRequests(ds: DataSources): RequestLog {
  const counter = countRequests(ds);
  let spans: { start: number; end: number }[] = [];
  ds.raw.middlewareStack.add(
    (next) => async (args) => {
      const span = { start: performance.now(), end: Number.POSITIVE_INFINITY };
      spans.push(span);
      try {
        return await next(args);
      } finally {
        span.end = performance.now();
      }
    },
    { step: 'initialize', name: 'benchRequestTimes' },
  );
  return {
    counter,
    sequentialRoundTrips() {
      let groups = 0;
      let groupEnd = Number.NEGATIVE_INFINITY;
      for (const span of [...spans].sort((a, b) => a.start - b.start)) {
        if (span.start >= groupEnd) {
          groups++;
          groupEnd = span.end;
        } else groupEnd = Math.max(groupEnd, span.end);
      }
      return groups;
    },
    reset() {
      counter.reset();
      spans = [];
    },
  };
}
