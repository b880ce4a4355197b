/** Reading CDK context (`cdk.json` or `-c key=value`): values from `-c` arrive as strings, from cdk.json as JSON values. */
import type { Construct } from 'constructs';

export function positiveIntegerContext(scope: Construct, key: string, fallback: number, min = 1): number {
  const raw: unknown = scope.node.tryGetContext(key);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min)
    throw new Error(`Context ${key} must be an integer of at least ${min}, got ${JSON.stringify(raw)}`);
  return value;
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** The `alarmEmail` context key: an address to subscribe to the alarm topic, or undefined for none. */
export function alarmEmailContext(scope: Construct): string | undefined {
  const raw: unknown = scope.node.tryGetContext('alarmEmail');
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string' || !EMAIL.test(raw))
    throw new Error(`Context alarmEmail must be an e-mail address, got ${JSON.stringify(raw)}`);
  return raw;
}

/** A host name as DNS writes it: labels of letters, digits and inner hyphens, at least two of them. */
const HOST_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
/** An ACM certificate in us-east-1, the only region CloudFront takes certificates from. */
const EDGE_CERTIFICATE_ARN = /^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]+$/;

/**
 * The `domainName` and `certificateArn` context keys: both, for a custom domain with TLS 1.2 at least,
 * or neither (the distribution's *.cloudfront.net domain).
 */
export function customDomainContext(scope: Construct): { domainName: string; certificateArn: string } | undefined {
  const domainName: unknown = scope.node.tryGetContext('domainName');
  const certificateArn: unknown = scope.node.tryGetContext('certificateArn');
  const given = (value: unknown) => value !== undefined && value !== '';
  if (!given(domainName) && !given(certificateArn)) return undefined;
  if (!given(domainName) || !given(certificateArn))
    throw new Error('Context domainName and certificateArn go together: give both, or neither');
  if (typeof domainName !== 'string' || !HOST_NAME.test(domainName))
    throw new Error(
      `Context domainName must be a host name such as api.example.org, got ${JSON.stringify(domainName)}`,
    );
  if (typeof certificateArn !== 'string' || !EDGE_CERTIFICATE_ARN.test(certificateArn)) {
    throw new Error(
      `Context certificateArn must be an ACM certificate ARN in us-east-1 (CloudFront's region for certificates), got ${JSON.stringify(certificateArn)}`,
    );
  }
  return { domainName: domainName.toLowerCase(), certificateArn };
}
