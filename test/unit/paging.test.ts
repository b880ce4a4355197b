import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { aesGcmSeal, CursorCodec, type Cursor } from '../../functions/graphql/cursor-codec.js';
import type { ConnectionModel } from '../../functions/graphql/models.js';
import { connection, idListConnection, pageSize } from '../../functions/graphql/paging.js';
import { INVALID_CURSOR_MESSAGE, offsetPage, type PagePosition } from '../../functions/shared/page-position.js';

const codec = CursorCodec.fromSecrets('unit-test-key');
const keyed: Cursor = { version: 1, list: 'people', position: { key: { pk: 'a', sk: '#' } } };
const offset: Cursor = { version: 2, list: 'people', position: { offset: 3 } };

/** What a call refuses with: the error's code and message. */
const refusal = async (fn: () => unknown) => {
  try {
    await fn();
  } catch (error) {
    return error instanceof GraphQLError ? { code: error.extensions.code, message: error.message } : String(error);
  }
  return 'no error';
};
const REFUSED = { code: 'BAD_USER_INPUT', message: INVALID_CURSOR_MESSAGE };

describe('page size', () => {
  it('defaults to 20 and accepts 0..100', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(null)).toBe(20);
    expect(pageSize(0)).toBe(0);
    expect(pageSize(100)).toBe(100);
  });
  it.each([-1, 101, 1.5, Number.NaN])('refuses %d', async (n) => {
    expect(await refusal(() => pageSize(n))).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('cursor codec', () => {
  it('round-trips a key and an offset within the list that issued them', async () => {
    expect(await codec.decode(codec.encode(keyed), 'people')).toEqual(keyed);
    expect(await codec.decode(codec.encode(offset), 'people')).toEqual(offset);
  });

  it('is opaque: the key id in the clear, nothing of the position readable', () => {
    const cursor = codec.encode(keyed);
    const [keyId, sealed] = cursor.split('.');
    expect(keyId).toBe(aesGcmSeal('unit-test-key').keyId);
    const bytes = Buffer.from(sealed ?? '', 'base64url').toString('latin1');
    for (const visible of ['people', '"pk"', '"sk"']) expect(bytes).not.toContain(visible);
  });

  it('gives the same page the same cursor (a cached answer stays byte-identical)', () => {
    expect(codec.encode(keyed)).toBe(codec.encode(keyed));
    expect(codec.encode(keyed)).not.toBe(codec.encode({ ...keyed, version: 2 }));
  });

  it('refuses a cursor of another list', async () => {
    expect(await refusal(() => codec.decode(codec.encode(keyed), 'documents'))).toEqual(REFUSED);
  });

  it('refuses a tampered cursor, whatever byte changed', async () => {
    const cursor = codec.encode(offset);
    const [keyId, sealed] = cursor.split('.') as [string, string];
    const bytes = Buffer.from(sealed, 'base64url');
    for (let i = 0; i < bytes.length; i++) {
      const altered = Buffer.from(bytes);
      altered[i] = (altered[i] ?? 0) ^ 1;
      expect(await refusal(() => codec.decode(`${keyId}.${altered.toString('base64url')}`, 'people'))).toEqual(REFUSED);
    }
  });

  it.each([
    ['made up', 'not-a-cursor'],
    ['empty', ''],
    ['a key id alone', `${aesGcmSeal('unit-test-key').keyId}.`],
    ['readable JSON, as cursors once were', `${Buffer.from('{"v":1,"l":"people","o":3}').toString('base64url')}.sig`],
    ['too long', `${aesGcmSeal('unit-test-key').keyId}.${'A'.repeat(9000)}`],
    ['not even ASCII', '💥'],
  ])('refuses a cursor that is %s', async (_what, cursor) => {
    expect(await refusal(() => codec.decode(cursor, 'people'))).toEqual(REFUSED);
    expect(await codec.versionOf(cursor)).toBeUndefined();
  });

  it('refuses a cursor of another deployment, and one sealed with another secret under the same key id', async () => {
    const foreign = CursorCodec.fromSecrets('another-deployment').encode(offset);
    expect(await refusal(() => codec.decode(foreign, 'people'))).toEqual(REFUSED);
    const mine = aesGcmSeal('unit-test-key');
    const impostor = new CursorCodec([aesGcmSeal('guessed-secret', { keyId: mine.keyId })]).encode(offset);
    expect(await refusal(() => codec.decode(impostor, 'people'))).toEqual(REFUSED);
  });

  it('carries its version: the cursors of a request accept only their version', async () => {
    const cursor = codec.encode(offset);
    expect(await codec.versionOf(cursor)).toBe(2);
    expect(await codec.forVersion(2).decode(cursor, 'people')).toEqual({ offset: 3 });
    expect(await refusal(() => codec.forVersion(3).decode(cursor, 'people'))).toEqual(REFUSED);
    expect(await codec.decode(await codec.forVersion(4).encode('people', { offset: 1 }), 'people')).toMatchObject({
      version: 4,
    });
  });

  it('refuses, before any read, key parts DynamoDB could not take', async () => {
    for (const key of [
      { pk: 'x'.repeat(1025), sk: '#' },
      { pk: '', sk: '#' },
      Object.fromEntries([...Array(9).keys()].map((i) => [`a${i}`, 'v'])),
    ]) {
      const cursor = codec.encode({ version: 1, list: 'people', position: { key } });
      expect(await refusal(() => codec.decode(cursor, 'people'))).toEqual(REFUSED);
    }
    for (const bad of [0, -1, 1.5]) {
      const cursor = codec.encode({ version: 1, list: 'people', position: { offset: bad } });
      expect(await refusal(() => codec.decode(cursor, 'people'))).toEqual(REFUSED);
    }
  });
});

describe('key rotation', () => {
  const before = CursorCodec.fromSecrets('old-secret');
  const during = CursorCodec.fromSecrets('new-secret', ['old-secret']);
  const after = CursorCodec.fromSecrets('new-secret');

  it('opens a cursor sealed with the previous key, and seals new ones with the current key', async () => {
    const old = before.encode(keyed);
    expect(await during.decode(old, 'people')).toEqual(keyed);
    const fresh = during.encode(keyed);
    expect(fresh.split('.')[0]).toBe(aesGcmSeal('new-secret').keyId);
    expect(await after.decode(fresh, 'people')).toEqual(keyed);
  });

  it('refuses a key id it does not hold, once the previous key is dropped', async () => {
    expect(await refusal(() => after.decode(before.encode(keyed), 'people'))).toEqual(REFUSED);
    const unknownId = during.encode(keyed).replace(/^[^.]+/, 'nokey');
    expect(await refusal(() => during.decode(unknownId, 'people'))).toEqual(REFUSED);
  });

  it('takes any seal with a key id, and refuses two seals with one id', async () => {
    const plain = { keyId: 'plain', seal: (b: Buffer) => b, open: (b: Buffer) => b };
    const swapped = new CursorCodec([plain, aesGcmSeal('old-secret')]);
    expect(await swapped.decode(before.encode(keyed), 'people')).toEqual(keyed);
    expect(swapped.encode(keyed)).toMatch(/^plain\./);
    expect(() => new CursorCodec([plain, { ...plain }])).toThrow(/share a key id/);
    expect(() => aesGcmSeal('s', { keyId: 'has.dot' })).toThrow(/key id/);
  });
});

describe('connections', () => {
  const cursors = codec.forVersion(1);
  const ids = ['a', 'b', 'c', 'd', 'e'];
  const load = async (page: string[]) => page.map((id) => (id === 'c' ? null : id));
  const walk = async (list: string) => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < ids.length; pages++) {
      const page: ConnectionModel<string> = await idListConnection(cursors, {
        listKey: list,
        ids,
        args: { first: 2, after },
        load,
      });
      seen.push(...page.edges.map((e) => e.node));
      if (!page.hasNextPage) return seen;
      after = (await page.edges.at(-1)?.cursor()) ?? null;
    }
    throw new Error('the list never ended');
  };

  it('walks an id list to its end, leaving out what no longer exists', async () => {
    expect(await walk('letters')).toEqual(['a', 'b', 'd', 'e']);
  });

  it('passes the store the position a cursor of its list carries, and refuses one of another list', async () => {
    const given: (PagePosition | undefined)[] = [];
    const read = async (_first: number, after: PagePosition | undefined) => {
      given.push(after);
      return { items: [{ node: 'x', position: { key: { pk: 'x', sk: '#' } } }], hasNextPage: true };
    };
    const first = await connection(cursors, { listKey: 'l', args: {}, read, totalCount: () => 1 });
    await connection(cursors, {
      listKey: 'l',
      args: { after: await first.edges[0]?.cursor() },
      read,
      totalCount: () => 1,
    });
    expect(given).toEqual([undefined, { key: { pk: 'x', sk: '#' } }]);
    const other = await cursors.encode('other', { key: { pk: 'x', sk: '#' } });
    expect(
      await refusal(() => connection(cursors, { listKey: 'l', args: { after: other }, read, totalCount: () => 1 })),
    ).toEqual(REFUSED);
  });

  it('refuses offsets an in-memory list never issued, and keys where offsets belong', async () => {
    const read = async (o: number, n: number) => ids.slice(o, o + n);
    for (const after of [{ offset: 6 }, { offset: 0 }, { key: { pk: 'a' } }]) {
      expect(await refusal(() => offsetPage(ids.length, 2, after, read))).toEqual(REFUSED);
    }
    expect((await offsetPage(ids.length, 2, { offset: 5 }, read)).items).toEqual([]);
  });
});
