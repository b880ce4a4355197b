/**
 * Reading a stored search index by byte range: the first read (the head and
 * whatever follows it) is kept and serves every later range inside it; other
 * ranges are read in rounds of parallel requests, ranges close to each other
 * merged into one request. Counts what it reads, for the logs and the bench.
 */

/** Bytes `start` to `end` (exclusive) of the stored object. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Reads each range (in parallel: one round), or undefined when the object
 * does not exist. A range past the end of the object returns what there is.
 */
export type ReadRanges = (ranges: readonly ByteRange[]) => Promise<Uint8Array[] | undefined>;

/** What a reader has read: rounds of requests one after the other, requests, bytes. */
export interface ReadStats {
  rounds: number;
  requests: number;
  bytes: number;
}

/** Ranges closer than this are read as one request: a request costs more than a few KB more of the same stream. */
const MERGE_GAP = 16 * 1024;

function merge(ranges: readonly ByteRange[]): ByteRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const out: ByteRange[] = [];
  for (const r of sorted) {
    const last = out.at(-1);
    if (last !== undefined && r.start <= last.end + MERGE_GAP) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

export class RangeReader {
  readonly stats: ReadStats = { rounds: 0, requests: 0, bytes: 0 };
  private first: Uint8Array = new Uint8Array(0);

  constructor(private readonly read: ReadRanges) {}

  /** The first round: the object's first `bytes` (all of it when it is shorter); undefined when there is no object. */
  async open(bytes: number): Promise<Uint8Array | undefined> {
    const got = await this.round([{ start: 0, end: bytes }]);
    if (got === undefined) return undefined;
    this.first = got[0]!;
    return this.first;
  }

  /** The ranges' bytes, in one round of requests (none when the first read holds them all). */
  async fetch(ranges: readonly ByteRange[]): Promise<Uint8Array[]> {
    const held = (r: ByteRange) => r.end <= this.first.byteLength || r.end <= r.start;
    const merged = merge(ranges.filter((r) => !held(r)));
    const bodies = merged.length === 0 ? [] : await this.round(merged);
    if (bodies === undefined) throw new Error('search index object disappeared while it was read');
    return ranges.map((r) => {
      if (r.end <= r.start) return new Uint8Array(0);
      if (held(r)) return this.first.subarray(r.start, r.end);
      const i = merged.findIndex((m) => m.start <= r.start && r.end <= m.end);
      const body = bodies[i]!;
      if (body.byteLength < r.end - merged[i]!.start) throw new Error('search index object shorter than its head says');
      const piece = body.subarray(r.start - merged[i]!.start, r.end - merged[i]!.start);
      // A piece of a longer request is copied, so what is cached holds only its own bytes.
      return piece.byteLength === body.byteLength ? piece : piece.slice();
    });
  }

  private async round(ranges: readonly ByteRange[]): Promise<Uint8Array[] | undefined> {
    this.stats.rounds += 1;
    this.stats.requests += ranges.length;
    const got = await this.read(ranges);
    for (const body of got ?? []) this.stats.bytes += body.byteLength;
    return got;
  }
}

/** A reader over bytes already in memory (a freshly built index, a test's). */
export const memoryRanges =
  (body: Uint8Array): ReadRanges =>
  async (ranges) =>
    ranges.map((r) => body.subarray(r.start, Math.min(r.end, body.byteLength)));
