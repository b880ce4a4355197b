import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { CursorCodec, pageSize } from '../../functions/graphql/paging.js';

const cursors = new CursorCodec('unit-test-key');
const encodeCursor = cursors.encode.bind(cursors);
const decodeCursor = cursors.decode.bind(cursors);

const code = async (fn: () => unknown) => {
  try {
    await fn();
  } catch (error) {
    return error instanceof GraphQLError ? error.extensions.code : 'not a GraphQLError';
  }
  return 'no error';
};

describe('page size', () => {
  it('defaults to 20 and accepts 0..100', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(null)).toBe(20);
    expect(pageSize(0)).toBe(0);
    expect(pageSize(100)).toBe(100);
  });
  it.each([-1, 101, 1.5, Number.NaN])('refuses %d', async (n) => {
    expect(await code(() => pageSize(n))).toBe('BAD_USER_INPUT');
  });
});

describe('cursors', () => {
  it('round-trips within the list that issued them', async () => {
    const cursor = encodeCursor({ v: 1, l: 'people', k: { pk: 'a', sk: '#' } });
    expect(await decodeCursor(cursor, 'people')).toEqual({ v: 1, l: 'people', k: { pk: 'a', sk: '#' } });
  });

  it('refuses a cursor of another list, a tampered one and garbage', async () => {
    const cursor = encodeCursor({ v: 1, l: 'people', o: 3 });
    expect(await code(() => decodeCursor(cursor, 'documents'))).toBe('BAD_USER_INPUT');
    const [body, sig] = cursor.split('.');
    const tampered = `${Buffer.from(JSON.stringify({ v: 1, l: 'people', o: 99 })).toString('base64url')}.${sig}`;
    expect(await code(() => decodeCursor(tampered, 'people'))).toBe('BAD_USER_INPUT');
    expect(await code(() => decodeCursor(`${body}.`, 'people'))).toBe('BAD_USER_INPUT');
    expect(await code(() => decodeCursor('💥', 'people'))).toBe('BAD_USER_INPUT');
  });

  it('carries its version: the cursors of a request accept only their version', async () => {
    const cursor = encodeCursor({ v: 2, l: 'people', o: 3 });
    expect(await cursors.versionOf(cursor)).toBe(2);
    expect(await cursors.forVersion(2).decode(cursor, 'people')).toEqual({ l: 'people', o: 3 });
    expect(await code(() => cursors.forVersion(3).decode(cursor, 'people'))).toBe('BAD_USER_INPUT');
    expect(await cursors.versionOf('not-a-cursor')).toBeUndefined();
  });

  it('refuses a cursor signed with another key', async () => {
    const other = new CursorCodec('another-deployment').encode({ v: 1, l: 'people', o: 3 });
    expect(await code(() => decodeCursor(other, 'people'))).toBe('BAD_USER_INPUT');
  });

  it('refuses, before any read, key parts DynamoDB could not take', async () => {
    for (const k of [
      { pk: 'x'.repeat(1025), sk: '#' },
      { pk: '', sk: '#' },
      Object.fromEntries([...Array(9).keys()].map((i) => [`a${i}`, 'v'])),
    ]) {
      expect(await code(() => decodeCursor(encodeCursor({ v: 1, l: 'people', k }), 'people'))).toBe('BAD_USER_INPUT');
    }
  });
});
