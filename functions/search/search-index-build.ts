/**
 * Building the search index: a compact inverted index over the entity items
 * the seed refresh wrote, serialized for a SearchIndexStore. The refresh runs
 * it; the GraphQL function only reads the result (compact-index.ts).
 * docs/search.md describes the format and the ranking.
 */
import { createHash } from 'node:crypto';
import type { StoredSearchIndex } from '../data/stored-search-index.js';
import { isDayRange, parsePartialDate } from '../shared/dates.js';
import { align, packSections, PREFIX_BYTES, VarintWriter, writePrefix } from './search-index-format.js';
import { cyrillicToLatin, words } from '../shared/text-normalization.js';
import {
  dateTerms,
  dayNumber,
  FACET_BLOCK_BYTES,
  FIELDS,
  FORMAT,
  FORMAT_NUMBER,
  IDS_PER_BLOCK,
  KIND_CODE,
  KINDS,
  type IndexField,
  type IndexMeta,
  type IndexRegions,
  type Region,
} from './search-index-layout.js';
import type { SearchableItem, SearchKind } from './search-model.js';
import { analyze, stemOf } from './text-analysis.js';

export type { SearchableItem } from './search-model.js';

/** Positions between alias entries, so a phrase never spans two aliases. */
const ALIAS_GAP = 16;

interface IndexedDoc {
  kind: SearchKind;
  id: string;
  fields: Partial<Record<IndexField, string | string[]>>;
  /** Filter values: `d:` document, `s:` speaker, `a:` about, `t:` topic. */
  facets: string[];
  /** Day ranges as YYYYMMDD numbers. */
  dates: [number, number][];
  /** The item's own dates as stated (partial), searchable by date (the `dates` field). */
  stated: string[];
}

function rangeOf(date: string | null | undefined): [number, number][] {
  if (date === null || date === undefined) return [];
  const range = parsePartialDate(date);
  return isDayRange(range) ? [[dayNumber(range.start), dayNumber(range.end)]] : [];
}

const optional = (field: IndexField, value: string | null): Partial<Record<IndexField, string>> =>
  value === null ? {} : { [field]: value };

/** What the items say about each other: an event's date, a document's publication date, a subject's names. */
interface Context {
  eventDates: ReadonlyMap<string, string>;
  published: ReadonlyMap<string, string | null>;
  names: ReadonlyMap<string, readonly string[]>;
}

/**
 * A name as searched: as written, plus its Latin spelling when it is in
 * Cyrillic (Институт РУССТРАТ → institut russtrat), so an outlet is found
 * however the reader types it; search transliterates Cyrillic queries the other way.
 */
function searchableName(name: string): string[] {
  const latin = words(name).map((w) => cyrillicToLatin(w.text, 1)[0] ?? w.text);
  const transliterated = latin.join(' ');
  return transliterated ===
    words(name)
      .map((w) => w.text)
      .join(' ')
    ? [name]
    : [name, transliterated];
}

const known = (dates: readonly (string | null | undefined)[]) =>
  dates.filter((d): d is string => d !== null && d !== undefined);

/**
 * What is indexed of one item, filters included. A claim's dates are those
 * of the events it is about (its document's publication date when it has
 * none); a document's is its publication date; an event's, its date.
 */
function indexedDoc(item: SearchableItem, context: Context): IndexedDoc {
  const { kind, id } = item;
  switch (item.kind) {
    case 'DOCUMENT': {
      const about = [...item.personIds, ...item.organizationIds, ...item.placeIds].map((a) => `a:${a}`);
      const authors = item.authors?.map((a) => a.name) ?? item.authorIds.flatMap((a) => context.names.get(a) ?? []);
      const attribution = [...(item.publisher === null ? [] : searchableName(item.publisher)), ...authors];
      const fields = { title: item.title, documentText: item.text, attribution };
      const stated = known([item.publishedOn]);
      return { kind, id, fields, facets: [`d:${id}`, ...about], dates: rangeOf(item.publishedOn), stated };
    }
    case 'PERSON':
    case 'ORGANIZATION':
    case 'PLACE': {
      const fields = { name: item.name, aliases: item.aliases, ...optional('description', item.description) };
      const documents = item.kind === 'PERSON' ? [...new Set([...item.mentionedInIds, ...item.authoredIds])] : [];
      return { kind, id, fields, facets: documents.map((d) => `d:${d}`), dates: [], stated: [] };
    }
    case 'EVENT': {
      const fields = { title: item.title, aliases: item.aliases, ...optional('description', item.description) };
      const facets = [
        ...item.documentIds.map((d) => `d:${d}`),
        ...[...item.participantIds, ...item.placeIds].map((a) => `a:${a}`),
        ...(item.topicIds ?? []).map((t) => `t:${t}`),
      ];
      return { kind, id, fields, facets, dates: rangeOf(item.date), stated: [item.date] };
    }
    case 'CLAIM': {
      const eventDates = known(item.eventIds.map((e) => context.eventDates.get(e)));
      const dates = eventDates.flatMap(rangeOf);
      const speaker = item.speakerId === undefined ? [] : (context.names.get(item.speakerId) ?? []);
      const facets = [
        `d:${item.documentId}`,
        ...(item.speakerId === undefined ? [] : [`s:${item.speakerId}`]),
        ...item.aboutIds.map((a) => `a:${a}`),
        ...(item.topicIds ?? []).map((t) => `t:${t}`),
      ];
      const fields = { claimText: item.text, quote: item.quote, attribution: [...speaker] };
      return {
        kind,
        id,
        fields,
        facets,
        // When it speaks of no dated event: when it was said, else when its document was published.
        dates: dates.length > 0 ? dates : rangeOf(item.statedOn ?? context.published.get(item.documentId)),
        stated: [...new Set(known([item.statedOn, ...eventDates]))],
      };
    }
  }
}

