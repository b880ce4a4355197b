/**
 * The scheduled seed refresh: reads the corpus from S3 and brings the tables in
 * line with it. Failures are retried by Lambda's async invoke, then land in a
 * dead-letter queue; alarms watch both the errors and the queue.
 */
import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { CfnBucket } from 'aws-cdk-lib/aws-s3';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { alarmAtLeast, durationNearTimeoutAlarm } from './alarms.js';
import { deadLetterQueue } from './dead-letter-queue.js';
import { BundledFunction } from './bundled-function.js';
import { SEARCH_INDEX_PREFIX, type CorpusBucket } from './corpus-bucket.js';
import { acknowledgeSearchIndexWildcard } from './search-index-access.js';
import { DEFAULT_KEEP_VERSIONS, LEASE_MS } from '../../functions/shared/constants.js';
import type { DataTables } from './data-tables.js';

/** The refresh function's timeout; the lease must be much shorter (a test checks it). */
export const REFRESH_TIMEOUT = Duration.minutes(5);
export const REFRESH_LEASE = Duration.millis(LEASE_MS);

export interface SeedRefreshProps {
  tables: DataTables;
  corpus: CorpusBucket;
  /** How often the schedule runs the refresh. */
  interval: Duration;
  /** Published versions kept for readers (default 3). */
  keepVersions?: number;
  logRetention: RetentionDays;
}

export class SeedRefresh extends Construct {
  readonly function: BundledFunction;
  readonly deadLetterQueue: Queue;
  readonly schedule: Rule;
  readonly errorsAlarm: Alarm;
  readonly deadLettersAlarm: Alarm;
  readonly durationAlarm: Alarm;

  constructor(scope: Construct, id: string, props: SeedRefreshProps) {
    super(scope, id);
    this.deadLetterQueue = deadLetterQueue(this, 'DeadLetterQueue', 'the refresh function and of its schedule target');

    this.function = new BundledFunction(this, 'Function', {
      name: 'seedRefresh',
      description: 'Brings the tables in line with the corpus in S3',
      memorySize: 512,
      // Five times the refresh lease (LEASE_MS): a run killed at the timeout leaves a lease that lapses within a minute,
      // before Lambda's first retry, which then resumes; a run that nears the timeout stops writing and fails on its own.
      timeout: REFRESH_TIMEOUT,
      logRetention: props.logRetention,
      // One run at a time; the refresh lock guards the rare overlap with a manual `npm run seed`.
      reservedConcurrentExecutions: 1,
      // Async invocations that still fail after Lambda's retries end up here.
      deadLetterQueue: this.deadLetterQueue,
      environment: {
        POWERTOOLS_SERVICE_NAME: 'knowledge-base-seed-refresh',
        CORPUS_BUCKET: props.corpus.bucket.bucketName,
        CORPUS_PREFIX: props.corpus.prefix,
        SEARCH_INDEX_BUCKET: props.corpus.bucket.bucketName,
        KEEP_VERSIONS: String(props.keepVersions ?? DEFAULT_KEEP_VERSIONS),
      },
    });
    props.tables.bind(this.function, 'refresh');
    this.grantCorpus(props.corpus);
    this.schedule = this.scheduleRuns(props.interval);
    this.errorsAlarm = alarmAtLeast(
      this,
      'ErrorsAlarm',
      'A seed refresh failed (invalid corpus, a shrink refused, lease held, out of time, or an AWS error); readers stay on the current version.',
      this.function.metricErrors({ period: Duration.minutes(5) }),
    );
    this.deadLettersAlarm = alarmAtLeast(
      this,
      'DeadLettersAlarm',
      'Seed refresh events gave up after retries and wait in the dead-letter queue.',
      this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(5),
        statistic: 'Maximum',
      }),
    );
    this.durationAlarm = durationNearTimeoutAlarm(this, 'DurationAlarm', this.function, REFRESH_TIMEOUT);
  }

  /** Reads the corpus prefix, writes and deletes search indexes, lists only those keys. */
  private grantCorpus(corpus: CorpusBucket): void {
    this.function.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:GetObject'],
        resources: [corpus.bucket.arnForObjects(`${corpus.prefix}*`)],
      }),
    );
    if (this.function.role !== undefined) {
      const bucketId = Stack.of(this).getLogicalId(corpus.bucket.node.defaultChild as CfnBucket);
      Validations.of(this.function.role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${corpus.prefix}*]`,
        reason:
          'The refresh reads every file of the corpus, whose names come from the corpus itself; the wildcard covers only the corpus prefix.',
      });
    }
    // The refresh writes each version's search index (search/<hash>.bin, skipped when that content is stored) and deletes
    // the ones no kept version names.
    this.function.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
        resources: [corpus.bucket.arnForObjects(`${SEARCH_INDEX_PREFIX}*`)],
      }),
    );
    acknowledgeSearchIndexWildcard(this.function, corpus.bucket);
    // Without ListBucket, S3 answers a missing key with 403 instead of 404 and a missing file would look like a permissions failure.
    // Listing is limited to the keys the refresh reads: the corpus prefix and the search indexes.
    this.function.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [corpus.bucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': [`${corpus.prefix}*`, `${SEARCH_INDEX_PREFIX}*`] } },
      }),
    );
  }

  private scheduleRuns(interval: Duration): Rule {
    const schedule = new Rule(this, 'Schedule', {
      description: 'Runs the seed refresh on a fixed interval',
      schedule: Schedule.rate(interval),
    });
    // EventBridge retries and dead-letters only failed deliveries; failed runs go through the function's own DLQ.
    schedule.addTarget(
      new LambdaFunction(this.function, {
        deadLetterQueue: this.deadLetterQueue,
        retryAttempts: 4,
        maxEventAge: Duration.hours(2),
      }),
    );
    return schedule;
  }
}
