/**
 * Querying an index read by byte range: each clause of a parsed query is
 * planned on the head (the index terms and phrases its words expand to), the
 * parts the plans and filters need are read in one round, then scored,
 * filtered and ranked; a page reads the ids of its hits. The GraphQL function
 * imports this module on its first search (search-index-cache.ts); the
 * builder is not part of it.
 */
import type { StoredSearchIndex } from '../data/stored-search-index.js';
import { hasDigit, words, wordSpellings } from '../shared/text-normalization.js';
import { CompactIndex, type PartNeeds, type QueryParts } from './compact-index.js';
import { memoryRanges, RangeReader, type ReadRanges } from './range-reader.js';
import { impliedNames, relatedWords, STOP_WORDS } from './implied-names.js';
import { dayNumber, ENTITY_KINDS, EXCLUSION_FIELDS, FIELDS, KINDS } from './search-index-layout.js';
import type { HighlightTerms, SearchFilters, SearchIndex, SearchMatch, SearchResults } from './search-model.js';
import type { ParsedQuery, QueryTerm, QueryWord } from './query-syntax.js';
import {
  ALL_FIELDS,
  ClauseScores,
  DATED,
  EXACT,
  NAMED,
  scorePhrase,
  scoreTerm,
  WEIGHT,
  type PhraseQuery,
} from './search-scoring.js';
import { stemOf } from './text-analysis.js';

const MAX_PREFIX_TERMS = 50;
const MAX_FUZZY_TERMS = 30;

/** One way a query word matches an index term. */
interface Expansion {
  term: number;
  weight: number;
}

/** A clause as the index evaluates it: its terms' expansions and phrases; any of them matching is enough. */
interface ClausePlan {
  expansions: Expansion[];
  phrases: PhraseQuery[];
}

/** How the index reads one query word: its spellings, the names it is an alias of, its stem, misspellings, a prefix. */
function planWord(index: CompactIndex, word: QueryWord, plan: ClausePlan, forExclusion: boolean): void {
  const seen = new Set<number>();
  const add = (term: number | undefined, weight: number) => {
    if (term === undefined || seen.has(term)) return;
    seen.add(term);
    plan.expansions.push({ term, weight });
  };
  const phraseOf = (slots: readonly string[][], weight: number) => {
    plan.phrases.push({
      slots: slots.map((slot) => slot.flatMap((s) => index.termId(s) ?? [])),
      weight,
      quoted: false,
    });
  };
  for (const s of word.spellings) add(index.termId(s), WEIGHT.exact);
  // 2022-02-22 also finds the items of that day, 2022 those of that year.
  if (word.date !== undefined) add(index.termId(word.date), WEIGHT.exact);
  // cease-fire also matches "cease fire" written apart.
  if (word.parts.length > 1) phraseOf(word.parts, WEIGHT.exact);
  const digits = word.spellings.some(hasDigit);
  if (!digits) for (const s of word.spellings) for (const t of index.sameStem(stemOf(s))) add(t, WEIGHT.stem);
  if (forExclusion) return;
  // Turkish names Turkey, Donbas its places: those names, and their entities' other names, as aliases.
  const implied: string[] = [];
  for (const name of impliedNames(word.spellings)) {
    const slots = words(name).map((w) => wordSpellings(w.text));
    if (slots.length === 1) implied.push(...slots[0]!);
    else if (slots.length > 1) phraseOf(slots, WEIGHT.alias);
  }
  for (const s of implied) add(index.termId(s), WEIGHT.alias);
  for (const s of relatedWords(word.spellings)) {
    add(index.termId(s), WEIGHT.alias);
    for (const t of index.sameStem(stemOf(s))) add(t, WEIGHT.stem);
  }
  const names = index.otherNames([...word.spellings, ...implied]);
  for (const s of names.words) add(index.termId(s), WEIGHT.alias);
  for (const slots of names.phrases) phraseOf(slots, WEIGHT.alias);
  // Numbers and years match exactly: 2025 is not a misspelling of 2020.
  if (digits) return;
  if (word.prefix)
    for (const s of word.spellings)
      if (s.length >= 3) for (const t of index.withPrefix(s, MAX_PREFIX_TERMS)) add(t, WEIGHT.prefix);
  // Misspellings only when the word itself is nowhere in the index (nor any form of it).
  if (plan.expansions.some((e) => e.weight >= WEIGHT.stem) || plan.phrases.length > 0) return;
  for (const s of word.spellings) {
    if (s.length < 4) continue;
    for (const { term, distance } of index.near(s, s.length <= 7 ? 1 : 2, MAX_FUZZY_TERMS))
      add(term, distance === 1 ? WEIGHT.fuzzy1 : WEIGHT.fuzzy2);
  }
}

