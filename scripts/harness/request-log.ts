/**
 * DynamoDB requests of one operation, through SDK middleware: the project's
 * counter for the totals, plus start and end times to tell how many of them
 * ran one after another (a level's requests to different tables overlap).
 */
import type { DataSources } from '../../functions/data/client.js';
import { countRequests, type RequestCounter } from './request-counter.js';

export interface RequestLog {
  counter: RequestCounter;
  /** Groups of overlapping requests, in order: the round trips a caller waits for. */
  sequentialRoundTrips(): number;
  /** What each request read (command, table, index, partition, limit), counted: `Query events.byDate EVENT#YEAR limit 2` ×2. */
  shapes(): Record<string, number>;
  reset(): void;
}

export function logRequests(ds: DataSources): RequestLog {
  const counter = countRequests(ds);
  let spans: { start: number; end: number }[] = [];
  let shapes: string[] = [];
  const tableOf = new Map(Object.entries(ds.tables).map(([entity, name]) => [name, entity]));
  ds.raw.middlewareStack.add(
    (next, context) => async (args) => {
      const span = { start: performance.now(), end: Number.POSITIVE_INFINITY };
      spans.push(span);
      shapes.push(describe(context.commandName ?? 'request', args.input as Record<string, unknown>, tableOf));
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
    shapes() {
      const counts: Record<string, number> = {};
      for (const shape of shapes) counts[shape] = (counts[shape] ?? 0) + 1;
      return counts;
    },
    reset() {
      counter.reset();
      spans = [];
      shapes = [];
    },
  };
}

/** One request in a few words: the low-level input (the document client's middleware sees marshalled values). */
function describe(command: string, input: Record<string, unknown>, tableOf: Map<string, string>): string {
  const name = command.replace(/Command$/, '');
  const table = (t: unknown) => tableOf.get(String(t)) ?? String(t);
  const items = input.RequestItems as Record<string, { Keys?: unknown[] }> | undefined;
  if (items !== undefined) return `${name} ${Object.keys(items).map(table).sort().join('+')}`;
  const values = (input.ExpressionAttributeValues ?? {}) as Record<string, { S?: string } | string>;
  const partition = Object.entries(values).find(([key]) => /^:(p|kind|pk)$/.test(key))?.[1];
  const text = typeof partition === 'string' ? partition : partition?.S;
  const key = input.Key as Record<string, { S?: string } | string> | undefined;
  const keyText =
    key === undefined
      ? ''
      : ` ${Object.values(key)
          .map((v) => (typeof v === 'string' ? v : (v.S ?? '?')))
          .join('/')}`;
  return `${name} ${table(input.TableName)}${input.IndexName === undefined ? '' : `.${input.IndexName as string}`}${text === undefined ? '' : ` ${text}`}${keyText}${input.Limit === undefined ? '' : ` limit ${input.Limit as number}`}`;
}
