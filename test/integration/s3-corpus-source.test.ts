/**
 * The corpus as the seed-refresh function reads it in AWS: from an S3 prefix.
 * s3rver (an S3-compatible server, in this process) stands in for S3, the
 * local DynamoDB engine for DynamoDB; the corpus goes up through the publish
 * script and the handler under test is the real one.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataSources, type DataSources } from '../../functions/data/client.js';
import { scanTable } from '../../functions/data/refresh-store.js';
import { ensureTables } from '../../scripts/harness/table-admin.js';
import { TABLE_LIST } from '../../functions/data/tables.js';
import { startLocalDynamo, type LocalDynamo } from '../../scripts/local-dynamodb.js';
import { useLocalEnvironment } from '../../scripts/local-stack.js';
import { publishCorpus } from '../../scripts/publish-corpus.js';
import { readCorpus } from '../../functions/refresh/corpus-reader.js';
import { directorySource } from '../../functions/refresh/corpus-source.js';
import { s3Source } from '../../functions/refresh/s3-source.js';
import { startLocalS3, type LocalS3 } from '../../scripts/harness/s3rver.js';
import { CORPUS_DIR } from '../../seed/paths.js';

const BUCKET = 'kb-corpus';
const PREFIX = 'corpus/';

let localS3: LocalS3;
let s3Endpoint: string;
let s3: S3Client;
let dynamo: LocalDynamo;
let ds: DataSources;

const put = (key: string, body: string) => s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body }));

async function snapshotTables(): Promise<Record<string, unknown[]>> {
  const sortKey = (item: Record<string, unknown>) => `${String(item.pk)}\u0000${String(item.sk)}`;
  return Object.fromEntries(
    await Promise.all(
      TABLE_LIST.map(
        async (t) =>
          [t.name, (await scanTable(ds, t.name)).sort((a, b) => sortKey(a).localeCompare(sortKey(b)))] as const,
      ),
    ),
  );
}

beforeAll(async () => {
  localS3 = await startLocalS3([BUCKET]);
  s3Endpoint = localS3.endpoint;
  s3 = new S3Client({
    endpoint: s3Endpoint,
    forcePathStyle: true,
    region: 'us-east-1',
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    // s3rver predates the SDK's default request checksums (aws-chunked uploads).
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const published = await publishCorpus({ client: s3, bucket: BUCKET, prefix: PREFIX });
  expect(published.uploaded).toBeGreaterThan(4);

  dynamo = await startLocalDynamo();
  useLocalEnvironment(dynamo.endpoint);
  ds = createDataSources();
  await ensureTables(ds);
}, 60_000);

afterAll(async () => {
  s3.destroy();
  ds?.raw.destroy();
  await dynamo?.close();
  await localS3?.close();
});

describe('s3Source', () => {
  it('gives the same corpus as the corpus folder', async () => {
    const fromFolder = await readCorpus(directorySource(CORPUS_DIR));
    const fromS3 = await readCorpus(s3Source({ bucket: BUCKET, prefix: PREFIX, client: s3 }));
    expect(fromFolder.issues).toEqual([]);
    expect(fromS3.issues).toEqual([]);
    expect(fromS3.corpus).toEqual(fromFolder.corpus);
    expect(fromS3.corpus.documents.length).toBeGreaterThan(0);
  });

  it('reads a file by its path under the prefix, with or without the trailing slash', async () => {
    const expected = await readFile(join(CORPUS_DIR, 'people.yaml'), 'utf8');
    expect(await s3Source({ bucket: BUCKET, prefix: 'corpus', client: s3 }).read('people.yaml')).toBe(expected);
  });

  it('answers undefined for a missing file and names its location', async () => {
    const source = s3Source({ bucket: BUCKET, prefix: PREFIX, client: s3 });
    expect(await source.read('documents/no-such-document.txt')).toBeUndefined();
    expect(source.location).toBe(`s3://${BUCKET}/${PREFIX}`);
  });

  it('fails, rather than reporting a missing file, when the bucket is not there', async () => {
    await expect(
      s3Source({ bucket: 'no-such-bucket', prefix: PREFIX, client: s3 }).read('people.yaml'),
    ).rejects.toThrow();
  });
});

describe('publishCorpus', () => {
  it('removes files under the prefix that the corpus folder no longer has', async () => {
    await put(`${PREFIX}documents/withdrawn-article.txt`, 'withdrawn');
    const report = await publishCorpus({ client: s3, bucket: BUCKET, prefix: PREFIX });
    expect(report.deleted).toBe(1);
    expect(
      await s3Source({ bucket: BUCKET, prefix: PREFIX, client: s3 }).read('documents/withdrawn-article.txt'),
    ).toBeUndefined();
  });

  it('uploads nothing from an invalid corpus folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kb-invalid-corpus-'));
    try {
      await writeFile(join(dir, 'people.yaml'), 'not: [a list');
      await expect(publishCorpus({ client: s3, bucket: BUCKET, prefix: PREFIX, dir })).rejects.toMatchObject({
        name: 'InvalidCorpusError',
      });
      expect(await s3Source({ bucket: BUCKET, prefix: PREFIX, client: s3 }).read('people.yaml')).toBe(
        await readFile(join(CORPUS_DIR, 'people.yaml'), 'utf8'),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('seed-refresh handler', () => {
  type Handler = typeof import('../../functions/seed-refresh/handler.js').handler;
  let handler: Handler;

  beforeAll(async () => {
    process.env.CORPUS_BUCKET = BUCKET;
    process.env.CORPUS_PREFIX = PREFIX;
    process.env.S3_ENDPOINT = s3Endpoint;
    // Imported only now: the handler reads its configuration from the environment at load, as in Lambda.
    ({ handler } = await import('../../functions/seed-refresh/handler.js'));
  });

  it('loads the corpus from S3 into empty tables', async () => {
    const report = await handler({});
    expect(report.created).toBeGreaterThan(0);
    // Every entity of version 1 is ADDED, its change list in pages of 25; the writes add the relationship items.
    expect(report).toMatchObject({ status: 'published', version: 1 });
    expect(report.created).toBe(report.changes.added);
    expect(report.changePages).toBe(Math.ceil(report.changes.added / 25));
    expect(report.writes).toBeGreaterThan(report.created + report.changePages);
    for (const def of TABLE_LIST) expect(report.tables[def.name].created, def.name).toBeGreaterThan(0);
  });

  it('writes nothing when run again on the same corpus', async () => {
    const report = await handler({});
    expect(report.writes).toBe(0);
    expect(report.unchanged).toBeGreaterThan(0);
  });

  it('fails on an invalid corpus and leaves the tables as they were', async () => {
    const before = await snapshotTables();
    const claims = await readFile(join(CORPUS_DIR, 'claims.yaml'), 'utf8');
    const invalid = claims.replace('speaker: null', 'speaker: nobody-in-the-corpus');
    expect(invalid).not.toBe(claims);
    await put(`${PREFIX}claims.yaml`, invalid);

    await expect(handler({})).rejects.toMatchObject({
      name: 'InvalidCorpusError',
      message: expect.stringMatching(/nobody-in-the-corpus/),
    });
    expect(await snapshotTables()).toEqual(before);
  });
});
