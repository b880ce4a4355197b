/**
 * Persisted queries over GET: the committed operations are known by hash to a
 * cold function; other operations register the automatic way.
 */
import { createHash } from 'node:crypto';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PersonProfileDocument } from '../../schema/__generated__/operations.js';
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
  handler = handlerFor(env.ds, { production: true });
});
afterAll(() => env.close());

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const extensions = (hash: string) => JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } });

async function get(query: Record<string, string>) {
  const result = await invoke(handler, httpEvent('GET', { query, headers: { 'apollo-require-preflight': 'true' } }));
  return {
    status: result.statusCode ?? 200,
    body: JSON.parse(result.body ?? '{}') as {
      data?: Record<string, unknown>;
      errors?: { extensions?: { code?: string } }[];
    },
  };
}

describe('persisted queries', () => {
  it('answers a committed operation by its hash alone, on a fresh handler', async () => {
    const hash = sha256(print(PersonProfileDocument));
    const res = await get({ extensions: extensions(hash), variables: JSON.stringify({ id: 'ilham-aliyev' }) });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.person).toMatchObject({ id: 'ilham-aliyev', name: 'Ilham Aliyev' });
  });

  it('asks for the query of an unknown hash, then answers it by hash once registered', async () => {
    const query = '{ organization(id: "nato") { name } }';
    const hash = sha256(query);
    const unknown = await get({ extensions: extensions(hash) });
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registered = await get({ query, extensions: extensions(hash) });
    expect(registered.body.data).toEqual({ organization: { name: 'NATO' } });
    expect((await get({ extensions: extensions(hash) })).body.data).toEqual({ organization: { name: 'NATO' } });
  });

  it('refuses a query whose hash does not match it', async () => {
    const res = await get({ query: '{ healthy }', extensions: extensions(sha256('{ something else }')) });
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
  });
});
