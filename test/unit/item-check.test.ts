/**
 * The request path validates items without zod's copy (functions/data/item-check.ts):
 * it must accept exactly what the zod schemas accept, and return the item itself.
 */
import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { inPlaceParser } from '../../functions/data/item-check.js';
import {
  claimAboutItemSchema,
  claimItemSchema,
  claimPairItemSchema,
  countItemSchema,
  documentItemSchema,
  eventDateItemSchema,
  eventItemSchema,
  organizationItemSchema,
  parseItem,
  personItemSchema,
  placeItemSchema,
  subjectItemSchema,
} from '../../functions/data/items.js';

const base = { pk: 'v000001#x', sk: '#', id: 'x', hash: 'h' };
const subject = { ...base, order: 'a#x', name: 'A', aliases: ['a'], description: null, mentionedInIds: ['d'], claimsAboutIds: [] };
const event = {
  ...base,
  kind: 'EVENT',
  order: '2022-02-22#x',
  title: 'T',
  date: '2022-02-22',
  endDay: '2022-02-22',
  datePartition: 'EVENT#DAY',
  rank: 1,
  description: 'd',
  aliases: [],
  participantIds: ['p'],
  placeIds: [],
  documentIds: ['d'],
  claimIds: ['c'],
  reportedDates: [{ documentId: 'd', date: '2022-02', quote: 'q', start: 0, end: 3 }],
  related: [{ kind: 'PRECEDES', eventId: 'e' }],
};

const valid: [string, z.ZodMiniType, Record<string, unknown>][] = [
  [
    'document',
    documentItemSchema,
    {
      ...base,
      kind: 'DOCUMENT',
      order: '2022#x',
      title: 'T',
      publisher: null,
      url: 'https://example.org',
      publishedOn: '2022',
      source: 's',
      text: 'body',
      authorIds: ['a'],
      personIds: [],
      organizationIds: [],
      placeIds: [],
      eventIds: [],
      claimIds: ['c'],
      listPk: 'v000001#DOCUMENT',
    },
  ],
  ['person', personItemSchema, { ...subject, kind: 'PERSON', authoredIds: [], claimIds: ['c'] }],
  ['organization', organizationItemSchema, { ...subject, kind: 'ORGANIZATION', organizationKind: 'STATE', claimIds: [] }],
  ['place', placeItemSchema, { ...subject, kind: 'PLACE', eventIds: ['e'] }],
  ['subject (union)', subjectItemSchema, { ...subject, kind: 'PLACE', eventIds: ['e'] }],
  ['event', eventItemSchema, event],
  [
    'claim',
    claimItemSchema,
    {
      ...base,
      kind: 'CLAIM',
      order: 'd#000001#x',
      documentId: 'd',
      speakerId: 'p',
      claimKind: 'DIRECT_QUOTE',
      text: 't',
      quote: 'q',
      start: 1,
      end: 2,
      anchor: { prefix: 'a', suffix: 'b', codePointStart: 1, codePointEnd: 2, status: 'EXACT' },
      eventIds: [],
      about: [{ table: 'people', id: 'p' }],
      aboutIds: ['p'],
      statedOn: null,
      relations: [{ kind: 'QUALIFIED_BY', claimId: 'c2', note: null }],
    },
  ],
  ['claim about', claimAboutItemSchema, { pk: 'c', sk: 'ABOUT#p', ref: 'ABOUT#p', order: 'o', claimId: 'c', refDocumentId: 'd', refClaimKind: 'PARAPHRASE', refAboutIds: ['p'], hash: 'h' }],
  ['claim pair', claimPairItemSchema, { pk: 'c', sk: 'PAIR#c2#', ref: 'PAIR', order: 'o', pairKind: 'CONTRADICTS', claimId: 'c', otherId: 'c2', note: 'n', hash: 'h' }],
  ['event date', eventDateItemSchema, { pk: 'e', sk: 'DATE#2022', datePartition: 'DATES#YEAR', order: 'o', eventId: 'e', endDay: '2022-12-31', earlierEnd: '', event, hash: 'h' }],
  ['count', countItemSchema, { pk: '#META', sk: '#COUNT', count: 0, hash: 'h' }],
];

/** Values of every kind a stored attribute could wrongly hold. */
const WRONG: unknown[] = [undefined, null, 0, 1, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, '', 'x', '2022', '2022-1', 'EXACT', 'PERSON', true, [], ['x'], [1], [null], {}, { kind: 'x' }];

/** Every path of an item (object keys and array positions), with the item where that path holds `value`. */
function* variants(item: unknown, path: (string | number)[] = []): Generator<[string, unknown]> {
  if (Array.isArray(item)) {
    for (const [i, element] of item.entries()) {
      for (const value of WRONG) yield [[...path, i].join('.'), item.map((e, j) => (j === i ? value : e))];
      for (const [p, inner] of variants(element, [...path, i])) yield [p, item.map((e, j) => (j === i ? inner : e))];
    }
  } else if (typeof item === 'object' && item !== null) {
    for (const [key, element] of Object.entries(item)) {
      for (const value of WRONG) yield [[...path, key].join('.'), { ...item, [key]: value }];
      for (const [p, inner] of variants(element, [...path, key])) yield [p, { ...item, [key]: inner }];
    }
  }
}

describe('in-place item validation', () => {
  it.each(valid)('%s: a valid item is returned itself, not a copy', (_name, schema, item) => {
    expect(schema.safeParse(item).success).toBe(true);
    expect(inPlaceParser(schema)(item)).toBe(item);
  });

  it.each(valid)('%s: accepts and refuses exactly what zod does, at every path', (_name, schema, item) => {
    const parse = inPlaceParser(schema);
    let refused = 0;
    for (const [path, variant] of variants(item)) {
      const zod = schema.safeParse(variant);
      if (zod.success) {
        expect(parse(variant), path).toBe(variant);
      } else {
        refused++;
        expect(() => parse(variant), path).toThrow();
      }
    }
    expect(refused).toBeGreaterThan(0);
    for (const value of WRONG) expect(() => parse(value)).toThrow();
  });

  it('refuses what zod refuses with zod\'s own error', () => {
    const bad = { ...(valid[0]?.[2] ?? {}), publishedOn: '22 Feb 2022' };
    expect(() => parseItem.document(bad)).toThrow(/YYYY, YYYY-MM or YYYY-MM-DD/);
  });

  it('subject kinds: an item of another kind is refused', () => {
    const place = valid[3]?.[2];
    expect(() => parseItem.person(place)).toThrow();
    expect(parseItem.subject(place)).toBe(place);
  });
});
