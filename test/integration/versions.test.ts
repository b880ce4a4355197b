/**
 * Published versions as a client sees them: one version per request, paging
 * across a publication, pinning a kept version, retention, and the change feed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { keys } from '../../functions/data/keys.js';
import { memorySearchIndexStore } from '../../functions/data/search-index-store.js';
import { cachedSearchIndex } from '../../functions/search/search-index-cache.js';
import { scanTable } from '../../functions/data/refresh-store.js';
import { TABLE_LIST, TABLES } from '../../functions/data/tables.js';
import { memorySource } from '../../functions/refresh/corpus-source.js';
import { refresh, type RefreshOptions } from '../../functions/refresh/refresh.js';
import { corpusFiles } from '../../scripts/harness/corpus-files.js';
import {
  handlerFor,
  httpEvent,
  invoke,
  startEngine,
  type GraphQLResponse,
  type Handler,
  type Json,
  type TestEngine,
} from '../../scripts/harness/local-engine.js';

let env: TestEngine;
let files: Record<string, string>;
/** Reads the version pointer on every request, as an instance does once its 5 s cache has expired. */
let handler: Handler;

beforeEach(async () => {
  env = await startEngine({ corpus: false });
  files = await corpusFiles();
  handler = handlerFor(env.ds, { versionCacheMs: 0 });
});
afterEach(() => env.close());

