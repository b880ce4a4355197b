import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { CursorCodec, pageSize } from '../../functions/graphql/paging.js';

const cursors = new CursorCodec('unit-test-key');
const encodeCursor = cursors.encode.bind(cursors);
const decodeCursor = cursors.decode.bind(cursors);

const code = (fn: () => unknown) => {
  try {
    fn();
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
  it.each([-1, 101, 1.5, Number.NaN])('refuses %d', (n) => { expect(code(() => pageSize(n))).toBe('BAD_USER_INPUT'); });
});

describe('cursors', () => {
  it('round-trips within the list that issued them', () => {
    const cursor = encodeCursor({ v: 1, l: 'people', k: { pk: 'a', sk: '#' } });
    expect(decodeCursor(cursor, 'people')).toEqual({ v: 1, l: 'people', k: { pk: 'a', sk: '#' } });
  });

  it('refuses a cursor of another list, a tampered one and garbage', () => {
    const cursor = encodeCursor({ v: 1, l: 'people', o: 3 });
    expect(code(() => decodeCursor(cursor, 'documents'))).toBe('BAD_USER_INPUT');
    const [body, sig] = cursor.split('.');
    const tampered = `${Buffer.from(JSON.stringify({ v: 1, l: 'people', o: 99 })).toString('base64url')}.${sig}`;
    expect(code(() => decodeCursor(tampered, 'people'))).toBe('BAD_USER_INPUT');
    expect(code(() => decodeCursor(`${body}.`, 'people'))).toBe('BAD_USER_INPUT');
    expect(code(() => decodeCursor('💥', 'people'))).toBe('BAD_USER_INPUT');
  });

  it('carries its version: the cursors of a request accept only their version', () => {
    const cursor = encodeCursor({ v: 2, l: 'people', o: 3 });
    expect(cursors.versionOf(cursor)).toBe(2);
    expect(cursors.forVersion(2).decode(cursor, 'people')).toEqual({ l: 'people', o: 3 });
    expect(code(() => cursors.forVersion(3).decode(cursor, 'people'))).toBe('BAD_USER_INPUT');
    expect(cursors.versionOf('not-a-cursor')).toBeUndefined();
  });

  it('refuses a cursor signed with another key', () => {
    const other = new CursorCodec('another-deployment').encode({ v: 1, l: 'people', o: 3 });
    expect(code(() => decodeCursor(other, 'people'))).toBe('BAD_USER_INPUT');
  });

  it('refuses, before any read, key parts DynamoDB could not take', () => {
    for (const k of [{ pk: 'x'.repeat(1025), sk: '#' }, { pk: '', sk: '#' }, Object.fromEntries([...Array(9).keys()].map((i) => [`a${i}`, 'v']))]) {
      expect(code(() => decodeCursor(encodeCursor({ v: 1, l: 'people', k }), 'people'))).toBe('BAD_USER_INPUT');
    }
  });
});
