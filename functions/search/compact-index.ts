/**
 * The stored index as the GraphQL function reads it: views over the stored
 * bytes (no parse of the postings, no copy), and the lookups a query needs:
 * terms, stems, prefixes, near spellings, other names, facets and dates.
 * Scoring reads the postings through the fields it exposes (search-scoring.ts).
 */
import { hasDigit, words, wordSpellings } from '../shared/text-normalization.js';
import { unpackSections, VarintReader } from './search-index-format.js';
import { FIELDS, FORMAT, KINDS, type IndexMeta } from './search-index-layout.js';
import type { SearchKind } from './search-model.js';

/** Levenshtein distance, or `max + 1` as soon as it must exceed `max`. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/** The index of `value` in a sorted list, or -1. */
function binarySearch(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = sorted[mid]!;
    if (at === value) return mid;
    if (at < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** A spelling of a one-word name → the name groups it belongs to. */
function oneWordNames(groups: readonly string[][]): Map<string, number[]> {
  const names = new Map<string, number[]>();
  groups.forEach((group, g) => {
    for (const name of group) {
      const nameWords = words(name);
      if (nameWords.length !== 1) continue;
      for (const spelling of wordSpellings(nameWords[0]!.text)) {
        const list = names.get(spelling) ?? [];
        if (!list.includes(g)) list.push(g);
        names.set(spelling, list);
      }
    }
  });
  return names;
}

export class CompactIndex {
  readonly n: number;
  readonly meta: IndexMeta;
  private readonly kinds: Uint8Array;
  private readonly ids: string;
  private readonly idOffsets: Uint32Array;
  /** Per document, per field (FIELDS order): its length in positions. */
  readonly fieldLengths: Uint16Array;
  private readonly terms: string[];
  /** Term t's postings are `postings[postingOffsets[t] .. postingOffsets[t + 1]]`. */
  readonly postingOffsets: Uint32Array;
  readonly documentFrequency: Uint32Array;
  readonly postings: Uint8Array;
  private readonly stems: string[];
  private readonly stemOffsets: Uint32Array;
  private readonly stemMembers: Uint32Array;
  private readonly facetKeys: string[];
  private readonly facetOffsets: Uint32Array;
  private readonly facetPostings: Uint8Array;
  private readonly dateOffsets: Uint32Array;
  private readonly dates: Int32Array;
  private readonly names: Map<string, number[]>;

  constructor(body: Uint8Array) {
    const sections = unpackSections<IndexMeta>(body);
    this.meta = sections.meta;
    if (this.meta.format !== FORMAT) throw new Error(`search index format ${this.meta.format}, expected ${FORMAT}`);
    this.n = this.meta.docs;
    this.kinds = sections.array('kinds', 'u8');
    this.ids = sections.string('ids');
    this.idOffsets = sections.array('idOffsets', 'u32');
    this.fieldLengths = sections.array('fieldLengths', 'u16');
    this.terms = sections.string('terms').split('\n');
    this.postingOffsets = sections.array('postingOffsets', 'u32');
    this.documentFrequency = sections.array('documentFrequency', 'u32');
    this.postings = sections.array('postings', 'u8');
    this.stems = sections.string('stems').split('\n');
    this.stemOffsets = sections.array('stemOffsets', 'u32');
    this.stemMembers = sections.array('stemMembers', 'u32');
    this.facetKeys = sections.string('facetKeys').split('\n');
    this.facetOffsets = sections.array('facetOffsets', 'u32');
    this.facetPostings = sections.array('facetPostings', 'u8');
    this.dateOffsets = sections.array('dateOffsets', 'u32');
    this.dates = sections.array('dates', 'i32');
    this.names = oneWordNames(this.meta.nameGroups);
  }

  kindOf(doc: number): SearchKind {
    return KINDS[this.kinds[doc]!]!;
  }

  kindCode(doc: number): number {
    return this.kinds[doc]!;
  }

  idOf(doc: number): string {
    return this.ids.slice(this.idOffsets[doc], this.idOffsets[doc + 1]! - 1);
  }

  /** A field's length in a document, in positions. */
  fieldLength(doc: number, field: number): number {
    return this.fieldLengths[doc * FIELDS.length + field]!;
  }

  termId(term: string): number | undefined {
    const t = binarySearch(this.terms, term);
    return t === -1 ? undefined : t;
  }

  termText(term: number): string {
    return this.terms[term]!;
  }

  private lowerBound(value: string): number {
    let lo = 0;
    let hi = this.terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.terms[mid]! < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Terms with this stem (the term's own included). */
  sameStem(stem: string): number[] {
    const s = binarySearch(this.stems, stem);
    return s === -1 ? [] : [...this.stemMembers.subarray(this.stemOffsets[s], this.stemOffsets[s + 1])];
  }

  /** The most frequent terms starting with `prefix`. */
  withPrefix(prefix: string, limit: number): number[] {
    const out: number[] = [];
    for (let t = this.lowerBound(prefix); t < this.terms.length && this.terms[t]!.startsWith(prefix); t++) out.push(t);
    return out.sort((a, b) => this.documentFrequency[b]! - this.documentFrequency[a]!).slice(0, limit);
  }

  /** Terms within `max` edits of `term`, closest and then most frequent first. */
  near(term: string, max: number, limit: number): { term: number; distance: number }[] {
    const out: { term: number; distance: number }[] = [];
    this.terms.forEach((candidate, t) => {
      if (hasDigit(candidate)) return;
      const distance = editDistance(term, candidate, max);
      if (distance > 0 && distance <= max) out.push({ term: t, distance });
    });
    return out
      .sort((a, b) => a.distance - b.distance || this.documentFrequency[b.term]! - this.documentFrequency[a.term]!)
      .slice(0, limit);
  }

  /** The other names of the entities one of these spellings names: single words, and phrases of several. */
  otherNames(spellings: readonly string[]): { words: string[]; phrases: string[][][] } {
    const groups = new Set(spellings.flatMap((s) => this.names.get(s) ?? []));
    const single = new Set<string>();
    const phrases: string[][][] = [];
    for (const g of groups) {
      for (const name of this.meta.nameGroups[g]!) {
        const nameWords = words(name);
        if (nameWords.length === 1) for (const s of wordSpellings(nameWords[0]!.text)) single.add(s);
        else if (nameWords.length > 1) {
          const slots = nameWords.map((w) => wordSpellings(w.text));
          // A longer name that contains the word itself adds nothing ("Ilham Aliyev" for "Aliyev").
          if (!slots.some((slot) => slot.some((s) => spellings.includes(s)))) phrases.push(slots);
        }
      }
    }
    for (const s of spellings) single.delete(s);
    return { words: [...single], phrases };
  }

  /** Documents with this facet value, as a mark per document. */
  facet(key: string, marks: Uint8Array): void {
    const k = binarySearch(this.facetKeys, key);
    if (k === -1) return;
    const reader = new VarintReader(this.facetPostings, this.facetOffsets[k]!);
    const end = this.facetOffsets[k + 1]!;
    let doc = -1;
    while (reader.at < end) marks[(doc += reader.next())]! += 1;
  }

  /** Whether the document has any date. */
  hasDates(doc: number): boolean {
    return this.dateOffsets[doc + 1]! > this.dateOffsets[doc]!;
  }

  /** Whether any of the document's day ranges overlaps [from, to]. */
  overlaps(doc: number, from: number, to: number): boolean {
    for (let i = this.dateOffsets[doc]!; i < this.dateOffsets[doc + 1]!; i += 2) {
      if (this.dates[i + 1]! >= from && this.dates[i]! <= to) return true;
    }
    return false;
  }
}
