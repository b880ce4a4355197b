/**
 * The parts of a search index an instance has read, kept up to a byte budget:
 * the least recently used go first. A query holds the parts it uses itself
 * (QueryParts), so dropping one here never breaks a search under way.
 */

/** Bytes of parts kept per index: with the head and a query's working arrays, well inside the function's memory. */
const DEFAULT_BUDGET = 48 * 2 ** 20;

export class PartCache {
  private readonly entries = new Map<number, { value: unknown; bytes: number }>();
  private total = 0;

  constructor(private readonly budget = DEFAULT_BUDGET) {}

  has(key: number): boolean {
    return this.entries.has(key);
  }

  get(key: number): unknown {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    // Map order is use order: the first entry is the least recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: number, value: unknown, bytes: number): void {
    const old = this.entries.get(key);
    if (old !== undefined) this.total -= old.bytes;
    this.entries.delete(key);
    this.entries.set(key, { value, bytes });
    this.total += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.total <= this.budget || oldest === key) break;
      this.entries.delete(oldest);
      this.total -= entry.bytes;
    }
  }

  /** Bytes held. */
  get bytes(): number {
    return this.total;
  }
}
