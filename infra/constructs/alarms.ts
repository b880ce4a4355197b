import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';

/** The share of a function's timeout at which its slowest invocations are worth a look, before any times out. */
export const DURATION_ALARM_SHARE = 0.8;

/**
 * An alarm that fires when a metric reaches `threshold` in one evaluation
 * period; no data (a quiet period) is not a breach.
 */
export function alarmAtLeast(scope: Construct, id: string, description: string, metric: IMetric, threshold = 1): Alarm {
  return new Alarm(scope, id, {
    alarmDescription: description,
    metric,
    threshold,
    evaluationPeriods: 1,
    comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: TreatMissingData.NOT_BREACHING,
  });
}

/**
 * An alarm on a function's slowest invocations (maximum over 5 minutes) reaching
 * DURATION_ALARM_SHARE of its timeout: the warning before the Errors alarm counts timeouts.
 */
export function durationNearTimeoutAlarm(scope: Construct, id: string, fn: LambdaFunction, timeout: Duration): Alarm {
  const threshold = Math.round(timeout.toMilliseconds() * DURATION_ALARM_SHARE);
  return alarmAtLeast(
    scope,
    id,
    `An invocation of ${fn.node.path} took ${threshold} ms or more, ${DURATION_ALARM_SHARE * 100} % of its ${timeout.toSeconds()} s timeout.`,
    fn.metricDuration({ period: Duration.minutes(5), statistic: 'Maximum' }),
    threshold,
  );
}