function planClause(index: CompactIndex, terms: readonly QueryTerm[], forExclusion = false): ClausePlan {
  const plan: ClausePlan = { expansions: [], phrases: [] };
  for (const term of terms) {
    if (term.type === 'word') planWord(index, term.word, plan, forExclusion);
    else if (term.type === 'date') {
      const t = index.termId(term.date.term);
      if (t !== undefined) plan.expansions.push({ term: t, weight: WEIGHT.exact });
      for (const phrase of term.date.phrases)
        plan.phrases.push({
          slots: phrase.map((slot) => slot.flatMap((s) => index.termId(s) ?? [])),
          weight: WEIGHT.exact,
          quoted: true,
        });
    } else if (term.words.length === 1)
      for (const s of term.words[0]!) {
        const t = index.termId(s);
        if (t !== undefined) plan.expansions.push({ term: t, weight: WEIGHT.exact });
      }
    else
      plan.phrases.push({
        slots: term.words.map((slot) => slot.flatMap((s) => index.termId(s) ?? [])),
        weight: WEIGHT.exact,
        quoted: true,
      });
  }
  return plan;
}

function evaluate(index: CompactIndex, parts: QueryParts, plan: ClausePlan, fields = ALL_FIELDS): ClauseScores {
  const scores = new ClauseScores(index.n);
  for (const e of plan.expansions) scoreTerm(index, parts, e.term, e.weight, scores, fields);
  for (const p of plan.phrases) scorePhrase(index, parts, p, scores, fields);
  return scores;
}

/** What the plans and filters read beyond the head: every term's postings, and positions for phrases. */
function needsOf(plans: readonly ClausePlan[], facets: readonly string[], dated: boolean): PartNeeds {
  const terms = new Set<number>();
  const positions = new Set<number>();
  for (const plan of plans) {
    for (const e of plan.expansions) terms.add(e.term);
    for (const p of plan.phrases)
      if (!p.slots.some((slot) => slot.length === 0))
        for (const slot of p.slots)
          for (const t of slot) {
            terms.add(t);
            positions.add(t);
          }
  }
  return { terms, positions, facets, dates: dated };
}

/** An exclusion looks at what an item is called or says, not at its description: see EXCLUSION_FIELDS. */
const EXCLUSION_MASK = EXCLUSION_FIELDS.reduce((mask, field) => mask | (1 << FIELDS.indexOf(field)), 0);

/** The index terms and phrases a search looked for, for highlighting. */
function highlightTerms(index: CompactIndex, plans: readonly ClausePlan[]): HighlightTerms {
  const terms = new Set<string>();
  const phrases: string[][][] = [];
  for (const plan of plans) {
    for (const e of plan.expansions) terms.add(index.termText(e.term));
    for (const p of plan.phrases) {
      if (p.quoted) phrases.push(p.slots.map((slot) => slot.map((t) => index.termText(t))));
      else for (const slot of p.slots) for (const t of slot) terms.add(index.termText(t));
    }
  }
  return { terms, phrases };
}

/** Keeps the `limit` best of a stream, by `better`. */
function topK(candidates: Int32Array, limit: number, better: (a: number, b: number) => boolean): number[] {
  const heap: number[] = [];
  // A heap whose root is the worst kept candidate.
  const worse = (a: number, b: number) => better(b, a);
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let w = i;
      if (l < heap.length && worse(heap[l]!, heap[w]!)) w = l;
      if (r < heap.length && worse(heap[r]!, heap[w]!)) w = r;
      if (w === i) return;
      [heap[i], heap[w]] = [heap[w]!, heap[i]!];
      i = w;
    }
  };
  for (const doc of candidates) {
    if (heap.length < limit) {
      heap.push(doc);
      for (let i = heap.length - 1; i > 0;) {
        const parent = (i - 1) >>> 1;
        if (!worse(heap[i]!, heap[parent]!)) break;
        [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
        i = parent;
      }
    } else if (limit > 0 && better(doc, heap[0]!)) {
      heap[0] = doc;
      down(0);
    }
  }
  return heap.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
}

/** How an item passes the filters: not at all, as an undated item kept by a date filter, or fully. */
const FAILS = 0;
const UNDATED = 1;
const PASSES = 2;

/** The facet keys of the filters (documentId, speakerId, aboutId, topicId). */
function facetsOf(filters: SearchFilters): string[] {
  return [
    filters.documentId === undefined ? undefined : `d:${filters.documentId}`,
    filters.speakerId === undefined ? undefined : `s:${filters.speakerId}`,
    filters.aboutId === undefined ? undefined : `a:${filters.aboutId}`,
    filters.topicId === undefined ? undefined : `t:${filters.topicId}`,
  ].filter((f): f is string => f !== undefined);
}

