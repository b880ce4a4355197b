/**
 * What the builder writes and the reader expects: the format tag, the kinds
 * and fields by number, the header every stored index carries and the
 * regions a reader fetches by byte range. The byte layout of the sections
 * themselves is in search-index-format.ts.
 */
import type { SearchKind } from './search-model.js';

/**
 * Bump when the fields, boosts, analysis or byte layout change: it is part of
 * the content hash, so the next refresh rebuilds an index the code can no longer read.
 */
export const FORMAT = 'search-index-v5';
/** The same version as a number, in the fixed prefix of the stored object (see search-index-format.ts). */
export const FORMAT_NUMBER = 5;

/**
 * Bytes a reader asks for first: the fixed prefix, the head (header, term
 * dictionary, stems, block tables) and whatever follows it. An index whose
 * head is longer costs one more ranged request; a smaller index is read whole
 * by this one request (the seed corpus's is about 0.2 MB).
 */
export const FIRST_READ_BYTES = 1 << 20;
/** Item ids per block of the ids region: a page of hits reads the blocks its items are in. */
export const IDS_PER_BLOCK = 64;
/** Target bytes of a block of the facets region (a key with more documents makes its block longer). */
export const FACET_BLOCK_BYTES = 8192;

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

/** A run of bytes of the stored object: `offset` from the end of its head, `bytes` long. */
export interface Region {
  offset: number;
  bytes: number;
}

/** The parts after the head, each fetched by byte range as a query needs it. */
export interface IndexRegions {
  /** Per term (dictionary order): per document, its delta, then per field: field, term frequency, field length. */
  postings: Region;
  /**
   * Per term, per document of its postings in the same order: the byte length of its positions, then per field
   * its position deltas. Only phrases read them.
   */
  positions: Region;
  /** Blocks of facet keys, each key with its document list. */
  facets: Region;
  /** Per document, its day ranges: `dateOffsets` (u32, docs + 1) then `dates` (i32 pairs). */
  dates: Region;
  /** Blocks of IDS_PER_BLOCK item ids joined by line breaks. */
  ids: Region;
}

/** The stored index's header. */
export interface IndexMeta {
  format: string;
  docs: number;
  fields: readonly string[];
  averageLengths: number[];
  /** Names that mean the same thing: each person's, organization's and place's name and aliases. */
  nameGroups: string[][];
  /** Items are numbered by kind (KINDS order): kind k's are `kindStarts[k] .. kindStarts[k + 1]`. */
  kindStarts: number[];
  regions: IndexRegions;
  /** Bytes of the dates region's first array (dateOffsets). */
  dateOffsetsBytes: number;
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
