/**
 * HTTP caching through the real Lambda handler over the local engine: which
 * answers are cacheable, what their ETag depends on, and conditional GETs
 * answered 304 with no read but the version pointer.
 */
import { createHash } from 'node:crypto';
import { print } from 'graphql';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memorySource } from '../../functions/refresh/corpus-source.js';
import { refresh } from '../../functions/refresh/refresh.js';
import { PersonProfileDocument } from '../../schema/__generated__/operations.js';
import { corpusFiles } from '../../scripts/harness/corpus-files.js';
import {
  handlerFor,
  httpEvent,
  invoke,
  startEngine,
  type Handler,
  type TestEngine,
} from '../../scripts/harness/local-engine.js';

let env: TestEngine;
let handler: Handler;
beforeAll(async () => {
  env = await startEngine();
  // The version pointer is read on every request (no instance cache), so the request counts below are exact.
  handler = handlerFor(env.ds, { production: true, versionCacheMs: 0 });
});
afterAll(() => env.close());

const QUERY = '{ person(id: "ilham-aliyev") { name claims(first: 2) { totalCount nodes { id } } } }';

async function get(query: Record<string, string>, headers: Record<string, string> = {}, on: Handler = handler) {
  const result = await invoke(
    on,
    httpEvent('GET', { query, headers: { 'apollo-require-preflight': 'true', ...headers } }),
  );
  return {
    status: result.statusCode ?? 200,
    headers: (result.headers ?? {}) as Record<string, string>,
    body: result.body ?? '',
  };
}

describe('cacheable answers', () => {
  it('a complete GET answer is public, with an ETag and what it varies with', async () => {
    const res = await get({ query: QUERY });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=600');
    expect(res.headers.etag).toMatch(/^"[\w-]{32}"$/);
    expect(res.headers.vary).toBe('Accept, x-corpus-version');
    expect(res.headers['x-corpus-version']).toBe('1');
    // The same request, the same tag.
    expect((await get({ query: QUERY })).headers.etag).toBe(res.headers.etag);
  });

  it('a persisted query over GET, by hash alone, is cacheable too', async () => {
    const hash = createHash('sha256').update(print(PersonProfileDocument)).digest('hex');
    const res = await get({
      extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }),
      variables: JSON.stringify({ id: 'vladimir-putin' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toMatch(/^public/);
    expect(res.headers.etag).toBeDefined();
  });

  it('POST, errors and partial results are never cached', async () => {
    const post = await invoke(handler, httpEvent('POST', { body: { query: QUERY } }));
    expect(post.headers?.['cache-control']).toBe('no-store');
    expect(post.headers?.etag).toBeUndefined();
    const refused = await get({ query: '{ events(from: "2022-02-31") { totalCount } }' });
    expect(refused.body).toMatch(/BAD_USER_INPUT/);
    expect(refused.headers['cache-control']).toBe('no-store');
    expect(refused.headers.etag).toBeUndefined();
    // Partial: one field answers, the other fails (a made-up cursor, refused by its list).
    const partial = await get({
      query: '{ healthy person(id: "ilham-aliyev") { claims(after: "made-up") { totalCount } } }',
    });
    expect(JSON.parse(partial.body)).toMatchObject({
      data: { healthy: true, person: null },
      errors: [{ extensions: { code: 'BAD_USER_INPUT' } }],
    });
    expect(partial.headers['cache-control']).toBe('no-store');
    const invalid = await get({ query: '{ nope }' });
    expect(invalid.headers['cache-control'] ?? 'no-store').toBe('no-store');
    expect(invalid.headers.etag).toBeUndefined();
  });
});

describe('the ETag', () => {
  it('depends on the request, the Accept header, the pin and the build', async () => {
    const base = (await get({ query: QUERY })).headers.etag;
    const tags = [
      base,
      (await get({ query: QUERY.replace('first: 2', 'first: 3') })).headers.etag,
      (await get({ query: QUERY }, { accept: 'application/graphql-response+json' })).headers.etag,
      (await get({ query: QUERY }, { 'x-corpus-version': '1' })).headers.etag,
      (
        await get(
          { query: QUERY },
          {},
          handlerFor(env.ds, { production: true, versionCacheMs: 0, buildId: 'another-build' }),
        )
      ).headers.etag,
    ];
    expect(tags.every((t) => t !== undefined)).toBe(true);
    expect(new Set(tags).size).toBe(tags.length);
  });
});

describe('conditional GET', () => {
  it('answers 304 to a current ETag, reading nothing but the version pointer', async () => {
    const first = await get({ query: QUERY });
    env.counter.reset();
    const again = await get({ query: QUERY }, { 'if-none-match': first.headers.etag! });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(again.headers['cache-control']).toMatch(/^public/);
    expect(env.counter.byCommand()).toEqual({ GetItemCommand: 1 });
    // A tag among others, or weak, matches too; another tag does not.
    expect((await get({ query: QUERY }, { 'if-none-match': `"other", W/${first.headers.etag!}` })).status).toBe(304);
    expect((await get({ query: QUERY }, { 'if-none-match': '"other"' })).status).toBe(200);
  });

  it('answers in full after a publication, with a new ETag', async () => {
    const before = await get({ query: QUERY });
    const files = await corpusFiles();
    const people = parse(files['people.yaml']!) as { id: string; description: string | null }[];
    people.find((p) => p.id === 'ilham-aliyev')!.description = 'President of the Republic of Azerbaijan';
    await refresh(env.ds, memorySource({ ...files, 'people.yaml': stringify(people) }), { searchIndex: null });
    const after = await get({ query: QUERY }, { 'if-none-match': before.headers.etag! });
    expect(after.status).toBe(200);
    expect(after.headers['x-corpus-version']).toBe('2');
    expect(after.headers.etag).not.toBe(before.headers.etag);
    // A client pinned to the kept version 1 still gets its tag, and 304 for it.
    expect((await get({ query: QUERY }, { 'x-corpus-version': '1' })).headers['x-corpus-version']).toBe('1');
    const pinned = await get({ query: QUERY }, { 'x-corpus-version': '1' });
    expect(
      (await get({ query: QUERY }, { 'x-corpus-version': '1', 'if-none-match': pinned.headers.etag! })).status,
    ).toBe(304);
  });
});
