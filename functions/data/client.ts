import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { optionalEnv, requiredEnv, urlEnv } from '../shared/env.js';
import { TABLE_LIST, type EntityTable } from './tables.js';

export interface DataSources {
  readonly db: DynamoDBDocumentClient;
  readonly raw: DynamoDBClient;
  /** Physical table name of each entity table. */
  readonly tables: Readonly<Record<EntityTable, string>>;
}

export interface DataSourceOptions {
  /** Overrides DYNAMODB_ENDPOINT (a local engine, or any DynamoDB-compatible endpoint). */
  endpoint?: string;
  /** Physical table names; defaults to the env vars named in the table definitions. */
  tables?: Readonly<Record<EntityTable, string>>;
  maxAttempts?: number;
}

export function tableNamesFromEnv(): Record<EntityTable, string> {
  return Object.fromEntries(TABLE_LIST.map((t) => [t.name, requiredEnv(t.envVar)])) as Record<EntityTable, string>;
}

export function createDataSources(options: DataSourceOptions = {}): DataSources {
  const endpoint = options.endpoint ?? urlEnv('DYNAMODB_ENDPOINT');
  const config: DynamoDBClientConfig = {
    maxAttempts: options.maxAttempts ?? 4,
    ...(endpoint === undefined
      ? {}
      : {
          endpoint,
          region: optionalEnv('AWS_REGION') ?? 'local',
          // A local engine accepts any credentials; real ones come from the default chain.
          credentials: {
            accessKeyId: optionalEnv('AWS_ACCESS_KEY_ID') ?? 'local',
            secretAccessKey: optionalEnv('AWS_SECRET_ACCESS_KEY') ?? 'local',
          },
        }),
  };
  const raw = new DynamoDBClient(config);
  const db = DynamoDBDocumentClient.from(raw, {
    marshallOptions: { removeUndefinedValues: true },
  });
  return { db, raw, tables: options.tables ?? tableNamesFromEnv() };
}
