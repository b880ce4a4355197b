/**
 * The four entity tables, built from the one definition in
 * functions/data/tables.ts, and the binding that hands them to a function.
 */
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import {
  AttributeType,
  BillingMode,
  Operation,
  ProjectionType,
  Table,
  TableEncryption,
  type CfnTable,
} from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { TABLE_LIST, type EntityTable } from '../../functions/data/tables.js';
import { alarmAtLeast } from './alarms.js';

/**
 * What a function may do with the tables. Each list is exactly the calls its
 * code makes, so the role allows nothing more:
 * - `read`: the GraphQL request path (stores and DataLoaders) on tables and indexes;
 * - `refresh`: the seed refresh (full scans of the base tables, batched puts and
 *   deletes, and the conditional put/delete of its lock item).
 */
export const TABLE_ACCESS = {
  read: { actions: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'], indexes: true },
  // GetItem reads the version pointer; PutItem publishes it and takes the lease; UpdateItem renews the lease.
  refresh: {
    actions: [
      'dynamodb:Scan',
      'dynamodb:GetItem',
      'dynamodb:BatchWriteItem',
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
      'dynamodb:DeleteItem',
    ],
    indexes: false,
  },
} as const;

export type TableAccess = keyof typeof TABLE_ACCESS;

const constructId = (name: string) => `${name.charAt(0).toUpperCase()}${name.slice(1)}Table`;

/** Requests DynamoDB refused for capacity on a table or its indexes, summed over every operation the code sends. */
const THROTTLED_OPERATIONS = [
  Operation.GET_ITEM,
  Operation.BATCH_GET_ITEM,
  Operation.QUERY,
  Operation.SCAN,
  Operation.PUT_ITEM,
  Operation.DELETE_ITEM,
  Operation.BATCH_WRITE_ITEM,
  Operation.TRANSACT_WRITE_ITEMS,
];

function throttlesAlarm(scope: Construct, name: EntityTable, table: Table): Alarm {
  return alarmAtLeast(
    scope,
    `${constructId(name)}ThrottlesAlarm`,
    `DynamoDB throttled requests to the ${name} table (on demand: a burst above twice the previous peak); readers saw SERVICE_UNAVAILABLE or the refresh retried.`,
    table.metricThrottledRequestsForOperations({ operations: THROTTLED_OPERATIONS, period: Duration.minutes(5) }),
  );
}

export class DataTables extends Construct {
  readonly tables: Readonly<Record<EntityTable, Table>>;
  readonly throttlesAlarms: readonly Alarm[];

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const tables = {} as Record<EntityTable, Table>;
    for (const def of TABLE_LIST) {
      const table = new Table(this, constructId(def.name), {
        partitionKey: { name: def.partitionKey, type: AttributeType.STRING },
        sortKey: { name: def.sortKey, type: AttributeType.STRING },
        billingMode: BillingMode.PAY_PER_REQUEST,
        pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
        encryption: TableEncryption.AWS_MANAGED,
        // The corpus can be reloaded, but claim anchors carry history; never drop data with the stack.
        removalPolicy: RemovalPolicy.RETAIN,
        // Nor by hand: DeleteTable fails until protection is switched off (docs/deploy.md).
        deletionProtection: true,
      });
      for (const index of def.indexes) {
        table.addGlobalSecondaryIndex({
          indexName: index.name,
          partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
          sortKey: { name: index.sortKey, type: AttributeType.STRING },
          projectionType: ProjectionType.ALL,
        });
      }
      tables[def.name] = table;
    }
    this.tables = tables;
    this.throttlesAlarms = TABLE_LIST.map((def) => throttlesAlarm(this, def.name, tables[def.name]));
  }

  /** Gives a function every table: the env var with its physical name, and only the access it needs. */
  bind(fn: LambdaFunction, access: TableAccess): void {
    const { actions, indexes } = TABLE_ACCESS[access];
    const resources: string[] = [];
    for (const def of TABLE_LIST) {
      const table = this.tables[def.name];
      fn.addEnvironment(def.envVar, table.tableName);
      resources.push(table.tableArn);
      if (indexes && def.indexes.length > 0) {
        resources.push(`${table.tableArn}/index/*`);
        const logicalId = Stack.of(table).getLogicalId(table.node.defaultChild as CfnTable);
        if (fn.role !== undefined) {
          Validations.of(fn.role).acknowledge({
            id: `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>/index/*]`,
            reason: `Queries go to the indexes of ${def.name} defined in functions/data/tables.ts; index/* names exactly those indexes of this one table.`,
          });
        }
      }
    }
    fn.addToRolePolicy(new PolicyStatement({ actions: [...actions], resources }));
  }
}
