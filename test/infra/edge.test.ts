/**
 * CDK assertions on the us-east-1 stack: the web ACL of the CloudFront
 * distribution and its alarm topic. The stack has no assets, so each test can
 * synthesize its own cheaply.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../infra/constructs/bundled-function.js';
import {
  COUNTED_COMMON_RULES,
  REDACTED_LOG_HEADERS,
  RETRY_AFTER_SECONDS,
  WAF_LOG_GROUP_PREFIX,
  WAF_RULES,
} from '../../infra/constructs/edge-web-acl.js';
import {
  DEFAULT_EDGE_SETTINGS,
  EDGE_REGION,
  EdgeSecurityStack,
  edgeSettingsFromContext,
} from '../../infra/edge-security-stack.js';

const CDK_CONTEXT = (
  JSON.parse(readFileSync(join(PROJECT_ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> }
).context;

type Rule = {
  Name: string;
  Priority: number;
  Statement: Record<string, Record<string, unknown>>;
  Action?: unknown;
  OverrideAction?: unknown;
};

function synth(context: Record<string, unknown> = {}) {
  const stack = new EdgeSecurityStack(new App({ context: { ...CDK_CONTEXT, ...context } }), 'Edge', {
    env: { region: EDGE_REGION },
  });
  const template = Template.fromStack(stack);
  const acl = Object.values(template.findResources('AWS::WAFv2::WebACL'))[0]?.Properties as Record<string, unknown>;
  const rules = acl.Rules as Rule[];
  const rule = (name: string) => rules.find((r) => r.Name === name)!;
  return { stack, template, acl, rules, rule };
}

describe('web ACL', () => {
  it('is a CLOUDFRONT-scope web ACL in us-east-1 that allows what no rule blocks', () => {
    const { stack, acl } = synth();
    expect(stack.region).toBe('us-east-1');
    expect(acl).toMatchObject({
      Scope: 'CLOUDFRONT',
      DefaultAction: { Allow: {} },
      VisibilityConfig: { CloudWatchMetricsEnabled: true, SampledRequestsEnabled: true },
    });
  });

  it('rate limits each IP over 5 minutes, first, answering 429 with Retry-After and a GraphQL error body', () => {
    const { acl, rules, rule } = synth();
    const limit = rule(WAF_RULES.rateLimit);
    expect(limit.Priority).toBe(Math.min(...rules.map((r) => r.Priority)));
    expect(limit.Statement.RateBasedStatement).toEqual({
      Limit: DEFAULT_EDGE_SETTINGS.wafRateLimitPer5Min,
      AggregateKeyType: 'IP',
      EvaluationWindowSec: 300,
    });
    expect(limit.Action).toEqual({
      Block: {
        CustomResponse: {
          ResponseCode: 429,
          CustomResponseBodyKey: 'RateLimited',
          ResponseHeaders: [{ Name: 'Retry-After', Value: String(RETRY_AFTER_SECONDS) }],
        },
      },
    });
    const body = (acl.CustomResponseBodies as Record<string, { ContentType: string; Content: string }>).RateLimited;
    expect(body?.ContentType).toBe('APPLICATION_JSON');
    expect(JSON.parse(body!.Content)).toMatchObject({ errors: [{ extensions: { code: 'RATE_LIMITED' } }] });
  });

  it('takes the limit from context and refuses one WAF would not accept', () => {
    expect(synth({ wafRateLimitPer5Min: '250' }).rule(WAF_RULES.rateLimit).Statement.RateBasedStatement?.Limit).toBe(
      250,
    );
    const scope = (context: Record<string, unknown>) => new App({ context });
    expect(() => edgeSettingsFromContext(scope({ wafRateLimitPer5Min: 5 }))).toThrow(/wafRateLimitPer5Min/);
    expect(() => edgeSettingsFromContext(scope({ wafRateLimitPer5Min: 'many' }))).toThrow(/wafRateLimitPer5Min/);
  });

  it('applies the AWS common rule set with its body and query-string size rules only counting', () => {
    const { rule } = synth();
    const common = rule(WAF_RULES.common);
    expect(common.OverrideAction).toEqual({ None: {} });
    expect(common.Statement.ManagedRuleGroupStatement).toMatchObject({
      VendorName: 'AWS',
      Name: 'AWSManagedRulesCommonRuleSet',
    });
    const overrides = common.Statement.ManagedRuleGroupStatement?.RuleActionOverrides;
    expect(overrides).toEqual(COUNTED_COMMON_RULES.map((name) => ({ Name: name, ActionToUse: { Count: {} } })));
    expect(COUNTED_COMMON_RULES).toEqual(['SizeRestrictions_BODY', 'SizeRestrictions_QUERYSTRING']);
  });

  it('blocks with the AWS IP reputation list before the common rules, and with the known-bad-inputs rules', () => {
    const { rule, rules } = synth();
    for (const name of [WAF_RULES.ipReputation, WAF_RULES.knownBadInputs]) {
      const managed = rule(name);
      expect(managed.OverrideAction, name).toEqual({ None: {} });
      expect(managed.Statement.ManagedRuleGroupStatement, name).toEqual({ VendorName: 'AWS', Name: name });
    }
    expect(rule(WAF_RULES.ipReputation).Priority).toBeLessThan(rule(WAF_RULES.common).Priority);
    expect(new Set(rules.map((r) => r.Priority)).size).toBe(rules.length);
    expect(rules.map((r) => r.Name).sort()).toEqual(Object.values(WAF_RULES).sort());
  });

  it('logs every request to a retained log group, with authorization and cookie headers redacted', () => {
    const { stack, template } = synth();
    const logGroup = stack.waf.logGroup.node.defaultChild as never;
    template.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: `${WAF_LOG_GROUP_PREFIX}${stack.stackName}`,
      RetentionInDays: 90,
    });
    const config = Object.values(template.findResources('AWS::WAFv2::LoggingConfiguration'));
    expect(config).toHaveLength(1);
    const props = config[0]!.Properties as Record<string, unknown>;
    expect(props.ResourceArn).toEqual({ 'Fn::GetAtt': [stack.getLogicalId(stack.waf.webAcl), 'Arn'] });
    expect(props.RedactedFields).toEqual(REDACTED_LOG_HEADERS.map((name) => ({ SingleHeader: { Name: name } })));
    expect(REDACTED_LOG_HEADERS).toEqual(['authorization', 'cookie']);
    // The log group's ARN without the `:*` suffix of its Arn attribute, which WAF refuses.
    const destination = JSON.stringify(props.LogDestinationConfigs);
    expect(props.LogDestinationConfigs).toEqual([
      {
        'Fn::Join': [
          '',
          ['arn:aws:logs:us-east-1:', { Ref: 'AWS::AccountId' }, ':log-group:', { Ref: stack.getLogicalId(logGroup) }],
        ],
      },
    ]);
    expect(destination).not.toContain(':*');
  });
});

describe('alarms in us-east-1', () => {
  it('alarms on rate-limit blocks and notifies its own encrypted topic on ALARM and OK', () => {
    const { stack, template } = synth();
    const topic = { Ref: stack.getLogicalId(stack.alarms.topic.node.defaultChild as never) };
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/WAFV2',
      MetricName: 'BlockedRequests',
      Dimensions: [
        { Name: 'Rule', Value: WAF_RULES.rateLimit },
        { Name: 'WebACL', Value: stack.waf.metricName },
      ],
      AlarmActions: [topic],
      OKActions: [topic],
    });
    template.hasResourceProperties('AWS::SNS::Topic', {
      KmsMasterKeyId: { 'Fn::GetAtt': [stack.getLogicalId(stack.alarms.key.node.defaultChild as never), 'Arn'] },
    });
  });

  it('subscribes the alarmEmail address, with a dead-letter queue for undeliverable notifications', () => {
    const { stack, template } = synth({ alarmEmail: 'ops@example.org' });
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.org',
      RedrivePolicy: {
        deadLetterTargetArn: {
          'Fn::GetAtt': [stack.getLogicalId(stack.alarms.undeliveredQueue!.node.defaultChild as never), 'Arn'],
        },
      },
    });
    synth().template.resourceCountIs('AWS::SNS::Subscription', 0);
  });
});
