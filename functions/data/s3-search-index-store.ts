/**
 * The search index in S3: written by the seed-refresh function, read by the
 * GraphQL function. The S3 client is imported on first use: a static import of
 * an external module would be hoisted into the GraphQL function's start-up.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { s3ClientConfig } from './s3-config.js';
import { SEARCH_INDEX_KEY, type SearchIndexStore } from './search-index-store.js';

const loadS3 = () => import('@aws-sdk/client-s3');

export interface S3SearchIndexStoreOptions {
  bucket: string;
  key?: string;
  /** Defaults to a client from `s3ClientConfig()` (S3_ENDPOINT for a local S3-compatible server). */
  client?: S3Client;
}

/** The content hash travels as object metadata, so the freshness check is a HEAD, not a download. */
const HASH_METADATA = 'content-hash';

const isMissing = (error: unknown) => error instanceof Error && (error.name === 'NoSuchKey' || error.name === 'NotFound');

export function s3SearchIndexStore({ bucket, key = SEARCH_INDEX_KEY, client }: S3SearchIndexStoreOptions): SearchIndexStore {
  let s3: S3Client | undefined = client;
  const clientFor = async () => (s3 ??= new (await loadS3()).S3Client(s3ClientConfig()));
  return {
    location: `s3://${bucket}/${key}`,
    async hash() {
      try {
        const { HeadObjectCommand } = await loadS3();
        const head = await (await clientFor()).send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        return head.Metadata?.[HASH_METADATA];
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },
    async get() {
      try {
        const { GetObjectCommand } = await loadS3();
        const out = await (await clientFor()).send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        const hash = out.Metadata?.[HASH_METADATA];
        const body = await out.Body?.transformToByteArray();
        return hash === undefined || body === undefined ? undefined : { hash, body };
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },
    async put(index) {
      const { PutObjectCommand } = await loadS3();
      await (await clientFor()).send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: index.body,
          ContentType: 'application/octet-stream',
          Metadata: { [HASH_METADATA]: index.hash },
        }),
      );
    },
  };
}