async function send(
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse> {
  const result = await invoke(handler, httpEvent('POST', { body: { query, variables }, headers }));
  return {
    status: result.statusCode ?? 200,
    headers: (result.headers ?? {}) as Record<string, string>,
    ...(JSON.parse(result.body ?? '{}') as object),
  };
}

function edited(base: Record<string, string>, file: string, edit: (entries: Json[]) => Json[]): Record<string, string> {
  return { ...base, [file]: stringify(edit(parse(base[file]!) as Json[])) };
}

const publish = (corpus: Record<string, string>, options: RefreshOptions = {}) =>
  refresh(env.ds, memorySource(corpus), { searchIndex: null, ...options });

/** Corpus 2: the first claim gone (its relations with it), the first document retitled. */
function secondCorpus(): { corpus: Record<string, string>; removedClaim: string; retitled: string } {
  const claims = parse(files['claims.yaml']!) as Json[];
  const removedClaim = claims[0].id as string;
  let corpus = edited(files, 'claims.yaml', (all) =>
    all
      .slice(1)
      .map((c) => ({ ...c, relations: ((c.relations ?? []) as Json[]).filter((r) => r.claim !== removedClaim) })),
  );
  const retitled = (parse(files['documents.yaml']!) as Json[])[0].id as string;
  corpus = edited(corpus, 'documents.yaml', (docs) =>
    docs.map((d) => (d.id === retitled ? { ...d, title: 'A new title' } : d)),
  );
  return { corpus, removedClaim, retitled };
}

describe('before the first publication', () => {
  it('answers corpusVersion and every read with SERVICE_UNAVAILABLE, and still answers healthy', async () => {
    const res = await send('{ corpusVersion { number } }');
    expect(res.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(res.errors?.[0]?.message).toMatch(/No version of the knowledge base has been published yet/);
    expect((await send('{ documents { totalCount } }')).errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect((await send('{ healthy }')).data).toEqual({ healthy: true });
  });
});

describe('versions', () => {
  it('names the version that answered, with its counts, in the response and its header', async () => {
    await publish(files);
    const res = await send(
      '{ corpusVersion { number contentHash publishedAt documents people organizations places events claims } documents { totalCount } }',
    );
    expect(res.errors).toBeUndefined();
    const version = res.data!.corpusVersion;
    expect(version).toMatchObject({ number: 1, documents: res.data!.documents.totalCount });
    expect(version.claims).toBe((parse(files['claims.yaml']!) as unknown[]).length);
    expect(new Date(version.publishedAt as string).toISOString()).toBe(version.publishedAt);
    expect(res.headers['x-corpus-version']).toBe('1');
  });

  it('pages across a publication: a cursor keeps its version, a request without one reads the new version', async () => {
    // Prepare: version 1, and the first page of its claims.
    await publish(files);
    const page = `query($after: String) { corpusVersion { number } claims(first: 40, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`;
    const first = await send(page);
    const v1Total = first.data!.claims.totalCount as number;

    // Act: version 2 removes a claim; the client goes on from its cursor.
    const { corpus, removedClaim } = secondCorpus();
    await publish(corpus);
    const ids = (first.data!.claims.nodes as { id: string }[]).map((n) => n.id);
    let after = first.data!.claims.pageInfo.endCursor as string | null;
    while (after !== null) {
      const next = await send(page, { after });
      expect(next.errors).toBeUndefined();
      // Assess: every page of the walk is answered from version 1, whole.
      expect(next.data!.corpusVersion.number).toBe(1);
      expect(next.headers['x-corpus-version']).toBe('1');
      expect(next.data!.claims.totalCount).toBe(v1Total);
      ids.push(...(next.data!.claims.nodes as { id: string }[]).map((n) => n.id));
      after = next.data!.claims.pageInfo.hasNextPage ? (next.data!.claims.pageInfo.endCursor as string) : null;
    }
    expect(ids).toHaveLength(v1Total);
    expect(ids).toContain(removedClaim);

    // A fresh request reads version 2, where the claim is gone and the totals match the pages.
    const fresh = await send(
      `{ corpusVersion { number } claims(first: 100) { totalCount } claim(id: "${removedClaim}") { id } }`,
    );
    expect(fresh.data).toMatchObject({
      corpusVersion: { number: 2 },
      claims: { totalCount: v1Total - 1 },
      claim: null,
    });
  });

  it('answers a nested list from its cursor version too', async () => {
    await publish(files);
    const { corpus, removedClaim } = secondCorpus();
    const claims = parse(files['claims.yaml']!) as Json[];
    const docId = claims[0].document as string;
    const query = `query($after: String) { document(id: "${docId}") { claims(first: 1, after: $after) { totalCount pageInfo { endCursor } nodes { id } } } }`;
    const first = await send(query);
    await publish(corpus);
    const second = await send(query, { after: first.data!.document.claims.pageInfo.endCursor });
    expect(second.headers['x-corpus-version']).toBe('1');
    expect(second.data!.document.claims.totalCount).toBe(first.data!.document.claims.totalCount);
    expect([first.data!.document.claims.nodes[0].id]).toContain(removedClaim);
  });

  it('refuses cursors of two versions in one request, and a cursor that disagrees with the pinned version', async () => {
    await publish(files);
    const v1 = (await send('{ people(first: 1) { pageInfo { endCursor } } }')).data!.people.pageInfo
      .endCursor as string;
    await publish(secondCorpus().corpus);
    const v2 = (await send('{ documents(first: 1) { pageInfo { endCursor } } }')).data!.documents.pageInfo
      .endCursor as string;
    const both = await send(
      'query($a: String, $b: String) { people(first: 1, after: $a) { nodes { id } } documents(first: 1, after: $b) { nodes { id } } }',
      { a: v1, b: v2 },
    );
    expect(both.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(both.errors?.[0]?.message).toMatch(/more than one version: 1 \(a cursor\), 2 \(a cursor\)/);
    const pinned = await send(
      'query($a: String) { people(first: 1, after: $a) { nodes { id } } }',
      { a: v1 },
      { 'x-corpus-version': '2' },
    );
    expect(pinned.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('pins a whole request to a kept version with x-corpus-version, so a list and its details match', async () => {
    await publish(files);
    const { corpus, retitled } = secondCorpus();
    await publish(corpus);
    const query = `{ corpusVersion { number } documents(first: 100) { nodes { id title } } document(id: "${retitled}") { title } }`;
    const old = await send(query, {}, { 'x-corpus-version': '1' });
    expect(old.errors).toBeUndefined();
    expect(old.data!.corpusVersion.number).toBe(1);
    const listed = (old.data!.documents.nodes as { id: string; title: string }[]).find((d) => d.id === retitled);
    expect(listed?.title).toBe(old.data!.document.title);
    expect(old.data!.document.title).not.toBe('A new title');
    expect((await send(query)).data!.document.title).toBe('A new title');
    for (const bad of ['zero', '0', '1.5']) {
      const res = await send(query, {}, { 'x-corpus-version': bad });
      expect(res.errors?.[0]?.extensions?.code, bad).toBe('BAD_USER_INPUT');
    }
  });
});

describe('search', () => {
  it("answers from the index of the request's version", async () => {
    // Prepare: two versions, the second with an alias the first lacks, each with its own index.
    const store = memorySearchIndexStore();
    handler = handlerFor(env.ds, { versionCacheMs: 0, search: cachedSearchIndex({ store: async () => store }) });
    await publish(files, { searchIndex: store });
    const renamed = edited(files, 'people.yaml', (people) =>
      people.map((p) =>
        p.id === 'vladimir-putin' ? { ...p, aliases: [...(p.aliases as string[]), 'Zzyzxputin'] } : p,
      ),
    );
    await publish(renamed, { searchIndex: store });
    expect(await store.list()).toHaveLength(2);

    // Act / Assess: the current version finds the alias; pinned to version 1, the same search does not.
    const query = '{ corpusVersion { number } search(query: "Zzyzxputin") { totalCount } }';
    // (Found through the alias: Putin, and the claims that name him.)
    expect((await send(query)).data).toEqual({
      corpusVersion: { number: 2 },
      search: { totalCount: expect.any(Number) },
    });
    expect((await send(query)).data!.search.totalCount).toBeGreaterThan(0);
    expect((await send(query, {}, { 'x-corpus-version': '1' })).data).toEqual({
      corpusVersion: { number: 1 },
      search: { totalCount: 0 },
    });
  });
});

describe('retention', () => {
  it('keeps the last N versions and deletes the items of older ones; their cursors and pins say to start again', async () => {
    // Prepare: version 1 and a cursor of it, then two more versions with only 2 kept and no grace.
    const keep: RefreshOptions = { keepVersions: 2, retireGraceMs: 0 };
    await publish(files, keep);
    const cursor = (await send('{ claims(first: 5) { pageInfo { endCursor } } }')).data!.claims.pageInfo
      .endCursor as string;
    await publish(secondCorpus().corpus, keep);
    const third = await publish(files, keep);

    // Assess: version 1's items are gone, 2 and 3 are whole, without any TTL.
    expect(third.retention.deletedVersions).toEqual([1]);
    expect(third.retention.deletedItems).toBeGreaterThan(100);
    const versionsStored = new Set<number>();
    for (const t of TABLE_LIST) {
      for (const item of await scanTable(env.ds, t.name)) {
        const v = keys.versionOf(item[TABLES[t.name].partitionKey]);
        if (v !== undefined) versionsStored.add(v);
      }
    }
    expect([...versionsStored].sort()).toEqual([2, 3]);
    const kept = await send('{ corpusVersions { totalCount nodes { number } } }');
    expect(kept.data!.corpusVersions).toEqual({ totalCount: 2, nodes: [{ number: 3 }, { number: 2 }] });

    for (const res of [
      await send('query($a: String) { claims(after: $a) { nodes { id } } }', { a: cursor }),
      await send('{ documents { totalCount } }', {}, { 'x-corpus-version': '1' }),
    ]) {
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message).toMatch(/Version 1 is no longer kept \(kept: 3, 2\): start again/);
    }
    // A number above the current one was never published: the message says so, not "no longer kept".
    for (const never of ['4', '999999999']) {
      const res = await send('{ documents { totalCount } }', {}, { 'x-corpus-version': never });
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message).toBe(
        `Version ${never} has never been published (the current version is 3; kept: 3, 2): start again from the first page, without its cursors or x-corpus-version header.`,
      );
    }
    // Version 2 is kept: pinned to it, a request reads it whole.
    expect(
      (await send('{ corpusVersion { number } }', {}, { 'x-corpus-version': '2' })).data!.corpusVersion.number,
    ).toBe(2);
  });

  it('keeps a dropped version through its grace, and deletes it on a later run, even of an unchanged corpus', async () => {
    await publish(files, { keepVersions: 1 });
    const second = await publish(secondCorpus().corpus, { keepVersions: 1 });
    // Dropped just now: requests that resolved it a moment ago may still be reading it.
    expect(second.retention.deletedVersions).toEqual([]);
    const later = Date.now() + 61_000;
    const rerun = await publish(secondCorpus().corpus, { keepVersions: 1, now: () => later });
    expect(rerun).toMatchObject({ status: 'unchanged', writes: 0, retention: { deletedVersions: [1] } });
    expect(rerun.retention.deletedItems).toBeGreaterThan(100);
    const again = await publish(secondCorpus().corpus, { keepVersions: 1, now: () => later });
    expect(again).toMatchObject({
      status: 'unchanged',
      writes: 0,
      retention: { deletedVersions: [], deletedItems: 0 },
    });
  });
});

describe('change feed', () => {
  const CHANGES = `query($since: Int!, $after: String, $first: Int) { changes(since: $since, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { kind type id version } } }`;

  async function allChanges(since: number, first = 7) {
    const nodes: Json[] = [];
    let after: string | null = null;
    let total: number;
    do {
      const res: GraphQLResponse = await send(CHANGES, { since, after, first });
      expect(res.errors).toBeUndefined();
      total = res.data!.changes.totalCount as number;
      nodes.push(...(res.data!.changes.nodes as Json[]));
      after = res.data!.changes.pageInfo.hasNextPage ? (res.data!.changes.pageInfo.endCursor as string) : null;
    } while (after !== null);
    expect(nodes).toHaveLength(total);
    return nodes;
  }

  it('lists what each version added, updated and removed, oldest first, lists of ids included', async () => {
    await publish(files);
    const { corpus, removedClaim, retitled } = secondCorpus();
    await publish(corpus);

    const all = await allChanges(0);
    const v1 = all.filter((c) => c.version === 1);
    expect(v1.every((c) => c.kind === 'ADDED')).toBe(true);
    expect(v1.filter((c) => c.type === 'CLAIM')).toHaveLength((parse(files['claims.yaml']!) as unknown[]).length);
    // Oldest first: every change of version 1 before any of version 2.
    expect(all.findIndex((c) => c.version === 2)).toBe(v1.length);

    const v2 = await allChanges(1, 3);
    expect(v2).toEqual(all.slice(v1.length));
    const removed = (parse(files['claims.yaml']!) as Json[])[0];
    expect(v2).toEqual(
      expect.arrayContaining([
        { kind: 'REMOVED', type: 'CLAIM', id: removedClaim, version: 2 },
        { kind: 'UPDATED', type: 'DOCUMENT', id: retitled, version: 2 },
        // Its document's and its speaker's lists of claims changed: they count as updated.
        { kind: 'UPDATED', type: 'DOCUMENT', id: removed.document, version: 2 },
        ...(removed.speaker === null
          ? []
          : [{ kind: 'UPDATED', type: expect.stringMatching(/PERSON|ORGANIZATION/), id: removed.speaker, version: 2 }]),
      ]),
    );
    expect(v2.some((c) => c.kind === 'ADDED')).toBe(false);
    expect(await allChanges(2)).toEqual([]);
  });

  it('refuses a since older than the version before the oldest kept one, or newer than the current one', async () => {
    const keep: RefreshOptions = { keepVersions: 1, retireGraceMs: 0 };
    await publish(files, keep);
    await publish(secondCorpus().corpus, keep);
    expect((await allChanges(1)).length).toBeGreaterThan(0);
    for (const since of [0, 3]) {
      const res = await send(CHANGES, { since });
      expect(res.errors?.[0]?.extensions?.code, String(since)).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message).toMatch(/"since" must be between 1 .* and 2/);
    }
  });
});
