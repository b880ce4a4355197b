/**
 * The search index: a compact inverted index over the items the seed refresh
 * wrote. Built by the refresh, stored as bytes in a SearchIndexStore, loaded
 * by the GraphQL function on its first search (through a dynamic import, see
 * search-index-cache.ts). docs/search.md describes the format and the ranking.
 */
import { createHash } from 'node:crypto';
import type { ClaimItem, DocumentItem, EventItem, SubjectItem } from '../data/items.js';
import { isDayRange, parsePartialDate } from '../shared/dates.js';
import { hasDigit, words, wordSpellings } from '../shared/text-normalization.js';
import type { ParsedQuery, QueryTerm, QueryWord } from './query-syntax.js';
import { packSections, unpackSections, VarintWriter } from './search-index-format.js';
import type {
  HighlightTerms,
  IndexedKind,
  SearchFilters,
  SearchIndex,
  SearchKind,
  SearchMatch,
  SearchResults,
  StoredSearchIndex,
} from './search-model.js';
import { analyze, stemOf } from './text-analysis.js';

/**
 * Bump when the fields, boosts, analysis or byte layout change: it is part of
 * the content hash, so the next refresh rebuilds an index the code can no longer read.
 */
const FORMAT = 'search-index-v3';

/** What the index is built from: the entity items of the four tables (organizations and places live with people). */
export type SearchableItem = DocumentItem | SubjectItem | EventItem | ClaimItem;

/**
 * The kinds the API returns. When SearchType gains ORGANIZATION and PLACE,
 * the compiler asks for them here: adding `ORGANIZATION: true, PLACE: true`
 * is what makes their hits returned (they are indexed already).
 */
const SERVED: Record<SearchKind, true> = {
  PERSON: true,
  ORGANIZATION: true,
  PLACE: true,
  EVENT: true,
  DOCUMENT: true,
  CLAIM: true,
};

/** Index kind codes; also the order of equal scores: entities, then events, documents, claims. */
const KINDS: readonly IndexedKind[] = ['PERSON', 'ORGANIZATION', 'PLACE', 'EVENT', 'DOCUMENT', 'CLAIM'];
const KIND_CODE = new Map(KINDS.map((k, i) => [k, i]));
const ENTITY_KINDS = new Set<IndexedKind>(['PERSON', 'ORGANIZATION', 'PLACE']);

/** Indexed fields, by number. Document text and claim text are separate: their lengths and weights differ. */
const FIELDS = ['name', 'aliases', 'title', 'description', 'claimText', 'quote', 'documentText'] as const;
type IndexField = (typeof FIELDS)[number];
/** Fields that name an entity: a match there is "the query names this entity". */
const NAME_FIELDS = 2;

/**
 * What an item is called outweighs what it says, and what it says outweighs
 * passing mentions in a long text (document text counts half: an article
 * mentions everything, the claim or event that says it is the better answer;
 * tuned on the relevance set).
 */
const BOOST: readonly number[] = [6, 5, 4, 1.5, 2, 1.5, 0.5];
const K1 = 1.2;
const B = 0.7;
/** Positions between alias entries, so a phrase never spans two aliases. */
const ALIAS_GAP = 16;

/** How much a match through each kind of expansion of a query word counts. */
const WEIGHT = { exact: 1, alias: 0.9, stem: 0.45, prefix: 0.5, fuzzy1: 0.45, fuzzy2: 0.3 } as const;
const MAX_PREFIX_TERMS = 50;
const MAX_FUZZY_TERMS = 30;

interface IndexedDoc {
  kind: IndexedKind;
  id: string;
  fields: Partial<Record<IndexField, string | string[]>>;
  /** Filter values: `d:` document, `s:` speaker, `a:` about. */
  facets: string[];
  /** Day ranges as YYYYMMDD numbers. */
  dates: [number, number][];
}

const dayNumber = (day: string) => Number(day.replaceAll('-', ''));

function rangeOf(date: string | null | undefined): [number, number][] {
  if (date === null || date === undefined) return [];
  const range = parsePartialDate(date);
  return isDayRange(range) ? [[dayNumber(range.start), dayNumber(range.end)]] : [];
}

const optional = (field: IndexField, value: string | null): Partial<Record<IndexField, string>> =>
  value === null ? {} : { [field]: value };

