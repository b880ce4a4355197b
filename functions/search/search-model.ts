/**
 * Types shared by the search index (built at refresh, loaded lazily by the
 * GraphQL function) and its callers. Type-only: importing it loads no code.
 * The engine's own words: it knows nothing of the GraphQL types, and the
 * resolver maps its results to them.
 */
import type { ClaimItem, DocumentItem, EventItem, SubjectItem } from '../data/items.js';
import type { ParsedQuery } from './query-syntax.js';

/** The kinds of item the index holds and returns: the entity items' `kind`. */
export type SearchKind = 'PERSON' | 'ORGANIZATION' | 'PLACE' | 'EVENT' | 'DOCUMENT' | 'CLAIM';

/** What the index is built from: the entity items of the four tables (organizations and places live with people). */
export type SearchableItem = DocumentItem | SubjectItem | EventItem | ClaimItem;

/** Restrictions of a search; every one given must hold (AND). */
export interface SearchFilters {
  /** Only these kinds; empty means every kind. */
  kinds: ReadonlySet<SearchKind>;
  /** Items of this document: the document, its claims, the events it reports, the people it names. */
  documentId?: string;
  /** Claims by this speaker. */
  speakerId?: string;
  /** Items about this entity: claims whose `aboutIds` have it, events it took part in, documents that name it. */
  aboutId?: string;
  /** Claims and events that address this topic. */
  topicId?: string;
  /** First and last day (YYYY-MM-DD) of the window an item's dates must overlap; either may be open. */
  fromDay?: string;
  toDay?: string;
}

/** What a search returns for one item, before the item itself is loaded. */
export interface SearchMatch {
  kind: SearchKind;
  id: string;
  /**
   * Rank-consistent relevance: the integer part says how fully the item
   * matched (16 per clause matched, 8 more unless it is an undated item a date
   * filter kept, 4 more for an entity the query names or an event whose date
   * it names, 2 more unless it is an entity found only through its
   * description, 1 more when a one-word query matched as typed), the fraction
   * is BM25 with field boosts and expansion weights, squashed into [0, 1).
   * Only comparable between hits of one search.
   */
  score: number;
  /** What to highlight: the folded index terms the search looked for (shared by every hit of a search). */
  highlight: HighlightTerms;
}

/** The terms and phrases of a search, as index terms, for highlighting. */
export interface HighlightTerms {
  terms: ReadonlySet<string>;
  /** Each phrase: per position, the spellings that match there. */
  phrases: readonly (readonly (readonly string[])[])[];
}

/** The hits of one search, best first. */
export interface SearchResults {
  /** Every hit the pages return, near misses included. */
  readonly total: number;
  /** Hits `offset` to `offset + count` in rank order (their ids read by range when not yet cached). */
  page(offset: number, count: number): Promise<SearchMatch[]>;
}

/** What an index has read from its store so far: rounds of requests one after the other, requests, bytes. */
export interface IndexReads {
  readonly rounds: number;
  readonly requests: number;
  readonly bytes: number;
}

/** An opened index (its head read), ready to query; a search reads the parts it needs by byte range. */
export interface SearchIndex {
  /** Content hash of what the index was built from. */
  readonly hash: string;
  /** Bytes of the head, read when the index was opened. */
  readonly headBytes: number;
  /** Counters of what the index has read (a live view). */
  readonly reads: IndexReads;
  search(query: ParsedQuery, filters: SearchFilters): Promise<SearchResults>;
}
