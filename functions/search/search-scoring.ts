/**
 * Scoring: BM25 with field boosts over the stored postings, for single terms
 * and for phrases (terms at consecutive positions of one field). Each clause
 * of a query collects its scores and match flags per document.
 */
import type { CompactIndex, QueryParts } from './compact-index.js';
import { VarintReader } from './search-index-format.js';
import { FIELDS, NAME_FIELDS } from './search-index-layout.js';

/**
 * What an item is called outweighs what it says, and what it says outweighs
 * passing mentions in a long text (document text counts half: an article
 * mentions everything, the claim or event that says it is the better answer;
 * tuned on the relevance set). Who a text is by (speaker, outlet, author)
 * and its dates count between a title and a claim's text: an outlet's name
 * finds its article above the items that cite the outlet. By field number (FIELDS).
 */
const BOOST: readonly number[] = [6, 5, 4, 1.5, 2, 1.5, 0.5, 3, 5];
/** Every field: the default mask of scoreTerm and scorePhrase. */
export const ALL_FIELDS = 0xffff;
const K1 = 1.2;
/**
 * Length normalization by field. None for attribution: a document's outlet
 * and authors are not a longer text than a claim's one speaker, so an author's
 * article ranks with (kind order: before) the claims it holds.
 */
const B: readonly number[] = [0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0, 0.7];
const DATES_FIELD = FIELDS.indexOf('dates');

/** How much a match through each kind of expansion of a query word counts. */
export const WEIGHT = { exact: 1, alias: 0.9, stem: 0.45, prefix: 0.5, fuzzy1: 0.45, fuzzy2: 0.3 } as const;

/** A phrase to match: per position, the index terms that may stand there. */
export interface PhraseQuery {
  slots: number[][];
  weight: number;
  /** A quoted phrase is highlighted as one span; the phrases a word expands to (aliases, compound parts) word by word. */
  quoted: boolean;
}

/**
 * Per clause, per document: bit 1 matched, bit 2 matched in a name field, bit 4 matched by a word as typed (not a
 * stem, misspelling or prefix), bit 8 matched in its dates (a date query names the events of that date).
 */
export const MATCHED = 1;
export const NAMED = 2;
export const EXACT = 4;
export const DATED = 8;

export class ClauseScores {
  readonly score: Float32Array;
  readonly flags: Uint8Array;
  readonly touched: number[] = [];

  constructor(n: number) {
    this.score = new Float32Array(n);
    this.flags = new Uint8Array(n);
  }

  add(doc: number, score: number, named: boolean, exact: boolean, dated = false): void {
    if (this.flags[doc] === 0) this.touched.push(doc);
    if (score > this.score[doc]!) this.score[doc] = score;
    this.flags[doc]! |= MATCHED | (named ? NAMED : 0) | (exact ? EXACT : 0) | (dated ? DATED : 0);
  }
}

function idf(index: CompactIndex, term: number): number {
  const df = index.documentFrequency[term]!;
  return Math.log(1 + (index.n - df + 0.5) / (df + 0.5));
}

/** A field's BM25 share; `length` is the field's length in the document, in positions. */
function fieldScore(index: CompactIndex, length: number, field: number, tf: number): number {
  const b = B[field]!;
  const norm = 1 - b + (b * length) / index.meta.averageLengths[field]!;
  return (BOOST[field]! * tf * (K1 + 1)) / (tf + K1 * norm);
}

/** Scores every document with the term into the clause. */
export function scoreTerm(
  index: CompactIndex,
  parts: QueryParts,
  term: number,
  weight: number,
  into: ClauseScores,
  fields = ALL_FIELDS,
): void {
  const postings = parts.postings(term);
  const reader = new VarintReader(postings, 0);
  const end = postings.byteLength;
  const termIdf = idf(index, term) * weight;
  const exact = weight >= WEIGHT.alias;
  let doc = -1;
  while (reader.at < end) {
    doc += reader.next();
    let entries = reader.next();
    let score = 0;
    let named = false;
    let dated = false;
    while (entries-- > 0) {
      const field = reader.next();
      const tf = reader.next();
      const length = reader.next();
      if ((fields & (1 << field)) === 0) continue;
      score += fieldScore(index, length, field, tf);
      if (field < NAME_FIELDS) named = true;
      if (field === DATES_FIELD) dated = true;
    }
    if (score > 0) into.add(doc, termIdf * score, named, exact, dated);
  }
}

/** Per document (ascending), per field: the sorted positions where one of some terms stands. */
type Positions = Map<number, Map<number, number[]>>;