/**
 * What is indexed of each item, filters included. A claim's dates are those
 * of the events it is about (its document's publication date when it has
 * none); a document's is its publication date; an event's, its date.
 */
function indexedDocs(items: readonly SearchableItem[]): IndexedDoc[] {
  const eventDates = new Map<string, string>();
  const published = new Map<string, string | null>();
  for (const item of items) {
    if (item.kind === 'EVENT') eventDates.set(item.id, item.date);
    if (item.kind === 'DOCUMENT') published.set(item.id, item.publishedOn);
  }
  const docs = items.map((item): IndexedDoc => {
    switch (item.kind) {
      case 'DOCUMENT':
        return {
          kind: item.kind,
          id: item.id,
          fields: { title: item.title, documentText: item.text },
          facets: [
            `d:${item.id}`,
            ...[...item.personIds, ...item.organizationIds, ...item.placeIds].map((id) => `a:${id}`),
          ],
          dates: rangeOf(item.publishedOn),
        };
      case 'PERSON':
      case 'ORGANIZATION':
      case 'PLACE':
        return {
          kind: item.kind,
          id: item.id,
          fields: { name: item.name, aliases: item.aliases, ...optional('description', item.description) },
          facets:
            item.kind === 'PERSON'
              ? [...new Set([...item.mentionedInIds, ...item.authoredIds])].map((id) => `d:${id}`)
              : [],
          dates: [],
        };
      case 'EVENT':
        return {
          kind: item.kind,
          id: item.id,
          fields: { title: item.title, aliases: item.aliases, ...optional('description', item.description) },
          facets: [
            ...item.documentIds.map((id) => `d:${id}`),
            ...[...item.participantIds, ...item.placeIds].map((id) => `a:${id}`),
          ],
          dates: rangeOf(item.date),
        };
      case 'CLAIM': {
        const dates = item.eventIds.flatMap((id) => rangeOf(eventDates.get(id)));
        return {
          kind: item.kind,
          id: item.id,
          fields: { claimText: item.text, quote: item.quote },
          facets: [
            `d:${item.documentId}`,
            ...(item.speakerId === undefined ? [] : [`s:${item.speakerId}`]),
            ...item.aboutIds.map((id) => `a:${id}`),
          ],
          dates: dates.length > 0 ? dates : rangeOf(published.get(item.documentId)),
        };
      }
    }
  });
  // Document numbers in the order equal scores are listed: kind, then id.
  return docs.sort(
    (a, b) => KIND_CODE.get(a.kind)! - KIND_CODE.get(b.kind)! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** Names that mean the same thing: each person's, organization's and place's name and aliases. */
function nameGroups(items: readonly SearchableItem[]): string[][] {
  const groups = new Map<string, string[]>();
  const add = (names: readonly string[]) => {
    const unique = [...new Set(names)];
    if (unique.length > 1) groups.set(unique.join('\n'), unique);
  };
  for (const item of items)
    if (item.kind === 'PERSON' || item.kind === 'ORGANIZATION' || item.kind === 'PLACE')
      add([item.name, ...item.aliases]);
  return [...groups.values()];
}

/**
 * Content hash of the index built from these items: only what is indexed (and
 * the index format) counts, so a refresh that changes nothing searchable
 * leaves the stored index alone.
 */
export function searchIndexHash(items: readonly SearchableItem[]): string {
  const hash = createHash('sha256').update(FORMAT);
  for (const doc of indexedDocs(items)) hash.update('\u0000').update(JSON.stringify(doc));
  hash.update('\u0000').update(JSON.stringify(nameGroups(items)));
  return hash.digest('base64url').slice(0, 32);
}

interface IndexMeta {
  format: string;
  docs: number;
  fields: readonly string[];
  averageLengths: number[];
  nameGroups: string[][];
}

/** Strings joined by line breaks (none of them has one: they are folded words and ids). */
function joinLines(values: readonly string[]): { blob: string; offsets: Uint32Array } {
  const offsets = new Uint32Array(values.length + 1);
  let at = 0;
  values.forEach((v, i) => {
    offsets[i] = at;
    at += v.length + 1;
  });
  offsets[values.length] = at;
  return { blob: values.join('\n'), offsets };
}

export function buildSearchIndex(items: readonly SearchableItem[]): StoredSearchIndex {
  const docs = indexedDocs(items);
  const n = docs.length;
  const fieldLengths = new Uint16Array(n * FIELDS.length);
  const lengthSums = new Array<number>(FIELDS.length).fill(0);
  const lengthCounts = new Array<number>(FIELDS.length).fill(0);

  const termIds = new Map<string, number>();
  const postings: VarintWriter[] = [];
  const lastDoc: number[] = [];
  const df: number[] = [];
  const positionBytes = new VarintWriter();

  docs.forEach((doc, d) => {
    // term → per field (in field order): positions.
    const local = new Map<number, { field: number; positions: number[] }[]>();
    FIELDS.forEach((field, f) => {
      const value = doc.fields[field];
      if (value === undefined) return;
      let position = 0;
      let length = 0;
      for (const text of typeof value === 'string' ? [value] : value) {
        const { tokens, next } = analyze(text, position);
        length += next - position;
        position = next + ALIAS_GAP;
        for (const token of tokens) {
          let id = termIds.get(token.term);
          if (id === undefined) {
            id = postings.length;
            termIds.set(token.term, id);
            postings.push(new VarintWriter());
            lastDoc.push(-1);
            df.push(0);
          }
          let entries = local.get(id);
          if (entries === undefined) local.set(id, (entries = []));
          let entry = entries.at(-1);
          if (entry?.field !== f) entries.push((entry = { field: f, positions: [] }));
          entry.positions.push(token.position);
        }
      }
      fieldLengths[d * FIELDS.length + f] = Math.min(length, 0xffff);
      lengthSums[f]! += length;
      lengthCounts[f]! += 1;
    });
    for (const [id, entries] of local) {
      const out = postings[id]!;
      out.write(d - lastDoc[id]!);
      lastDoc[id] = d;
      df[id]! += 1;
      out.write(entries.length);
      for (const { field, positions } of entries) {
        positions.sort((a, b) => a - b);
        positionBytes.length = 0;
        let previous = 0;
        for (const p of positions) {
          positionBytes.write(p - previous);
          previous = p;
        }
        out.write(field);
        out.write(positions.length);
        out.write(positionBytes.length);
        out.append(positionBytes);
      }
    }
  });

  // The vocabulary in code-unit order, so a lookup is a binary search and a prefix a contiguous range.
  const vocabulary = [...termIds.keys()].sort();
  const allPostings = new VarintWriter();
  const postingOffsets = new Uint32Array(vocabulary.length + 1);
  const documentFrequency = new Uint32Array(vocabulary.length);
  const stemOfTerm = vocabulary.map(stemOf);
  const stems = [...new Set(stemOfTerm)].sort();
  const stemIds = new Map(stems.map((s, i) => [s, i]));
  const termStem = new Uint32Array(vocabulary.length);
  vocabulary.forEach((term, t) => {
    const id = termIds.get(term)!;
    postingOffsets[t] = allPostings.length;
    allPostings.append(postings[id]!);
    documentFrequency[t] = df[id]!;
    termStem[t] = stemIds.get(stemOfTerm[t]!)!;
  });
  postingOffsets[vocabulary.length] = allPostings.length;
  // Stem → its terms, as offsets into one member list.
  const members: number[][] = stems.map(() => []);
  termStem.forEach((s, t) => members[s]!.push(t));
  const stemOffsets = new Uint32Array(stems.length + 1);
  stemOffsets[stems.length] = members.reduce((sum, m, s) => ((stemOffsets[s] = sum), sum + m.length), 0);
  const stemMembers = Uint32Array.from(members.flat());

  // Filters: one posting list of document numbers per facet value, and the day ranges of each item.
  const facetDocs = new Map<string, number[]>();
  docs.forEach((doc, d) => {
    for (const facet of new Set(doc.facets)) {
      let list = facetDocs.get(facet);
      if (list === undefined) facetDocs.set(facet, (list = []));
      list.push(d);
    }
  });
  const facetKeys = [...facetDocs.keys()].sort();
  const facetPostings = new VarintWriter();
  const facetOffsets = new Uint32Array(facetKeys.length + 1);
  facetKeys.forEach((key, k) => {
    facetOffsets[k] = facetPostings.length;
    let previous = -1;
    for (const d of facetDocs.get(key)!) {
      facetPostings.write(d - previous);
      previous = d;
    }
  });
  facetOffsets[facetKeys.length] = facetPostings.length;
  const dateOffsets = new Uint32Array(n + 1);
  const dates = new Int32Array(docs.reduce((sum, doc) => sum + doc.dates.length * 2, 0));
  let at = 0;
  docs.forEach((doc, d) => {
    dateOffsets[d] = at;
    for (const [start, end] of doc.dates) {
      dates[at++] = start;
      dates[at++] = end;
    }
  });
  dateOffsets[n] = at;

  const ids = joinLines(docs.map((doc) => doc.id));
  const meta: IndexMeta = {
    format: FORMAT,
    docs: n,
    fields: FIELDS,
    averageLengths: lengthSums.map((sum, f) => (lengthCounts[f]! === 0 ? 1 : sum / lengthCounts[f]!)),
    nameGroups: nameGroups(items),
  };
  const body = packSections(meta, {
    kinds: Uint8Array.from(docs, (doc) => KIND_CODE.get(doc.kind)!),
    ids: ids.blob,
    idOffsets: ids.offsets,
    fieldLengths,
    terms: vocabulary.join('\n'),
    postingOffsets,
    documentFrequency,
    postings: allPostings.view(),
    stems: stems.join('\n'),
    termStem,
    stemOffsets,
    stemMembers,
    facetKeys: facetKeys.join('\n'),
    facetOffsets,
    facetPostings: facetPostings.view(),
    dateOffsets,
    dates,
  });
  return { hash: searchIndexHash(items), body };
}

/** Reads unsigned LEB128 varints from a byte array. */
class VarintReader {
  constructor(
    private readonly bytes: Uint8Array,
    public at: number,
  ) {}

  next(): number {
    let byte = this.bytes[this.at++]!;
    let value = byte & 0x7f;
    let shift = 7;
    while (byte & 0x80) {
      byte = this.bytes[this.at++]!;
      value |= (byte & 0x7f) << shift;
      shift += 7;
    }
    return value >>> 0;
  }
}

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

/** One way a query word matches an index term. */
interface Expansion {
  term: number;
  weight: number;
}

/** A phrase to match: per position, the index terms that may stand there. */
interface PhraseQuery {
  slots: number[][];
  weight: number;
  /** A quoted phrase is highlighted as one span; the phrases a word expands to (aliases, compound parts) word by word. */
  quoted: boolean;
}

/** A clause as the index evaluates it: its terms' expansions and phrases; any of them matching is enough. */
interface ClausePlan {
  expansions: Expansion[];
  phrases: PhraseQuery[];
}

/** Per clause, per document: bit 1 matched, bit 2 matched in a name field, bit 4 matched by a word as typed (not a stem, misspelling or prefix). */
const MATCHED = 1;
const NAMED = 2;
const EXACT = 4;

class ClauseScores {
  readonly score: Float32Array;
  readonly flags: Uint8Array;
  readonly touched: number[] = [];

  constructor(n: number) {
    this.score = new Float32Array(n);
    this.flags = new Uint8Array(n);
  }

  add(doc: number, score: number, named: boolean, exact: boolean): void {
    if (this.flags[doc] === 0) this.touched.push(doc);
    if (score > this.score[doc]!) this.score[doc] = score;
    this.flags[doc]! |= MATCHED | (named ? NAMED : 0) | (exact ? EXACT : 0);
  }
}

class CompactIndex {
  readonly n: number;
  private readonly meta: IndexMeta;
  private readonly kinds: Uint8Array;
  private readonly ids: string;
  private readonly idOffsets: Uint32Array;
  private readonly fieldLengths: Uint16Array;
  private readonly terms: string[];
  private readonly postingOffsets: Uint32Array;
  private readonly documentFrequency: Uint32Array;
  private readonly postings: Uint8Array;
  private readonly stems: string[];
  private readonly termStem: Uint32Array;
  private readonly stemOffsets: Uint32Array;
  private readonly stemMembers: Uint32Array;
  private readonly facetKeys: string[];
  private readonly facetOffsets: Uint32Array;
  private readonly facetPostings: Uint8Array;
  private readonly dateOffsets: Uint32Array;
  private readonly dates: Int32Array;
  /** A spelling of a one-word name → the name groups it belongs to. */
  private readonly names = new Map<string, number[]>();

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
    this.termStem = sections.array('termStem', 'u32');
    this.stemOffsets = sections.array('stemOffsets', 'u32');
    this.stemMembers = sections.array('stemMembers', 'u32');
    this.facetKeys = sections.string('facetKeys').split('\n');
    this.facetOffsets = sections.array('facetOffsets', 'u32');
    this.facetPostings = sections.array('facetPostings', 'u8');
    this.dateOffsets = sections.array('dateOffsets', 'u32');
    this.dates = sections.array('dates', 'i32');
    this.meta.nameGroups.forEach((group, g) => {
      for (const name of group) {
        const nameWords = words(name);
        if (nameWords.length !== 1) continue;
        for (const spelling of wordSpellings(nameWords[0]!.text)) {
          const list = this.names.get(spelling) ?? [];
          if (!list.includes(g)) list.push(g);
          this.names.set(spelling, list);
        }
      }
    });
  }

  kindOf(doc: number): IndexedKind {
    return KINDS[this.kinds[doc]!]!;
  }

  kindCode(doc: number): number {
    return this.kinds[doc]!;
  }

  idOf(doc: number): string {
    return this.ids.slice(this.idOffsets[doc], this.idOffsets[doc + 1]! - 1);
  }

  termId(term: string): number | undefined {
    let lo = 0;
    let hi = this.terms.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const value = this.terms[mid]!;
      if (value === term) return mid;
      if (value < term) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
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

  private idf(term: number): number {
    const df = this.documentFrequency[term]!;
    return Math.log(1 + (this.n - df + 0.5) / (df + 0.5));
  }

  private fieldScore(doc: number, field: number, tf: number): number {
    const length = this.fieldLengths[doc * FIELDS.length + field]!;
    const norm = 1 - B + (B * length) / this.meta.averageLengths[field]!;
    return (BOOST[field]! * tf * (K1 + 1)) / (tf + K1 * norm);
  }

  /** Scores every document with the term into the clause. */
  scoreTerm(term: number, weight: number, into: ClauseScores): void {
    const reader = new VarintReader(this.postings, this.postingOffsets[term]!);
    const end = this.postingOffsets[term + 1]!;
    const idf = this.idf(term) * weight;
    const exact = weight >= WEIGHT.alias;
    let doc = -1;
    while (reader.at < end) {
      doc += reader.next();
      let entries = reader.next();
      let score = 0;
      let named = false;
      while (entries-- > 0) {
        const field = reader.next();
        const tf = reader.next();
        // Not `reader.at += reader.next()`: that reads `at` before next() moves it.
        const bytes = reader.next();
        reader.at += bytes;
        score += this.fieldScore(doc, field, tf);
        if (field < NAME_FIELDS) named = true;
      }
      into.add(doc, idf * score, named, exact);
    }
  }

  /** The documents (ascending) with any of the terms, and where: doc → field → sorted positions. */
  private positionsOf(
    terms: readonly number[],
    only?: ReadonlyMap<number, unknown>,
  ): Map<number, Map<number, number[]>> {
    const out = new Map<number, Map<number, number[]>>();
    for (const term of terms) {
      const reader = new VarintReader(this.postings, this.postingOffsets[term]!);
      const end = this.postingOffsets[term + 1]!;
      let doc = -1;
      while (reader.at < end) {
        doc += reader.next();
        let entries = reader.next();
        const wanted = only === undefined || only.has(doc);
        while (entries-- > 0) {
          const field = reader.next();
          const tf = reader.next();
          const bytes = reader.next();
          if (!wanted) {
            reader.at += bytes;
            continue;
          }
          let fields = out.get(doc);
          if (fields === undefined) out.set(doc, (fields = new Map<number, number[]>()));
          let positions = fields.get(field);
          if (positions === undefined) fields.set(field, (positions = []));
          let position = 0;
          for (let i = 0; i < tf; i++) positions.push((position += reader.next()));
        }
      }
    }
    if (terms.length > 1)
      for (const fields of out.values()) for (const positions of fields.values()) positions.sort((a, b) => a - b);
    return out;
  }

  /** Documents where the slots' terms stand at consecutive positions of one field. */
  scorePhrase(phrase: PhraseQuery, into: ClauseScores): void {
    const slots = phrase.slots;
    if (slots.some((s) => s.length === 0)) return;
    const frequency = (slot: readonly number[]) => slot.reduce((sum, t) => sum + this.documentFrequency[t]!, 0);
    // The rarest slot first: every other slot is only decoded for its candidates.
    const order = slots.map((_, i) => i).sort((a, b) => frequency(slots[a]!) - frequency(slots[b]!));
    const found = new Array<Map<number, Map<number, number[]>>>(slots.length);
    let candidates: Map<number, unknown> | undefined;
    for (const i of order) {
      const positions = this.positionsOf(slots[i]!, candidates);
      found[i] = positions;
      if (candidates !== undefined)
        for (const doc of candidates.keys()) if (!positions.has(doc)) candidates.delete(doc);
      candidates ??= new Map(positions);
      if (candidates.size === 0) return;
    }
    const idf = slots.reduce((sum, slot) => sum + Math.max(...slot.map((t) => this.idf(t))), 0) * phrase.weight;
    for (const doc of candidates!.keys()) {
      let score = 0;
      let named = false;
      for (const [field, starts] of found[0]!.get(doc)!) {
        let count = 0;
        for (const start of starts) {
          if (slots.every((_, i) => i === 0 || binaryIncludes(found[i]!.get(doc)!.get(field), start + i))) count++;
        }
        if (count === 0) continue;
        score += this.fieldScore(doc, field, count);
        if (field < NAME_FIELDS) named = true;
      }
      if (score > 0) into.add(doc, idf * score, named, phrase.weight >= WEIGHT.alias);
    }
  }

  /** Terms with this stem (the term's own included). */
  sameStem(stem: string): number[] {
    let lo = 0;
    let hi = this.stems.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const value = this.stems[mid]!;
      if (value === stem) return [...this.stemMembers.subarray(this.stemOffsets[mid], this.stemOffsets[mid + 1])];
      if (value < stem) lo = mid + 1;
      else hi = mid - 1;
    }
    return [];
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
    let lo = 0;
    let hi = this.facetKeys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const value = this.facetKeys[mid]!;
      if (value === key) {
        const reader = new VarintReader(this.facetPostings, this.facetOffsets[mid]!);
        const end = this.facetOffsets[mid + 1]!;
        let doc = -1;
        while (reader.at < end) marks[(doc += reader.next())]! += 1;
        return;
      }
      if (value < key) lo = mid + 1;
      else hi = mid - 1;
    }
  }

  /** Whether any of the document's day ranges overlaps [from, to]. */
  overlaps(doc: number, from: number, to: number): boolean {
    for (let i = this.dateOffsets[doc]!; i < this.dateOffsets[doc + 1]!; i += 2) {
      if (this.dates[i + 1]! >= from && this.dates[i]! <= to) return true;
    }
    return false;
  }
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
  // cease-fire also matches "cease fire" written apart.
  if (word.parts.length > 1) phraseOf(word.parts, WEIGHT.exact);
  const digits = word.spellings.some(hasDigit);
  if (!digits) for (const s of word.spellings) for (const t of index.sameStem(stemOf(s))) add(t, WEIGHT.stem);
  if (forExclusion) return;
  const names = index.otherNames(word.spellings);
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
    else if (term.words.length === 1)
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

function evaluate(index: CompactIndex, plan: ClausePlan): ClauseScores {
  const scores = new ClauseScores(index.n);
  for (const e of plan.expansions) index.scoreTerm(e.term, e.weight, scores);
  for (const p of plan.phrases) index.scorePhrase(p, scores);
  return scores;
}

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

function search(index: CompactIndex, query: ParsedQuery, filters: SearchFilters): SearchResults {
  const n = index.n;
  const plans = query.clauses.map((clause) => planClause(index, clause));
  const clauses = plans.map((plan) => evaluate(index, plan));

  // Which documents the filters let through: kind, facets (each counted), dates, exclusions.
  const served =
    filters.kinds.size === 0 ? (Object.keys(SERVED) as SearchKind[]) : [...filters.kinds].filter((k) => k in SERVED);
  const kindAllowed = KINDS.map((k) => (served as IndexedKind[]).includes(k));
  const facets = [
    filters.documentId === undefined ? undefined : `d:${filters.documentId}`,
    filters.speakerId === undefined ? undefined : `s:${filters.speakerId}`,
    filters.aboutId === undefined ? undefined : `a:${filters.aboutId}`,
  ].filter((f): f is string => f !== undefined);
  let facetMarks: Uint8Array | undefined;
  if (facets.length > 0) {
    facetMarks = new Uint8Array(n);
    for (const facet of facets) index.facet(facet, facetMarks);
  }
  const dated = filters.fromDay !== undefined || filters.toDay !== undefined;
  const from = filters.fromDay === undefined ? 0 : dayNumber(filters.fromDay);
  const to = filters.toDay === undefined ? 99_999_999 : dayNumber(filters.toDay);
  let excluded: Uint8Array | undefined;
  if (query.excluded.length > 0) {
    excluded = new Uint8Array(n);
    const scores = evaluate(index, planClause(index, query.excluded, true));
    for (const doc of scores.touched) excluded[doc] = 1;
  }

  // Per document: clauses matched, clauses matched exactly, clauses matched in a name field, summed score.
  const matched = new Uint8Array(n);
  const named = new Uint8Array(n);
  const exact = new Uint8Array(n);
  const raw = new Float64Array(n);
  const seen: number[] = [];
  for (const clause of clauses) {
    for (const doc of clause.touched) {
      if (matched[doc] === 0) seen.push(doc);
      const flags = clause.flags[doc]!;
      matched[doc]! += 1;
      if (flags & NAMED) named[doc]! += 1;
      if (flags & EXACT) exact[doc]! += 1;
      raw[doc]! += clause.score[doc]!;
    }
  }
  // Every clause must match; near misses (all but one clause) follow the full matches.
  const required = Math.max(1, clauses.length - 1);
  const hits = new Int32Array(seen.length);
  let count = 0;
  const rank = new Float64Array(n);
  for (const doc of seen) {
    if (matched[doc]! < required || !kindAllowed[index.kindCode(doc)]) continue;
    if (excluded !== undefined && excluded[doc] === 1) continue;
    if (facetMarks !== undefined && facetMarks[doc] !== facets.length) continue;
    if (dated && !index.overlaps(doc, from, to)) continue;
    // The query names this entity: every clause it matched, it matched in its name or aliases.
    const entity = ENTITY_KINDS.has(index.kindOf(doc));
    const namesIt = entity && named[doc] === matched[doc] ? 1 : 0;
    // An entity the query does not name, found through words of its description, is weaker evidence than the
    // event or claim that has the same words (a city's description mentions what happened there).
    const plainMatch = entity && namesIt === 0 ? 0 : 1;
    // A single word as typed outranks its other forms (peacekeepers above peacekeeping). With several words the
    // expansion weights decide instead: as a tier, long articles that have every word as typed would bury the
    // claim that says the same with one word in another form (tuned on the relevance set).
    const exactTier = clauses.length === 1 ? exact[doc]! : 0;
    const tier = ((Math.min(matched[doc]!, 31) * 2 + namesIt) * 2 + plainMatch) * 2 + exactTier;
    rank[doc] = tier + raw[doc]! / (raw[doc]! + 1);
    hits[count++] = doc;
  }
  const candidates = hits.subarray(0, count);
  const better = (a: number, b: number) => rank[a]! > rank[b]! || (rank[a] === rank[b] && a < b);
  const highlight = highlightTerms(index, plans);
  let sorted: number[] | undefined;
  return {
    total: count,
    page(offset, size) {
      const limit = Math.min(count, offset + size);
      if (sorted === undefined || sorted.length < limit) {
        sorted =
          limit * 4 >= count
            ? [...candidates].sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0))
            : topK(candidates, limit, better);
      }
      return sorted
        .slice(offset, limit)
        .map((doc): SearchMatch => ({ kind: index.kindOf(doc), id: index.idOf(doc), score: rank[doc]!, highlight }));
    },
  };
}

export function loadSearchIndex(stored: StoredSearchIndex): SearchIndex {
  const index = new CompactIndex(stored.body);
  return {
    hash: stored.hash,
    search: (query, filters) =>
      query.clauses.length === 0 ? { total: 0, page: () => [] } : search(index, query, filters),
  };
}
