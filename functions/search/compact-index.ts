/**
 * The stored index as the GraphQL function reads it: the head (term
 * dictionary, stems, names, block tables), read first, and the lookups a
 * query plans with (terms, stems, prefixes, near spellings, other names);
 * then, per query, the parts it needs fetched by byte range in one round and
 * cached while the instance lives (postings, positions for phrases, facet
 * blocks, dates), and the ids of the hits a page shows. Scoring reads the
 * parts through search-scoring.ts.
 */
import { hasDigit, words, wordSpellings } from '../shared/text-normalization.js';
import { PartCache } from './part-cache.js';
import type { ByteRange, RangeReader } from './range-reader.js';
import { PREFIX_BYTES, readPrefix, unpackSections, VarintReader } from './search-index-format.js';
import {
  FIRST_READ_BYTES,
  FORMAT,
  FORMAT_NUMBER,
  IDS_PER_BLOCK,
  KINDS,
  type IndexMeta,
  type Region,
} from './search-index-layout.js';
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

/** What a query reads beyond the head: postings of terms, positions of the terms of phrases, facets, dates. */
export interface PartNeeds {
  terms: ReadonlySet<number>;
  positions: ReadonlySet<number>;
  facets: readonly string[];
  dates: boolean;
}

/** Per document, its day ranges: `dates[offsets[d] .. offsets[d + 1]]`, start and end pairs. */
interface DateRanges {
  offsets: Uint32Array;
  dates: Int32Array;
}

const EMPTY = new Uint8Array(0);
const decoder = new TextDecoder();

/** The parts one query reads, held for as long as it runs (the cache may drop them meanwhile). */
export class QueryParts {
  constructor(
    private readonly postingBlocks: ReadonlyMap<number, Uint8Array>,
    private readonly positionBlocks: ReadonlyMap<number, Uint8Array>,
    private readonly facetDocs: ReadonlyMap<string, Uint8Array>,
    private readonly dateRanges: DateRanges | undefined,
  ) {}

  /** A term's postings: per document, its delta, entries, then per entry: field, term frequency, field length. */
  postings(term: number): Uint8Array {
    return this.postingBlocks.get(term) ?? EMPTY;
  }

  /** A term's positions, per document of its postings in order: their byte length, then per field `tf` deltas. */
  positions(term: number): Uint8Array {
    return this.positionBlocks.get(term) ?? EMPTY;
  }

  /** Documents with this facet value, as a mark per document. */
  facet(key: string, marks: Uint8Array): void {
    const list = this.facetDocs.get(key);
    if (list === undefined) return;
    const reader = new VarintReader(list, 0);
    let doc = -1;
    while (reader.at < list.byteLength) marks[(doc += reader.next())]! += 1;
  }

  /** Whether the document has any date (only when the query asked for dates). */
  hasDates(doc: number): boolean {
    const { offsets } = this.dateRanges!;
    return offsets[doc + 1]! > offsets[doc]!;
  }

  /** Whether any of the document's day ranges overlaps [from, to] (only when the query asked for dates). */
  overlaps(doc: number, from: number, to: number): boolean {
    const { offsets, dates } = this.dateRanges!;
    for (let i = offsets[doc]!; i < offsets[doc + 1]!; i += 2) {
      if (dates[i + 1]! >= from && dates[i]! <= to) return true;
    }
    return false;
  }
}

/** Parts by kind: a cache key is the kind and the part's number (term, block) in one number. */
const POSTINGS = 0;
const POSITIONS = 1;
const FACETS = 2;
const DATES = 3;
const IDS = 4;
const partKey = (kind: number, n: number) => kind * 2 ** 32 + n;

/** A part a query wants: its cache key, where it is, and how its bytes become what is cached. */
interface Want {
  key: number;
  range: ByteRange;
  decode?: (bytes: Uint8Array) => unknown;
}

/** An ids block: its ids in order. */
const idBlock = (bytes: Uint8Array) => decoder.decode(bytes).split('\n');

/** Typed views need aligned offsets: bytes that do not start on one are copied once. */
const aligned = (bytes: Uint8Array) => (bytes.byteOffset % 8 === 0 ? bytes : bytes.slice());

