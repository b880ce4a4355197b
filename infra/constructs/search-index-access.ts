import { Stack, Validations } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { CfnBucket, IBucket } from 'aws-cdk-lib/aws-s3';
import { SEARCH_INDEX_PREFIX } from './corpus-bucket.js';

/** cdk-nag flags the `search/*` object wildcard; it is the narrowest grant, since index names are content hashes. */
export function acknowledgeSearchIndexWildcard(fn: IFunction, bucket: IBucket): void {
  if (fn.role === undefined) return;
  const bucketId = Stack.of(fn).getLogicalId(bucket.node.defaultChild as CfnBucket);
  Validations.of(fn.role).acknowledge({
    id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${SEARCH_INDEX_PREFIX}*]`,
    reason:
      'Each published version names its search index by content hash (search/<hash>.bin); the wildcard covers only the search index prefix.',
  });
}