const isDated = (filters: SearchFilters) => filters.fromDay !== undefined || filters.toDay !== undefined;

/**
 * Which documents the filters let through: kind, facets (each counted), dates, exclusions. A date filter
 * keeps the documents and claims that have no date at all (an undated article, its claims about no dated
 * event), as UNDATED: nothing says they fall outside the window, and they rank after every dated hit.
 */
function filterOf(
  index: CompactIndex,
  parts: QueryParts,
  exclusion: ClausePlan | undefined,
  filters: SearchFilters,
): (doc: number) => number {
  const kindAllowed = KINDS.map((k) => filters.kinds.size === 0 || filters.kinds.has(k));
  const facets = facetsOf(filters);
  let facetMarks: Uint8Array | undefined;
  if (facets.length > 0) {
    facetMarks = new Uint8Array(index.n);
    for (const facet of facets) parts.facet(facet, facetMarks);
  }
  const dated = isDated(filters);
  const from = filters.fromDay === undefined ? 0 : dayNumber(filters.fromDay);
  const to = filters.toDay === undefined ? 99_999_999 : dayNumber(filters.toDay);
  let excluded: Uint8Array | undefined;
  if (exclusion !== undefined) {
    excluded = new Uint8Array(index.n);
    const scores = evaluate(index, parts, exclusion, EXCLUSION_MASK);
    for (const doc of scores.touched) excluded[doc] = 1;
  }
  return (doc) => {
    if (
      !kindAllowed[index.kindCode(doc)]! ||
      excluded?.[doc] === 1 ||
      (facetMarks !== undefined && facetMarks[doc] !== facets.length)
    )
      return FAILS;
    if (!dated || parts.overlaps(doc, from, to)) return PASSES;
    return UNDATABLE_KINDS.has(index.kindOf(doc)) || parts.hasDates(doc) ? FAILS : UNDATED;
  };
}

/** Kinds a date filter leaves out when they have no date: people, organizations and places have none to test. */
const UNDATABLE_KINDS = ENTITY_KINDS;

/** Per document: clauses matched, clauses matched exactly, clauses matched in a name field, summed score. */
function tally(n: number, clauses: readonly ClauseScores[]) {
  const matched = new Uint8Array(n);
  const named = new Uint8Array(n);
  const exact = new Uint8Array(n);
  const dated = new Uint8Array(n);
  const raw = new Float64Array(n);
  const seen: number[] = [];
  for (const clause of clauses) {
    for (const doc of clause.touched) {
      if (matched[doc] === 0) seen.push(doc);
      const flags = clause.flags[doc]!;
      matched[doc]! += 1;
      if (flags & NAMED) named[doc]! += 1;
      if (flags & EXACT) exact[doc]! += 1;
      if (flags & DATED) dated[doc]! += 1;
      raw[doc]! += clause.score[doc]!;
    }
  }
  return { matched, named, exact, dated, raw, seen };
}

/** The hits that pass the filters, and each one's rank: its tier (how fully it matched), then its BM25 score. */
function rankHits(index: CompactIndex, clauses: readonly ClauseScores[], passes: (doc: number) => number) {
  const { matched, named, exact, dated, raw, seen } = tally(index.n, clauses);
  // Every clause must match; near misses (all but one clause) follow the full matches.
  const required = Math.max(1, clauses.length - 1);
  const hits = new Int32Array(seen.length);
  let count = 0;
  const rank = new Float64Array(index.n);
  for (const doc of seen) {
    if (matched[doc]! < required) continue;
    const pass = passes(doc);
    if (pass === FAILS) continue;
    const inWindow = pass === PASSES ? 1 : 0;
    // The query names this entity: every clause it matched, it matched in its name or aliases. A date names the
    // events of that date as a name its entity: every clause matched the event's date.
    const kind = index.kindOf(doc);
    const entity = ENTITY_KINDS.has(kind);
    const namesIt =
      (entity && named[doc] === matched[doc]) || (kind === 'EVENT' && dated[doc] === matched[doc]) ? 1 : 0;
    // An entity the query does not name, found through words of its description, is weaker evidence than the
    // event or claim that has the same words (a city's description mentions what happened there).
    const plainMatch = entity && namesIt === 0 ? 0 : 1;
    // A single word as typed outranks its other forms (peacekeepers above peacekeeping). With several words the
    // expansion weights decide instead: as a tier, long articles that have every word as typed would bury the
    // claim that says the same with one word in another form (tuned on the relevance set).
    const exactTier = clauses.length === 1 ? exact[doc]! : 0;
    const tier = (((Math.min(matched[doc]!, 31) * 2 + inWindow) * 2 + namesIt) * 2 + plainMatch) * 2 + exactTier;
    rank[doc] = tier + raw[doc]! / (raw[doc]! + 1);
    hits[count++] = doc;
  }
  return { candidates: hits.subarray(0, count), rank };
}

