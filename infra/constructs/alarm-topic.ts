/**
 * The SNS topic every CloudWatch alarm of a stack notifies, on ALARM and on OK.
 * One per stack: an alarm can only notify a topic of its own region.
 */
import { Aspects, AspectPriority, RemovalPolicy, Stack, type IAspect } from 'aws-cdk-lib';
import { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct, type IConstruct } from 'constructs';
import { deadLetterQueue } from './dead-letter-queue.js';

export interface AlarmTopicProps {
  /** Subscribed by e-mail when given (AWS sends a confirmation message first). */
  email: string | undefined;
}

export class AlarmTopic extends Construct {
  readonly topic: Topic;
  readonly key: Key;
  /** Notifications SNS could not deliver to the e-mail address; only with a subscription. */
  readonly undeliveredQueue: Queue | undefined;

  constructor(scope: Construct, id: string, props: AlarmTopicProps) {
    super(scope, id);
    // A key of our own: CloudWatch cannot publish to a topic encrypted with the AWS-managed aws/sns key.
    this.key = new Key(this, 'Key', {
      description: 'Encrypts the alarm topic',
      enableKeyRotation: true,
      // It protects transient notifications only; nothing stored needs it after the stack is gone.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.topic = new Topic(this, 'Topic', {
      displayName: 'Knowledge base alarms',
      masterKey: this.key,
      enforceSSL: true,
    });
    const cloudWatch = new ServicePrincipal('cloudwatch.amazonaws.com', {
      conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
    });
    // Publish on the topic policy, Decrypt and GenerateDataKey* on the key policy.
    this.topic.grantPublish(cloudWatch);
    if (props.email !== undefined) {
      this.undeliveredQueue = deadLetterQueue(this, 'UndeliveredQueue', 'the alarm e-mail subscription');
      this.topic.addSubscription(new EmailSubscription(props.email, { deadLetterQueue: this.undeliveredQueue }));
    }
  }

  /** Makes every alarm in `scope`, including ones added after this call, notify the topic on ALARM and OK. */
  notifyOnEveryAlarm(scope: IConstruct): void {
    const action = new SnsAction(this.topic);
    const aspect: IAspect = {
      visit(node) {
        if (!(node instanceof Alarm)) return;
        node.addAlarmAction(action);
        node.addOkAction(action);
      },
    };
    Aspects.of(scope).add(aspect, { priority: AspectPriority.MUTATING });
  }
}
