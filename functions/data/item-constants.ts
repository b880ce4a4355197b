/**
 * The constants the stored items are made of: the kinds their enums take and
 * the item format. It imports nothing, so the item schemas (item-schemas.ts)
 * and the item types (items.ts, which re-exports these) both build on it
 * without importing each other.
 */

/** The relations the corpus writes (once per pair); QUALIFIED_BY is QUALIFIES seen from the other claim. */
export const CLAIM_PAIR_KINDS = ['SUPPORTS', 'CONTRADICTS', 'QUALIFIES'] as const;
export const CLAIM_RELATION_KINDS = [...CLAIM_PAIR_KINDS, 'QUALIFIED_BY'] as const;
export const EVENT_RELATION_KINDS = ['PRECEDES', 'FOLLOWS', 'PART_OF', 'HAS_PART'] as const;

export const ORGANIZATION_KINDS = [
  'STATE',
  'GOVERNMENT_BODY',
  'INTERNATIONAL',
  'COMPANY',
  'MEDIA_OR_THINK_TANK',
  'OTHER',
] as const;

/** The one list of claim kinds (the corpus schema and the stored items both use it). */
export const CLAIM_KINDS = ['DIRECT_QUOTE', 'PARAPHRASE', 'AUTHOR_ASSERTION'] as const;

/**
 * The format of the stored items: the schemas in item-schemas.ts. The refresh
 * checks every item it builds against them (entity and relationship items)
 * and records this number in the version it publishes; the API then trusts
 * that version's items as read, by id and in pages alike, instead of parsing
 * each one again on every request (about 1 ms of CPU for the 250 items of the
 * deep example query, 6% of its time), and a cold start builds no item schema.
 * Items of a version recorded with another format, or none, are parsed on
 * every read. Bump it with any change to the stored items (the schemas, or
 * what the tables hold): the next refresh then rebuilds even an unchanged
 * corpus. (3: versioned items without per-version count items; 4: the
 * relationship items checked too, and pages trusted like items read by id;
 * 5: documents carry their authors' names; 6: events carry `disputed`,
 * reported dates `inferred` and `inference`; 7: topics, claims' and events'
 * `topicIds`, claims' `provision`, the claims of a topic in its `TOPIC#` partition; 8: a document's text in an item
 * of its own, `sk` TEXT, read only when a query asks for it, and claims' `textFragment`; 9: a topic counts its
 * claims (`claimCount`) instead of listing them, which a topic of a grown corpus outgrew DynamoDB's item size with.)
 */
export const ITEM_FORMAT = 9;

/** The first item format whose documents keep their text in an item of its own (keys.documentText). */
export const TEXT_ITEM_FORMAT = 8;
