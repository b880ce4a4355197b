/**
 * DynamoDB requests of one operation, through SDK middleware: the project's
 * counter for the totals, plus start and end times to tell how many of them
 * ran one after another (a level's requests to different tables overlap), the
 * read units the engine says each consumed (it computes them from item sizes,
 * as DynamoDB bills them) and the keys read by key.
 */
import type { DataSources } from '../../functions/data/client.js';
import { countRequests, type RequestCounter } from './request-counter.js';

export interface RequestLog {
  counter: RequestCounter;
  /** Groups of overlapping requests, in order: the round trips a caller waits for. */
  sequentialRoundTrips(): number;
  /** What each request read (command, table, index, partition, limit), counted: `Query events.byDate EVENT#YEAR limit 2` ×2. */
  shapes(): Record<string, number>;
  /** Read units consumed, as the engine reports them (ReturnConsumedCapacity), by request shape. */
  readUnits(): Record<string, number>;
  /** Every key a GetItem or BatchGetItem asked for, with its table: `documents v000001#doc-1 TEXT`. */
  keysRead(): string[];
  reset(): void;
}

const READS = new Set(['GetItemCommand', 'BatchGetItemCommand', 'QueryCommand', 'ScanCommand']);

export function logRequests(ds: DataSources): RequestLog {
  const counter = countRequests(ds);
  let spans: { start: number; end: number }[] = [];
  let shapes: string[] = [];
  let units: Record<string, number> = {};
  let keysRead: string[] = [];
  const tableOf = new Map(Object.entries(ds.tables).map(([entity, name]) => [name, entity]));
  ds.raw.middlewareStack.add(
    (next, context) => async (args) => {
      const span = { start: performance.now(), end: Number.POSITIVE_INFINITY };
      spans.push(span);
      const command = context.commandName ?? 'request';
      const input = args.input as Record<string, unknown>;
      const shape = describe(command, input, tableOf);
      shapes.push(shape);
      if (READS.has(command)) {
        keysRead.push(...keysOf(input, tableOf));
        input.ReturnConsumedCapacity ??= 'TOTAL';
      }
      try {
        const result = await next(args);
        units[shape] = (units[shape] ?? 0) + consumedUnits(result.output);
        return result;
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
    readUnits: () => ({ ...units }),
    keysRead: () => [...keysRead],
    reset() {
      counter.reset();
      spans = [];
      shapes = [];
      units = {};
      keysRead = [];
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

function consumedUnits(output: unknown): number {
  const consumed = (output as { ConsumedCapacity?: { CapacityUnits?: number } | { CapacityUnits?: number }[] })
    .ConsumedCapacity;
  const all = Array.isArray(consumed) ? consumed : consumed === undefined ? [] : [consumed];
  return all.reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0);
}

/** The keys a read asks for by key (GetItem, BatchGetItem), as `<table> <partition> <sort>` (marshalled or plain values alike). */
function keysOf(input: Record<string, unknown>, tableOf: Map<string, string>): string[] {
  const text = (v: unknown) => (typeof v === 'string' ? v : ((v as { S?: string } | undefined)?.S ?? '?'));
  const line = (table: unknown, key: Record<string, unknown>) =>
    [tableOf.get(String(table)) ?? String(table), ...Object.values(key).map(text)].join(' ');
  if (input.Key !== undefined) return [line(input.TableName, input.Key as Record<string, unknown>)];
  const items = (input.RequestItems ?? {}) as Record<string, { Keys?: Record<string, unknown>[] }>;
  return Object.entries(items).flatMap(([table, { Keys }]) => (Keys ?? []).map((key) => line(table, key)));
}