/**
 * The field lengths of the documents of `only` where one of the terms stands (key `doc * 16 + field`), from
 * the postings alone: read once the phrase's candidates are known, so only theirs are kept.
 */
function fieldLengthsOf(
  parts: QueryParts,
  terms: readonly number[],
  only: ReadonlyMap<number, unknown>,
): Map<number, number> {
  const lengths = new Map<number, number>();
  for (const term of terms) {
    const postings = parts.postings(term);
    const reader = new VarintReader(postings, 0);
    let doc = -1;
    while (reader.at < postings.byteLength) {
      doc += reader.next();
      const wanted = only.has(doc);
      for (let entries = reader.next(); entries > 0; entries--) {
        const field = reader.next();
        reader.next();
        const length = reader.next();
        if (wanted) lengths.set(doc * 16 + field, length);
      }
    }
  }
  return lengths;
}

/** The documents with any of the terms, and where; only the documents of `only` when given. */
function positionsOf(parts: QueryParts, terms: readonly number[], only?: ReadonlyMap<number, unknown>): Positions {
  const out: Positions = new Map();
  for (const term of terms) {
    const postings = parts.postings(term);
    const reader = new VarintReader(postings, 0);
    const at = new VarintReader(parts.positions(term), 0);
    let doc = -1;
    while (reader.at < postings.byteLength) {
      doc += reader.next();
      let entries = reader.next();
      const positionBytes = at.next();
      if (only !== undefined && !only.has(doc)) {
        at.at += positionBytes;
        while (entries-- > 0) {
          reader.next();
          reader.next();
          reader.next();
        }
        continue;
      }
      let fields = out.get(doc);
      if (fields === undefined) out.set(doc, (fields = new Map<number, number[]>()));
      while (entries-- > 0) {
        const field = reader.next();
        const tf = reader.next();
        reader.next();
        let positions = fields.get(field);
        if (positions === undefined) fields.set(field, (positions = []));
        let position = 0;
        for (let i = 0; i < tf; i++) positions.push((position += at.next()));
      }
    }
  }
  if (terms.length > 1)
    for (const fields of out.values()) for (const positions of fields.values()) positions.sort((a, b) => a - b);
  return out;
}

function binaryIncludes(sorted: readonly number[] | undefined, value: number): boolean {
  if (sorted === undefined) return false;
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid]!;
    if (v === value) return true;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Per slot, the documents where one of its terms stands (and where), decoded only for the documents every slot has. */
function phraseCandidates(index: CompactIndex, parts: QueryParts, slots: readonly number[][]) {
  const frequency = (slot: readonly number[]) => slot.reduce((sum, t) => sum + index.documentFrequency[t]!, 0);
  // The rarest slot first: every other slot is only decoded for its candidates.
  const order = slots.map((_, i) => i).sort((a, b) => frequency(slots[a]!) - frequency(slots[b]!));
  const found = new Array<Positions>(slots.length);
  let candidates: Map<number, unknown> | undefined;
  for (const i of order) {
    const positions = positionsOf(parts, slots[i]!, candidates);
    found[i] = positions;
    if (candidates !== undefined) for (const doc of candidates.keys()) if (!positions.has(doc)) candidates.delete(doc);
    candidates ??= new Map(positions);
    if (candidates.size === 0) return undefined;
  }
  return { found, candidates: candidates!, lengths: fieldLengthsOf(parts, slots[0]!, candidates!) };
}

/** Documents where the slots' terms stand at consecutive positions of one field. */
export function scorePhrase(
  index: CompactIndex,
  parts: QueryParts,
  phrase: PhraseQuery,
  into: ClauseScores,
  fields = ALL_FIELDS,
): void {
  const slots = phrase.slots;
  if (slots.some((s) => s.length === 0)) return;
  const matches = phraseCandidates(index, parts, slots);
  if (matches === undefined) return;
  const { found, candidates, lengths } = matches;
  const phraseIdf = slots.reduce((sum, slot) => sum + Math.max(...slot.map((t) => idf(index, t))), 0) * phrase.weight;
  for (const doc of candidates.keys()) {
    let score = 0;
    let named = false;
    for (const [field, starts] of found[0]!.get(doc)!) {
      if ((fields & (1 << field)) === 0) continue;
      let count = 0;
      for (const start of starts) {
        if (slots.every((_, i) => i === 0 || binaryIncludes(found[i]!.get(doc)!.get(field), start + i))) count++;
      }
      if (count === 0) continue;
      score += fieldScore(index, lengths.get(doc * 16 + field)!, field, count);
      if (field < NAME_FIELDS) named = true;
    }
    if (score > 0) into.add(doc, phraseIdf * score, named, phrase.weight >= WEIGHT.alias);
  }
}
