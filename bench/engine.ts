/** One local engine (its own process) holding one corpus scale, and the ways the bench fills it. */
import { createDataSources, type DataSources } from '../functions/data/client.js';
import { batchWrite, type WriteRequest } from '../functions/data/refresh-store.js';
import { keys } from '../functions/data/keys.js';
import { chunk } from '../functions/data/table-store.js';
import { publishPointer } from '../functions/data/version-store.js';
import { ensureTables } from '../functions/data/table-admin.js';
import { TABLE_LIST, localTableName, type EntityTable } from '../functions/data/tables.js';
import { startChild, type Child } from './processes.js';

export const TABLE_PREFIX = 'bench';

export const benchTableNames = (): Record<EntityTable, string> =>
  Object.fromEntries(TABLE_LIST.map((t) => [t.name, localTableName(t, TABLE_PREFIX)])) as Record<EntityTable, string>;

/** The env vars a process serving the API needs (what useLocalEnvironment sets, with the bench's tables). */
export function apiEnvironment(endpoint: string): Record<string, string> {
  const names = benchTableNames();
  return { DYNAMODB_ENDPOINT: endpoint, ...Object.fromEntries(TABLE_LIST.map((t) => [t.envVar, names[t.name]])) };
}

export interface BenchEngine {
  endpoint: string;
  child: Child<{ endpoint: string }>;
  /** Data sources for loading and for the raw floor. */
  ds: DataSources;
  /** Fresh data sources with the same settings as the API's (one per consumer, so counters do not mix). */
  dataSources(): DataSources;
  close(): Promise<void>;
}

export async function startBenchEngine(): Promise<BenchEngine> {
  const child = await startChild<{ endpoint: string }>('engine-process.ts');
  const endpoint = child.ready.endpoint;
  const made: DataSources[] = [];
  const dataSources = () => {
    const ds = createDataSources({ endpoint, tables: benchTableNames() });
    made.push(ds);
    return ds;
  };
  const ds = dataSources();
  await ensureTables(ds);
  return {
    endpoint,
    child,
    ds,
    dataSources,
    async close() {
      for (const d of made) d.raw.destroy();
      await child.stop();
    },
  };
}

/**
 * Writes items as version 1 with the refresh's own batch writer, several
 * batches in flight so the engine, not this process, sets the pace, then
 * publishes version 1 (its record carries no counts: the bench reads none).
 */
export async function writeItems(ds: DataSources, tables: Record<EntityTable, Record<string, unknown>[]>, streams = 8): Promise<number> {
  let written = 0;
  await Promise.all(
    TABLE_LIST.map(async (def) => {
      const requests: WriteRequest[] = tables[def.name].map((item) => ({ PutRequest: { Item: keys.stored(def.name, item, 1) } }));
      written += requests.length;
      const size = Math.ceil(requests.length / streams);
      await Promise.all(chunk(requests, Math.max(size, 1)).map((slice) => batchWrite(ds, def.name, slice)));
    }),
  );
  const none = { documents: 0, people: 0, organizations: 0, places: 0, events: 0, claims: 0, added: 0, updated: 0, removed: 0 };
  await publishPointer(ds, { current: 1, kept: [{ number: 1, contentHash: 'direct', publishedAt: new Date().toISOString(), ...none, items: {} }], retired: [] }, undefined);
  return written;
}
