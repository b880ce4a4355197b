import { describe, expect, it } from 'vitest';
import { keys } from '../../functions/data/keys.js';
import { diffEntities, servedEntities } from '../../functions/refresh/changes.js';
import { shrinkProblems } from '../../functions/refresh/guards.js';

describe('versioned keys', () => {
  it('prefix the partition key and every index partition with the version, and only those', () => {
    const claim = {
      pk: 'c1',
      sk: '#',
      id: 'c1',
      kind: 'CLAIM',
      documentId: 'd1',
      listPk: 'CLAIM',
      documentPk: 'd1',
      order: 'd1#000000001#c1',
    };
    const stored = keys.stored('claims', claim, 7);
    expect(stored).toEqual({ ...claim, pk: 'v000007#c1', listPk: 'v000007#CLAIM', documentPk: 'v000007#d1' });
    expect(keys.versionOf(stored.pk)).toBe(7);
    expect(keys.versionOf('#META')).toBeUndefined();
    expect(keys.logicalItem('claims', stored)).toEqual(claim);
    expect(keys.entityAt('claims', 'c1', 7)).toEqual({ pk: 'v000007#c1', sk: '#' });
  });

  it('list an entity under partitions of its own, so served fields keep their values', () => {
    expect(keys.listPartitions('claims', { sk: '#', kind: 'CLAIM', documentId: 'd1', speakerId: 'p1' })).toEqual({
      listPk: 'CLAIM',
      documentPk: 'd1',
      speakerPk: 'p1',
    });
    expect(keys.listPartitions('people', { sk: '#', kind: 'ORGANIZATION', organizationKind: 'STATE' })).toEqual({
      listPk: 'ORGANIZATION',
      organizationKindPk: 'STATE',
    });
    expect(keys.listPartitions('claims', { sk: 'ABOUT#x', ref: 'ABOUT#x' })).toEqual({});
  });
});

describe('change list', () => {
  const doc = (id: string, extra: Record<string, unknown> = {}) => ({
    pk: id,
    sk: '#',
    id,
    kind: 'DOCUMENT',
    title: 't',
    claimIds: ['a'],
    ...extra,
  });
  const tables = (documents: Record<string, unknown>[], events: Record<string, unknown>[] = []) => ({
    documents,
    people: [],
    events,
    claims: [],
  });

  it('counts a changed id list as an update, storage-only attributes (keys, rank) as nothing', () => {
    const before = servedEntities(
      tables([doc('d1'), doc('d2'), doc('d3')], [{ pk: 'e1', sk: '#', id: 'e1', rank: 1, title: 'x' }]),
    );
    const after = servedEntities(
      tables(
        [keys.stored('documents', doc('d1'), 2), doc('d2', { claimIds: ['a', 'b'] }), doc('d4')],
        [{ pk: 'e1', sk: '#', id: 'e1', rank: 5, title: 'x' }],
      ),
    );
    expect(diffEntities(before, after)).toEqual([
      { c: 'UPDATED', t: 'DOCUMENT', id: 'd2' },
      { c: 'REMOVED', t: 'DOCUMENT', id: 'd3' },
      { c: 'ADDED', t: 'DOCUMENT', id: 'd4' },
    ]);
  });
});

describe('shrink guards', () => {
  it('refuse an empty table and a removal over the share, and let the rest through', () => {
    expect(shrinkProblems([{ table: 'claims', before: 10, after: 0, removed: 10 }], 0.2)).toEqual([
      'it would leave the claims table empty (10 entities now)',
    ]);
    expect(shrinkProblems([{ table: 'claims', before: 10, after: 7, removed: 3 }], 0.2)).toEqual([
      'it would remove 3 of 10 entities of the claims table (30 %, more than the 20 % allowed)',
    ]);
    expect(shrinkProblems([{ table: 'claims', before: 10, after: 12, removed: 2 }], 0.2)).toEqual([]);
  });
});
