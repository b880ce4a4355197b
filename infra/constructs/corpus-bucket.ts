/**
 * The corpus in S3: a private, versioned bucket whose `corpus/` prefix the seed
 * refresh reads. Each deploy uploads seed/data there; a newer corpus can also
 * be published straight to the prefix (see the README).
 */
import { join } from 'node:path';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { acknowledgeDeploymentHandler } from './bucket-deployment-nag.js';
import { PROJECT_ROOT } from './bundled-function.js';

export const CORPUS_PREFIX = 'corpus/';
/** The search indexes the refresh writes and the GraphQL function reads (outside the deployment's pruned prefix). */
export { SEARCH_INDEX_PREFIX } from '../../functions/data/stored-search-index.js';
export const CORPUS_DIR = 'seed/data';

export interface CorpusBucketProps {
  logRetention: RetentionDays;
}

export class CorpusBucket extends Construct {
  readonly bucket: Bucket;
  readonly prefix = CORPUS_PREFIX;
  readonly deployment: BucketDeployment;

  constructor(scope: Construct, id: string, props: CorpusBucketProps) {
    super(scope, id);
    const accessLogs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [{ expiration: Duration.days(365) }],
    });
    Validations.of(accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This bucket is the access-log target of the corpus bucket; logging its own access would log the logs.',
    });

    this.bucket = new Bucket(this, 'Bucket', {
      versioned: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: RemovalPolicy.RETAIN,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'corpus-bucket/',
      // Versions let a bad publish be rolled back; old ones need not live forever.
      lifecycleRules: [
        { noncurrentVersionExpiration: Duration.days(90) },
        // Each refresh that changes data rewrites the index; yesterday's is never read again.
        { prefix: 'search/', noncurrentVersionExpiration: Duration.days(1) },
      ],
    });

    this.deployment = new BucketDeployment(this, 'Deployment', {
      sources: [Source.asset(join(PROJECT_ROOT, CORPUS_DIR))],
      destinationBucket: this.bucket,
      destinationKeyPrefix: CORPUS_PREFIX,
      memoryLimit: 256,
      logGroup: new LogGroup(this, 'DeploymentLogs', {
        retention: props.logRetention,
        removalPolicy: RemovalPolicy.DESTROY,
      }),
    });
    // CDK grants its deployment handler read/write on the whole bucket; an explicit deny keeps
    // its writes and deletes (uploads, and the prune of stale files) inside the corpus prefix.
    this.deployment.handlerRole.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.DENY,
        actions: ['s3:PutObject*', 's3:DeleteObject*', 's3:AbortMultipartUpload', 's3:RestoreObject'],
        notResources: [this.bucket.arnForObjects(`${CORPUS_PREFIX}*`)],
      }),
    );
    acknowledgeDeploymentHandler(
      this.deployment,
      this.bucket,
      `BucketDeployment copies the corpus asset from the CDK assets bucket and prunes stale files under ${CORPUS_PREFIX}. CDK grants these on the two buckets and cannot scope them to a prefix; an explicit deny limits writes and deletes to ${CORPUS_PREFIX}, and reads outside it see only the corpus and the search index derived from it.`,
    );
  }
}