/** A facet block's keys, each with its document list (still as deltas). */
function facetBlock(block: Uint8Array): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  const reader = new VarintReader(block, 0);
  while (reader.at < block.byteLength) {
    const keyBytes = reader.next();
    const key = decoder.decode(block.subarray(reader.at, reader.at + keyBytes));
    reader.at += keyBytes;
    const count = reader.next();
    const start = reader.at;
    for (let left = count; left > 0; left--) reader.next();
    out.set(key, block.subarray(start, reader.at));
  }
  return out;
}

export class CompactIndex {
  readonly n: number;
  readonly meta: IndexMeta;
  /** Bytes of the head (what the first read must cover). */
  readonly headBytes: number;
  private readonly terms: string[];
  private readonly postingStarts: Uint32Array;
  private readonly positionStarts: Uint32Array;
  readonly documentFrequency: Uint32Array;
  private readonly stems: string[];
  private readonly stemOffsets: Uint32Array;
  private readonly stemMembers: Uint32Array;
  private readonly facetFirstKeys: string[];
  private readonly facetBlockStarts: Uint32Array;
  private readonly idBlockStarts: Uint32Array;
  private readonly names: Map<string, number[]>;
  /** Per item its kind code, from the kind ranges (a byte an item: ranking asks for it per hit). */
  private readonly kinds: Uint8Array;
  private readonly cache: PartCache;

  /** Reads the head (one request, two when it is longer than the first read); undefined when there is no object. */
  static async open(reader: RangeReader, cacheBytes?: number): Promise<CompactIndex | undefined> {
    const first = await reader.open(FIRST_READ_BYTES);
    if (first === undefined) return undefined;
    const { headBytes } = readPrefix(first, FORMAT_NUMBER);
    let head = first.subarray(0, headBytes);
    if (head.byteLength < headBytes) {
      const [rest] = await reader.fetch([{ start: first.byteLength, end: headBytes }]);
      head = new Uint8Array(headBytes);
      head.set(first, 0);
      head.set(rest!, first.byteLength);
    }
    return new CompactIndex(head, reader, cacheBytes);
  }

  private constructor(
    head: Uint8Array,
    private readonly reader: RangeReader,
    cacheBytes?: number,
  ) {
    const sections = unpackSections<IndexMeta>(aligned(head.subarray(PREFIX_BYTES)));
    this.meta = sections.meta;
    if (this.meta.format !== FORMAT) throw new Error(`search index format ${this.meta.format}, expected ${FORMAT}`);
    this.headBytes = head.byteLength;
    this.n = this.meta.docs;
    this.terms = sections.string('terms').split('\n');
    this.postingStarts = sections.array('postingStarts', 'u32');
    this.positionStarts = sections.array('positionStarts', 'u32');
    this.documentFrequency = sections.array('documentFrequency', 'u32');
    this.stems = sections.string('stems').split('\n');
    this.stemOffsets = sections.array('stemOffsets', 'u32');
    this.stemMembers = sections.array('stemMembers', 'u32');
    this.facetFirstKeys = sections.string('facetFirstKeys').split('\n');
    this.facetBlockStarts = sections.array('facetBlockStarts', 'u32');
    this.idBlockStarts = sections.array('idBlockStarts', 'u32');
    this.names = oneWordNames(this.meta.nameGroups);
    this.kinds = new Uint8Array(this.n);
    this.meta.kindStarts.slice(0, -1).forEach((start, k) => {
      this.kinds.fill(k, start, this.meta.kindStarts[k + 1]);
    });
    this.cache = new PartCache(cacheBytes);
  }

  /** What this index has read so far. */
  get reads() {
    return this.reader.stats;
  }

  kindCode(doc: number): number {
    return this.kinds[doc]!;
  }

