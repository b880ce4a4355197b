/**
 * The search index: MiniSearch over the items the seed refresh wrote. Built by
 * the refresh, serialized into a SearchIndexStore, loaded by the GraphQL
 * function on its first search. This module imports MiniSearch, so the request
 * path reaches it only through a dynamic import (see search-index-cache.ts).
 */
import { createHash } from 'node:crypto';
import MiniSearch, { type MatchInfo, type Options, type SearchOptions } from 'minisearch';
import type { ClaimItem, DocumentItem, EventItem, SubjectItem } from '../data/items.js';
import type { SearchIndex, SearchKind, SearchMatch, StoredSearchIndex } from './search-model.js';
import { foldTerm, tokenize } from './text-analysis.js';

/**
 * Bump when the fields, boosts or text analysis change: it is part of the
 * content hash, so the next refresh rebuilds an index the code can no longer read.
 */
const FORMAT = 'search-index-v1';

/** One indexed item. Document text and claim text are separate fields: their lengths and weights differ. */
interface SearchDocument {
  key: string;
  title?: string;
  name?: string;
  aliases?: string[];
  description?: string;
  claimText?: string;
  quote?: string;
  documentText?: string;
}
type IndexField = Exclude<keyof SearchDocument, 'key'>;

/** The GraphQL field each index field comes from, so highlights name what the client receives. */
const GRAPHQL_FIELD: Record<IndexField, string> = {
  title: 'title',
  name: 'name',
  aliases: 'aliases',
  description: 'description',
  claimText: 'text',
  quote: 'quote',
  documentText: 'text',
};
const FIELDS = Object.keys(GRAPHQL_FIELD) as IndexField[];

/**
 * What an item is called outweighs what it says, and what it says outweighs
 * passing mentions in a long text: a person's name ranks above an article
 * that mentions them.
 */
const BOOST: Record<IndexField, number> = {
  name: 6,
  aliases: 5,
  title: 4,
  claimText: 2,
  quote: 1.5,
  description: 1.5,
  documentText: 1,
};

const INDEX_OPTIONS: Options<SearchDocument> = {
  idField: 'key',
  fields: FIELDS,
  extractField: (doc, field) => {
    const value = doc[field as keyof SearchDocument];
    // Alias entries are separate names; a line break keeps them apart as tokens.
    return Array.isArray(value) ? value.join('\n') : value;
  },
  tokenize,
  processTerm: (term) => foldTerm(term) || null,
};

const SEARCH_OPTIONS: SearchOptions = {
  boost: BOOST,
  // Short words are too easily one edit away from another word to be misspelled on purpose.
  fuzzy: (term) => (term.length <= 3 ? false : term.length <= 7 ? 1 : 2),
  // Only the word being typed is incomplete.
  prefix: (_term, i, terms) => i === terms.length - 1,
};

const KIND_ORDER: Record<SearchKind, number> = { PERSON: 0, ORGANIZATION: 1, PLACE: 2, EVENT: 3, DOCUMENT: 4, CLAIM: 5 };

export type SearchableItem = DocumentItem | SubjectItem | EventItem | ClaimItem;

const keyOf = (kind: SearchKind, id: string) => `${kind}:${id}`;

function parseKey(key: string): { kind: SearchKind; id: string } {
  const colon = key.indexOf(':');
  return { kind: key.slice(0, colon) as SearchKind, id: key.slice(colon + 1) };
}

function searchDocument(item: SearchableItem): SearchDocument {
  const key = keyOf(item.kind, item.id);
  switch (item.kind) {
    case 'DOCUMENT':
      return { key, title: item.title, documentText: item.text };
    case 'PERSON':
    case 'ORGANIZATION':
    case 'PLACE':
      return { key, name: item.name, aliases: item.aliases, ...(item.description === null ? {} : { description: item.description }) };
    case 'EVENT':
      return { key, title: item.title, ...(item.description === null ? {} : { description: item.description }) };
    case 'CLAIM':
      return { key, claimText: item.text, quote: item.quote };
  }
}

/**
 * Content hash of the index built from these items: only what is indexed (and
 * the index format) counts, so a refresh that changes nothing searchable
 * leaves the stored index alone.
 */
export function searchIndexHash(items: readonly SearchableItem[]): string {
  const hash = createHash('sha256').update(FORMAT);
  for (const item of items) hash.update('\u0000').update(JSON.stringify(searchDocument(item)));
  return hash.digest('base64url').slice(0, 32);
}

export function buildSearchIndex(items: readonly SearchableItem[]): StoredSearchIndex {
  const index = new MiniSearch<SearchDocument>(INDEX_OPTIONS);
  index.addAll(items.map(searchDocument));
  return { hash: searchIndexHash(items), body: JSON.stringify(index) };
}

/** A hit; which terms matched where is worked out only for the hits of the page asked for. */
class RankedMatch implements SearchMatch {
  readonly kind: SearchKind;
  readonly id: string;
  #terms: Record<string, string[]> | undefined;

  constructor(
    key: string,
    readonly score: number,
    private readonly match: MatchInfo,
  ) {
    ({ kind: this.kind, id: this.id } = parseKey(key));
  }

  get terms(): Record<string, string[]> {
    if (this.#terms === undefined) {
      const terms: Record<string, string[]> = {};
      for (const [term, fields] of Object.entries(this.match)) {
        for (const field of fields) (terms[GRAPHQL_FIELD[field as IndexField]] ??= []).push(term);
      }
      this.#terms = terms;
    }
    return this.#terms;
  }
}

export function loadSearchIndex(stored: StoredSearchIndex): SearchIndex {
  const index = MiniSearch.loadJSON<SearchDocument>(stored.body, INDEX_OPTIONS);
  return {
    hash: stored.hash,
    search(terms, kinds) {
      if (terms.length === 0) return [];
      const query = terms.join(' ');
      const filter = kinds.size === 0 ? undefined : (r: { id: string }) => kinds.has(parseKey(r.id).kind);
      let results = index.search(query, { ...SEARCH_OPTIONS, combineWith: 'AND', filter });
      // Every word must match; only when no item has them all do items with some of them count.
      if (results.length === 0 && terms.length > 1) results = index.search(query, { ...SEARCH_OPTIONS, combineWith: 'OR', filter });
      const matches = results.map((r) => new RankedMatch(String(r.id), r.score, r.match));
      // Equal scores in a stable, meaningful order, so pages never shuffle.
      return matches.sort((a, b) => b.score - a.score || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },
  };
}
