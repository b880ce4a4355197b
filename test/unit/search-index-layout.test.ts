/**
 * The stored index's layout (format v5): a fixed prefix, a head a reader
 * parses alone, and regions it reads by byte range. Built from the seed
 * corpus's searchable items, read back through the reader the GraphQL
 * function uses, with an in-memory source that counts what it is asked.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { StoredSearchIndex } from '../../functions/data/stored-search-index.js';
import { CompactIndex } from '../../functions/search/compact-index.js';
import { PartCache } from '../../functions/search/part-cache.js';
import { memoryRanges, RangeReader, type ByteRange } from '../../functions/search/range-reader.js';
import { buildSearchIndex } from '../../functions/search/search-index-build.js';
import {
  IndexFormatError,
  packSections,
  PREFIX_BYTES,
  readPrefix,
  writePrefix,
} from '../../functions/search/search-index-format.js';
import { FORMAT_NUMBER, KIND_CODE, KINDS } from '../../functions/search/search-index-layout.js';
import { loadSearchIndex, openSearchIndex } from '../../functions/search/search-query.js';
import type { SearchableItem } from '../../functions/search/search-model.js';
import { relevanceCases, relevanceHits, seedSearchableItems } from '../../scripts/harness/search-relevance.js';

let items: SearchableItem[];
let stored: StoredSearchIndex;

beforeAll(async () => {
  items = await seedSearchableItems();
  stored = buildSearchIndex(items);
});

/** A source over the stored bytes that records every range it is asked for. */
function recordingSource(body: Uint8Array) {
  const asked: ByteRange[][] = [];
  const read = memoryRanges(body);
  return { asked, read: (ranges: readonly ByteRange[]) => (asked.push([...ranges]), read(ranges)) };
}

describe('the stored index', () => {
  it('starts with a prefix that gives the head, and its regions lie after the head, inside the object, apart', async () => {
    const { headBytes } = readPrefix(stored.body, FORMAT_NUMBER);
    expect(headBytes).toBeGreaterThan(PREFIX_BYTES);
    expect(headBytes).toBeLessThan(stored.body.byteLength);

    const index = (await CompactIndex.open(new RangeReader(memoryRanges(stored.body))))!;
    expect(index.headBytes).toBe(headBytes);
    const { postings, positions, facets, dates, ids } = index.meta.regions;
    const regions = [postings, positions, facets, dates, ids].sort((a, b) => a.offset - b.offset);
    let end = 0;
    for (const region of regions) {
      expect(region.offset).toBeGreaterThanOrEqual(end);
      end = region.offset + region.bytes;
    }
    expect(headBytes + end).toBe(stored.body.byteLength);
  });

  it('reads back every item: its number, kind and id in the order equal scores are listed', async () => {
    const index = (await CompactIndex.open(new RangeReader(memoryRanges(stored.body))))!;
    const expected = [...items].sort(
      (a, b) => KIND_CODE.get(a.kind)! - KIND_CODE.get(b.kind)! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    expect(index.n).toBe(items.length);
    const docs = expected.map((_, d) => d);
    expect(await index.ids(docs)).toEqual(expected.map((item) => item.id));
    expect(docs.map((d) => index.kindOf(d))).toEqual(expected.map((item) => item.kind));
    expect(index.meta.kindStarts).toHaveLength(KINDS.length + 1);
  });

  it('has a dictionary in code-unit order that finds the words of the items', async () => {
    const index = (await CompactIndex.open(new RangeReader(memoryRanges(stored.body))))!;
    const person = items.find((i) => i.kind === 'PERSON')!;
    const word = person.name.toLowerCase().split(/\s+/).at(-1)!;
    const term = index.termId(word);
    expect(term).toBeDefined();
    expect(index.termText(term!)).toBe(word);
    expect(index.documentFrequency[term!]).toBeGreaterThan(0);
    expect(index.withPrefix(word.slice(0, 3), 50)).toContain(term);
  });

  it('refuses an index of the format before ranged reads, another version, or other bytes, by name', async () => {
    // The v4 object was one packed blob: its first bytes are the packed sections' magic.
    const v4 = packSections({ format: 'search-index-v4' }, {});
    await expect(openSearchIndex('old', memoryRanges(v4))).rejects.toThrow(/format v4/);
    await expect(openSearchIndex('old', memoryRanges(v4))).rejects.toBeInstanceOf(IndexFormatError);
    const later = stored.body.slice();
    writePrefix(later, FORMAT_NUMBER + 1, readPrefix(stored.body, FORMAT_NUMBER).headBytes);
    await expect(openSearchIndex('later', memoryRanges(later))).rejects.toThrow(`v${FORMAT_NUMBER + 1}`);
    await expect(
      openSearchIndex('junk', memoryRanges(new TextEncoder().encode('not an index at all'))),
    ).rejects.toThrow(/not a search index/);
  });

  it('is undefined when there is no object', async () => {
    expect(await openSearchIndex('missing', async () => undefined)).toBeUndefined();
  });
});

describe('reading by range', () => {
  it('reads the head first, then each query’s parts in one round and each page’s ids in one more', async () => {
    const source = recordingSource(stored.body);
    const index = (await openSearchIndex(stored.hash, source.read))!;
    expect(source.asked).toHaveLength(1);
    expect(source.asked[0]![0]!.start).toBe(0);

    const [c] = await relevanceCases();
    await relevanceHits(index, c!);
    // Every round the reader counts is one call of the source (its requests in parallel).
    expect(index.reads.rounds).toBeLessThanOrEqual(3);
    expect(source.asked).toHaveLength(index.reads.rounds);
  });

  it('serves ranges inside the first read without a request, merges near ranges, and counts what it reads', async () => {
    const body = Uint8Array.from({ length: 100_000 }, (_, i) => i % 251);
    const source = recordingSource(body);
    const reader = new RangeReader(source.read);
    await reader.open(1000);
    const [inside] = await reader.fetch([{ start: 10, end: 20 }]);
    expect([...inside!]).toEqual([...body.subarray(10, 20)]);
    expect(source.asked).toHaveLength(1);

    const ranges = [
      { start: 50_000, end: 50_010 },
      { start: 5000, end: 5010 },
      { start: 5020, end: 5030 },
    ];
    const pieces = await reader.fetch(ranges);
    pieces.forEach((piece, i) => {
      expect([...piece]).toEqual([...body.subarray(ranges[i]!.start, ranges[i]!.end)]);
    });
    // Two requests in one round: 5000–5030 merged, 50 000 apart.
    expect(source.asked[1]).toEqual([
      { start: 5000, end: 5030 },
      { start: 50_000, end: 50_010 },
    ]);
    expect(reader.stats).toEqual({ rounds: 2, requests: 3, bytes: 1000 + 30 + 10 });
  });
});

describe('the part cache', () => {
  it('drops the least recently used parts beyond its budget', () => {
    const cache = new PartCache(100);
    cache.set(1, 'A', 40);
    cache.set(2, 'B', 40);
    expect(cache.get(1)).toBe('A');
    cache.set(3, 'C', 40);
    expect(cache.has(2)).toBe(false);
    expect(cache.has(1)).toBe(true);
    expect(cache.bytes).toBe(80);
  });

  it('gives the same results when it can hold next to nothing', async () => {
    const roomy = await loadSearchIndex(stored);
    const tight = await loadSearchIndex(stored, { cacheBytes: 1 });
    for (const c of await relevanceCases())
      expect(await relevanceHits(tight, c)).toEqual(await relevanceHits(roomy, c));
  });
});
