import { Duration, Validations } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/**
 * A dead-letter queue: encrypted, TLS only, messages kept 14 days (SQS's
 * longest). `of` names what sends to it, in the cdk-nag acknowledgements of
 * the rules a dead-letter queue cannot meet (a queue of its own to fail to).
 */
export function deadLetterQueue(scope: Construct, id: string, of: string): Queue {
  const queue = new Queue(scope, id, {
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  Validations.of(queue).acknowledge(
    { id: 'AwsSolutions-SQS3', reason: `This queue is itself the dead-letter queue of ${of}.` },
    {
      id: 'Serverless-SQSRedrivePolicy',
      reason: `This queue is itself the dead-letter queue of ${of}; nothing consumes it, so there is nothing to redrive.`,
    },
  );
  return queue;
}
