/**
 * The stored item format: the refresh checks every item it builds and records
 * the format in the version; the API uses that version's items as read (by id
 * and in pages), and parses (with zod) those of a version recorded otherwise.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ENTITY_ITEM_SCHEMAS, STORED_ITEM_SCHEMAS } from '../../functions/data/item-schemas.js';
import { ITEM_FORMAT } from '../../functions/data/items.js';
import { keys } from '../../functions/data/keys.js';
import * as versionSchemas from '../../functions/data/version-schemas.js';
import {
  POINTER_FORMAT,
  publishPointer,
  readPointer,
  type VersionPointer,
} from '../../functions/data/version-store.js';
import { checkItemFormat } from '../../functions/refresh/item-builder.js';
import { gql, handlerFor, startEngine, type Handler, type TestEngine } from '../../scripts/harness/local-engine.js';

let env: TestEngine;
/** Reads the pointer on every request, so each test's edit of it is seen at once. */
let handler: Handler;
let published: VersionPointer;

beforeAll(async () => {
  env = await startEngine();
  handler = handlerFor(env.ds, { versionCacheMs: 0 });
  const pointer = await readPointer(env.ds);
  if (pointer === undefined) throw new Error('nothing published');
  published = pointer;
});
afterAll(() => env.close());
afterEach(async () => {
  vi.restoreAllMocks();
  await env.ds.db.send(
    new PutCommand({ TableName: env.ds.tables.documents, Item: { ...keys.current(), ...published } }),
  );
});

/** Rewrites the current version's record in the pointer. */
async function recordFormat(itemFormat: number | undefined) {
  const [current, ...older] = published.kept;
  if (current === undefined) throw new Error('no current version');
  const { itemFormat: _recorded, ...rest } = current;
  const record = itemFormat === undefined ? rest : { ...rest, itemFormat };
  await env.ds.db.send(
    new PutCommand({
      TableName: env.ds.tables.documents,
      Item: { ...keys.current(), ...published, kept: [record, ...older] },
    }),
  );
}

const PROFILE = '{ a: person(id: "ilham-aliyev") { name } b: person(id: "vladimir-putin") { name } }';

describe('the stored item format', () => {
  it('is recorded in the version the refresh publishes', () => {
    expect(published.kept[0]?.itemFormat).toBe(ITEM_FORMAT);
  });

  it('lets reads of that version use its entity items without parsing them again', async () => {
    const parse = vi.spyOn(ENTITY_ITEM_SCHEMAS.people, 'safeParse');
    const res = await gql(handler, PROFILE);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ a: { name: 'Ilham Aliyev' }, b: { name: 'Vladimir Putin' } });
    expect(parse).not.toHaveBeenCalled();
  });

  it.each([
    ['no recorded format', undefined],
    ['an older format', ITEM_FORMAT - 1],
  ])('parses every entity item of a version with %s', async (_name, format) => {
    await recordFormat(format);
    const parse = vi.spyOn(ENTITY_ITEM_SCHEMAS.people, 'safeParse');
    const res = await gql(handler, PROFILE);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ a: { name: 'Ilham Aliyev' }, b: { name: 'Vladimir Putin' } });
    expect(parse).toHaveBeenCalledTimes(2);
  });

  it('reads pages of that version as stored, and parses those of a version with another format', async () => {
    const pages =
      '{ documents(first: 3) { nodes { id } } people(first: 3) { nodes { name } } claims(first: 2) { nodes { id } } events(first: 2) { nodes { id } } }';
    const parses = () =>
      [
        STORED_ITEM_SCHEMAS.document,
        STORED_ITEM_SCHEMAS.person,
        STORED_ITEM_SCHEMAS.claim,
        STORED_ITEM_SCHEMAS.event,
      ].map((schema) => vi.spyOn(schema, 'parse'));
    const trusted = parses();
    const first = await gql(handler, pages);
    expect(first.errors).toBeUndefined();
    for (const spy of trusted) expect(spy).not.toHaveBeenCalled();
    vi.restoreAllMocks();

    await recordFormat(ITEM_FORMAT - 1);
    const parsed = parses();
    const again = await gql(handler, pages);
    expect(again).toEqual(first);
    // Events: the two listed, and the first of each date partition for the ranks the total is counted from.
    expect(parsed.map((spy) => spy.mock.calls.length)).toEqual([3, 3, 2, expect.any(Number)]);
    expect(parsed[3]?.mock.calls.length).toBeGreaterThanOrEqual(2);
  });

  it("serves a version written before documents carried their authors' names, reading the authors from people", async () => {
    const query = '{ documents(first: 20) { nodes { id authors { id name } } } }';
    const current = await gql(handler, query);
    expect(current.errors).toBeUndefined();
    const documents = current.data!.documents.nodes as { id: string; authors: unknown[] }[];
    const withAuthors = documents.filter((d) => d.authors.length > 0);
    expect(withAuthors.length).toBeGreaterThan(0);

    await recordFormat(4);
    const removed = await Promise.all(
      documents.map(async (d) => {
        const key = keys.entityAt('documents', d.id, published.current);
        const before = await env.ds.db.send(new GetCommand({ TableName: env.ds.tables.documents, Key: key }));
        await env.ds.db.send(
          new UpdateCommand({ TableName: env.ds.tables.documents, Key: key, UpdateExpression: 'REMOVE authors' }),
        );
        return before.Item;
      }),
    );
    try {
      env.counter.reset();
      const older = await gql(handler, query);
      expect(older).toEqual(current);
      expect(env.counter.byCommand().BatchGetItemCommand).toBeGreaterThanOrEqual(1);
    } finally {
      for (const item of removed)
        await env.ds.db.send(new PutCommand({ TableName: env.ds.tables.documents, Item: item }));
    }
  });

  it('fails only the item that does not parse, as an internal error, and logs it', async () => {
    await recordFormat(undefined);
    const key = keys.entityAt('people', 'vladimir-putin', published.current);
    const before = await env.ds.db.send(new GetCommand({ TableName: env.ds.tables.people, Key: key }));
    await env.ds.db.send(
      new UpdateCommand({
        TableName: env.ds.tables.people,
        Key: key,
        UpdateExpression: 'SET #n = :n',
        ExpressionAttributeNames: { '#n': 'name' },
        ExpressionAttributeValues: { ':n': 42 },
      }),
    );
    const errorLog = vi.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    try {
      const res = await gql(handlerFor(env.ds, { versionCacheMs: 0, production: true }), PROFILE);
      expect(res.data).toEqual({ a: { name: 'Ilham Aliyev' }, b: null });
      expect(res.errors).toEqual([
        { message: 'Internal server error', path: ['b'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      ]);
      expect(errorLog).toHaveBeenCalledWith(
        'GraphQL request failed',
        expect.objectContaining({
          path: ['b'],
          error: expect.objectContaining({ name: '$ZodError', message: expect.stringContaining('"name"') }),
        }),
      );
    } finally {
      await env.ds.db.send(new PutCommand({ TableName: env.ds.tables.people, Item: before.Item }));
    }
  });
});

