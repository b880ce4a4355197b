/**
 * DynamoDB access of the seed refresh: full reads of a table (the refresh is
 * not a request path), batched writes and deletes, and the refresh lock.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DeleteCommand, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { DataSources } from './client.js';
import { keys } from './keys.js';
import { backoffMs, chunk } from './table-store.js';
import { TABLES, type EntityTable } from './tables.js';

/** DynamoDB's limit of requests in one BatchWriteItem call. */
export const BATCH_WRITE_LIMIT = 25;
const MAX_UNPROCESSED_ROUNDS = 10;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function scanTable(ds: DataSources, table: EntityTable): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await ds.db.send(new ScanCommand({ TableName: ds.tables[table], ExclusiveStartKey: startKey, ConsistentRead: true }));
    items.push(...(out.Items ?? []));
    startKey = out.LastEvaluatedKey;
  } while (startKey !== undefined);
  return items;
}

export type WriteRequest = { PutRequest: { Item: Record<string, unknown> } } | { DeleteRequest: { Key: Record<string, unknown> } };

/**
 * Writes in chunks of 25, retrying UnprocessedItems with backoff. `beforeBatch`
 * lets a caller observe (or, in tests, interrupt) each chunk.
 */
export async function batchWrite(
  ds: DataSources,
  table: EntityTable,
  requests: readonly WriteRequest[],
  beforeBatch?: (size: number) => void | Promise<void>,
): Promise<void> {
  const tableName = ds.tables[table];
  for (const batch of chunk(requests, BATCH_WRITE_LIMIT)) {
    await beforeBatch?.(batch.length);
    let pending: WriteRequest[] = batch;
    for (let round = 0; pending.length > 0; round++) {
      if (round > MAX_UNPROCESSED_ROUNDS) throw new Error(`BatchWriteItem on ${table} left ${pending.length} items unprocessed`);
      if (round > 0) await sleep(backoffMs(round));
      const out = await ds.db.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } }));
      pending = (out.UnprocessedItems?.[tableName] as WriteRequest[] | undefined) ?? [];
    }
  }
}

export class RefreshLockedError extends Error {
  constructor() {
    super('Another seed refresh holds the lock; try again when it has finished (or its lock expires).');
    this.name = 'RefreshLockedError';
  }
}

const lockKey = keys.lock;

/** Takes the refresh lock (an item in the documents table) unless another holder's has not expired. */
export async function acquireRefreshLock(ds: DataSources, owner: string, ttlMs: number): Promise<void> {
  const now = Date.now();
  try {
    await ds.db.send(
      new PutCommand({
        TableName: ds.tables.documents,
        Item: { ...lockKey(), owner, expiresAt: now + ttlMs },
        ConditionExpression: 'attribute_not_exists(#pk) OR #expiresAt < :now',
        ExpressionAttributeNames: { '#pk': TABLES.documents.partitionKey, '#expiresAt': 'expiresAt' },
        ExpressionAttributeValues: { ':now': now },
      }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) throw new RefreshLockedError();
    throw error;
  }
}

export async function releaseRefreshLock(ds: DataSources, owner: string): Promise<void> {
  try {
    await ds.db.send(
      new DeleteCommand({
        TableName: ds.tables.documents,
        Key: lockKey(),
        ConditionExpression: '#owner = :owner',
        ExpressionAttributeNames: { '#owner': 'owner' },
        ExpressionAttributeValues: { ':owner': owner },
      }),
    );
  } catch (error) {
    // Someone else's lock now (ours expired and was taken): leave it alone.
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}

export const isLockItem = (item: Record<string, unknown>) => {
  const lock = keys.lock();
  return item[TABLES.documents.partitionKey] === lock.pk && item[TABLES.documents.sortKey] === lock.sk;
};
