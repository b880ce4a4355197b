/** The search index in S3: written by the seed-refresh function, read by the GraphQL function. */
import { GetObjectCommand, HeadObjectCommand, NoSuchKey, NotFound, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { createS3Client } from '../../seed/s3-source.js';
import { SEARCH_INDEX_KEY, type SearchIndexStore } from './search-index-store.js';

export interface S3SearchIndexStoreOptions {
  bucket: string;
  key?: string;
  /** Defaults to `createS3Client()` (S3_ENDPOINT for a local S3-compatible server). */
  client?: S3Client;
}

/** The content hash travels as object metadata, so the freshness check is a HEAD, not a download. */
const HASH_METADATA = 'content-hash';

const isMissing = (error: unknown) =>
  error instanceof NoSuchKey || error instanceof NotFound || (error instanceof Error && (error.name === 'NoSuchKey' || error.name === 'NotFound'));

export function s3SearchIndexStore({ bucket, key = SEARCH_INDEX_KEY, client = createS3Client() }: S3SearchIndexStoreOptions): SearchIndexStore {
  return {
    location: `s3://${bucket}/${key}`,
    async hash() {
      try {
        const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        return head.Metadata?.[HASH_METADATA];
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },
    async get() {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        const hash = out.Metadata?.[HASH_METADATA];
        const body = await out.Body?.transformToString('utf8');
        return hash === undefined || body === undefined ? undefined : { hash, body };
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },
    async put(index) {
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: index.body,
          ContentType: 'application/json',
          Metadata: { [HASH_METADATA]: index.hash },
        }),
      );
    },
  };
}
