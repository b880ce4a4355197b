/**
 * A fresh reader of a search index in S3, as the GraphQL function reads it:
 * through its index cache and the S3 store, from s3rver behind the harness's
 * slow link (here without delay), which counts the requests and keeps their
 * Range headers. The index is the seed's, cloned until it is larger than the
 * reader's first read, so the first read cannot hold it all.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s3ClientConfig } from '../../functions/data/s3-config.js';
import { s3SearchIndexStore } from '../../functions/data/s3-search-index-store.js';
import type { StoredSearchIndex } from '../../functions/data/stored-search-index.js';
import { buildSearchIndex } from '../../functions/search/search-index-build.js';
import { cachedSearchIndex } from '../../functions/search/search-index-cache.js';
import { FIRST_READ_BYTES } from '../../functions/search/search-index-layout.js';
import { loadSearchIndex } from '../../functions/search/search-query.js';
import { startLocalS3, type LocalS3 } from '../../scripts/harness/s3rver.js';
import {
  cloneItems,
  relevanceCases,
  relevanceHits,
  seedSearchableItems,
  type RelevanceCase,
} from '../../scripts/harness/search-relevance.js';
import { startSlowLink, type SlowLink } from '../../scripts/harness/slow-link.js';

const BUCKET = 'kb-search-ranged';

let s3: LocalS3;
let link: SlowLink;
let stored: StoredSearchIndex;
let cases: RelevanceCase[];
let expected: string[][];

beforeAll(async () => {
  const items = await seedSearchableItems();
  // Twice the first read, from the seed index's own size.
  const scale = Math.ceil((2 * FIRST_READ_BYTES) / buildSearchIndex(items).body.byteLength);
  stored = buildSearchIndex(cloneItems(items, scale));
  cases = await relevanceCases();
  const inMemory = await loadSearchIndex(stored);
  expected = await Promise.all(cases.map((c) => relevanceHits(inMemory, c)));
  s3 = await startLocalS3([BUCKET]);
  link = await startSlowLink(s3.endpoint, { latencyMs: 0, bytesPerSecond: 1e12 });
  await s3SearchIndexStore({ bucket: BUCKET, client: new S3Client(s3ClientConfig(s3.endpoint)) }).put(stored);
}, 120_000);

afterAll(async () => {
  await link?.close();
  await s3?.close();
});

/** A new instance's index cache over the S3 store, reading through the link. */
const freshIndex = () =>
  cachedSearchIndex({
    store: async () => s3SearchIndexStore({ bucket: BUCKET, client: new S3Client(s3ClientConfig(link.endpoint)) }),
  }).forHash(stored.hash);

describe('a fresh reader of the index in S3', () => {
  it('answers every relevance query as its first, in at most three rounds of closed ranges, reading less than the object', async () => {
    for (const [i, c] of cases.entries()) {
      // Prepare
      link.reset();
      const index = await freshIndex();

      // Act
      const hits = await relevanceHits(index, c);

      // Assess: the same page as the whole index in memory, from part of the object.
      expect(hits, c.query).toEqual(expected[i]);
      expect(index.reads.rounds, c.query).toBeLessThanOrEqual(3);
      expect(link.traffic.requests, c.query).toBe(index.reads.requests);
      expect(link.traffic.bytes, c.query).toBe(index.reads.bytes);
      expect(link.traffic.bytes, c.query).toBeLessThan(stored.body.byteLength);
      for (const range of link.traffic.ranges) expect(range).toMatch(/^bytes=\d+-\d+$/);
    }
  });

  it('reads nothing more for a query it has already answered', async () => {
    const index = await freshIndex();
    await relevanceHits(index, cases[0]!);
    const after = { ...index.reads };
    link.reset();
    expect(await relevanceHits(index, cases[0]!)).toEqual(expected[0]);
    expect(index.reads).toEqual(after);
    expect(link.traffic.requests).toBe(0);
  });

  it('is SERVICE_UNAVAILABLE for a hash with no object', async () => {
    const source = cachedSearchIndex({
      store: async () => s3SearchIndexStore({ bucket: BUCKET, client: new S3Client(s3ClientConfig(link.endpoint)) }),
    });
    await expect(source.forHash('no-such-index')).rejects.toMatchObject({
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    });
  });
});
