/**
 * The AWS WAF web ACL in front of the CloudFront distribution (scope
 * CLOUDFRONT, so it must live in us-east-1): a per-IP rate limit answered with
 * 429 and Retry-After; AWS's IP reputation list; AWS's common rule set with its
 * size rules counting instead of blocking, because the API accepts bodies and
 * GET query strings larger than those rules allow; AWS's known-bad-inputs rules.
 * Every request WAF sees is logged, with the credentials a browser may send
 * redacted.
 */
import { Arn, ArnFormat, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Metric, type Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { CfnLoggingConfiguration, CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { alarmAtLeast } from './alarms.js';

/** Rule names double as their CloudWatch metric names (the `Rule` dimension). */
export const WAF_RULES = {
  rateLimit: 'RateLimitPerIp',
  ipReputation: 'AWSManagedRulesAmazonIpReputationList',
  common: 'AWSManagedRulesCommonRuleSet',
  knownBadInputs: 'AWSManagedRulesKnownBadInputsRuleSet',
} as const;

/** Request headers WAF logs never show: a browser's credentials, were a client ever to send them. */
export const REDACTED_LOG_HEADERS = ['authorization', 'cookie'] as const;

/** WAF only delivers to log groups whose name starts with `aws-waf-logs-`. */
export const WAF_LOG_GROUP_PREFIX = 'aws-waf-logs-';

/** Rules of the common rule set that would refuse requests the API accepts: they only count. */
export const COUNTED_COMMON_RULES = ['SizeRestrictions_BODY', 'SizeRestrictions_QUERYSTRING'] as const;

/**
 * WAF re-evaluates rate-based rules every few seconds over the window, so a
 * client that stops is let through well within a minute of falling below the
 * limit; one that keeps going stays blocked whatever it was told.
 */
export const RETRY_AFTER_SECONDS = 60;

/** The body of the 429: a GraphQL-shaped error, so clients can show it like any other. */
export const RATE_LIMITED_BODY = JSON.stringify({
  errors: [
    {
      message: 'Too many requests from this address; retry after the time in Retry-After.',
      extensions: { code: 'RATE_LIMITED' },
    },
  ],
});

export interface EdgeWebAclProps {
  /** Requests one IP address may make in any 5 minutes before it is answered 429. */
  rateLimitPer5Min: number;
  /** How long WAF's request log is kept; defaults to three months. */
  logRetention?: RetentionDays;
}

/** An AWS managed rule group applied as its vendor sets it (blocking), but for `counted` rules. */
function managedRule(name: string, priority: number, counted: readonly string[] = []): CfnWebACL.RuleProperty {
  return {
    name,
    priority,
    overrideAction: { none: {} },
    statement: {
      managedRuleGroupStatement: {
        vendorName: 'AWS',
        name,
        ruleActionOverrides:
          counted.length > 0 ? counted.map((rule) => ({ name: rule, actionToUse: { count: {} } })) : undefined,
      },
    },
    visibilityConfig: visibility(name),
  };
}

const visibility = (metricName: string): CfnWebACL.VisibilityConfigProperty => ({
  cloudWatchMetricsEnabled: true,
  metricName,
  sampledRequestsEnabled: true,
});

/** Per-IP rate limit: 429 with Retry-After past `limit` requests in 5 minutes. */
const rateLimitRule = (limit: number): CfnWebACL.RuleProperty => ({
  name: WAF_RULES.rateLimit,
  priority: 0,
  statement: {
    rateBasedStatement: { limit, aggregateKeyType: 'IP', evaluationWindowSec: 300 },
  },
  action: {
    block: {
      customResponse: {
        responseCode: 429,
        customResponseBodyKey: 'RateLimited',
        responseHeaders: [{ name: 'Retry-After', value: String(RETRY_AFTER_SECONDS) }],
      },
    },
  },
  visibilityConfig: visibility(WAF_RULES.rateLimit),
});

export class EdgeWebAcl extends Construct {
  readonly webAcl: CfnWebACL;
  readonly metricName: string;
  readonly rateLimitedAlarm: Alarm;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: EdgeWebAclProps) {
    super(scope, id);
    this.metricName = 'KnowledgeBaseEdge';
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      scope: 'CLOUDFRONT',
      description: 'Rate limit per IP and AWS managed rules in front of the knowledge base API',
      defaultAction: { allow: {} },
      visibilityConfig: visibility(this.metricName),
      customResponseBodies: {
        RateLimited: { contentType: 'APPLICATION_JSON', content: RATE_LIMITED_BODY },
      },
      rules: [
        // First, so a flood is refused before the managed rules spend any work on it.
        rateLimitRule(props.rateLimitPer5Min),
        // Addresses AWS has seen in bot networks and reconnaissance: refused before any other managed rule runs.
        managedRule(WAF_RULES.ipReputation, 1),
        // 8 KB bodies and 2 KB query strings are below what the API itself accepts (long GET queries, big POSTs).
        managedRule(WAF_RULES.common, 2, COUNTED_COMMON_RULES),
        managedRule(WAF_RULES.knownBadInputs, 3),
      ],
    });

    this.logGroup = new LogGroup(this, 'Log', {
      logGroupName: `${WAF_LOG_GROUP_PREFIX}${Stack.of(this).stackName}`,
      retention: props.logRetention ?? RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    new CfnLoggingConfiguration(this, 'Logging', {
      resourceArn: this.webAcl.attrArn,
      // WAF wants the log group's ARN without the `:*` that CloudFormation's Arn attribute ends with.
      logDestinationConfigs: [
        Arn.format(
          {
            service: 'logs',
            resource: 'log-group',
            resourceName: this.logGroup.logGroupName,
            arnFormat: ArnFormat.COLON_RESOURCE_NAME,
          },
          Stack.of(this),
        ),
      ],
      redactedFields: REDACTED_LOG_HEADERS.map((name) => ({ singleHeader: { Name: name } })),
    });

    // CloudFront web ACLs report without the Region dimension that regional ones carry.
    this.rateLimitedAlarm = alarmAtLeast(
      this,
      'RateLimitedAlarm',
      'WAF answered 429 to at least 100 requests in 5 minutes: one or more addresses exceed the per-IP rate limit.',
      new Metric({
        namespace: 'AWS/WAFV2',
        metricName: 'BlockedRequests',
        dimensionsMap: { WebACL: this.metricName, Rule: WAF_RULES.rateLimit },
        statistic: 'Sum',
        period: Duration.minutes(5),
      }),
      100,
    );
  }
}
