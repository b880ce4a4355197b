/**
 * What CloudFront needs from us-east-1: the WAF web ACL (scope CLOUDFRONT can
 * only be created there) and, because it alarms, its own alarm topic.
 */
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { AlarmTopic } from './constructs/alarm-topic.js';
import { EdgeWebAcl } from './constructs/edge-web-acl.js';
import { alarmEmailContext, positiveIntegerContext } from './context.js';

/** The only region where a web ACL for CloudFront can be created. */
export const EDGE_REGION = 'us-east-1';

export interface EdgeSettings {
  /** Requests one IP may make in any 5 minutes before WAF answers 429 (WAF's minimum is 10). */
  wafRateLimitPer5Min: number;
  /** Subscribed by e-mail to the alarm topic, if set. */
  alarmEmail: string | undefined;
}

export const DEFAULT_EDGE_SETTINGS: EdgeSettings = {
  wafRateLimitPer5Min: 1000,
  alarmEmail: undefined,
};

export function edgeSettingsFromContext(scope: Construct): EdgeSettings {
  const limit = positiveIntegerContext(scope, 'wafRateLimitPer5Min', DEFAULT_EDGE_SETTINGS.wafRateLimitPer5Min, 10);
  if (limit > 2_000_000_000) throw new Error(`Context wafRateLimitPer5Min must be at most 2000000000, got ${limit}`);
  return { wafRateLimitPer5Min: limit, alarmEmail: alarmEmailContext(scope) };
}

export interface EdgeSecurityStackProps extends StackProps {
  /** Overrides of the context settings (tests). */
  settings?: Partial<EdgeSettings>;
}

export class EdgeSecurityStack extends Stack {
  readonly waf: EdgeWebAcl;
  readonly alarms: AlarmTopic;

  constructor(scope: Construct, id: string, props: EdgeSecurityStackProps = {}) {
    super(scope, id, props);
    const settings: EdgeSettings = { ...edgeSettingsFromContext(this), ...props.settings };
    this.waf = new EdgeWebAcl(this, 'Waf', { rateLimitPer5Min: settings.wafRateLimitPer5Min });
    this.alarms = new AlarmTopic(this, 'Alarms', { email: settings.alarmEmail });
    this.alarms.notifyOnEveryAlarm(this);
    new CfnOutput(this, 'WebAclArn', {
      value: this.waf.webAcl.attrArn,
      description: 'The web ACL of the CloudFront distribution',
    });
  }

  get webAclArn(): string {
    return this.waf.webAcl.attrArn;
  }
}
