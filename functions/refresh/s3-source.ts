/** A corpus under an S3 prefix: what the seed-refresh function reads in AWS. */
import { GetObjectCommand, ListObjectsV2Command, NoSuchKey, S3Client } from '@aws-sdk/client-s3';
import { s3ClientConfig } from '../data/s3-config.js';
import type { CorpusSource } from './corpus-source.js';

export interface S3SourceOptions {
  bucket: string;
  /** Key prefix of the corpus root, e.g. `corpus/`; a missing trailing slash is added. */
  prefix: string;
  /** Defaults to `createS3Client()`; tests pass one aimed at a local S3-compatible server. */
  client?: S3Client;
}

/** An S3 client as `s3ClientConfig` describes (S3_ENDPOINT for a local S3-compatible server). */
export function createS3Client(endpoint?: string): S3Client {
  return new S3Client(s3ClientConfig(endpoint));
}

const isMissingObject = (error: unknown) =>
  error instanceof NoSuchKey || (error instanceof Error && (error.name === 'NoSuchKey' || error.name === 'NotFound'));

export function s3Source({ bucket, prefix, client = createS3Client() }: S3SourceOptions): CorpusSource {
  const root = prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`;
  return {
    location: `s3://${bucket}/${root}`,
    async read(path) {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: `${root}${path}` }));
        return (await out.Body?.transformToString('utf8')) ?? '';
      } catch (error) {
        // Only a missing key means "no such file"; AccessDenied and the rest are real failures.
        if (isMissingObject(error)) return undefined;
        throw error;
      }
    },
    async list() {
      const files: string[] = [];
      let token: string | undefined;
      do {
        const out = await client.send(
          new ListObjectsV2Command({ Bucket: bucket, Prefix: root, ContinuationToken: token }),
        );
        for (const object of out.Contents ?? [])
          if (object.Key !== undefined && !object.Key.endsWith('/')) files.push(object.Key.slice(root.length));
        token = out.NextContinuationToken;
      } while (token !== undefined);
      return files;
    },
  };
}