/** A clause of one plain word (no OR, not quoted). */
function plainWord(clause: readonly QueryTerm[]): QueryWord | undefined {
  const [term] = clause;
  return clause.length === 1 && term?.type === 'word' && term.word.parts.length === 0 ? term.word : undefined;
}

/**
 * The clauses as the index reads them: stop words left out of a query that has other words
 * (who signed the declaration), and two words the index knows as one closed compound joined
 * into that compound (peace keepers → peacekeepers, also as the phrase "peace keepers").
 */
function effectiveClauses(index: CompactIndex, clauses: readonly QueryTerm[][]): QueryTerm[][] {
  const stop = (c: readonly QueryTerm[]) => plainWord(c)?.spellings.every((s) => STOP_WORDS.has(s)) === true;
  const kept = clauses.every(stop) ? [...clauses] : clauses.filter((c) => !stop(c));
  const out: QueryTerm[][] = [];
  for (let i = 0; i < kept.length; i++) {
    const a = plainWord(kept[i]!);
    const b = i + 1 < kept.length ? plainWord(kept[i + 1]!) : undefined;
    const closed = a === undefined || b === undefined ? [] : compoundOf(index, a, b);
    if (closed.length === 0) out.push(kept[i]!);
    else {
      const word: QueryWord = { spellings: closed, parts: [a!.spellings, b!.spellings], prefix: b!.prefix };
      out.push([{ type: 'word', word }]);
      i++;
    }
  }
  return out;
}

/** The closed spellings of two words that the index has as one word, digit-free only (no stemming: it is per query). */
function compoundOf(index: CompactIndex, a: QueryWord, b: QueryWord): string[] {
  const closed: string[] = [];
  for (const x of a.spellings)
    for (const y of b.spellings) {
      const word = x + y;
      if (hasDigit(word) || x.length < 2 || y.length < 2) continue;
      if (index.termId(word) !== undefined) closed.push(word);
    }
  return closed;
}

async function search(index: CompactIndex, query: ParsedQuery, filters: SearchFilters): Promise<SearchResults> {
  const plans = effectiveClauses(index, query.clauses).map((clause) => planClause(index, clause));
  const exclusion = query.excluded.length > 0 ? planClause(index, query.excluded, true) : undefined;
  const parts = await index.load(
    needsOf(exclusion === undefined ? plans : [...plans, exclusion], facetsOf(filters), isDated(filters)),
  );
  const clauses = plans.map((plan) => evaluate(index, parts, plan));
  const { candidates, rank } = rankHits(index, clauses, filterOf(index, parts, exclusion, filters));
  const count = candidates.length;
  const better = (a: number, b: number) => rank[a]! > rank[b]! || (rank[a] === rank[b] && a < b);
  const highlight = highlightTerms(index, plans);
  let sorted: number[] | undefined;
  return {
    total: count,
    async page(offset, size) {
      const limit = Math.min(count, offset + size);
      if (sorted === undefined || sorted.length < limit) {
        sorted =
          limit * 4 >= count
            ? [...candidates].sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0))
            : topK(candidates, limit, better);
      }
      const docs = sorted.slice(offset, limit);
      const ids = await index.ids(docs);
      return docs.map((doc, i): SearchMatch => ({
        kind: index.kindOf(doc),
        id: ids[i]!,
        score: rank[doc]!,
        highlight,
      }));
    },
  };
}

const NOTHING: SearchResults = { total: 0, page: async () => [] };

/** Options of openSearchIndex. */
export interface OpenOptions {
  /** Bytes of read parts kept (PartCache's default when not given). */
  cacheBytes?: number;
}

/**
 * The index stored under `hash`, read through `read`: its head now (the first
 * read), the rest as queries need it. Undefined when there is no such object.
 */
export async function openSearchIndex(
  hash: string,
  read: ReadRanges,
  options: OpenOptions = {},
): Promise<SearchIndex | undefined> {
  const index = await CompactIndex.open(new RangeReader(read), options.cacheBytes);
  if (index === undefined) return undefined;
  return {
    hash,
    headBytes: index.headBytes,
    reads: index.reads,
    search: (query, filters) => (query.clauses.length === 0 ? Promise.resolve(NOTHING) : search(index, query, filters)),
  };
}

/** An index whose bytes are in memory (just built, or read whole). */
export async function loadSearchIndex(stored: StoredSearchIndex, options: OpenOptions = {}): Promise<SearchIndex> {
  return (await openSearchIndex(stored.hash, memoryRanges(stored.body), options))!;
}
