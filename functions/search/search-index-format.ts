/**
 * The byte layout of the stored index. The object starts with a fixed prefix
 * that says how long its head is; the head is a packed set of sections (a
 * small JSON header followed by typed arrays and strings, each 8-byte
 * aligned, so loading is a view per section plus a few string decodes); the
 * regions a query fetches by byte range follow it (see IndexRegions in
 * search-index-layout.ts).
 *
 *   "KBSR" | u32 format number | u32 head bytes | u32 0 | packed head | pad | regions …
 *   packed: "KBSI" | u32 header length | header JSON (UTF-8) | pad | section | pad | section …
 */

const MAGIC = 'KBSI';
const PREFIX_MAGIC = 'KBSR';
/** Bytes of the fixed prefix. */
export const PREFIX_BYTES = 16;

/** A stored index this code cannot read (another format version): refused, never misread. */
export class IndexFormatError extends Error {
  override readonly name = 'IndexFormatError';
}

/** The fixed prefix of a stored index: its format number and the bytes of its head (prefix included, 8-aligned). */
export function writePrefix(out: Uint8Array, formatNumber: number, headBytes: number): void {
  out.set(new TextEncoder().encode(PREFIX_MAGIC), 0);
  const view = new DataView(out.buffer, out.byteOffset);
  view.setUint32(4, formatNumber, true);
  view.setUint32(8, headBytes, true);
}

/**
 * Reads the fixed prefix. An index in the format before ranged reads (v4, one
 * packed blob, "KBSI" first) and any other version are refused by name: a
 * refresh rebuilds the index of the current format under a new content hash.
 */
export function readPrefix(bytes: Uint8Array, expected: number): { headBytes: number } {
  const magic = new TextDecoder().decode(bytes.subarray(0, 4));
  if (magic === MAGIC)
    throw new IndexFormatError(
      `search index in format v4 (one whole-file blob): this code reads format v${expected}, fetched by byte range; the next seed refresh rebuilds the index`,
    );
  if (bytes.byteLength < PREFIX_BYTES || magic !== PREFIX_MAGIC)
    throw new IndexFormatError('not a search index (bad magic)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const formatNumber = view.getUint32(4, true);
  if (formatNumber !== expected)
    throw new IndexFormatError(
      `search index format v${formatNumber}, expected v${expected}: the next seed refresh rebuilds the index`,
    );
  return { headBytes: view.getUint32(8, true) };
}

type ArrayKind = 'u8' | 'u16' | 'u32' | 'i32' | 'f64';
type SectionValue = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array | string;

interface SectionEntry {
  name: string;
  type: ArrayKind | 'str';
  offset: number;
  bytes: number;
}

interface Header<M> {
  meta: M;
  sections: SectionEntry[];
}

const CONSTRUCTORS = {
  u8: Uint8Array,
  u16: Uint16Array,
  u32: Uint32Array,
  i32: Int32Array,
  f64: Float64Array,
} as const;

function typeOf(value: SectionValue): SectionEntry['type'] {
  if (typeof value === 'string') return 'str';
  if (value instanceof Uint8Array) return 'u8';
  if (value instanceof Uint16Array) return 'u16';
  if (value instanceof Uint32Array) return 'u32';
  if (value instanceof Int32Array) return 'i32';
  return 'f64';
}

export const align = (n: number) => (n + 7) & ~7;

export function packSections(meta: unknown, sections: Record<string, SectionValue>): Uint8Array {
  const encoder = new TextEncoder();
  const bodies = Object.entries(sections).map(([name, value]) => {
    const bytes =
      typeof value === 'string'
        ? encoder.encode(value)
        : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    return { name, type: typeOf(value), bytes };
  });
  // Offsets are relative to the end of the header, so the header can state them before its own length is known.
  let offset = 0;
  const entries: SectionEntry[] = bodies.map(({ name, type, bytes }) => {
    const entry = { name, type, offset, bytes: bytes.byteLength };
    offset = align(offset + bytes.byteLength);
    return entry;
  });
  const header = encoder.encode(JSON.stringify({ meta, sections: entries } satisfies Header<unknown>));
  const start = align(8 + header.byteLength);
  const out = new Uint8Array(start + offset);
  out.set(encoder.encode(MAGIC), 0);
  new DataView(out.buffer).setUint32(4, header.byteLength, true);
  out.set(header, 8);
  bodies.forEach(({ bytes }, i) => {
    out.set(bytes, start + entries[i]!.offset);
  });
  return out;
}

export interface UnpackedSections<M> {
  meta: M;
  array<K extends ArrayKind>(name: string, kind: K): InstanceType<(typeof CONSTRUCTORS)[K]>;
  string(name: string): string;
}

export function unpackSections<M>(body: Uint8Array): UnpackedSections<M> {
  // Typed views need aligned offsets: a body that does not start on an 8-byte boundary is copied once.
  const bytes = body.byteOffset % 8 === 0 ? body : body.slice();
  const decoder = new TextDecoder();
  if (bytes.byteLength < 8 || decoder.decode(bytes.subarray(0, 4)) !== MAGIC)
    throw new Error('not a search index (bad magic)');
  const headerBytes = new DataView(bytes.buffer, bytes.byteOffset).getUint32(4, true);
  const header = JSON.parse(decoder.decode(bytes.subarray(8, 8 + headerBytes))) as Header<M>;
  const start = align(8 + headerBytes);
  const entry = (name: string) => {
    const found = header.sections.find((s) => s.name === name);
    if (found === undefined) throw new Error(`search index has no section ${name}`);
    return found;
  };
  return {
    meta: header.meta,
    array(name, kind) {
      const { offset, bytes: length, type } = entry(name);
      if (type !== kind) throw new Error(`search index section ${name} is ${type}, not ${kind}`);
      const Constructor = CONSTRUCTORS[kind];
      // The body comes from a file or an S3 download, never from a SharedArrayBuffer.
      return new Constructor(
        bytes.buffer as ArrayBuffer,
        bytes.byteOffset + start + offset,
        length / Constructor.BYTES_PER_ELEMENT,
      ) as InstanceType<(typeof CONSTRUCTORS)[typeof kind]>;
    },
    string(name) {
      const { offset, bytes: length } = entry(name);
      return decoder.decode(bytes.subarray(start + offset, start + offset + length));
    },
  };
}

/** A growable byte buffer of unsigned LEB128 varints: postings are small deltas, mostly one byte each. */
export class VarintWriter {
  bytes = new Uint8Array(64);
  length = 0;

  private reserve(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.length + n) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  write(value: number): void {
    this.reserve(5);
    let v = value;
    while (v >= 0x80) {
      this.bytes[this.length++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.bytes[this.length++] = v;
  }

  append(other: VarintWriter): void {
    this.appendBytes(other.view());
  }

  appendBytes(bytes: Uint8Array): void {
    this.reserve(bytes.byteLength);
    this.bytes.set(bytes, this.length);
    this.length += bytes.byteLength;
  }

  view(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }
}

/** Reads unsigned LEB128 varints from a byte array. */
export class VarintReader {
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
