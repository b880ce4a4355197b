/**
 * What the builder writes and the reader expects: the format tag, the kinds
 * and fields by number, and the header every stored index carries. The byte
 * layout of the sections themselves is in search-index-format.ts.
 */
import type { SearchKind } from './search-model.js';

/**
 * Bump when the fields, boosts, analysis or byte layout change: it is part of
 * the content hash, so the next refresh rebuilds an index the code can no longer read.
 */
export const FORMAT = 'search-index-v4';

/** Index kind codes; also the order of equal scores: entities, then events, documents, claims. */
export const KINDS: readonly SearchKind[] = ['PERSON', 'ORGANIZATION', 'PLACE', 'EVENT', 'DOCUMENT', 'CLAIM'];
export const KIND_CODE = new Map(KINDS.map((k, i) => [k, i]));
export const ENTITY_KINDS = new Set<SearchKind>(['PERSON', 'ORGANIZATION', 'PLACE']);

/**
 * Indexed fields, by number. Document text and claim text are separate: their lengths and weights differ.
 * `attribution` is who a text is by (a claim's speaker, a document's publisher and authors); `dates` holds
 * date terms (dateTerms), not words: an item's own dates, each at one position.
 */
export const FIELDS = [
  'name',
  'aliases',
  'title',
  'description',
  'claimText',
  'quote',
  'documentText',
  'attribution',
  'dates',
] as const;
export type IndexField = (typeof FIELDS)[number];
/** Fields that name an entity (the first ones): a match there is "the query names this entity". */
export const NAME_FIELDS = 2;

/** The stored index's header. */
export interface IndexMeta {
  format: string;
  docs: number;
  fields: readonly string[];
  averageLengths: number[];
  /** Names that mean the same thing: each person's, organization's and place's name and aliases. */
  nameGroups: string[][];
}

/** Fields an exclusion (`-word`) looks at: what names or says, not the editors' descriptions nor the dates. */
export const EXCLUSION_FIELDS: readonly IndexField[] = [
  'name',
  'aliases',
  'title',
  'claimText',
  'quote',
  'documentText',
  'attribution',
];

export { dateTerms } from './date-terms.js';

/** A day (YYYY-MM-DD) as the YYYYMMDD number the index stores. */
export const dayNumber = (day: string) => Number(day.replaceAll('-', ''));
