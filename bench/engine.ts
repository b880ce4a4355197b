/** One local engine (its own process) holding one corpus scale. */
import { createDataSources, type DataSources } from '../functions/data/client.js';
import { ensureTables } from '../scripts/harness/table-admin.js';
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
