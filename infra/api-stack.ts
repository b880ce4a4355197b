/**
 * The application stack: tables, the GraphQL function behind its function URL
 * and a CloudFront distribution (the only caller the URL accepts), the corpus bucket, the scheduled refresh and the
 * alarm topic. The distribution's web ACL comes from the us-east-1 stack
 * (infra/edge-security-stack.ts). Tunables come from CDK context (`cdk.json`
 * or `-c key=value`).
 */
import { CfnOutput, Duration, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import type { Construct } from 'constructs';
import { AlarmTopic } from './constructs/alarm-topic.js';
import { GraphQLCdn, securityHeadersPolicy, type CustomDomain } from './constructs/cdn.js';
import { PayloadHashEdge } from './constructs/payload-hash-edge.js';
import { ExplorerSite } from './constructs/explorer-site.js';
import { CorpusBucket } from './constructs/corpus-bucket.js';
import { DataTables } from './constructs/data-tables.js';
import { GraphQLApi } from './constructs/graphql-api.js';
import { GraphQLFunction } from './constructs/graphql-function.js';
import { SeedRefresh } from './constructs/seed-refresh.js';
import { alarmEmailContext, customDomainContext, positiveIntegerContext } from './context.js';
import { ANY_ORIGIN, corsPolicy, parseCorsOrigins } from '../functions/shared/http-contract.js';

export interface StackSettings {
  /** INTROSPECTION env var of the GraphQL function. */
  introspection: 'true' | 'false';
  /** Reserved concurrency of the GraphQL function; undefined leaves it unreserved. */
  graphqlReservedConcurrency: number | undefined;
  /** Interval of the scheduled seed refresh. */
  refreshIntervalHours: number;
  /** Retention of every log group. */
  logRetentionDays: RetentionDays;
  /** Subscribed by e-mail to the alarm topic, if set. */
  alarmEmail: string | undefined;
  /** Origins browsers may call the API from (`-c corsOrigins=https://a.example,https://b.example`); `*` for any. */
  corsOrigins: string[];
  /** The origin secret version CloudFront sends (`-c originSecretVersion=…`, during a rotation); AWSCURRENT's otherwise. */
  originSecretVersion: string | undefined;
  /** A custom domain and its us-east-1 ACM certificate (`-c domainName=… -c certificateArn=…`); none by default. */
  domain: CustomDomain | undefined;
}

/** Context keys and their defaults. */
export const DEFAULT_SETTINGS: StackSettings = {
  introspection: 'true',
  graphqlReservedConcurrency: 50,
  refreshIntervalHours: 24,
  logRetentionDays: RetentionDays.ONE_MONTH,
  alarmEmail: undefined,
  corsOrigins: [ANY_ORIGIN],
  originSecretVersion: undefined,
  domain: undefined,
};

const positiveInteger = (scope: Construct, key: keyof StackSettings, fallback: number) =>
  positiveIntegerContext(scope, key, fallback);

/** Reads the settings from context; values from `-c` arrive as strings, from cdk.json as JSON values. */
export function settingsFromContext(scope: Construct): StackSettings {
  const introspection = String(scope.node.tryGetContext('introspection') ?? DEFAULT_SETTINGS.introspection);
  if (introspection !== 'true' && introspection !== 'false')
    throw new Error(`Context introspection must be "true" or "false", got ${introspection}`);
  const concurrency: unknown = scope.node.tryGetContext('graphqlReservedConcurrency');
  const days = positiveInteger(scope, 'logRetentionDays', DEFAULT_SETTINGS.logRetentionDays);
  const retention = Object.values(RetentionDays)
    .filter((value) => typeof value === 'number')
    .find((value) => value.valueOf() === days);
  if (retention === undefined) {
    throw new Error(
      `Context logRetentionDays must be one of CloudWatch's retention periods (1, 3, 5, 7, 14, 30, 60, 90, ...), got ${days}`,
    );
  }
  return {
    introspection,
    graphqlReservedConcurrency:
      concurrency === 'none'
        ? undefined
        : positiveInteger(scope, 'graphqlReservedConcurrency', DEFAULT_SETTINGS.graphqlReservedConcurrency ?? 50),
    refreshIntervalHours: positiveInteger(scope, 'refreshIntervalHours', DEFAULT_SETTINGS.refreshIntervalHours),
    logRetentionDays: retention,
    alarmEmail: alarmEmailContext(scope),
    corsOrigins: corsOriginsContext(scope),
    originSecretVersion: originSecretVersionContext(scope),
    domain: customDomainContext(scope),
  };
}

/** The `corsOrigins` context key: a comma-separated list (or a JSON array in cdk.json), parsed as CORS_ORIGINS locally. */
function corsOriginsContext(scope: Construct): string[] {
  const raw: unknown = scope.node.tryGetContext('corsOrigins');
  if (raw !== undefined && typeof raw !== 'string' && !(Array.isArray(raw) && raw.every((o) => typeof o === 'string')))
    throw new Error(`Context corsOrigins must be a comma-separated list of origins, got ${JSON.stringify(raw)}`);
  const list = Array.isArray(raw) ? raw.join(',') : raw;
  return parseCorsOrigins(list);
}

/** A Secrets Manager version id (a UUID), as `aws secretsmanager put-secret-value` prints it. */
function originSecretVersionContext(scope: Construct): string | undefined {
  const raw: unknown = scope.node.tryGetContext('originSecretVersion');
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string' || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(raw))
    throw new Error(`Context originSecretVersion must be a secret's VersionId (a UUID), got ${JSON.stringify(raw)}`);
  return raw;
}

export interface ApiStackProps extends StackProps {
  /**
   * ARN of the CloudFront-scope web ACL (EdgeSecurityStack) the distribution is
   * put behind. infra/deployment.ts always passes one; without it (a stack
   * synthesized alone, e.g. to build the bundles) the distribution has no WAF,
   * which cdk-nag (AwsSolutions-CFR2) refuses wherever the packs are applied.
   */
  webAclArn?: string;
  /**
   * The id of a us-east-1 stack of the same app (the web ACL stack) that takes the Lambda@Edge function
   * when this stack is in another region. Lambda@Edge needs this stack's region to be known: a stack
   * synthesized alone must be given `env.region`.
   */
  edgeStackId?: string;
  /** Overrides of the context settings (tests). */
  settings?: Partial<StackSettings>;
}

export class ApiStack extends Stack {
  readonly data: DataTables;
  readonly graphql: GraphQLFunction;
  readonly api: GraphQLApi;
  readonly corpus: CorpusBucket;
  readonly refresh: SeedRefresh;
  readonly cdn: GraphQLCdn;
  readonly payloadHash: PayloadHashEdge;
  readonly explorer: ExplorerSite;
  readonly alarms: AlarmTopic;

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
      cors: corsPolicy(settings.corsOrigins),
    });
    this.refresh = new SeedRefresh(this, 'SeedRefresh', {
      tables: this.data,
      corpus: this.corpus,
      interval: Duration.hours(settings.refreshIntervalHours),
      logRetention,
    });

    // One security headers policy (and CSP) for the API's replies and the explorer's page.
    const responseHeadersPolicy = securityHeadersPolicy(this);
    this.explorer = new ExplorerSite(this, 'Explorer', { logRetention, responseHeadersPolicy });
    this.payloadHash = new PayloadHashEdge(this, 'PayloadHash', { edgeStackId: props.edgeStackId, logRetention });
    this.cdn = new GraphQLCdn(this, 'Cdn', {
      functionUrl: this.api.url,
      payloadHash: this.payloadHash.association,
      domain: settings.domain,
      originSecret: this.graphql.originSecret,
      originSecretVersion: settings.originSecretVersion,
      webAclArn: props.webAclArn,
      site: this.explorer,
      responseHeadersPolicy,
    });
    this.explorer.deployTo(this.cdn.distribution);
    this.alarms = new AlarmTopic(this, 'Alarms', { email: settings.alarmEmail });
    this.alarms.notifyOnEveryAlarm(this);

    new CfnOutput(this, 'GraphQLUrl', {
      value: this.cdn.graphqlUrl,
      description: 'POST GraphQL here; GET opens the playground (through CloudFront and WAF)',
    });
    new CfnOutput(this, 'ExplorerUrl', {
      value: `https://${this.cdn.domainName}/`,
      description: 'The reference explorer (a single-page app over the API)',
    });
    new CfnOutput(this, 'ApiOriginUrl', {
      value: this.api.url.url,
      description: 'The function URL behind the distribution: answers 403 to any request CloudFront did not sign',
    });
    new CfnOutput(this, 'OriginSecretArn', {
      value: this.graphql.originSecret.secretArn,
      description: 'The header value CloudFront sends and the function checks: npm run rotate-origin-secret',
    });
    new CfnOutput(this, 'CursorSecretArn', {
      value: this.graphql.cursorSecret.secretArn,
      description: 'The key cursors are sealed with: npm run rotate-cursor-secret',
    });
    new CfnOutput(this, 'DistributionId', {
      value: this.cdn.distribution.distributionId,
      description: 'For cache invalidations',
    });
    new CfnOutput(this, 'AlarmTopicArn', {
      value: this.alarms.topic.topicArn,
      description: 'Every alarm of this stack notifies this topic',
    });
    new CfnOutput(this, 'CorpusBucketName', {
      value: this.corpus.bucket.bucketName,
      description: `Publish a corpus under s3://<bucket>/${this.corpus.prefix}`,
    });
    new CfnOutput(this, 'SeedRefreshFunctionName', {
      value: this.refresh.function.functionName,
      description: 'Invoke to refresh the tables now',
    });
  }
}

/** The rule packs every synth is checked against (the app and the tests use the same). */
export function applyNagPacks(app: IConstruct): void {
  Validations.of(app).addPlugins(
    new AwsSolutionsChecks(app, { verbose: true }),
    new ServerlessChecks(app, { verbose: true }),
  );
}
