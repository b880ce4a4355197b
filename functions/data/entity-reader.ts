import type * as z from 'zod/mini';
import type { DataSources } from './client.js';
import { batchGetEntities } from './table-store.js';
import type { EntityTable } from './tables.js';

/** Reads entity items by id and parses each with its zod schema; missing ids give null. */
export async function readEntities<T>(
  ds: DataSources,
  table: EntityTable,
  schema: z.ZodMiniType<T>,
  ids: readonly string[],
): Promise<(T | null)[]> {
  const found = await batchGetEntities(ds, table, ids);
  return ids.map((id) => {
    const item = found.get(id);
    return item === undefined ? null : schema.parse(item);
  });
}
