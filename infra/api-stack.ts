/**
 * The whole deployment in one environment-agnostic stack: tables, the GraphQL
 * function behind an HTTP API, the corpus bucket and the scheduled refresh.
 * Tunables come from CDK context (`cdk.json` or `-c key=value`).
 */
import { CfnOutput, Duration, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import type { Construct } from 'constructs';
import { CorpusBucket } from './constructs/corpus-bucket.js';
import { DataTables } from './constructs/data-tables.js';
import { GraphQLApi } from './constructs/graphql-api.js';
import { GraphQLFunction } from './constructs/graphql-function.js';
import { SeedRefresh } from './constructs/seed-refresh.js';

export interface StackSettings {
  /** INTROSPECTION env var of the GraphQL function. */
  introspection: 'true' | 'false';
  /** Reserved concurrency of the GraphQL function; undefined leaves it unreserved. */
  graphqlReservedConcurrency: number | undefined;
  /** HTTP API default-stage throttling: steady requests per second. */
  apiThrottleRate: number;
  /** HTTP API default-stage throttling: burst. */
  apiThrottleBurst: number;
  /** Interval of the scheduled seed refresh. */
  refreshIntervalHours: number;
  /** Retention of every log group. */
  logRetentionDays: RetentionDays;
}

/** Context keys and their defaults. */
export const DEFAULT_SETTINGS: StackSettings = {
  introspection: 'true',
  graphqlReservedConcurrency: 50,
  apiThrottleRate: 50,
  apiThrottleBurst: 100,
  refreshIntervalHours: 24,
  logRetentionDays: RetentionDays.ONE_MONTH,
};

function positiveInteger(scope: Construct, key: keyof StackSettings, fallback: number): number {
  const raw: unknown = scope.node.tryGetContext(key);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`Context ${key} must be a positive integer, got ${JSON.stringify(raw)}`);
  return value;
}

/** Reads the settings from context; values from `-c` arrive as strings, from cdk.json as JSON values. */
export function settingsFromContext(scope: Construct): StackSettings {
  const introspection = String(scope.node.tryGetContext('introspection') ?? DEFAULT_SETTINGS.introspection);
  if (introspection !== 'true' && introspection !== 'false') throw new Error(`Context introspection must be "true" or "false", got ${introspection}`);
  const concurrency: unknown = scope.node.tryGetContext('graphqlReservedConcurrency');
  const retention = positiveInteger(scope, 'logRetentionDays', DEFAULT_SETTINGS.logRetentionDays);
  if (!(Object.values(RetentionDays) as number[]).includes(retention)) {
    throw new Error(`Context logRetentionDays must be one of CloudWatch's retention periods (1, 3, 5, 7, 14, 30, 60, 90, ...), got ${retention}`);
  }
  return {
    introspection,
    graphqlReservedConcurrency:
      concurrency === 'none' ? undefined : positiveInteger(scope, 'graphqlReservedConcurrency', DEFAULT_SETTINGS.graphqlReservedConcurrency ?? 50),
    apiThrottleRate: positiveInteger(scope, 'apiThrottleRate', DEFAULT_SETTINGS.apiThrottleRate),
    apiThrottleBurst: positiveInteger(scope, 'apiThrottleBurst', DEFAULT_SETTINGS.apiThrottleBurst),
    refreshIntervalHours: positiveInteger(scope, 'refreshIntervalHours', DEFAULT_SETTINGS.refreshIntervalHours),
    logRetentionDays: retention as RetentionDays,
  };
}

export interface ApiStackProps extends StackProps {
  /** Overrides of the context settings (tests). */
  settings?: Partial<StackSettings>;
}

export class ApiStack extends Stack {
  readonly data: DataTables;
  readonly graphql: GraphQLFunction;
  readonly api: GraphQLApi;
  readonly corpus: CorpusBucket;
  readonly refresh: SeedRefresh;

  constructor(scope: Construct, id: string, props: ApiStackProps = {}) {
    super(scope, id, props);
    const settings: StackSettings = { ...settingsFromContext(this), ...props.settings };
    const logRetention = settings.logRetentionDays;

    this.data = new DataTables(this, 'Data');
    this.corpus = new CorpusBucket(this, 'Corpus', { logRetention });
    this.graphql = new GraphQLFunction(this, 'GraphQL', {
      tables: this.data,
      searchIndexBucket: this.corpus.bucket,
      introspection: settings.introspection,
      reservedConcurrency: settings.graphqlReservedConcurrency,
      logRetention,
    });
    this.api = new GraphQLApi(this, 'Api', {
      handler: this.graphql.function,
      throttleRate: settings.apiThrottleRate,
      throttleBurst: settings.apiThrottleBurst,
      logRetention,
    });
    this.refresh = new SeedRefresh(this, 'SeedRefresh', {
      tables: this.data,
      corpus: this.corpus,
      interval: Duration.hours(settings.refreshIntervalHours),
      logRetention,
    });

    new CfnOutput(this, 'GraphQLUrl', { value: this.api.graphqlUrl, description: 'POST GraphQL here; GET opens the playground' });
    new CfnOutput(this, 'CorpusBucketName', { value: this.corpus.bucket.bucketName, description: `Publish a corpus under s3://<bucket>/${this.corpus.prefix}` });
    new CfnOutput(this, 'SeedRefreshFunctionName', { value: this.refresh.function.functionName, description: 'Invoke to refresh the tables now' });
  }
}

/** The rule packs every synth is checked against (the app and the tests use the same). */
export function applyNagPacks(app: IConstruct): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }), new ServerlessChecks(app, { verbose: true }));
}
