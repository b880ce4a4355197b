/** The GraphQL Lambda: read-only on the tables, bounded concurrency, alarms on errors and throttles. */
import { Aws, Duration, Fn, Validations } from 'aws-cdk-lib';
import type { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { alarmAtLeast, durationNearTimeoutAlarm } from './alarms.js';
import { SEARCH_INDEX_PREFIX } from './corpus-bucket.js';
import { acknowledgeSearchIndexWildcard } from './search-index-access.js';
import { buildId } from '../build-id.js';
import { BundledFunction, type BundleAssets } from './bundled-function.js';
import type { DataTables } from './data-tables.js';

/**
 * The playground's built files travel in the function's asset as `playground/`
 * beside index.mjs, where functions/graphql/playground.ts looks for them. The
 * build is cached, so an unchanged playground costs a synth almost nothing.
 */
const PLAYGROUND_ASSETS: BundleAssets = {
  build: ['npx tsx scripts/build-playground.ts'],
  copy: { 'playground/dist': 'playground' },
};

/** A request is bounded far below this by its limits; the rest is headroom for a slow data store. */
export const GRAPHQL_TIMEOUT = Duration.seconds(10);

export interface GraphQLFunctionProps {
  tables: DataTables;
  /** The bucket holding the search index the seed refresh writes (read-only here). */
  searchIndexBucket: IBucket;
  /** Value of the INTROSPECTION env var ("true" or "false"). */
  introspection: string;
  /** Caps concurrent executions so a traffic spike cannot exhaust the tables or the account; undefined for no cap. */
  reservedConcurrency: number | undefined;
  logRetention: RetentionDays;
}

export class GraphQLFunction extends Construct {
  readonly function: BundledFunction;
  readonly errorsAlarm: Alarm;
  readonly throttlesAlarm: Alarm;
  readonly durationAlarm: Alarm;

  constructor(scope: Construct, id: string, props: GraphQLFunctionProps) {
    super(scope, id);
    this.function = new BundledFunction(this, 'Function', {
      name: 'graphql',
      description: 'GraphQL API over the knowledge base (read-only)',
      memorySize: 1024,
      timeout: GRAPHQL_TIMEOUT,
      logRetention: props.logRetention,
      reservedConcurrentExecutions: props.reservedConcurrency,
      environment: {
        POWERTOOLS_SERVICE_NAME: 'knowledge-base-graphql',
        INTROSPECTION: props.introspection,
        SEARCH_INDEX_BUCKET: props.searchIndexBucket.bucketName,
        // Cursors are signed with a key of this deployment: the random part of the stack's id,
        // known inside the account only, so cursors cannot be forged from the public source.
        CURSOR_SECRET: Fn.select(2, Fn.split('/', Aws.STACK_ID)),
        // Part of every ETag: a deployment that changes the code changes them all.
        BUILD_ID: buildId(),
      },
      assets: PLAYGROUND_ASSETS,
    });
    props.tables.bind(this.function, 'read');
    // Search reads the index of its version (search/<hash>.bin); listing only under that prefix lets S3 answer 404 (not 403)
    // for an index not built yet.
    this.function.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:GetObject'],
        resources: [props.searchIndexBucket.arnForObjects(`${SEARCH_INDEX_PREFIX}*`)],
      }),
    );
    this.function.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [props.searchIndexBucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': `${SEARCH_INDEX_PREFIX}*` } },
      }),
    );
    acknowledgeSearchIndexWildcard(this.function, props.searchIndexBucket);

    this.errorsAlarm = alarmAtLeast(
      this,
      'ErrorsAlarm',
      'The GraphQL function failed invocations (crashes or timeouts, not GraphQL errors in a 200 reply).',
      this.function.metricErrors({ period: Duration.minutes(5) }),
    );
    this.throttlesAlarm = alarmAtLeast(
      this,
      'ThrottlesAlarm',
      'The GraphQL function hit its reserved concurrency; clients saw 5xx or 429 replies.',
      this.function.metricThrottles({ period: Duration.minutes(5) }),
    );
    this.durationAlarm = durationNearTimeoutAlarm(this, 'DurationAlarm', this.function, GRAPHQL_TIMEOUT);

    Validations.of(this.function).acknowledge({
      id: 'Serverless-LambdaDLQ',
      reason:
        'Invoked only synchronously by the HTTP API; a failed request is answered to the client, there is no event to dead-letter.',
    });
  }
}
