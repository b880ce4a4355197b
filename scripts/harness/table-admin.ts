/** Creates the tables from the one definition (local engine, tests, benchmarks; CDK does it in AWS). */
import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
  type CreateTableCommandInput,
} from '@aws-sdk/client-dynamodb';
import type { DataSources } from '../../functions/data/client.js';
import { TABLE_LIST, keyAttributes, type TableDefinition } from '../../functions/data/tables.js';

export function createTableInput(def: TableDefinition, tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: keyAttributes(def).map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: def.partitionKey, KeyType: 'HASH' },
      { AttributeName: def.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: def.indexes.map((index) => ({
      IndexName: index.name,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
  };
}

async function tableStatus(ds: DataSources, tableName: string): Promise<string | undefined> {
  try {
    const out = await ds.raw.send(new DescribeTableCommand({ TableName: tableName }));
    return out.Table?.TableStatus;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}

/** Creates any missing table and waits until every one is ACTIVE. */
export async function ensureTables(ds: DataSources): Promise<void> {
  await Promise.all(
    TABLE_LIST.map(async (def) => {
      const tableName = ds.tables[def.name];
      if ((await tableStatus(ds, tableName)) === undefined) {
        await ds.raw.send(new CreateTableCommand(createTableInput(def, tableName)));
      }
      for (let attempt = 0; (await tableStatus(ds, tableName)) !== 'ACTIVE'; attempt++) {
        if (attempt > 100) throw new Error(`Table ${tableName} did not become ACTIVE`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }),
  );
}