/** Every item as indexed, numbered in the order equal scores are listed: kind, then id. */
function indexedDocs(items: readonly SearchableItem[]): IndexedDoc[] {
  const context = {
    eventDates: new Map<string, string>(),
    published: new Map<string, string | null>(),
    names: new Map<string, string[]>(),
  };
  for (const item of items) {
    if (item.kind === 'EVENT') context.eventDates.set(item.id, item.date);
    if (item.kind === 'DOCUMENT') context.published.set(item.id, item.publishedOn);
    if (item.kind === 'PERSON' || item.kind === 'ORGANIZATION' || item.kind === 'PLACE')
      context.names.set(item.id, [item.name]);
  }
  return items
    .map((item) => indexedDoc(item, context))
    .sort((a, b) => KIND_CODE.get(a.kind)! - KIND_CODE.get(b.kind)! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
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

/**
 * Per term (by first appearance), its postings (document deltas, then per
 * field: field, term frequency, the field's length) and apart from them its
 * positions (per document: their byte length, then per field its position
 * deltas), which only phrases read.
 */
class PostingsBuilder {
  readonly termIds = new Map<string, number>();
  readonly postings: VarintWriter[] = [];
  readonly positions: VarintWriter[] = [];
  readonly df: number[] = [];
  private readonly lastDoc: number[] = [];
  private readonly docPositions = new VarintWriter();

  termId(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.postings.length;
      this.termIds.set(term, id);
      this.postings.push(new VarintWriter());
      this.positions.push(new VarintWriter());
      this.lastDoc.push(-1);
      this.df.push(0);
    }
    return id;
  }

  /** One document's occurrences of a term: per field (in field order), its positions; `length(field)` its length. */
  add(
    doc: number,
    id: number,
    entries: readonly { field: number; positions: number[] }[],
    length: (field: number) => number,
  ): void {
    const out = this.postings[id]!;
    const at = this.positions[id]!;
    out.write(doc - this.lastDoc[id]!);
    this.lastDoc[id] = doc;
    this.df[id]! += 1;
    out.write(entries.length);
    this.docPositions.length = 0;
    for (const { field, positions } of entries) {
      positions.sort((a, b) => a - b);
      out.write(field);
      out.write(positions.length);
      out.write(length(field));
      let previous = 0;
      for (const p of positions) {
        this.docPositions.write(p - previous);
        previous = p;
      }
    }
    // The document's positions, after their byte length: a phrase skips a document it has ruled out in one step.
    at.write(this.docPositions.length);
    at.append(this.docPositions);
  }
}

/** Field lengths (in positions) of every document, and the sums and counts their averages come from. */
interface FieldLengths {
  lengths: Uint16Array;
  sums: number[];
  counts: number[];
}

/** Analyzes one document's fields into its postings, and records the field lengths. */
function indexDocument(doc: IndexedDoc, d: number, postings: PostingsBuilder, lengths: FieldLengths): void {
  // term → per field (in field order): positions.
  const local = new Map<number, { field: number; positions: number[] }[]>();
  const datesField = FIELDS.indexOf('dates');
  FIELDS.forEach((field, f) => {
    const value = field === 'dates' ? doc.stated : doc.fields[field];
    if (value === undefined || value.length === 0) return;
    let position = 0;
    let length = 0;
    for (const text of typeof value === 'string' ? [value] : value) {
      // A date's terms (year, month, day) share one position: a field of n dates has length n.
      const { tokens, next } =
        f === datesField
          ? { tokens: dateTerms(text).map((term) => ({ term, position })), next: position + 1 }
          : analyze(text, position);
      length += next - position;
      position = next + ALIAS_GAP;
      for (const token of tokens) {
        const id = postings.termId(token.term);
        let entries = local.get(id);
        if (entries === undefined) local.set(id, (entries = []));
        let entry = entries.at(-1);
        if (entry?.field !== f) entries.push((entry = { field: f, positions: [] }));
        entry.positions.push(token.position);
      }
    }
    lengths.lengths[d * FIELDS.length + f] = Math.min(length, 0xffff);
    lengths.sums[f]! += length;
    lengths.counts[f]! += 1;
  });
  const length = (f: number) => lengths.lengths[d * FIELDS.length + f]!;
  for (const [id, entries] of local) postings.add(d, id, entries, length);
}

/**
 * The vocabulary in code-unit order, so a lookup is a binary search and a
 * prefix a contiguous range; the stems, each with its terms (as offsets into
 * one member list); the postings and positions regions in vocabulary order,
 * with each term's start in both.
 */
function vocabularySections(postings: PostingsBuilder) {
  const vocabulary = [...postings.termIds.keys()].sort();
  const allPostings = new VarintWriter();
  const allPositions = new VarintWriter();
  const postingStarts = new Uint32Array(vocabulary.length + 1);
  const positionStarts = new Uint32Array(vocabulary.length + 1);
  const documentFrequency = new Uint32Array(vocabulary.length);
  const stemOfTerm = vocabulary.map(stemOf);
  const stems = [...new Set(stemOfTerm)].sort();
  const stemIds = new Map(stems.map((s, i) => [s, i]));
  const members: number[][] = stems.map(() => []);
  vocabulary.forEach((term, t) => {
    const id = postings.termIds.get(term)!;
    postingStarts[t] = allPostings.length;
    positionStarts[t] = allPositions.length;
    allPostings.append(postings.postings[id]!);
    allPositions.append(postings.positions[id]!);
    documentFrequency[t] = postings.df[id]!;
    members[stemIds.get(stemOfTerm[t]!)!]!.push(t);
  });
  postingStarts[vocabulary.length] = allPostings.length;
  positionStarts[vocabulary.length] = allPositions.length;
  const stemOffsets = new Uint32Array(stems.length + 1);
  stemOffsets[stems.length] = members.reduce((sum, m, s) => ((stemOffsets[s] = sum), sum + m.length), 0);
  return {
    head: {
      terms: vocabulary.join('\n'),
      postingStarts,
      positionStarts,
      documentFrequency,
      stems: stems.join('\n'),
      stemOffsets,
      stemMembers: Uint32Array.from(members.flat()),
    },
    postings: allPostings.view(),
    positions: allPositions.view(),
  };
}

/**
 * The facets region: blocks of about FACET_BLOCK_BYTES, each a run of keys in
 * order, each key with its document list (deltas) inline, so a filter reads
 * one block; the head keeps each block's first key and start.
 */
function facetRegion(docs: readonly IndexedDoc[]) {
  const facetDocs = new Map<string, number[]>();
  docs.forEach((doc, d) => {
    for (const facet of new Set(doc.facets)) {
      let list = facetDocs.get(facet);
      if (list === undefined) facetDocs.set(facet, (list = []));
      list.push(d);
    }
  });
  const encoder = new TextEncoder();
  const out = new VarintWriter();
  const firstKeys: string[] = [];
  const starts: number[] = [];
  for (const key of [...facetDocs.keys()].sort()) {
    if (starts.length === 0 || out.length - starts.at(-1)! >= FACET_BLOCK_BYTES) {
      starts.push(out.length);
      firstKeys.push(key);
    }
    const keyBytes = encoder.encode(key);
    const list = facetDocs.get(key)!;
    out.write(keyBytes.byteLength);
    out.appendBytes(keyBytes);
    out.write(list.length);
    let previous = -1;
    for (const d of list) {
      out.write(d - previous);
      previous = d;
    }
  }
  starts.push(out.length);
  return {
    head: { facetFirstKeys: firstKeys.join('\n'), facetBlockStarts: Uint32Array.from(starts) },
    region: out.view(),
  };
}

/** The dates region: per document, the start of its day ranges (u32, docs + 1), then the ranges (i32 pairs). */
function dateRegion(docs: readonly IndexedDoc[]) {
  const dateOffsets = new Uint32Array(docs.length + 1);
  const dates = new Int32Array(docs.reduce((sum, doc) => sum + doc.dates.length * 2, 0));
  let at = 0;
  docs.forEach((doc, d) => {
    dateOffsets[d] = at;
    for (const [start, end] of doc.dates) {
      dates[at++] = start;
      dates[at++] = end;
    }
  });
  dateOffsets[docs.length] = at;
  const region = new Uint8Array(dateOffsets.byteLength + dates.byteLength);
  region.set(new Uint8Array(dateOffsets.buffer), 0);
  region.set(new Uint8Array(dates.buffer), dateOffsets.byteLength);
  return { region, dateOffsetsBytes: dateOffsets.byteLength };
}

/** The ids region: blocks of IDS_PER_BLOCK ids joined by line breaks; the head keeps each block's start. */
function idRegion(docs: readonly IndexedDoc[]) {
  const encoder = new TextEncoder();
  const out = new VarintWriter();
  const starts: number[] = [];
  for (let first = 0; first < docs.length; first += IDS_PER_BLOCK) {
    starts.push(out.length);
    const block = docs.slice(first, first + IDS_PER_BLOCK).map((doc) => doc.id);
    out.appendBytes(encoder.encode(block.join('\n')));
  }
  starts.push(out.length);
  return { head: { idBlockStarts: Uint32Array.from(starts) }, region: out.view() };
}

/** Where each region goes after the head, in the order a first query is likely to want the bytes after the head. */
function placeRegions(regions: Record<keyof IndexRegions, Uint8Array>): IndexRegions {
  let offset = 0;
  const place = (bytes: Uint8Array): Region => {
    const region = { offset, bytes: bytes.byteLength };
    offset = align(offset + bytes.byteLength);
    return region;
  };
  const { ids, facets, dates, postings, positions } = regions;
  return {
    ids: place(ids),
    facets: place(facets),
    dates: place(dates),
    postings: place(postings),
    positions: place(positions),
  };
}

/** The stored object: prefix, head, then the regions where the head says they are. */
function assemble(
  meta: Omit<IndexMeta, 'regions'>,
  head: Parameters<typeof packSections>[1],
  regions: Record<keyof IndexRegions, Uint8Array>,
): Uint8Array {
  const placed = placeRegions(regions);
  const packed = packSections({ ...meta, regions: placed } satisfies IndexMeta, head);
  const headBytes = align(PREFIX_BYTES + packed.byteLength);
  const names = Object.keys(placed) as (keyof IndexRegions)[];
  const end = Math.max(...names.map((name) => placed[name].offset + placed[name].bytes));
  const out = new Uint8Array(headBytes + end);
  writePrefix(out, FORMAT_NUMBER, headBytes);
  out.set(packed, PREFIX_BYTES);
  for (const name of names) out.set(regions[name], headBytes + placed[name].offset);
  return out;
}

export function buildSearchIndex(items: readonly SearchableItem[]): StoredSearchIndex {
  const docs = indexedDocs(items);
  const postings = new PostingsBuilder();
  const lengths: FieldLengths = {
    lengths: new Uint16Array(docs.length * FIELDS.length),
    sums: new Array<number>(FIELDS.length).fill(0),
    counts: new Array<number>(FIELDS.length).fill(0),
  };
  docs.forEach((doc, d) => {
    indexDocument(doc, d, postings, lengths);
  });
  const kindStarts = KINDS.map((kind) => docs.findIndex((doc) => KIND_CODE.get(doc.kind)! >= KIND_CODE.get(kind)!));
  const vocabulary = vocabularySections(postings);
  const facets = facetRegion(docs);
  const dates = dateRegion(docs);
  const ids = idRegion(docs);
  const meta = {
    format: FORMAT,
    docs: docs.length,
    fields: FIELDS,
    averageLengths: lengths.sums.map((sum, f) => (lengths.counts[f]! === 0 ? 1 : sum / lengths.counts[f]!)),
    nameGroups: nameGroups(items),
    kindStarts: [...kindStarts.map((start) => (start === -1 ? docs.length : start)), docs.length],
    dateOffsetsBytes: dates.dateOffsetsBytes,
  };
  const body = assemble(
    meta,
    { ...vocabulary.head, ...facets.head, ...ids.head },
    {
      postings: vocabulary.postings,
      positions: vocabulary.positions,
      facets: facets.region,
      dates: dates.region,
      ids: ids.region,
    },
  );
  return { hash: searchIndexHash(items), body };
}
