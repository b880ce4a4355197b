/**
 * Types shared by the search index (built at refresh, loaded lazily by the
 * GraphQL function) and its callers. Type-only: importing it loads no code.
 */
import type { SearchType } from '../../schema/__generated__/resolvers-types.js';
import type { ClaimItem, DocumentItem, EventItem, SubjectItem } from '../data/items.js';

export type SearchKind = SearchType;

/** What a search returns for one item, before the item itself is loaded. */
export interface SearchMatch {
  kind: SearchKind;
  id: string;
  score: number;
  /** Index terms (folded) that matched, by the GraphQL field of the item they were found in. */
  terms: Record<string, string[]>;
}

/** A loaded index, ready to query. */
export interface SearchIndex {
  /** Content hash of what the index was built from. */
  readonly hash: string;
  /** Every match of the folded query terms, best first; an empty `kinds` means every kind. */
  search(terms: readonly string[], kinds: ReadonlySet<SearchKind>): SearchMatch[];
}

/** The serialized index as a SearchIndexStore keeps it. */
export interface StoredSearchIndex {
  hash: string;
  body: string;
}

/** A search hit with its item loaded: what SearchHit resolves from. */
export interface SearchHitModel {
  match: SearchMatch;
  node: DocumentItem | SubjectItem | EventItem | ClaimItem;
}
