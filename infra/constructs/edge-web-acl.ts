/**
 * The AWS WAF web ACL in front of the CloudFront distribution (scope
 * CLOUDFRONT, so it must live in us-east-1): a per-IP rate limit answered with
 * 429 and Retry-After, then AWS's common rule set with its size rules counting
 * instead of blocking, because the API accepts bodies and GET query strings
 * larger than those rules allow.
 */
import { Duration } from 'aws-cdk-lib';
import { Metric, type Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { alarmAtLeast } from './alarms.js';

/** Rule names double as their CloudWatch metric names (the `Rule` dimension). */
export const WAF_RULES = {
  rateLimit: 'RateLimitPerIp',
  common: 'AWSManagedRulesCommonRuleSet',
} as const;

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

/** AWS common rules, with those that refuse what the API itself accepts only counted. */
const commonRule = (): CfnWebACL.RuleProperty => ({
  name: WAF_RULES.common,
  priority: 1,
  overrideAction: { none: {} },
  statement: {
    managedRuleGroupStatement: {
      vendorName: 'AWS',
      name: 'AWSManagedRulesCommonRuleSet',
      // 8 KB bodies and 2 KB query strings are below what the API itself accepts (long GET queries, big POSTs).
      ruleActionOverrides: COUNTED_COMMON_RULES.map((name) => ({ name, actionToUse: { count: {} } })),
    },
  },
  visibilityConfig: visibility(WAF_RULES.common),
});

export class EdgeWebAcl extends Construct {
  readonly webAcl: CfnWebACL;
  readonly metricName: string;
  readonly rateLimitedAlarm: Alarm;

  constructor(scope: Construct, id: string, props: EdgeWebAclProps) {
    super(scope, id);
    this.metricName = 'KnowledgeBaseEdge';
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      scope: 'CLOUDFRONT',
      description: 'Rate limit per IP and AWS common rules in front of the knowledge base API',
      defaultAction: { allow: {} },
      visibilityConfig: visibility(this.metricName),
      customResponseBodies: {
        RateLimited: { contentType: 'APPLICATION_JSON', content: RATE_LIMITED_BODY },
      },
      // First, so a flood is refused before the managed rules spend any work on it.
      rules: [rateLimitRule(props.rateLimitPer5Min), commonRule()],
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
