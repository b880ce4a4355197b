/**
 * The search indexes in S3: written by the seed-refresh function, read by the
 * GraphQL function. The S3 client is imported on first use: a static import of
 * an external module would be hoisted into the GraphQL function's start-up.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { s3ClientConfig } from './s3-config.js';
import {
  SEARCH_INDEX_PREFIX,
  hashOfSearchIndexKey,
  searchIndexKey,
  type SearchIndexStore,
} from './stored-search-index.js';

const loadS3 = () => import('@aws-sdk/client-s3');

export interface S3SearchIndexStoreOptions {
  bucket: string;
  /** Defaults to a client from `s3ClientConfig()` (S3_ENDPOINT for a local S3-compatible server). */
  client?: S3Client;
}

const isMissing = (error: unknown) =>
  error instanceof Error && (error.name === 'NoSuchKey' || error.name === 'NotFound');

/** The hashes of every index under the prefix, page by page. */
async function listHashes(client: S3Client, bucket: string): Promise<string[]> {
  const { ListObjectsV2Command } = await loadS3();
  const hashes: string[] = [];
  let token: string | undefined;
  do {
    const out = await client.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: SEARCH_INDEX_PREFIX, ContinuationToken: token }),
    );
    for (const object of out.Contents ?? []) {
      const hash = object.Key === undefined ? undefined : hashOfSearchIndexKey(object.Key);
      if (hash !== undefined) hashes.push(hash);
    }
    token = out.IsTruncated === true ? out.NextContinuationToken : undefined;
  } while (token !== undefined);
  return hashes;
}

export function s3SearchIndexStore({ bucket, client }: S3SearchIndexStoreOptions): SearchIndexStore {
  let s3: S3Client | undefined = client;
  const clientFor = async () => (s3 ??= new (await loadS3()).S3Client(s3ClientConfig()));
  return {
    location: `s3://${bucket}/${SEARCH_INDEX_PREFIX}`,
    async has(hash) {
      try {
        const { HeadObjectCommand } = await loadS3();
        await (await clientFor()).send(new HeadObjectCommand({ Bucket: bucket, Key: searchIndexKey(hash) }));
        return true;
      } catch (error) {
        if (isMissing(error)) return false;
        throw error;
      }
    },
    async get(hash) {
      try {
        const { GetObjectCommand } = await loadS3();
        const out = await (await clientFor()).send(new GetObjectCommand({ Bucket: bucket, Key: searchIndexKey(hash) }));
        const body = await out.Body?.transformToByteArray();
        return body === undefined ? undefined : { hash, body };
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },
    async read(hash, ranges) {
      const { GetObjectCommand } = await loadS3();
      const s3Client = await clientFor();
      try {
        return await Promise.all(
          ranges.map(async ({ start, end }) => {
            // A closed range: S3 (and s3rver, which the tests use) serves it; suffix and multiple ranges are not used.
            const out = await s3Client.send(
              new GetObjectCommand({ Bucket: bucket, Key: searchIndexKey(hash), Range: `bytes=${start}-${end - 1}` }),
            );
            return (await out.Body?.transformToByteArray()) ?? new Uint8Array(0);
          }),
        );
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },
    async put(index) {
      const { PutObjectCommand } = await loadS3();
      await (
        await clientFor()
      ).send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: searchIndexKey(index.hash),
          Body: index.body,
          ContentType: 'application/octet-stream',
        }),
      );
    },
    list: async () => listHashes(await clientFor(), bucket),
    async remove(hash) {
      const { DeleteObjectCommand } = await loadS3();
      await (await clientFor()).send(new DeleteObjectCommand({ Bucket: bucket, Key: searchIndexKey(hash) }));
    },
  };
}
