import type { S3ClientConfig } from '@aws-sdk/client-s3';
import { optionalEnv, urlEnv } from '../shared/env.js';

/**
 * S3 client settings: the default credential chain, or S3_ENDPOINT when it is
 * set (a local S3-compatible server: path-style addressing, any credentials).
 * Types only, so importing this loads no S3 code.
 */
export function s3ClientConfig(endpoint: string | undefined = urlEnv('S3_ENDPOINT')): S3ClientConfig {
  return endpoint === undefined
    ? {}
    : {
        endpoint,
        forcePathStyle: true,
        region: optionalEnv('AWS_REGION') ?? 'us-east-1',
        credentials: {
          accessKeyId: optionalEnv('AWS_ACCESS_KEY_ID') ?? 'S3RVER',
          secretAccessKey: optionalEnv('AWS_SECRET_ACCESS_KEY') ?? 'S3RVER',
        },
      };
}
