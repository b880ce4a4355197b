/**
 * DynamoDB access of the seed refresh: full reads of a table (the refresh is
 * not a request path), batched writes and deletes, and the refresh lease.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DeleteCommand, PutCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { LeaseLostError, RefreshLockedError } from '../shared/errors.js';
import type { DataSources } from './client.js';
import { keys } from './keys.js';
import { backoffMs, chunk } from './table-store.js';
import { TABLES, type EntityTable } from './tables.js';

/** DynamoDB's limit of requests in one BatchWriteItem call. */
export const BATCH_WRITE_LIMIT = 25;
const MAX_UNPROCESSED_ROUNDS = 10;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A whole table, page by page (the refresh sorts items by version as they come, keeping only what it needs). */
export async function* scanPages(ds: DataSources, table: EntityTable): AsyncGenerator<Record<string, unknown>[]> {
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await ds.db.send(
      new ScanCommand({ TableName: ds.tables[table], ExclusiveStartKey: startKey, ConsistentRead: true }),
    );
    yield out.Items ?? [];
    startKey = out.LastEvaluatedKey;
  } while (startKey !== undefined);
}

export async function scanTable(ds: DataSources, table: EntityTable): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  for await (const page of scanPages(ds, table)) items.push(...page);
  return items;
}

export type WriteRequest =
  { PutRequest: { Item: Record<string, unknown> } } | { DeleteRequest: { Key: Record<string, unknown> } };

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
      if (round > MAX_UNPROCESSED_ROUNDS)
        throw new Error(`BatchWriteItem on ${table} left ${pending.length} items unprocessed`);
      if (round > 0) await sleep(backoffMs(round));
      const out = await ds.db.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } }));
      pending = (out.UnprocessedItems?.[tableName] as WriteRequest[] | undefined) ?? [];
    }
  }
}

const lockKey = keys.lock;

/**
 * Takes the refresh lease (an item in the documents table) unless another
 * holder's has not lapsed. The same owner may take it again: Lambda retries an
 * invocation with the same request id, and the retry takes over at once.
 */
export async function acquireRefreshLock(
  ds: DataSources,
  owner: string,
  leaseMs: number,
  now = Date.now(),
): Promise<void> {
  try {
    await ds.db.send(
      new PutCommand({
        TableName: ds.tables.documents,
        Item: { ...lockKey(), owner, expiresAt: now + leaseMs },
        ConditionExpression: 'attribute_not_exists(#pk) OR #expiresAt < :now OR #owner = :owner',
        ExpressionAttributeNames: {
          '#pk': TABLES.documents.partitionKey,
          '#expiresAt': 'expiresAt',
          '#owner': 'owner',
        },
        ExpressionAttributeValues: { ':now': now, ':owner': owner },
      }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) throw new RefreshLockedError();
    throw error;
  }
}

/** Extends the lease while it is still ours; LeaseLostError when another run holds it now. */
export async function renewRefreshLock(
  ds: DataSources,
  owner: string,
  leaseMs: number,
  now = Date.now(),
): Promise<void> {
  try {
    await ds.db.send(
      new UpdateCommand({
        TableName: ds.tables.documents,
        Key: lockKey(),
        UpdateExpression: 'SET #expiresAt = :expiresAt',
        ConditionExpression: '#owner = :owner',
        ExpressionAttributeNames: { '#expiresAt': 'expiresAt', '#owner': 'owner' },
        ExpressionAttributeValues: { ':expiresAt': now + leaseMs, ':owner': owner },
      }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) throw new LeaseLostError(owner);
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
    // Someone else's lease now (ours lapsed and was taken): leave it alone.
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}
