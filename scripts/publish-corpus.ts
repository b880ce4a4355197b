/**
 * Publishes a corpus folder to the corpus bucket, for the seed refresh to pick
 * up: validates it first (the checks the refresh makes), uploads every file
 * under the prefix, then removes keys under the prefix the folder no longer has.
 *
 * Usage: npx tsx scripts/publish-corpus.ts --bucket <name> [--dir seed/data] [--prefix corpus/]
 * (the bucket name is the stack output CorpusBucketName; S3_ENDPOINT aims it at a local S3).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DeleteObjectsCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { logger } from '../functions/shared/logger.js';
import { readCorpus } from '../functions/refresh/corpus-reader.js';
import { InvalidCorpusError } from '../functions/shared/errors.js';
import { buildItems } from '../functions/refresh/item-builder.js';
import { directorySource } from '../functions/refresh/corpus-source.js';
import { createS3Client } from '../functions/refresh/s3-source.js';
import { CORPUS_DIR } from '../seed/paths.js';

export interface PublishOptions {
  client: S3Client;
  bucket: string;
  prefix: string;
  dir?: string;
}

export interface PublishReport {
  uploaded: number;
  deleted: number;
}

async function filesOf(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'));
}

/**
 * Referenced files go up before the files that refer to them (texts, then
 * people and events, then documents, claims last), so a refresh that starts
 * mid-upload sees at worst an incomplete corpus that fails validation, and
 * leaves the tables alone, rather than dangling references.
 */
const uploadRank = (file: string) => ['people.yaml', 'events.yaml', 'documents.yaml', 'claims.yaml'].indexOf(file);

export async function publishCorpus({
  client,
  bucket,
  prefix,
  dir = CORPUS_DIR,
}: PublishOptions): Promise<PublishReport> {
  const { corpus, issues } = await readCorpus(directorySource(dir));
  if (issues.length > 0) throw new InvalidCorpusError(issues);
  const built = buildItems(corpus, new Map());
  if (built.issues.length > 0) throw new InvalidCorpusError(built.issues);

  const root = prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`;
  const files = (await filesOf(dir)).sort((a, b) => uploadRank(a) - uploadRank(b));
  for (const file of files) {
    await client.send(
      new PutObjectCommand({ Bucket: bucket, Key: `${root}${file}`, Body: await readFile(join(dir, file)) }),
    );
  }

  const wanted = new Set(files.map((f) => `${root}${f}`));
  const stale: string[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: root, ContinuationToken: token }),
    );
    for (const object of page.Contents ?? [])
      if (object.Key !== undefined && !wanted.has(object.Key)) stale.push(object.Key);
    token = page.NextContinuationToken;
  } while (token !== undefined);
  for (let i = 0; i < stale.length; i += 1000) {
    await client.send(
      new DeleteObjectsCommand({
        Bucket: bucket,
        Delete: { Objects: stale.slice(i, i + 1000).map((Key) => ({ Key })) },
      }),
    );
  }
  return { uploaded: files.length, deleted: stale.length };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: { bucket: { type: 'string' }, dir: { type: 'string' }, prefix: { type: 'string', default: 'corpus/' } },
  });
  const bucket = values.bucket ?? process.env.CORPUS_BUCKET;
  if (bucket === undefined || bucket === '') {
    logger.error(
      'usage: tsx scripts/publish-corpus.ts --bucket <CorpusBucketName> [--dir seed/data] [--prefix corpus/]',
    );
    process.exitCode = 2;
  } else {
    const client = createS3Client();
    try {
      const report = await publishCorpus({ client, bucket, prefix: values.prefix, dir: values.dir });
      logger.info('corpus published', { bucket, prefix: values.prefix, ...report });
    } catch (error) {
      if (error instanceof InvalidCorpusError)
        logger.error('invalid corpus; nothing was uploaded', { issues: error.issues });
      else logger.error('publish failed', { error: error as Error });
      process.exitCode = 1;
    } finally {
      client.destroy();
    }
  }
}