  kindOf(doc: number): SearchKind {
    return KINDS[this.kindCode(doc)]!;
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

  /** A byte range of a region, from offsets within it. */
  private range(region: Region, start: number, end: number): ByteRange {
    const at = this.headBytes + region.offset;
    return { start: at + start, end: at + end };
  }

  /** The block a facet key is in, if anywhere: the last whose first key is not after it. */
  private facetBlockOf(key: string): number {
    let lo = 0;
    let hi = this.facetFirstKeys.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.facetFirstKeys[mid]! <= key) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /**
   * Each wanted part (in order) from the cache, or read (all the missing ones in one round of parallel
   * requests), decoded and cached. Taken from the cache before anything is added to it, so what a query
   * uses is never dropped under it.
   */
  private async parts(wanted: readonly Want[]): Promise<unknown[]> {
    const values = new Array<unknown>(wanted.length);
    // Key → the places in `wanted` that want it, for the parts not cached.
    const missing = new Map<number, number[]>();
    wanted.forEach((w, i) => {
      const pending = missing.get(w.key);
      if (pending !== undefined) pending.push(i);
      else {
        const value = this.cache.get(w.key);
        if (value !== undefined) values[i] = value;
        else missing.set(w.key, [i]);
      }
    });
    if (missing.size === 0) return values;
    const reads = [...missing.values()];
    const bodies = await this.reader.fetch(reads.map((places) => wanted[places[0]!]!.range));
    reads.forEach((places, r) => {
      const w = wanted[places[0]!]!;
      const body = bodies[r]!;
      const value = w.decode === undefined ? body : w.decode(body);
      this.cache.set(w.key, value, body.byteLength);
      for (const i of places) values[i] = value;
    });
    return values;
  }

  /** The parts a query needs, from the cache or read in one round of parallel requests. */
  async load(needs: PartNeeds): Promise<QueryParts> {
    const { regions } = this.meta;
    const terms = [...needs.terms];
    const positionTerms = [...needs.positions];
    // An index with no facet at all has no block to look in.
    const facetBlocks = this.facetBlockStarts.length < 2 ? [] : needs.facets.map((key) => this.facetBlockOf(key));
    const wanted: Want[] = [
      ...terms.map((t) => ({
        key: partKey(POSTINGS, t),
        range: this.range(regions.postings, this.postingStarts[t]!, this.postingStarts[t + 1]!),
      })),
      ...positionTerms.map((t) => ({
        key: partKey(POSITIONS, t),
        range: this.range(regions.positions, this.positionStarts[t]!, this.positionStarts[t + 1]!),
      })),
      ...facetBlocks.map((b) => ({
        key: partKey(FACETS, b),
        range: this.range(regions.facets, this.facetBlockStarts[b]!, this.facetBlockStarts[b + 1]!),
        decode: facetBlock,
      })),
      ...(needs.dates
        ? [
            {
              key: partKey(DATES, 0),
              range: this.range(regions.dates, 0, regions.dates.bytes),
              decode: this.decodeDates,
            },
          ]
        : []),
    ];
    const values = await this.parts(wanted);
    let at = 0;
    const postings = new Map(terms.map((t) => [t, values[at++] as Uint8Array]));
    const positions = new Map(positionTerms.map((t) => [t, values[at++] as Uint8Array]));
    const facetDocs = new Map<string, Uint8Array>();
    for (const key of needs.facets.slice(0, facetBlocks.length)) {
      const list = (values[at++] as Map<string, Uint8Array>).get(key);
      if (list !== undefined) facetDocs.set(key, list);
    }
    return new QueryParts(postings, positions, facetDocs, needs.dates ? (values[at] as DateRanges) : undefined);
  }

  private readonly decodeDates = (bytes: Uint8Array): DateRanges => {
    const copy = aligned(bytes);
    const split = this.meta.dateOffsetsBytes;
    return {
      offsets: new Uint32Array(copy.buffer, copy.byteOffset, split / 4),
      dates: new Int32Array(copy.buffer, copy.byteOffset + split, (copy.byteLength - split) / 4),
    };
  };

  /** The ids of these documents: the blocks they are in, from the cache or read in one round. */
  async ids(docs: readonly number[]): Promise<string[]> {
    const blocks = [...new Set(docs.map((d) => Math.floor(d / IDS_PER_BLOCK)))];
    const values = await this.parts(
      blocks.map((b) => ({
        key: partKey(IDS, b),
        range: this.range(this.meta.regions.ids, this.idBlockStarts[b]!, this.idBlockStarts[b + 1]!),
        decode: idBlock,
      })),
    );
    const byBlock = new Map(blocks.map((b, i) => [b, values[i] as string[]]));
    return docs.map((d) => byBlock.get(Math.floor(d / IDS_PER_BLOCK))![d % IDS_PER_BLOCK]!);
  }
}
