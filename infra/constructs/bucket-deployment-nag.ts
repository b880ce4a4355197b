/**
 * A BucketDeployment uploads through a function CDK provides (a singleton per
 * stack, with its own role): its runtime and permissions are CDK's to choose.
 * One list of the cdk-nag findings that function raises, each with its reason.
 */
import { Stack, Token, Validations } from 'aws-cdk-lib';
import type { CfnBucket, IBucket } from 'aws-cdk-lib/aws-s3';
import type { BucketDeployment } from 'aws-cdk-lib/aws-s3-deployment';

const MANAGED =
  'The deployment handler is created and versioned by aws-cdk-lib (BucketDeployment); it runs only during deploys.';

/**
 * Acknowledges the handler's findings. `copy` says why it may copy from the CDK
 * assets bucket into `bucket`; `extra` adds findings of one deployment only.
 */
export function acknowledgeDeploymentHandler(
  deployment: BucketDeployment,
  bucket: IBucket,
  copy: string,
  extra: readonly { id: string; reason: string }[] = [],
): void {
  const handler = deployment.handlerRole.node.scope;
  if (handler === undefined) return;
  const stack = Stack.of(bucket);
  const bucketId = stack.getLogicalId(bucket.node.defaultChild as CfnBucket);
  // The assets bucket's ARN as nag prints it: literal where the environment is known, <AWS::…> where not.
  const literal = (value: string, pseudo: string) => (Token.isUnresolved(value) ? `<AWS::${pseudo}>` : value);
  const assetsBucket = `arn:${literal(stack.partition, 'Partition')}:s3:::cdk-hnb659fds-assets-${literal(stack.account, 'AccountId')}-${literal(stack.region, 'Region')}/*`;
  Validations.of(handler).acknowledge(
    { id: 'AwsSolutions-L1', reason: `${MANAGED} Its Python runtime moves with aws-cdk-lib upgrades.` },
    { id: 'Serverless-LambdaLatestVersion', reason: `${MANAGED} Its Python runtime moves with aws-cdk-lib upgrades.` },
    {
      id: 'Serverless-LambdaTracing',
      reason: `${MANAGED} Tracing a deploy-time file copy would show nothing the deploy log does not.`,
    },
    {
      id: 'Serverless-LambdaDLQ',
      reason: `${MANAGED} It is invoked synchronously by CloudFormation, which reports a failure as a failed deploy.`,
    },
    {
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason: `${MANAGED} CDK attaches the basic execution role to it.`,
    },
    ...['s3:GetBucket*', 's3:GetObject*', 's3:List*', 's3:Abort*', 's3:DeleteObject*'].map((action) => ({
      id: `AwsSolutions-IAM5[Action::${action}]`,
      reason: copy,
    })),
    { id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/*]`, reason: copy },
    { id: `AwsSolutions-IAM5[Resource::${assetsBucket}]`, reason: copy },
    ...extra,
  );
}
