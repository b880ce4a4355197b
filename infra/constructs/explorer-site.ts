/**
 * The explorer in AWS: its built files (explorer/dist) in a private bucket
 * that only the distribution reads (origin access control), served as the
 * distribution's default behaviour beside the API's /graphql. Deep links are
 * answered by a CloudFront Function on this behaviour that serves index.html
 * for every path but the hashed assets, so the API's own 4xx answers are never
 * rewritten (no distribution-wide error pages).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  ViewerProtocolPolicy,
  type BehaviorOptions,
  type Distribution,
  type IResponseHeadersPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { acknowledgeDeploymentHandler } from './bucket-deployment-nag.js';
import { PROJECT_ROOT } from './bundled-function.js';

export const EXPLORER_DIST = join(PROJECT_ROOT, 'explorer', 'dist');
/** Where Vite puts the hashed files (explorer/vite.config.ts). */
export const EXPLORER_ASSETS_PREFIX = '/explorer-assets/';

/**
 * The viewer-request function (cloudfront-js-2.0): every path that is not a
 * hashed asset is a view of the single-page app, so it gets the page.
 */
export const DEEP_LINK_FUNCTION_CODE = `function handler(event) {
  var request = event.request;
  if (request.uri.indexOf('${EXPLORER_ASSETS_PREFIX}') === 0) return request;
  request.uri = '/index.html';
  return request;
}`;

export interface ExplorerSiteProps {
  logRetention: RetentionDays;
  /** Security headers for the page (the CSP the API and the local server share); none when undefined. */
  responseHeadersPolicy?: IResponseHeadersPolicy;
}

export class ExplorerSite extends Construct {
  readonly bucket: Bucket;
  readonly deepLinks: CloudFrontFunction;
  /** The distribution's default behaviour: everything outside /graphql. */
  readonly behavior: BehaviorOptions;
  private readonly logRetention: RetentionDays;

  constructor(scope: Construct, id: string, props: ExplorerSiteProps) {
    super(scope, id);
    this.logRetention = props.logRetention;
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      // Only built files: a new deploy puts them back.
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: false,
    });
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'Only CloudFront reads this bucket (origin access control), and the distribution logs every request for it; S3 access logs would repeat them.',
    });
    this.deepLinks = new CloudFrontFunction(this, 'DeepLinks', {
      comment: 'Explorer: every path but its hashed assets gets index.html',
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromInline(DEEP_LINK_FUNCTION_CODE),
    });
    this.behavior = {
      origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
      compress: true,
      // Hashed assets never change; index.html is invalidated by each deploy.
      cachePolicy: CachePolicy.CACHING_OPTIMIZED,
      responseHeadersPolicy: props.responseHeadersPolicy,
      functionAssociations: [{ function: this.deepLinks, eventType: FunctionEventType.VIEWER_REQUEST }],
    };
  }

  /** Uploads the built explorer on every deploy and invalidates the page, which names the new assets. */
  deployTo(distribution: Distribution): BucketDeployment {
    if (!existsSync(join(EXPLORER_DIST, 'index.html'))) {
      throw new Error(`No built explorer in ${EXPLORER_DIST}: run \`npm run build:explorer\` first.`);
    }
    const deployment = new BucketDeployment(this, 'Deployment', {
      sources: [Source.asset(EXPLORER_DIST, { exclude: ['build.json'] })],
      destinationBucket: this.bucket,
      distribution,
      distributionPaths: ['/', '/index.html'],
      // Kept: a page loaded before the deploy may still ask for the assets it names.
      prune: false,
      // Its own handler (not the corpus bucket's, whose role may write only under corpus/).
      memoryLimit: 512,
      logGroup: new LogGroup(this, 'DeploymentLogs', {
        retention: this.logRetention,
        removalPolicy: RemovalPolicy.DESTROY,
      }),
    });
    acknowledgeDeploymentHandler(
      deployment,
      this.bucket,
      'BucketDeployment copies the built explorer from the CDK assets bucket into the explorer bucket and invalidates the page; CDK grants these on the two buckets and the distribution and cannot narrow them further. The bucket holds nothing but the built site.',
      [
        {
          id: 'AwsSolutions-IAM5[Resource::*]',
          reason: "CloudFront invalidations take no narrower resource in CDK's grant.",
        },
      ],
    );
    return deployment;
  }
}
