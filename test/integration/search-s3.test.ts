/**
 * The search index in S3 as it runs in AWS: the refresh writes it to
 * SEARCH_INDEX_BUCKET, the GraphQL handler reads it from there. s3rver (an
 * S3-compatible server, in this process) stands in for S3 through S3_ENDPOINT.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s3SearchIndexStore } from '../../functions/data/s3-search-index-store.js';
import { searchIndexStoreFromEnv } from '../../functions/data/search-index-store.js';
import { directorySource } from '../../functions/refresh/corpus-source.js';
import { refresh } from '../../functions/refresh/refresh.js';
import { packSections } from '../../functions/search/search-index-format.js';
import { gql, handlerFor, startEngine, type TestEngine } from '../../scripts/harness/local-engine.js';
import { startLocalS3, type LocalS3 } from '../../scripts/harness/s3rver.js';
import { CORPUS_DIR } from '../../seed/paths.js';

const BUCKET = 'kb-search';

let localS3: LocalS3;
let env: TestEngine;

beforeAll(async () => {
  localS3 = await startLocalS3([BUCKET]);
  process.env.S3_ENDPOINT = localS3.endpoint;
  process.env.SEARCH_INDEX_BUCKET = BUCKET;
  process.env.SEARCH_INDEX_CHECK_SECONDS = '0';
  env = await startEngine({ corpus: false });
}, 60_000);

afterAll(async () => {
  await env?.close();
  await localS3?.close();
});

describe('search index in S3', () => {
  it('is absent until the first refresh, then written once and served to the handler', async () => {
    // Prepare: the store the environment names is the S3 one.
    const store = await searchIndexStoreFromEnv();
    expect(store?.location).toBe(`s3://${BUCKET}/search/`);
    expect(await store!.list()).toEqual([]);
    // It reads the version pointer on every request: the test publishes between two of them.
    const handler = handlerFor(env.ds, { versionCacheMs: 0 });
    expect((await gql(handler, '{ search(query: "Putin") { totalCount } }')).errors?.[0]?.extensions?.code).toBe(
      'SERVICE_UNAVAILABLE',
    );

    // Act: the refresh, with no store passed, writes to the bucket the environment names.
    const first = await refresh(env.ds, directorySource(CORPUS_DIR));
    const second = await refresh(env.ds, directorySource(CORPUS_DIR));

    // Assess
    expect(first.searchIndex).toMatchObject({ status: 'written', location: `s3://${BUCKET}/search/` });
    expect(second.searchIndex).toMatchObject({ status: 'unchanged', hash: first.searchIndex!.hash });
    expect(await s3SearchIndexStore({ bucket: BUCKET }).list()).toEqual([first.searchIndex!.hash]);
    const res = await gql(
      handler,
      '{ search(query: "Putin", first: 1) { totalCount nodes { node { ... on Person { id } } } } }',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.search.nodes[0].node.id).toBe('vladimir-putin');
  });

  it('refuses an index written in the format before ranged reads, and the next refresh rewrites it under its name', async () => {
    // Prepare: the current version's index object replaced by one of format v4 (one packed blob, "KBSI" first).
    const store = s3SearchIndexStore({ bucket: BUCKET });
    const [hash] = await store.list();
    await store.put({ hash: hash!, body: packSections({ format: 'search-index-v4' }, {}) });
    const query = '{ search(query: "Putin", first: 1) { nodes { node { ... on Person { id } } } } }';

    // Act / Assess: refused by name, not misread.
    const refused = await gql(handlerFor(env.ds, { versionCacheMs: 0 }), query);
    expect(refused.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(refused.errors?.[0]?.message).toMatch(/format/);

    // The corpus is unchanged, yet the refresh rewrites the index the version names, in the current format.
    const rebuilt = await refresh(env.ds, directorySource(CORPUS_DIR));
    expect(rebuilt.status).toBe('unchanged');
    expect(rebuilt.searchIndex).toMatchObject({ status: 'written', hash });
    const served = await gql(handlerFor(env.ds, { versionCacheMs: 0 }), query);
    expect(served.errors).toBeUndefined();
    expect(served.data!.search.nodes[0].node.id).toBe('vladimir-putin');
  });
});
