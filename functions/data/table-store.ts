/**
 * The generic DynamoDB access shared by the entity stores: batched reads by
 * key and paged queries on a table or index. Every SDK request of the request
 * path goes through here.
 */
import { BatchGetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { DataSources } from './client.js';
import { keys, type StoredKey } from './keys.js';
import { TABLES, type EntityTable } from './tables.js';
import { invalidCursor, keyOf, type PagePosition } from '../shared/page-position.js';
import type { VersionRecord } from './version-schemas.js';

/** DynamoDB's limit of keys in one BatchGetItem request. */
export const BATCH_GET_LIMIT = 100;
const MAX_UNPROCESSED_ROUNDS = 8;

export type { StoredKey } from './keys.js';

/** What a request reads: the data sources, and the one published version every read of the request is answered from. */
export interface Snapshot {
  readonly ds: DataSources;
  readonly version: number;
  /**
   * That version's record, read with the pointer: its entity counts answer unfiltered totals with no
   * read, and its item format says whether its entity items need parsing (see createLoaders).
   */
  readonly record: VersionRecord;
}

/** DynamoDB refuses empty key values and partition keys over 2048 bytes; no stored id is either. */
export function isStorableId(id: string): boolean {
  return id.length > 0 && Buffer.byteLength(id) <= 1024;
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

export function backoffMs(attempt: number): number {
  return Math.min(1000, 25 * 2 ** attempt) * (0.5 + Math.random() / 2);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface EntityRef {
  table: EntityTable;
  id: string;
  /** The entity item (the default), or a document's text, stored beside it. */
  part?: 'entity' | 'text';
}

export const refKey = (ref: EntityRef) => `${ref.table}\u0000${ref.id}\u0000${ref.part ?? 'entity'}`;

/**
 * Reads entity items (or documents' texts) of any of the tables in BatchGetItem
 * requests of at most 100 keys each (one request can span tables), retrying
 * UnprocessedKeys with backoff. Returns raw items by refKey; ids no item can have are not asked for.
 */
export async function batchGetEntities(
  { ds, version }: Snapshot,
  refs: readonly EntityRef[],
): Promise<Map<string, Record<string, unknown>>> {
  const found = new Map<string, Record<string, unknown>>();
  const unique = [...new Map(refs.filter((r) => isStorableId(r.id)).map((r) => [refKey(r), r])).values()];
  const tableOf = new Map(Object.entries(ds.tables).map(([table, name]) => [name, table as EntityTable]));
  await Promise.all(
    chunk(unique, BATCH_GET_LIMIT).map(async (batch) => {
      let request: Record<string, { Keys: Record<string, string>[] }> = {};
      for (const ref of batch)
        (request[ds.tables[ref.table]] ??= { Keys: [] }).Keys.push({
          ...keys.partAt(ref.table, ref.id, ref.part ?? 'entity', version),
        });
      for (let round = 0; Object.keys(request).length > 0; round++) {
        if (round > MAX_UNPROCESSED_ROUNDS) throw new Error(`BatchGetItem left keys unprocessed after ${round} rounds`);
        if (round > 0) await sleep(backoffMs(round));
        const out = await ds.db.send(new BatchGetCommand({ RequestItems: request }));
        for (const [tableName, items] of Object.entries(out.Responses ?? {})) {
          const table = tableOf.get(tableName);
          if (table === undefined) continue;
          for (const item of items) {
            const id = keys.logical(String(item[TABLES[table].partitionKey]));
            found.set(refKey({ table, id, part: keys.partOf(item, table) }), item);
          }
        }
        request = (out.UnprocessedKeys ?? {}) as typeof request;
      }
    }),
  );
  return found;
}

export interface QueryPageInput {
  table: EntityTable;
  index?: string;
  keyCondition: string;
  filter?: string;
  names?: Record<string, string>;
  values: Record<string, unknown>;
  forward: boolean;
  /** Items wanted; one more is read to know whether a next page exists. */
  first: number;
  after?: StoredKey;
}

export interface QueryPageResult {
  items: Record<string, unknown>[];
  hasNextPage: boolean;
}

/**
 * One page of a Query: reads until `first + 1` matching items are seen or the
 * key range ends, so filters never return short pages by accident.
 */
export async function queryPage(ds: DataSources, input: QueryPageInput): Promise<QueryPageResult> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined = input.after;
  const want = input.first + 1;
  do {
    const params: QueryCommandInput = {
      TableName: ds.tables[input.table],
      IndexName: input.index,
      KeyConditionExpression: input.keyCondition,
      FilterExpression: input.filter,
      ExpressionAttributeNames: input.names,
      ExpressionAttributeValues: input.values,
      ScanIndexForward: input.forward,
      Limit: input.filter === undefined ? want - items.length : Math.max(want - items.length, 25),
      ExclusiveStartKey: startKey,
    };
    const out = await ds.db.send(new QueryCommand(params));
    items.push(...(out.Items ?? []));
    startKey = out.LastEvaluatedKey;
  } while (startKey !== undefined && items.length < want);
  return { items: items.slice(0, input.first), hasNextPage: items.length > input.first };
}

/** Counts the items a query matches without returning them (Select COUNT). */
export async function queryCount(
  ds: DataSources,
  input: Omit<QueryPageInput, 'first' | 'after' | 'forward'>,
): Promise<number> {
  let count = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await ds.db.send(
      new QueryCommand({
        TableName: ds.tables[input.table],
        IndexName: input.index,
        KeyConditionExpression: input.keyCondition,
        FilterExpression: input.filter,
        ExpressionAttributeNames: input.names,
        ExpressionAttributeValues: input.values,
        Select: 'COUNT',
        ExclusiveStartKey: startKey,
      }),
    );
    count += out.Count ?? 0;
    startKey = out.LastEvaluatedKey;
  } while (startKey !== undefined);
  return count;
}

/**
 * The key that resumes a query of `index` after a cursor's position: exactly
 * the key attributes of the table and index, in the partition the query reads
 * (else the invalid-cursor error). A cursor is sealed, but the check keeps a
 * forged one inert. Every keyed store checks its positions here.
 */
export function startKeyOf(
  after: PagePosition | undefined,
  query: { table: EntityTable; index: string; partitionValue: string },
): StoredKey | undefined {
  if (after === undefined) return undefined;
  const key = keyOf(after);
  const def = TABLES[query.table];
  const idx = def.indexes.find((i) => i.name === query.index);
  const names = new Set<string>(
    idx === undefined ? [] : [def.partitionKey, def.sortKey, idx.partitionKey, idx.sortKey],
  );
  const given = Object.keys(key);
  const matches =
    idx !== undefined &&
    given.length === names.size &&
    given.every((n) => names.has(n) && key[n] !== '') &&
    key[idx.partitionKey] === query.partitionValue;
  if (!matches) throw invalidCursor();
  return key;
}

/** The ExclusiveStartKey that resumes a query on `index` right after `item`. */
export function resumeKey(table: EntityTable, index: string | undefined, item: Record<string, unknown>): StoredKey {
  const def = TABLES[table];
  const names: string[] = [def.partitionKey, def.sortKey];
  const idx = def.indexes.find((i) => i.name === index);
  if (idx !== undefined) names.push(idx.partitionKey, idx.sortKey);
  return Object.fromEntries(names.map((n) => [n, String(item[n])]));
}

/** How many entities of a table (or of one kind of subject in the people table) the snapshot's version holds. */
export function entityCount(
  { record }: Snapshot,
  table: EntityTable,
  kind?: 'PERSON' | 'ORGANIZATION' | 'PLACE',
): number {
  if (table !== 'people') return record[table];
  switch (kind) {
    case 'ORGANIZATION':
      return record.organizations;
    case 'PLACE':
      return record.places;
    default:
      return record.people;
  }
}
