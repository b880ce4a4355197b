/**
 * What a search index store keeps, and under which key: shared by the local
 * stores (search-index-store.ts), the S3 store and the infrastructure's
 * grants. Imports nothing, so each of them can use it without a cycle.
 */

/** Bytes `start` to `end` (exclusive) of a stored index. */
export interface IndexByteRange {
  start: number;
  end: number;
}

/** A serialized index as a store keeps it: its content hash and a binary body (see functions/search/search-index-format.ts). */
export interface StoredSearchIndex {
  hash: string;
  body: Uint8Array;
}

export interface SearchIndexStore {
  /** A human-readable location for logs and messages. */
  readonly location: string;
  has(hash: string): Promise<boolean>;
  /** The whole object (tools and tests; the GraphQL function reads by range). */
  get(hash: string): Promise<StoredSearchIndex | undefined>;
  /**
   * These byte ranges of the index, each read by its own request, all in
   * parallel; undefined when there is no such index. A range past the end
   * returns what there is (the first read asks for more than a small index has).
   */
  read(hash: string, ranges: readonly IndexByteRange[]): Promise<Uint8Array[] | undefined>;
  put(index: StoredSearchIndex): Promise<void>;
  /** The hashes of every stored index. */
  list(): Promise<string[]>;
  remove(hash: string): Promise<void>;
}

/** The folder (local) or key prefix (S3) of the indexes; the IAM grants name it. */
export const SEARCH_INDEX_PREFIX = 'search/';
const SUFFIX = '.bin';
export const searchIndexKey = (hash: string) => `${SEARCH_INDEX_PREFIX}${hash}${SUFFIX}`;
export const hashOfSearchIndexKey = (key: string): string | undefined =>
  key.startsWith(SEARCH_INDEX_PREFIX) && key.endsWith(SUFFIX)
    ? key.slice(SEARCH_INDEX_PREFIX.length, -SUFFIX.length)
    : undefined;
