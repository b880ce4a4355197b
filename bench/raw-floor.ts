/**
 * The physical floor of the deep walk (DocumentsDeep): the same items read
 * straight from the engine with one Query for the root list and one
 * BatchGetItem per level after it, each level waiting for the ids the previous
 * one returned, as any client must. Like the API it keeps what it has read and
 * asks each level only for ids it does not hold yet, and it splits a level at
 * 100 keys into parallel requests; unlike the API it skips GraphQL parsing,
 * validation, item parsing and the JSON reply. It reads the published version
 * it is given, as a warm API instance reads the one its cached pointer names.
 */
import { BatchGetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { DataSources } from '../functions/data/client.js';
import { BATCH_GET_LIMIT, chunk } from '../functions/data/table-store.js';
import { keys as itemKeys } from '../functions/data/keys.js';
import { INDEX, TABLES, indexPartitionKey, type EntityTable } from '../functions/data/tables.js';

type Item = Record<string, unknown>;

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

async function batchGet(
  ds: DataSources,
  version: number,
  table: EntityTable,
  ids: readonly string[],
  held: Map<string, Item>,
): Promise<Item[]> {
  const def = TABLES[table];
  const tableName = ds.tables[table];
  const missing = [...new Set(ids)].filter((id) => !held.has(`${table}:${id}`));
  await Promise.all(
    chunk(missing, BATCH_GET_LIMIT).map(async (keys) => {
      const out = await ds.db.send(
        new BatchGetCommand({
          RequestItems: { [tableName]: { Keys: keys.map((id) => ({ ...itemKeys.entityAt(table, id, version) })) } },
        }),
      );
      if ((out.UnprocessedKeys?.[tableName]?.Keys?.length ?? 0) > 0)
        throw new Error('the engine left keys unprocessed');
      for (const item of out.Responses?.[tableName] ?? [])
        held.set(`${table}:${itemKeys.logical(String(item[def.partitionKey]))}`, item);
    }),
  );
  return [...new Set(ids)].map((id) => held.get(`${table}:${id}`)).filter((item): item is Item => item !== undefined);
}

/** Reads what DocumentsDeep($first) reads in published version `version`; returns the number of items read. */
export async function deepWalkFloor(ds: DataSources, first: number, version: number): Promise<number> {
  const held = new Map<string, Item>();
  const page = await ds.db.send(
    new QueryCommand({
      TableName: ds.tables.documents,
      IndexName: INDEX.documentsByPublished,
      KeyConditionExpression: '#p = :p',
      ExpressionAttributeNames: { '#p': indexPartitionKey('documents', INDEX.documentsByPublished) },
      ExpressionAttributeValues: { ':p': itemKeys.partitionAt(version, 'DOCUMENT') },
      ScanIndexForward: false,
      // The API reads one more to know whether a next page exists.
      Limit: first + 1,
    }),
  );
  const documents = (page.Items ?? []).slice(0, first);
  const claims = await batchGet(
    ds,
    version,
    'claims',
    documents.flatMap((d) => strings(d.claimIds).slice(0, 20)),
    held,
  );
  const speakers = await batchGet(
    ds,
    version,
    'people',
    claims.flatMap((c) => (typeof c.speakerId === 'string' ? [c.speakerId] : [])),
    held,
  );
  const spoken = await batchGet(
    ds,
    version,
    'claims',
    speakers.flatMap((p) => strings(p.claimIds).slice(0, 5)),
    held,
  );
  await batchGet(
    ds,
    version,
    'events',
    spoken.flatMap((c) => strings(c.eventIds)),
    held,
  );
  return documents.length + held.size;
}
