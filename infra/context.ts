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