describe('the pointer format', () => {
  it('is written with the pointer, which readers then use without parsing it', async () => {
    const stored = await env.ds.db.send(new GetCommand({ TableName: env.ds.tables.documents, Key: keys.current() }));
    expect(stored.Item?.format).toBe(POINTER_FORMAT);
    const parse = vi.spyOn(versionSchemas.versionPointerSchema, 'parse');
    expect((await readPointer(env.ds))?.current).toBe(published.current);
    expect(parse).not.toHaveBeenCalled();
  });

  it('parses a pointer without it, and refuses one that does not match the schema', async () => {
    const { format: _format, ...untagged } = published as VersionPointer & { format?: number };
    await env.ds.db.send(
      new PutCommand({ TableName: env.ds.tables.documents, Item: { ...keys.current(), ...untagged } }),
    );
    const parse = vi.spyOn(versionSchemas.versionPointerSchema, 'parse');
    expect((await readPointer(env.ds))?.kept).toEqual(published.kept);
    expect(parse).toHaveBeenCalledTimes(1);

    await env.ds.db.send(
      new PutCommand({ TableName: env.ds.tables.documents, Item: { ...keys.current(), ...untagged, kept: [] } }),
    );
    await expect(readPointer(env.ds)).rejects.toThrow(/kept/);
  });

  it('is never published for a pointer that does not match the schema', async () => {
    const bad = { ...published, kept: [] } as VersionPointer;
    await expect(publishPointer(env.ds, bad, published.current)).rejects.toThrow(/kept/);
    expect((await readPointer(env.ds))?.kept).toEqual(published.kept);
  });
});

describe('checkItemFormat', () => {
  it('refuses a built entity item that does not match the format, naming it', () => {
    const person = { pk: 'p', sk: keys.entity('people', 'p').sk, id: 'p', hash: 'h', kind: 'PERSON', name: 42 };
    expect(() => {
      checkItemFormat({ documents: [], people: [person], events: [], claims: [] });
    }).toThrow(/item format \d+ or DynamoDB would refuse: people p #: .*name/);
  });

  it('checks relationship items against their own schemas', () => {
    const about = {
      ...keys.claimAbout('claim-1', 'ilham-aliyev'),
      ref: 'r',
      order: 'o',
      refDocumentId: 'd',
      refClaimKind: 'PARAPHRASE',
      refAboutIds: [],
      hash: 'h',
    };
    expect(() => {
      checkItemFormat({ documents: [], people: [], events: [], claims: [about] });
    }).toThrow(/claims claim-1 ABOUT#ilham-aliyev: claimId/);
    expect(() => {
      checkItemFormat({ documents: [], people: [], events: [], claims: [{ ...about, claimId: 'claim-1' }] });
    }).not.toThrow();
  });

  it("refuses an item over DynamoDB's 400 KB before anything is written, naming it and its size", () => {
    const person = {
      ...keys.entity('people', 'p'),
      id: 'p',
      hash: 'h',
      kind: 'PERSON',
      order: 'p',
      name: 'P',
      aliases: Array.from({ length: 40_000 }, (_, i) => `alias number ${i}`),
    };
    expect(() => {
      checkItemFormat({ documents: [], people: [person], events: [], claims: [] });
    }).toThrow(/people p #: about \d+ KB, over DynamoDB's 400 KB item/);
  });

  it('refuses an item of a kind it has no schema for', () => {
    expect(() => {
      checkItemFormat({ documents: [{ pk: 'x', sk: 'not-a-kind' }], people: [], events: [], claims: [] });
    }).toThrow(/documents x not-a-kind: no schema for this kind of item/);
  });
});
